/**
 * Run-time check of props objects against their TypeScript interfaces.
 *
 * The type checker rejects an unknown prop, but an app synthesized without
 * one (a transpile-only register, plain JavaScript) would drop it silently:
 * `web.expose('svc', { port: 80, targetPort: 8080 })` wrote `targetPort: 80`.
 * The known keys come from the interfaces themselves, read by
 * scripts/gen-prop-shapes.ts into prop-shapes.generated.ts, so they never drift.
 */
import { IConstruct } from 'constructs';
import { closest } from '../policy/suggest';
import { NetkitError, Problem } from './errors';
import { PROP_SHAPES, PropShapeName } from './prop-shapes.generated';

export type { PropShapeName };

/** One props interface, as the generated table describes it. */
export interface PropShape {
  /** Every key the interface declares, inherited ones included. */
  readonly keys: readonly string[];
  /** Keys whose value is a nested props object or a list of them: the shape name of that object. */
  readonly nested: Readonly<Record<string, string>>;
}

const keySets = new Map<string, ReadonlySet<string>>();

function keySet(name: string): ReadonlySet<string> {
  let set = keySets.get(name);
  // Stryker disable next-line ConditionalExpression: equivalent, always building the set again gives the same keys (the map only saves the work).
  if (!set) {
    set = new Set(PROP_SHAPES[name as PropShapeName].keys);
    keySets.set(name, set);
  }
  return set;
}

/** Only object literals are props; class instances (a Probe, a Duration) carry members of their own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Where `key` is a known key one level down (`ports[]` for `targetPort` given beside `port`). */
function nestedHome(name: string, key: string): string | undefined {
  for (const [field, inner] of Object.entries(PROP_SHAPES[name as PropShapeName].nested)) {
    if (keySet(inner).has(key)) return field;
  }
  return undefined;
}

function unknownKeyProblem(name: string, field: string, key: string, value: unknown): Problem {
  const keys = PROP_SHAPES[name as PropShapeName].keys;
  const suggestion = closest(key, keys);
  // Stryker disable next-line ConditionalExpression: equivalent, the fix below prefers the suggestion, so a home looked up beside one is never read.
  const home = suggestion === undefined ? nestedHome(name, key) : undefined;
  let fix = 'remove it; it would be ignored.';
  if (suggestion !== undefined) fix = `did you mean \`${suggestion}\`?`;
  else if (home !== undefined) fix = `\`${key}\` is a prop of \`${home}\` (${PROP_SHAPES[name as PropShapeName].nested[home]}): move it inside \`${home}\`.`;
  return {
    field,
    message: `is not a prop of ${name}${suggestion !== undefined ? `; the closest one is \`${suggestion}\`` : ''}.`,
    value,
    allowed: keys.join(', '),
    fix,
  };
}

/**
 * The unknown keys in `props` and in its nested props objects, as problems
 * whose field is the path to the key (`ports[0].targetPot`).
 */
export function unknownPropProblems(shape: PropShapeName, props: unknown, path = ''): Problem[] {
  const problems: Problem[] = [];
  collect(shape, props, path, problems);
  return problems;
}

function collect(name: string, props: unknown, path: string, problems: Problem[]): void {
  if (!isPlainObject(props)) return;
  const known = keySet(name);
  const nested = PROP_SHAPES[name as PropShapeName].nested;
  for (const key of Object.keys(props)) {
    // The field's path is written only for a problem or a nested object (every construct checks its props).
    if (!known.has(key)) {
      problems.push(unknownKeyProblem(name, path ? `${path}.${key}` : key, key, props[key]));
      continue;
    }
    const inner = nested[key];
    if (inner === undefined) continue;
    const field = path ? `${path}.${key}` : key;
    const value = props[key];
    if (Array.isArray(value)) value.forEach((item, i) => collect(inner, item, `${field}[${i}]`, problems));
    else collect(inner, value, field, problems);
  }
}

/**
 * Throws a {@link NetkitError} naming `scope` when `props` (or a props object
 * nested in it) has a key its interface does not declare. Every public
 * construct and factory calls it first, with the name of its props interface.
 */
export function checkProps(scope: IConstruct | string, shape: PropShapeName, props: unknown): void {
  const problems = unknownPropProblems(shape, props);
  if (problems.length > 0) throw new NetkitError(scope, problems);
}
