import { isZeroPods } from '../../core/int-or-percent';
import { disruptionBudgetProblems } from '../../workload/disruption-budget';
import { PolicyContext } from '../context';
import { problemViolations } from '../engine';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { fewestPods } from './replicas';

export const pdbAllowsEviction: Rule = {
  id: 'pdb-allows-eviction',
  severity: 'warning',
  severityReason: 'Very likely a mistake: node drains and upgrades hang, though traffic flows.',
  crossObject: true,
  description: 'A PodDisruptionBudget lets at least one pod be evicted: not maxUnavailable 0, not minAvailable at or above the pods it covers (so node drains and upgrades can proceed).',
  fix: 'Use maxUnavailable: 1 (it never blocks a drain), or run more replicas than minAvailable.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const budgets = context.ofKind('PodDisruptionBudget');
    // Runs for every budget of every synth, mostly before V8 optimizes it: an indexed loop, and the pods a
    // budget covers are looked up only for a budget that can block (maxUnavailable 0 or a minAvailable),
    // since disruptionBudgetProblems reads them for minAvailable alone.
    for (let i = 0; i < budgets.length; i++) {
      const pdb = budgets[i];
      const spec = pdb.manifest.spec;
      // Stryker disable next-line ConditionalExpression: made false, equivalent: a shortcut, disruptionBudgetProblems finds nothing for such a budget.
      if (spec?.minAvailable === undefined && !isZeroPods(spec?.maxUnavailable)) continue;
      out.push(...problemViolations(pdb, disruptionBudgetProblems(spec, coveredPods(context, pdb))));
    }
    return out;
  },
};

/**
 * The fewest pods the budget covers: the workloads whose template labels match
 * its matchLabels. undefined when that cannot be known (matchExpressions, an
 * empty selector, a workload without a count, or no workload in the set).
 */
function coveredPods(context: PolicyContext, pdb: PolicyObject): number | undefined {
  const selector = pdb.manifest.spec?.selector;
  const matchLabels = selector?.matchLabels;
  if (!matchLabels || typeof matchLabels !== 'object' || selector.matchExpressions?.length) return undefined;
  // Stryker disable next-line StringLiteral: equivalent, the context gives every namespaced object a namespace ('default' when unset).
  const templates = context.podsMatching(pdb.namespace ?? 'default', matchLabels);
  if (templates.length === 0) return undefined;
  let total = 0;
  for (const t of templates) {
    const pods = fewestPods(context, t.owner);
    if (pods === undefined) return undefined;
    total += pods;
  }
  return total;
}
