import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

export const privilegedPorts: Rule = {
  id: 'privileged-ports',
  severity: 'info',
  severityReason: 'Advice: a port below 1024 works, but needs root or NET_BIND_SERVICE.',
  description: 'Containers listen on ports 1024 and above, so they need no NET_BIND_SERVICE capability or root.',
  fix: 'Listen on a high port (8080) and map it with the Service port; if the port is required, record why with netkit.io/skip-privileged-ports.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const { owner, container, path } of allContainers(context)) {
      (Array.isArray(container.ports) ? container.ports : []).forEach((p: any, i: number) => {
        if (typeof p.containerPort === 'number' && p.containerPort < 1024) {
          out.push({ object: owner, message: `${path}.ports[${i}].containerPort ${p.containerPort} is a privileged port.` });
        }
      });
    }
    return out;
  },
};
