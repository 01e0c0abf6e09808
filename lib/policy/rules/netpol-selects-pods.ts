import { Rule, RuleViolation } from '../types';
import { netpolView } from '../../isolation/netpol-view';

export const netpolSelectsPods: Rule = {
  id: 'netpol-selects-pods',
  severity: 'warning',
  severityReason: 'Very likely a mistake: a NetworkPolicy whose podSelector selects no pod isolates and allows nothing (info when the input holds no workload in its namespace to judge by).',
  crossObject: true,
  description: "A NetworkPolicy's spec.podSelector selects the pod template of at least one workload in its namespace.",
  fix: "Make spec.podSelector match the workload's pod template labels, or move the policy to the workload's namespace.",
  check: (context) => {
    const view = netpolView(context);
    if (!view) return [];
    const out: RuleViolation[] = [];
    for (const policy of context.ofKind('NetworkPolicy')) {
      const namespace = policy.namespace ?? 'default';
      const selector = policy.manifest.spec?.podSelector;
      const templates = view.templatesIn(namespace);
      if (templates.length === 0) {
        out.push({
          object: policy, severity: 'info',
          message: `cannot judge spec.podSelector ${JSON.stringify(selector ?? {})}: these manifests hold no workload in namespace "${namespace}".`,
          fix: 'Check these manifests together with the workloads to have the selector checked.',
        });
        continue;
      }
      if (view.selectedBy(namespace, selector).length > 0) continue;
      out.push({
        object: policy,
        message: `spec.podSelector ${JSON.stringify(selector ?? {})} selects no pod template in namespace "${namespace}" (its workloads: ${templates.slice(0, 5).map((t) => `${t.owner.kind} ${t.owner.name} ${JSON.stringify(t.labels)}`).join(', ')}${templates.length > 5 ? ', …' : ''}), so the policy isolates and allows nothing.`,
      });
    }
    return out;
  },
};
