import { ContainerRef } from '../context';
import { PolicyObject, Rule, RuleViolation, Severity } from '../types';
import { visitContainerPorts } from './containers';

/** One pod per node is what a DaemonSet is for: node agents and bare-metal ingress controllers bind the node on purpose. */
const severityFor = (owner: PolicyObject): Severity => owner.kind === 'DaemonSet' ? 'info' : 'warning';

/** A host port; 0 (or null) means "no host port", as the API server reads it (a null item throws, as it did: the rule then says it could not run). */
function hostPortViolation(out: RuleViolation[], ref: ContainerRef, port: any, index: number): void {
  const hostPort = port.hostPort;
  if (hostPort !== undefined && hostPort !== null && hostPort !== 0) {
    out.push({ object: ref.owner, severity: severityFor(ref.owner), message: `${ref.path}.ports[${index}].hostPort ${hostPort} binds the port on the node, so at most one such pod fits on each node.` });
  }
}

export const hostNetworkPorts: Rule = {
  id: 'host-network-ports',
  severity: 'warning',
  severityReason: 'hostNetwork and hostPort in an application workload are very likely mistakes (one pod per node, policies bypassed); in a DaemonSet they are the usual design of node agents (info).',
  description: "Pods use neither hostNetwork nor hostPort: both bind the node's own interfaces and bypass NetworkPolicies.",
  fix: 'Expose the pods through a Service instead; for a deliberate case (an ingress controller on bare metal) add netkit.io/skip-host-network-ports with the reason.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Indexed loops, no iterator, destructuring or closure per pod or container: runs for every pod template of every synth, mostly before V8 optimizes it.
    const templates = context.podTemplates;
    for (let t = 0; t < templates.length; t++) {
      const pod = templates[t];
      if (pod.spec.hostNetwork === true) out.push({ object: pod.owner, severity: severityFor(pod.owner), message: `${pod.specPath}.hostNetwork is true: the pods share the node's network namespace.` });
    }
    return visitContainerPorts(context, out, hostPortViolation);
  },
};
