import { PolicyObject, Rule, RuleViolation, Severity } from '../types';
import { allContainers } from './containers';

export const hostNetworkPorts: Rule = {
  id: 'host-network-ports',
  severity: 'warning',
  severityReason: 'hostNetwork and hostPort in an application workload are very likely mistakes (one pod per node, policies bypassed); in a DaemonSet they are the usual design of node agents (info).',
  description: "Pods use neither hostNetwork nor hostPort: both bind the node's own interfaces and bypass NetworkPolicies.",
  fix: 'Expose the pods through a Service instead; for a deliberate case (an ingress controller on bare metal) add netkit.io/skip-host-network-ports with the reason.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // One pod per node is what a DaemonSet is for: node agents and bare-metal ingress controllers bind the node on purpose.
    const severityFor = (owner: PolicyObject): Severity => owner.kind === 'DaemonSet' ? 'info' : 'warning';
    for (const pod of context.podTemplates) {
      if (pod.spec.hostNetwork === true) out.push({ object: pod.owner, severity: severityFor(pod.owner), message: `${pod.specPath}.hostNetwork is true: the pods share the node's network namespace.` });
    }
    for (const { owner, container, path } of allContainers(context)) {
      (Array.isArray(container.ports) ? container.ports : []).forEach((p: any, i: number) => {
        // 0 (or null) means "no host port", as the API server reads it.
        if (p.hostPort !== undefined && p.hostPort !== null && p.hostPort !== 0) {
          out.push({ object: owner, severity: severityFor(owner), message: `${path}.ports[${i}].hostPort ${p.hostPort} binds the port on the node, so at most one such pod fits on each node.` });
        }
      });
    }
    return out;
  },
};
