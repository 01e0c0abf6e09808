import { Rule, RuleViolation } from '../types';
import { netpolView } from '../../isolation/netpol-view';
import { operatorPodsNote } from './operator-pods';

export const netpolSelectsPods: Rule = {
  id: 'netpol-selects-pods',
  severity: 'warning',
  severityReason: 'Very likely a mistake: a NetworkPolicy whose podSelector selects no pod isolates and allows nothing (info when the input holds no workload in its namespace to judge by, or a custom resource carrying the labels, whose operator may create the pods).',
  crossObject: true,
  description: "A NetworkPolicy's spec.podSelector selects the pod template of at least one workload in its namespace.",
  fix: "Make spec.podSelector match the workload's pod template labels, or move the policy to the workload's namespace.",
  check: (context) => {
    const view = netpolView(context);
    // Stryker disable next-line ConditionalExpression: equivalent, there is no view only when the input holds no NetworkPolicy, so the loop below runs no iteration.
    if (!view) return [];
    const out: RuleViolation[] = [];
    for (const policy of context.ofKind('NetworkPolicy')) {
      // Stryker disable next-line StringLiteral: equivalent, the context gives every namespaced object a namespace ('default' when unset).
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
      // An operator (Prometheus, Alertmanager, a database cluster) creates the pods of a custom resource carrying these labels.
      // Stryker disable next-line OptionalChaining: equivalent, an unset podSelector selects every pod, so a policy without one never reaches this line.
      const matchLabels = selector?.matchLabels;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a selector that gets here selects no pod, so it has labels or expressions (an empty selector, or matchLabels without keys and no expressions, selects every pod; a number, `true` or `[]` as matchLabels too).
      const labelled = matchLabels && Object.keys(matchLabels).length > 0;
      const operatorNote = labelled && !selector.matchExpressions?.length
        ? operatorPodsNote(context, policy, namespace, 'spec.podSelector', selector, matchLabels) : undefined;
      if (operatorNote) {
        out.push(operatorNote);
        continue;
      }
      out.push({
        object: policy,
        message: `spec.podSelector ${JSON.stringify(selector ?? {})} selects no pod template in namespace "${namespace}" (its workloads: ${templates.slice(0, 5).map((t) => `${t.owner.kind} ${t.owner.name} ${JSON.stringify(t.labels)}`).join(', ')}${templates.length > 5 ? ', …' : ''}), so the policy isolates and allows nothing.`,
      });
    }
    return out;
  },
};
