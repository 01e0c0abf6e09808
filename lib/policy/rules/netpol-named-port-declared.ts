import { compileLabelSelector } from '../../isolation/selectors';
import { PodTemplate } from '../context';
import { Rule, RuleViolation } from '../types';
import { netpolView, NetpolView } from '../../isolation/netpol-view';

const list = (value: unknown): any[] => (Array.isArray(value) ? value : []);

/** The pod templates a rule's `to` peers select among those in the input (every template when `to` is missing or empty). */
function destinationsOf(view: NetpolView, allTemplates: readonly PodTemplate[], policyNamespace: string, peers: any[]): PodTemplate[] {
  if (peers.length === 0) return [...allTemplates];
  return allTemplates.filter((t) => peers.some((peer) => {
    if (!peer || peer.ipBlock) return false;
    if (peer.namespaceSelector) {
      if (!compileLabelSelector(peer.namespaceSelector)(view.index.labelsOfNamespace(t.namespace))) return false;
    } else if (t.namespace !== policyNamespace) {
      return false;
    }
    return compileLabelSelector(peer.podSelector)(t.labels);
  }));
}

export const netpolNamedPortDeclared: Rule = {
  id: 'netpol-named-port-declared',
  severity: 'error',
  severityReason: 'Traffic cannot flow as written: a named port no destination pod declares never matches, so the traffic the rule means to allow stays blocked (warning for egress, whose destinations may lie outside the input).',
  crossObject: true,
  description: 'A named port in a NetworkPolicy rule is declared (name and protocol) by a container of the pods it applies to: the selected pods for ingress, the peer pods for egress.',
  fix: 'Use the port name the containers declare (containers[].ports[].name), or the port number.',
  check: (context) => {
    const view = netpolView(context);
    if (!view) return [];
    const out: RuleViolation[] = [];
    for (const policy of context.ofKind('NetworkPolicy')) {
      const namespace = policy.namespace ?? 'default';
      const spec = policy.manifest.spec ?? {};
      const selected = view.selectedBy(namespace, spec.podSelector);
      const judge = (direction: 'ingress' | 'egress', destinations: readonly PodTemplate[], ports: unknown, field: string) => {
        if (destinations.length === 0) return; // Nothing in the input to judge by (netpol-selects-pods reports an empty selection).
        list(ports).forEach((entry: any, j: number) => {
          if (typeof entry?.port !== 'string' || /^\d+$/.test(entry.port)) return;
          const protocol = entry.protocol ?? 'TCP';
          const declares = (t: PodTemplate) => view.endpointOf(t).containerPorts?.some((p) => p.name === entry.port && (p.protocol ?? 'TCP') === protocol);
          if (destinations.some(declares)) return;
          const who = destinations.slice(0, 3).map((t) => `${t.owner.kind} ${t.namespace}/${t.owner.name}`).join(', ') + (destinations.length > 3 ? ', …' : '');
          out.push({
            object: policy,
            severity: direction === 'ingress' ? 'error' : 'warning',
            message: `${field}.ports[${j}].port "${entry.port}"/${protocol} is declared by none of the pods it applies to (${who}), so this rule never allows traffic on it.`,
          });
        });
      };
      list(spec.ingress).forEach((rule: any, i: number) => judge('ingress', selected, rule?.ports, `spec.ingress[${i}]`));
      list(spec.egress).forEach((rule: any, i: number) => {
        if (!list(rule?.ports).some((p: any) => typeof p?.port === 'string')) return;
        judge('egress', destinationsOf(view, context.podTemplates, namespace, list(rule?.to)), rule?.ports, `spec.egress[${i}]`);
      });
    }
    return out;
  },
};
