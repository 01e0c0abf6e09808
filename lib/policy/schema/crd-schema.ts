/**
 * Validation of a custom resource against its CRD's structural
 * openAPIV3Schema, as the API server applies it before the CEL rules: types,
 * required fields, enums, patterns, lengths, bounds, item and property
 * counts, list-set and list-map uniqueness, and unknown fields (kubectl's
 * default strict field validation rejects them; without it they are dropped
 * silently). CEL (`x-kubernetes-validations`) is not evaluated here: the
 * per-kind problem functions implement those rules.
 */

/** One violation: the field path (`spec.listeners[0].port`) and what is wrong. */
export interface CrdSchemaError {
  readonly path: string;
  readonly message: string;
}

const patterns = new Map<string, RegExp | null>();

function patternOf(source: string): RegExp | null {
  // One lookup for the common case (asked for every string field of every object checked).
  const known = patterns.get(source);
  // Stryker disable next-line ConditionalExpression: compiling the pattern again gives the same answers (only slower)
  if (known !== undefined) return known;
  let re: RegExp | null;
  try {
    re = new RegExp(source, 'u');
  } catch {
    // A pattern JavaScript cannot read (RE2-only syntax) is not judged rather than misjudged.
    re = null;
  }
  patterns.set(source, re);
  return re;
}

