import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { NO_PROBLEMS, Problem } from '../core/errors';

/** How hard a WebApp's pods are spread over a topology (nodes or zones). */
export interface SpreadOptions {
  /**
   * `ScheduleAnyway` prefers an even spread but still places a pod when it
   * cannot be had (a full node, a one-node cluster); `DoNotSchedule` leaves the
   * pod Pending instead.
   * @default 'ScheduleAnyway'
   */
  readonly whenUnsatisfiable?: 'ScheduleAnyway' | 'DoNotSchedule';
  /**
   * The largest allowed difference in pod count between two nodes (or zones).
   * @default 1
   */
  readonly maxSkew?: number;
  /**
   * With DoNotSchedule: the number of domains the pods should be spread over;
   * while fewer exist, each holds at most maxSkew pods (the rest stay Pending,
   * which makes a cluster autoscaler add nodes in new zones).
   * @default - none
   */
  readonly minDomains?: number;
}

export const HOSTNAME_KEY = 'kubernetes.io/hostname';
export const ZONE_KEY = 'topology.kubernetes.io/zone';

/** The option values the API server accepts. */
export function spreadOptionProblems(field: string, options: SpreadOptions): Problem[] {
  const problems: Problem[] = [];
  for (const name of ['maxSkew', 'minDomains'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      problems.push({ field: `${field}.${name}`, message: 'must be a whole number of pods, at least 1.', value, allowed: '1 or more', fix: `set ${name} to 1 or more.` });
    }
  }
  if (options.minDomains !== undefined && options.whenUnsatisfiable !== 'DoNotSchedule') {
    problems.push({ field: `${field}.minDomains`, message: 'only applies with whenUnsatisfiable "DoNotSchedule"; the API server rejects it otherwise.', value: options.minDomains, fix: "add whenUnsatisfiable: 'DoNotSchedule' or drop minDomains." });
  }
  return problems;
}

/**
 * One constraint. A hard spread over nodes honours node taints
 * (nodeTaintsPolicy, beta from 1.26, GA in 1.33), so a cordoned node being
 * drained stops counting: otherwise it holds the fewest pods, and every
 * replacement pod would raise the skew elsewhere and stay Pending.
 */
export function spreadConstraint(topologyKey: string, options: SpreadOptions, selector: Readonly<Record<string, string>>, nodeTaintsPolicy: boolean): ITopologySpreadConstraint {
  const hard = options.whenUnsatisfiable === 'DoNotSchedule';
  return {
    maxSkew: options.maxSkew ?? 1,
    topologyKey,
    whenUnsatisfiable: options.whenUnsatisfiable ?? 'ScheduleAnyway',
    labelSelector: { matchLabels: { ...selector } },
    ...(options.minDomains !== undefined ? { minDomains: options.minDomains } : {}),
    ...(hard && nodeTaintsPolicy && topologyKey === HOSTNAME_KEY ? { nodeTaintsPolicy: 'Honor' } : {}),
  };
}

/**
 * Hard spread constraints that cannot do what they say with the pods the
 * workload runs (`fewestPods`: its replicas, or its autoscaler's minimum):
 * `minDomains` above the pod count (those pods can never fill that many
 * domains, and while the cluster has fewer, each holds maxSkew pods, so a
 * rollout's extra pod stays Pending), and a hard spread over nodes that counts
 * cordoned nodes (no `nodeTaintsPolicy: Honor`), which leaves the pods a drain
 * evicts Pending.
 */
export function spreadProblems(podSpec: any, fewestPods: number, specPath: string): readonly Problem[] {
  // Stryker disable next-line OptionalChaining: equivalent for every caller (the rule and WebApp pass a pod spec); kept for direct calls.
  const constraints = podSpec?.topologySpreadConstraints;
  if (!Array.isArray(constraints)) return NO_PROBLEMS;
  // An indexed loop, no closure, and a list only for a finding: the policy check asks this for every pod template of every synth.
  let problems: Problem[] | undefined;
  // Stryker disable next-line EqualityOperator: equivalent, constraints[length] is not `in` the list and is skipped below.
  for (let i = 0; i < constraints.length; i++) {
    // A hole in the list is skipped, as forEach skipped it.
    // Stryker disable next-line ConditionalExpression: equivalent, a hole reads as undefined, which is no DoNotSchedule constraint.
    if (!(i in constraints)) continue;
    const c = constraints[i];
    if (c?.whenUnsatisfiable !== 'DoNotSchedule') continue;
    const field = `${specPath}.topologySpreadConstraints[${i}]`;
    if (typeof c.minDomains === 'number' && c.minDomains > fewestPods) {
      (problems ??= []).push({
        field: `${field}.minDomains`,
        message: `asks for ${c.minDomains} ${c.topologyKey} domains, but only ${fewestPods} pod${fewestPods === 1 ? '' : 's'} run; while the cluster has fewer domains each holds at most maxSkew pods, so a rollout's extra pod stays Pending.`,
        value: c.minDomains, allowed: `at most ${fewestPods}`, fix: 'lower minDomains to the replica count, or run more replicas.',
      });
    }
    if (c.topologyKey === HOSTNAME_KEY && fewestPods > 1 && c.nodeTaintsPolicy !== 'Honor') {
      (problems ??= []).push({
        field: `${field}.nodeTaintsPolicy`,
        message: 'is not "Honor", so a cordoned node still counts as a domain: once a drain has evicted its pods it holds the fewest, and their replacements cannot go anywhere else without breaking maxSkew, so they stay Pending and the next drain is blocked.',
        value: c.nodeTaintsPolicy, allowed: '"Honor"', fix: "set nodeTaintsPolicy: 'Honor' (Kubernetes 1.26+), or use whenUnsatisfiable: 'ScheduleAnyway'.",
      });
    }
  }
  return problems ?? NO_PROBLEMS;
}
