import { Problem } from '../core/errors';
import { INT_OR_PERCENT_RULE, IntOrPercent, isIntOrPercent, isZeroPods, scaledPods } from '../core/int-or-percent';

/** How many of a WebApp's pods voluntary disruptions (node drains, upgrades, autoscaler scale-downs) may take at once. */
export interface DisruptionBudgetOptions {
  /**
   * Pods an eviction may leave unavailable: pods or a percentage (rounded up).
   * Counts down from the current pods, so it never blocks a drain, whatever
   * the replica count or the autoscaler does.
   * @default 1 (when minAvailable is not given)
   */
  readonly maxUnavailable?: IntOrPercent;
  /**
   * Pods that must stay available instead: pods or a percentage (rounded up).
   * Give either this or maxUnavailable. At or above the replica count it blocks
   * every drain.
   * @default - none (maxUnavailable is used)
   */
  readonly minAvailable?: IntOrPercent;
  /**
   * Whether pods that are running but not ready may be evicted even when the
   * budget is used up. `AlwaysAllow` lets a drain remove a crash-looping pod,
   * which serves no traffic anyway, instead of waiting on it forever.
   * Written only for Kubernetes 1.27+ (PDBUnhealthyPodEvictionPolicy beta there, GA in 1.31).
   * @default 'AlwaysAllow'
   */
  readonly unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

/** The option values: one of the two counts, each pods or a whole percentage. */
export function disruptionBudgetOptionProblems(options: DisruptionBudgetOptions): Problem[] {
  const problems: Problem[] = [];
  if (options.maxUnavailable !== undefined && options.minAvailable !== undefined) {
    problems.push({ field: 'disruptionBudget.minAvailable', message: 'and maxUnavailable are both set; the API server rejects that.', fix: 'give one of them (maxUnavailable: 1 is the safe choice).' });
  }
  for (const name of ['maxUnavailable', 'minAvailable'] as const) {
    if (options[name] !== undefined && !isIntOrPercent(options[name])) {
      problems.push({ field: `disruptionBudget.${name}`, message: 'is not a pod count.', value: options[name], allowed: INT_OR_PERCENT_RULE, fix: 'write e.g. 1 or "50%".' });
    }
  }
  return problems;
}

/**
 * A PodDisruptionBudget that lets no pod be evicted: `maxUnavailable` 0 (or
 * "0%"), or `minAvailable` that, rounded up as the disruption controller does,
 * is at least `expectedPods` (the fewest pods its workloads run; undefined
 * when unknown, then only "100%" is known to block). `kubectl drain`, node
 * upgrades and cluster-autoscaler scale-downs then wait forever.
 */
export function disruptionBudgetProblems(pdbSpec: any, expectedPods: number | undefined): Problem[] {
  if (isZeroPods(pdbSpec?.maxUnavailable)) {
    return [{
      field: 'spec.maxUnavailable', message: 'lets no pod be evicted, so every node drain and upgrade waits on it forever.',
      value: pdbSpec.maxUnavailable, allowed: 'at least 1 or "1%"', fix: 'set maxUnavailable: 1.',
    }];
  }
  const minAvailable = pdbSpec?.minAvailable;
  if (minAvailable === undefined) return [];
  const required = expectedPods !== undefined ? scaledPods(minAvailable, expectedPods, true) : undefined;
  const blocks = minAvailable === '100%' || (expectedPods !== undefined && expectedPods > 0 && required !== undefined && required >= expectedPods);
  if (!blocks) return [];
  const of = expectedPods !== undefined ? ` of the ${expectedPods} pod${expectedPods === 1 ? '' : 's'} it covers` : '';
  return [{
    field: 'spec.minAvailable', message: `keeps every pod${of} available, so no pod may be evicted and every node drain and upgrade waits on it forever.`,
    value: minAvailable, allowed: expectedPods !== undefined ? `fewer than ${expectedPods}` : 'less than "100%"', fix: 'use maxUnavailable: 1 instead (it never blocks a drain), or run more replicas than minAvailable.',
  }];
}