const typeOf = (value: unknown): string => {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const show = (value: unknown) => JSON.stringify(value);

/**
 * Where a value is, as the walk goes: its container's place and its own
 * step (a field name, a list index, or a key of a map field). The walk visits
 * every field of every object checked (a 5,000-route app: ~150,000), so the
 * path string is only built for an error, and no place is made for a field
 * that holds a plain value.
 */
interface Place {
  readonly parent: Place | string;
  readonly step: Step;
}

/** A field name, a list index, a map key ({ entry }), or nothing (the value at the root). */
type Step = string | number | { readonly entry: string } | undefined;

/** `spec.rules[0].matches`, `spec.options["a"]`; '' at the root (or the prefix given). */
function pathOf(parent: Place | string, step: Step): string {
  const base = typeof parent === 'string' ? parent : pathOf(parent.parent, parent.step);
  if (step === undefined) return base;
  if (typeof step === 'number') return `${base}[${step}]`;
  if (typeof step === 'object') return `${base}[${show(step.entry)}]`;
  return base ? `${base}.${step}` : step;
}

/** The value's own path in messages: '(root)' for the root. */
const where = (parent: Place | string, step: Step) => pathOf(parent, step) || '(root)';

/** The errors of `value` against `schema`, found depth-first in field order. What is read of the schema is kept: it must not change afterwards. */
export function crdSchemaErrors(schema: any, value: unknown, path = ''): CrdSchemaError[] {
  const out: CrdSchemaError[] = [];
  walk(nodeOf(schema), value, path, undefined, out);
  return out;
}

/**
 * What the walk reads of one schema node, read once: the walk visits each
 * node of a kind's schema for every object of the kind (5,000 routes walk
 * the HTTPRoute schema 5,000 times), and the schema's own objects come in
 * as many layouts as they have keyword sets, which made every read of a
 * keyword a slow one. The raw values are kept for messages.
 */
class SchemaNode {
  readonly intOrString: boolean;
  readonly type: any;
  readonly enumValues: readonly unknown[] | undefined;
  readonly maxLength: any;
  readonly minLength: any;
  readonly pattern: any;
  readonly re: RegExp | null;
  readonly maximum: any;
  readonly exclusiveMaximum: any;
  readonly minimum: any;
  readonly exclusiveMinimum: any;
  readonly maxItems: any;
  readonly minItems: any;
  readonly listType: any;
  readonly listMapKeys: string[] | undefined;
  readonly required: any;
  readonly maxProperties: any;
  readonly minProperties: any;
  readonly properties: any;
  readonly additional: any;
  readonly preserveUnknown: any;
  /** A null here is dropped, not refused: the field has a default (the API server drops the null, then defaults it) or is nullable. */
  readonly nullAllowed: boolean;
  /** Whether a string is measured (maxLength or minLength), a number bounded (maximum or minimum): most fields are neither. */
  readonly hasLengths: boolean;
  readonly hasBounds: boolean;
  /** The node of `items`, of each property and of `additionalProperties`, made when the walk first goes there. */
  private itemsNode: SchemaNode | null | undefined;
  private additionalNode: SchemaNode | null | undefined;
  /** Key → its property's node (null: a property without a schema), or NOT_A_PROPERTY: one lookup per key of every object walked. */
  private readonly propertyNodes = new Map<string, SchemaNode | null | typeof NOT_A_PROPERTY>();

  constructor(readonly schema: any) {
    this.intOrString = Boolean(schema['x-kubernetes-int-or-string']);
    this.type = schema.type;
    this.enumValues = Array.isArray(schema.enum) ? schema.enum : undefined;
    this.maxLength = schema.maxLength;
    this.minLength = schema.minLength;
    this.pattern = schema.pattern;
    this.re = typeof schema.pattern === 'string' ? patternOf(schema.pattern) : null;
    this.maximum = schema.maximum;
    this.exclusiveMaximum = schema.exclusiveMaximum;
    this.minimum = schema.minimum;
    this.exclusiveMinimum = schema.exclusiveMinimum;
    this.maxItems = schema.maxItems;
    this.minItems = schema.minItems;
    this.listType = schema['x-kubernetes-list-type'];
    this.listMapKeys = this.listType === 'map' ? schema['x-kubernetes-list-map-keys'] : undefined;
    this.required = schema.required;
    this.maxProperties = schema.maxProperties;
    this.minProperties = schema.minProperties;
    this.properties = schema.properties;
    this.additional = schema.additionalProperties;
    this.preserveUnknown = schema['x-kubernetes-preserve-unknown-fields'];
    this.nullAllowed = schema.default !== undefined || schema.nullable === true;
    // Stryker disable next-line ConditionalExpression: equivalent, measuring every string finds the same (only slower)
    this.hasLengths = this.maxLength !== undefined || this.minLength !== undefined;
    // Stryker disable next-line ConditionalExpression: equivalent, comparing every number with undefined bounds finds the same (only slower)
    this.hasBounds = this.maximum !== undefined || this.minimum !== undefined;
  }

  items(): SchemaNode | null {
    // Stryker disable next-line ConditionalExpression: nodeOf again gives the same node (only slower)
    if (this.itemsNode === undefined) this.itemsNode = nodeOf(this.schema.items);
    return this.itemsNode;
  }

  additionalProperties(): SchemaNode | null {
    // Stryker disable next-line ConditionalExpression: nodeOf again gives the same node (only slower)
    if (this.additionalNode === undefined) this.additionalNode = nodeOf(this.additional);
    return this.additionalNode;
  }

  /** The node of `key` when it is an own property of `properties` (null when its schema is empty), else NOT_A_PROPERTY. */
  property(key: string): SchemaNode | null | typeof NOT_A_PROPERTY {
    let node = this.propertyNodes.get(key);
    // Stryker disable next-line ConditionalExpression: equivalent, reading the node again gives the same node (only slower)
    if (node === undefined) {
      // Own keys only: a field named like an Object.prototype member ("constructor") is no property.
      node = this.properties && hasOwn.call(this.properties, key) ? nodeOf(this.properties[key]) : NOT_A_PROPERTY;
      this.propertyNodes.set(key, node);
    }
    return node;
  }
}

/** What {@link SchemaNode.property} answers for a key the schema's `properties` do not list. */
const NOT_A_PROPERTY = Symbol('not a property');

const hasOwn = Object.prototype.hasOwnProperty;

/** Each schema object's node, made once (schemas are shared and never change). */
const nodes = new WeakMap<object, SchemaNode>();

/** The node of a schema; null for no schema (the walk checks nothing there). */
function nodeOf(schema: any): SchemaNode | null {
  if (!schema) return null;
  // A schema that is not an object (`true`) has none of the keywords; such a node is made each time, it is rare.
  if (typeof schema !== 'object') return new SchemaNode(schema);
  let node = nodes.get(schema);
  // Stryker disable next-line ConditionalExpression: a new node reads the same keywords (only slower)
  if (!node) nodes.set(schema, (node = new SchemaNode(schema)));
  return node;
}

function walk(schema: SchemaNode | null, value: unknown, parent: Place | string, step: Step, out: CrdSchemaError[]): void {
  if (!schema || value === undefined) return;
  if (value === null) return nullError(schema, parent, step, out);
  // typeOf inlined, strings first: this runs for every field of every object checked, mostly before V8 optimizes it.
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, typeOf answers 'string' for a string too
  const type = typeof value === 'string' ? 'string' : typeOf(value);
  if (schema.intOrString) {
    if (type !== 'integer' && type !== 'string') out.push({ path: where(parent, step), message: 'must be an integer or a string.' });
    return;
  }
  if (schema.type && !(schema.type === type || (schema.type === 'number' && type === 'integer'))) {
    out.push({ path: where(parent, step), message: `must be of type ${schema.type} (got ${type} ${show(value)}).` });
    return;
  }
  if (schema.enumValues && !schema.enumValues.includes(value)) out.push({ path: where(parent, step), message: `must be one of ${schema.enumValues.map(show).join(', ')} (got ${show(value)}).` });
  if (type === 'string') {
    const s = value as string;
    // Stryker disable next-line ConditionalExpression: counting the characters of every string finds the same (only slower)
    if (schema.hasLengths) {
      const length = characters(s);
      // (No test for undefined here: a comparison with undefined is false.)
      if (length > schema.maxLength) out.push({ path: where(parent, step), message: `must be at most ${schema.maxLength} characters long (it has ${length}).` });
      if (length < schema.minLength) out.push({ path: where(parent, step), message: `must be at least ${schema.minLength} characters long.` });
    }
    const re = schema.re;
    if (re && !re.test(s)) out.push({ path: where(parent, step), message: `${show(s)} does not match the pattern ${schema.pattern}.` });
  } else if (type === 'integer' || type === 'number') {
    const n = value as number;
    // Stryker disable next-line ConditionalExpression: comparing every number with undefined bounds finds the same (only slower)
    if (!schema.hasBounds) return;
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? n >= schema.maximum : n > schema.maximum)) out.push({ path: where(parent, step), message: `must be ${schema.exclusiveMaximum ? 'less than' : 'at most'} ${schema.maximum} (got ${n}).` });
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum)) out.push({ path: where(parent, step), message: `must be ${schema.exclusiveMinimum ? 'greater than' : 'at least'} ${schema.minimum} (got ${n}).` });
  } else if (type === 'array') {
    arrayErrors(schema, value as unknown[], step === undefined ? parent : { parent, step }, out);
  } else if (type === 'object') {
    objectErrors(schema, value as Record<string, unknown>, step === undefined ? parent : { parent, step }, out);
  }
}

