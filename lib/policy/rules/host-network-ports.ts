import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

export const hostNetworkPorts: Rule = {
  id: 'host-network-ports',
  severity: 'error',
  description: "Pods use neither hostNetwork nor hostPort: both bind the node's own interfaces and bypass NetworkPolicies.",
  fix: 'Expose the pods through a Service instead; for a deliberate case (an ingress controller on bare metal) add netkit.io/skip-host-network-ports with the reason.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const pod of context.podTemplates) {
      if (pod.spec.hostNetwork === true) out.push({ object: pod.owner, message: `${pod.specPath}.hostNetwork is true: the pods share the node's network namespace.` });
    }
    for (const { owner, container, path } of allContainers(context)) {
      (Array.isArray(container.ports) ? container.ports : []).forEach((p: any, i: number) => {
        if (p.hostPort !== undefined) out.push({ object: owner, message: `${path}.ports[${i}].hostPort ${p.hostPort} binds the port on the node.` });
      });
    }
    return out;
  },
};
