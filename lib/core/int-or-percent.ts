/**
 * Kubernetes IntOrString fields that count pods (`maxUnavailable: 1`,
 * `maxSurge: '25%'`, `minAvailable: '50%'`), read the way the controllers read
 * them (k8s.io/apimachinery intstr.GetScaledValueFromIntOrPercent).
 */
export type IntOrPercent = number | string;

/** What a pod count may be: a whole number of pods or a whole percentage. */
export const INT_OR_PERCENT_RULE = 'a whole number of pods (0 or more) or a percentage such as "25%"';

/** A whole percentage, and a percentage of 0. Module constants: a pattern literal in a function body makes a RegExp object at each call, and these are asked for every Deployment and PodDisruptionBudget of every synth. */
const PERCENT = /^\d+%$/;
const ZERO_PERCENT = /^0+%$/;

/** True for a non-negative integer or a string of digits followed by `%`. */
export function isIntOrPercent(value: unknown): value is IntOrPercent {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0;
  return typeof value === 'string' && PERCENT.test(value);
}

/**
 * The number of pods `value` means out of `total`, rounding a percentage up or
 * down as the controller does (Deployments round maxSurge up and maxUnavailable
 * down; PodDisruptionBudgets round both up). undefined when `value` is not one.
 */
export function scaledPods(value: unknown, total: number, roundUp: boolean): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string' || !PERCENT.test(value)) return undefined;
  const exact = (Number(value.slice(0, -1)) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** True for `0` and `"0%"`: the value that allows no pod at all, whatever the total. */
export function isZeroPods(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && ZERO_PERCENT.test(value));
}
