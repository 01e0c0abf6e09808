import { Problem } from '../core/errors';
import { INT_OR_PERCENT_RULE, IntOrPercent, isIntOrPercent, isZeroPods, scaledPods } from '../core/int-or-percent';

/** How a Deployment replaces its pods when the template changes. */
export interface RollingUpdateOptions {
  /**
   * Extra pods started above the desired count while new pods come up: pods
   * or a percentage (rounded up, so `'25%'` is at least one pod).
   * @default '25%'
   */
  readonly maxSurge?: IntOrPercent;
  /**
   * Pods that may be unavailable during the rollout: pods or a percentage
   * (rounded down). 0 keeps every ready pod serving until its replacement is
   * ready, so the Services in front never lose capacity.
   * @default 0
   */
  readonly maxUnavailable?: IntOrPercent;
}

export const DEFAULT_ROLLING_UPDATE: Required<RollingUpdateOptions> = { maxSurge: '25%', maxUnavailable: 0 };

/** Kubernetes' own defaults, for Deployments that name none. */
const KUBERNETES_ROLLING_UPDATE = { maxSurge: '25%', maxUnavailable: '25%' };

/** The option values themselves: pods or whole percentages. */
export function rollingUpdateOptionProblems(options: RollingUpdateOptions): Problem[] {
  return (['maxSurge', 'maxUnavailable'] as const)
    .filter((name) => options[name] !== undefined && !isIntOrPercent(options[name]))
    .map((name) => ({ field: `rollingUpdate.${name}`, message: 'is not a pod count.', value: options[name], allowed: INT_OR_PERCENT_RULE, fix: 'write e.g. 1 or "25%".' }));
}

/**
 * What a RollingUpdate strategy gets wrong for the pods it replaces, read as
 * the Deployment controller reads it (surge rounded up, unavailable rounded
 * down, and one pod unavailable when both round to 0): both 0 (the API server
 * rejects it), or as many unavailable pods as there are replicas (every ready
 * pod can leave the Services at once). `replicas` is the fewest pods the
 * Deployment runs (the autoscaler's minimum when one owns it).
 */
export function rolloutProblems(deploymentSpec: any, replicas: number): Problem[] {
  const strategy = deploymentSpec?.strategy ?? {};
  // Recreate stops every pod first by design (e.g. for a ReadWriteOnce volume): a choice, not a slip.
  if (strategy.type === 'Recreate') return [];
  const rolling = { ...KUBERNETES_ROLLING_UPDATE, ...strategy.rollingUpdate };
  const field = 'spec.strategy.rollingUpdate.maxUnavailable';
  if (isZeroPods(rolling.maxSurge) && isZeroPods(rolling.maxUnavailable)) {
    return [{
      field, message: 'and maxSurge are both 0, so no pod could ever be replaced; the API server rejects that.',
      value: rolling.maxUnavailable, allowed: 'maxSurge or maxUnavailable above 0', fix: 'set maxSurge to 1 (or "25%") and keep maxUnavailable 0.',
    }];
  }
  if (replicas < 1) return [];
  const surge = scaledPods(rolling.maxSurge, replicas, true);
  let unavailable = scaledPods(rolling.maxUnavailable, replicas, false);
  if (surge === undefined || unavailable === undefined) return [];
  if (surge === 0 && unavailable === 0) unavailable = 1;
  if (unavailable < replicas) return [];
  return [{
    field,
    message: `lets ${unavailable} of ${replicas} pod${replicas === 1 ? '' : 's'} be unavailable at once, so a rollout can take every ready pod out of the Services in front.`,
    value: rolling.maxUnavailable,
    allowed: `fewer than ${replicas} pod${replicas === 1 ? '' : 's'}`,
    fix: 'set maxUnavailable to 0 and maxSurge to 1 (or "25%"): new pods start before old ones stop.',
  }];
}
