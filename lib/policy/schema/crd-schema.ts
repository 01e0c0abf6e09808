/**
 * Validation of a custom resource against its CRD's structural
 * openAPIV3Schema, as the API server applies it before the CEL rules: types,
 * required fields, enums, patterns, lengths, bounds, item and property
 * counts, list-set and list-map uniqueness, and unknown fields (kubectl's
 * default strict field validation rejects them; without it they are dropped
 * silently). CEL (`x-kubernetes-validations`) is not evaluated here: the
 * per-kind problem functions implement those rules.
 */

import { hasOwn, NOT_A_PROPERTY, nodeOf, SchemaNode } from './crd-schema-node';

/** One violation: the field path (`spec.listeners[0].port`) and what is wrong. */
export interface CrdSchemaError {
  readonly path: string;
  readonly message: string;
}

const typeOf = (value: unknown): string => {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const show = (value: unknown) => JSON.stringify(value);

/** A field name, a list index, a map key ({ entry }), or the root's path (a string, the first step). */
type Step = string | number | { readonly entry: string };

/**
 * Where the walk is: steps[0] is the root's path, steps[1..depth) the steps
 * down to the value being walked. The walk visits every field of every
 * object checked (a 5,000-route app: ~150,000), so a value's path string is
 * built only for an error, and going one level down writes one step here
 * instead of making an object. One stack for every walk: a walk never starts
 * another one.
 */
const steps: Step[] = [];

/** The path of the value `depth` steps down (`spec.rules[0].matches`, `spec.options["a"]`), with `step` after it when given; '' at the root (or the prefix given). */
function pathOf(depth: number, step?: Step): string {
  let path = '';
  for (let i = 0; i < depth; i++) path = joined(path, steps[i]);
  return step === undefined ? path : joined(path, step);
}

function joined(base: string, step: Step): string {
  if (typeof step === 'number') return `${base}[${step}]`;
  if (typeof step === 'object') return `${base}[${show(step.entry)}]`;
  return base ? `${base}.${step}` : step;
}

/** The value's own path in messages: '(root)' for the root. */
const where = (depth: number) => pathOf(depth) || '(root)';

/** The errors of `value` against `schema`, found depth-first in field order. What is read of the schema is kept: it must not change afterwards. */
export function crdSchemaErrors(schema: any, value: unknown, path = ''): CrdSchemaError[] {
  const out: CrdSchemaError[] = [];
  pushCrdSchemaErrors(out, schema, value, path);
  return out;
}

/** {@link crdSchemaErrors}, pushed into `out`: a caller checking thousands of objects keeps one list for the clean ones. */
export function pushCrdSchemaErrors(out: CrdSchemaError[], schema: any, value: unknown, path = ''): void {
  steps[0] = path;
  walk(nodeOf(schema), value, 1, out);
}

/** Walks the value `depth` steps down (its path: steps[0..depth)). */
function walk(schema: SchemaNode | null, value: unknown, depth: number, out: CrdSchemaError[]): void {
  if (!schema || value === undefined) return;
  if (value === null) return nullError(schema, depth, out);
  // typeOf inlined, strings first: this runs for every field of every object checked, mostly before V8 optimizes it.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, typeOf answers 'string' for a string too
  const type = typeof value === 'string' ? 'string' : typeOf(value);
  if (schema.intOrString) {
    if (type !== 'integer' && type !== 'string') out.push({ path: where(depth), message: 'must be an integer or a string.' });
    return;
  }
  if (schema.type && !(schema.type === type || (schema.type === 'number' && type === 'integer'))) {
    out.push({ path: where(depth), message: `must be of type ${schema.type} (got ${type} ${show(value)}).` });
    return;
  }
  if (schema.enumValues && !schema.enumValues.includes(value)) out.push({ path: where(depth), message: `must be one of ${schema.enumValues.map(show).join(', ')} (got ${show(value)}).` });
  if (type === 'string') {
    const s = value as string;
    // Stryker disable next-line ConditionalExpression: counting the characters of every string finds the same (only slower)
    // A string of n UTF-16 units has at most n characters and at least ⌈n/2⌉ (a surrogate pair is one): they are
    // counted only when the units cannot tell (nearly never; this runs for every string of every object checked).
    // Strings this clears need no count; its mutants that clear fewer are equivalent (only slower), those that clear more are not.
    if (schema.hasLengths && !(s.length <= schema.maxUnits && (s.length + 1) >> 1 >= schema.minUnits)) {
      const length = characters(s);
      // (No test for undefined here: a comparison with undefined is false.)
      if (length > schema.maxLength) out.push({ path: where(depth), message: `must be at most ${schema.maxLength} characters long (it has ${length}).` });
      if (length < schema.minLength) out.push({ path: where(depth), message: `must be at least ${schema.minLength} characters long.` });
    }
    const re = schema.re;
    // The last string the pattern accepted is not tested again: thousands of routes in a row name the same listener ("https").
    // Made true, `s !== lastMatch` only tests the string again (an equivalent mutant, unmarked: `false` is not one).
    if (re && s !== schema.lastMatch) {
      if (re.test(s)) schema.lastMatch = s;
      else out.push({ path: where(depth), message: `${show(s)} does not match the pattern ${schema.pattern}.` });
    }
  } else if (type === 'integer' || type === 'number') {
    const n = value as number;
    // Stryker disable next-line ConditionalExpression: comparing every number with undefined bounds finds the same (only slower)
    if (!schema.hasBounds) return;
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? n >= schema.maximum : n > schema.maximum)) out.push({ path: where(depth), message: `must be ${schema.exclusiveMaximum ? 'less than' : 'at most'} ${schema.maximum} (got ${n}).` });
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum)) out.push({ path: where(depth), message: `must be ${schema.exclusiveMinimum ? 'greater than' : 'at least'} ${schema.minimum} (got ${n}).` });
  } else if (type === 'array') {
    arrayErrors(schema, value as unknown[], depth, out);
  } else if (type === 'object') {
    objectErrors(schema, value as Record<string, unknown>, depth, out);
  }
}