/**
 * A null value, as kube-apiserver 1.36.2 answered it (docs/api-server-proof.md "Null values"): a null list
 * item is refused on every path ("must be of type object"); a null field or map entry is dropped by create
 * and client-side apply but refused by server-side apply, unless the field has a default (dropped, then
 * defaulted) or is nullable. A null required field is reported by objectErrors as missing, and a null root
 * is no object at all.
 */
function nullError(schema: SchemaNode, parent: Place | string, step: Step, out: CrdSchemaError[]): void {
  if (step === undefined || schema.nullAllowed) return;
  const expected = schema.intOrString ? 'be an integer or a string' : schema.type ? `be of type ${schema.type}` : 'not be null';
  const got = schema.intOrString || schema.type ? ' (got null)' : '';
  const why = typeof step === 'number'
    ? 'the API server rejects a null list item (create and apply alike): remove the item.'
    : 'server-side apply rejects a null field (create and client-side apply drop it): remove the field.';
  out.push({ path: where(parent, step), message: `must ${expected}${got}; ${why}` });
}

function arrayErrors(schema: SchemaNode, list: unknown[], place: Place | string, out: CrdSchemaError[]): void {
  if (schema.maxItems !== undefined && list.length > schema.maxItems) out.push({ path: where(place, undefined), message: `must have at most ${schema.maxItems} items (it has ${list.length}).` });
  if (schema.minItems !== undefined && list.length < schema.minItems) out.push({ path: where(place, undefined), message: `must have at least ${schema.minItems} item(s).` });
  const keys = schema.listMapKeys;
  if (schema.listType === 'set' || keys) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      // A null item is refused as such (nullError), never as a repeat: the API server answers "must be of type".
      if (item === null) return;
      const key = show(keys ? keys.map((k) => (item as any)?.[k]) : item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else out.push({ path: pathOf(place, i), message: `duplicates item ${first}${keys ? ` (same ${keys.join(', ')})` : ''}; the list allows each ${keys ? 'key' : 'value'} once.` });
    });
  }
  // An empty list needs no item node; no closure per list (every list of every route). A hole reads undefined, which walk skips.
  // Stryker disable next-line ConditionalExpression: the loop below does nothing for an empty list
  if (list.length === 0) return;
  const items = schema.items();
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which walk skips
  for (let i = 0; i < list.length; i++) walk(items, list[i], place, i, out);
}

function objectErrors(schema: SchemaNode, object: Record<string, unknown>, place: Place | string, out: CrdSchemaError[]): void {
  const required = schema.required;
  if (Array.isArray(required)) {
    for (let i = 0; i < required.length; i++) {
      const name = required[i];
      if (object[name] === undefined || object[name] === null) out.push({ path: where(place, undefined), message: `requires field "${name}".` });
    }
  }
  // The keys are listed only where the schema counts them (maps with a size limit); the walk below goes over them in the same order.
  // Stryker disable next-line ConditionalExpression: counting the keys of every object finds the same (only slower)
  if (schema.maxProperties !== undefined || schema.minProperties !== undefined) {
    const count = Object.keys(object).length;
    // (No test for undefined here: a comparison with undefined is false.)
    if (count > schema.maxProperties) out.push({ path: where(place, undefined), message: `must have at most ${schema.maxProperties} entries (it has ${count}).` });
    if (count < schema.minProperties) out.push({ path: where(place, undefined), message: `must have at least ${schema.minProperties} entries.` });
  }
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
      walk(property, value, place, key, out);
    }
    else if (additional && typeof additional === 'object') walk(schema.additionalProperties(), object[key], place, { entry: key }, out);
    else if (properties && !schema.preserveUnknown && additional !== true) {
      out.push({ path: pathOf(place, key), message: 'is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.' });
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
