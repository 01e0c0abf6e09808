import { ContainerRef } from '../context';
import { Rule, RuleViolation } from '../types';
import { visitContainerPorts } from './containers';

/** A port below 1024 (a null item throws, as it did: the rule then says it could not run). */
function privilegedPortViolation(out: RuleViolation[], ref: ContainerRef, port: any, index: number): void {
  const containerPort = port.containerPort;
  if (typeof containerPort === 'number' && containerPort < 1024) {
    out.push({ object: ref.owner, message: `${ref.path}.ports[${index}].containerPort ${containerPort} is a privileged port.` });
  }
}

export const privilegedPorts: Rule = {
  id: 'privileged-ports',
  severity: 'info',
  severityReason: 'Advice: a port below 1024 works, but needs root or NET_BIND_SERVICE.',
  description: 'Containers listen on ports 1024 and above, so they need no NET_BIND_SERVICE capability or root.',
  fix: 'Listen on a high port (8080) and map it with the Service port; if the port is required, record why with netkit.io/skip-privileged-ports.',
  check: (context) => visitContainerPorts(context, [], privilegedPortViolation),
};