/**
 * A null value, as kube-apiserver 1.36.2 answered it (docs/api-server-proof.md "Null values"): a null list
 * item is refused on every path ("must be of type object"); a null field or map entry is dropped by create
 * and client-side apply but refused by server-side apply, unless the field has a default (dropped, then
 * defaulted) or is nullable. A null required field is reported by objectErrors as missing, and a null root
 * is no object at all.
 */
function nullError(schema: SchemaNode, depth: number, out: CrdSchemaError[]): void {
  if (depth === 1 || schema.nullAllowed) return;
  const expected = schema.intOrString ? 'be an integer or a string' : schema.type ? `be of type ${schema.type}` : 'not be null';
  const got = schema.intOrString || schema.type ? ' (got null)' : '';
  const why = typeof steps[depth - 1] === 'number'
    ? 'the API server rejects a null list item (create and apply alike): remove the item.'
    : 'server-side apply rejects a null field (create and client-side apply drop it): remove the field.';
  out.push({ path: where(depth), message: `must ${expected}${got}; ${why}` });
}

function arrayErrors(schema: SchemaNode, list: unknown[], depth: number, out: CrdSchemaError[]): void {
  if (schema.maxItems !== undefined && list.length > schema.maxItems) out.push({ path: where(depth), message: `must have at most ${schema.maxItems} items (it has ${list.length}).` });
  if (schema.minItems !== undefined && list.length < schema.minItems) out.push({ path: where(depth), message: `must have at least ${schema.minItems} item(s).` });
  if (schema.listType === 'set' || schema.listMapKeys) duplicateErrors(schema.listMapKeys, list, depth, out);
  // An empty list needs no item node; no closure per list (every list of every route). A hole reads undefined, which walk skips.
  // Stryker disable next-line ConditionalExpression: the loop below does nothing for an empty list
  if (list.length === 0) return;
  const items = schema.items();
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which walk skips
  for (let i = 0; i < list.length; i++) {
    steps[depth] = i;
    walk(items, list[i], depth + 1, out);
  }
}

/** The repeats in a list-set (`keys` undefined) or a list-map (apart: its closures would make every list's walk allocate their context). */
function duplicateErrors(keys: string[] | undefined, list: unknown[], depth: number, out: CrdSchemaError[]): void {
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    // A null item is refused as such (nullError), never as a repeat: the API server answers "must be of type".
    if (item === null) return;
    const key = show(keys ? keys.map((k) => (item as any)?.[k]) : item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else out.push({ path: pathOf(depth, i), message: `duplicates item ${first}${keys ? ` (same ${keys.join(', ')})` : ''}; the list allows each ${keys ? 'key' : 'value'} once.` });
  });
}

function objectErrors(schema: SchemaNode, object: Record<string, unknown>, depth: number, out: CrdSchemaError[]): void {
  const required = schema.required;
  if (Array.isArray(required)) {
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      if (object[name] === undefined || object[name] === null) out.push({ path: where(depth), message: `requires field "${name}".` });
    }
  }
  // The keys are listed only where the schema counts them (maps with a size limit); the walk below goes over them in the same order.
  // Stryker disable next-line ConditionalExpression: counting the keys of every object finds the same (only slower)
  if (schema.maxProperties !== undefined || schema.minProperties !== undefined) {
    const count = Object.keys(object).length;
    // (No test for undefined here: a comparison with undefined is false.)
    if (count > schema.maxProperties) out.push({ path: where(depth), message: `must have at most ${schema.maxProperties} entries (it has ${count}).` });
    if (count < schema.minProperties) out.push({ path: where(depth), message: `must have at least ${schema.minProperties} entries.` });
  }
  // An object the schema leaves open (Gateway API CRDs declare metadata so) has no key to judge: no loop over its keys.
  // The loop below judges no key of such an object (made false, only slower; made true, unknown keys would pass).
  if (!schema.judgesKeys) return;
  const properties = schema.properties;
  const additional = schema.additional;
  for (const key in object) {
    // Own keys, in Object.keys order (for-in lists them first and in that order; inherited ones are skipped).
    if (!hasOwn.call(object, key)) continue;
    const property = schema.property(key);
    if (property !== NOT_A_PROPERTY) {
      const value = object[key];
      // A null required field is already reported above, as missing (what create answers: "Required value").
      if (value === null && Array.isArray(required) && required.includes(key)) continue;
      steps[depth] = key;
      walk(property, value, depth + 1, out);
    } else if (additional && typeof additional === 'object') {
      steps[depth] = { entry: key };
      walk(schema.additionalProperties(), object[key], depth + 1, out);
    } else if (properties && !schema.preserveUnknown && additional !== true) {
      out.push({ path: pathOf(depth, key), message: 'is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.' });
    }
  }
}

/**
 * The length of a string in characters (Unicode code points), as the API
 * server counts it for maxLength and minLength: a surrogate pair is one
 * character, a lone surrogate one too. Counted without copying the string.
 */
export function characters(s: string): number {
  let n = s.length;
  // Stryker disable next-line EqualityOperator,ArithmeticOperator: past the end charCodeAt is NaN, which is no surrogate
  for (let i = 0; i < s.length - 1; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff) continue;
    const next = s.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}
