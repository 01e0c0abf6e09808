/**
 * What the CRD schema walk (crd-schema.ts) reads of each node of a schema,
 * read once per node and kept: the walk visits each node of a kind's schema
 * for every object of the kind.
 */

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

/**
 * What the walk reads of one schema node, read once: the walk visits each
 * node of a kind's schema for every object of the kind (5,000 routes walk
 * the HTTPRoute schema 5,000 times), and the schema's own objects come in
 * as many layouts as they have keyword sets, which made every read of a
 * keyword a slow one. The raw values are kept for messages.
 */
export class SchemaNode {
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
  /** maxLength and minLength as bounds on UTF-16 units: a string within them needs no counting of its characters (-1 and Infinity when not a number: always counted). */
  readonly maxUnits: number;
  readonly minUnits: number;
  /** The last string `re` accepted (asked again for the same string thousands of times in a row). */
  lastMatch: string | undefined;
  /** Whether an object's keys are judged at all: the schema lists properties, or gives entries a schema of their own. */
  readonly judgesKeys: boolean;
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
    // Made true, every string is measured (the same findings, only slower); made false, none would be.
    this.hasLengths = this.maxLength !== undefined || this.minLength !== undefined;
    // (-1 only counts more strings, and a bound that is not a number compares as the counted length would: some of this
    // line's mutants are equivalent, and left unmarked, since the length tests kill the others of their kind.)
    this.maxUnits = this.maxLength === undefined ? Infinity : typeof this.maxLength === 'number' ? this.maxLength : -1;
    // Infinity only counts more strings, and a bound that is not a number compares as the counted length would.
    this.minUnits = this.minLength === undefined ? 0 : typeof this.minLength === 'number' ? this.minLength : Infinity;
    // Made true, every number is compared with undefined bounds (the same findings, only slower); made false, none would be.
    this.hasBounds = this.maximum !== undefined || this.minimum !== undefined;
    // Made true, the keys of more objects are judged (the same findings, only slower); made false, none would be.
    this.judgesKeys = Boolean(this.properties) || Boolean(this.additional && typeof this.additional === 'object');
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
export const NOT_A_PROPERTY = Symbol('not a property');

export const hasOwn = Object.prototype.hasOwnProperty;

/** Each schema object's node, made once (schemas are shared and never change). */
const nodes = new WeakMap<object, SchemaNode>();

/** The node of a schema; null for no schema (the walk checks nothing there). */
export function nodeOf(schema: any): SchemaNode | null {
  if (!schema) return null;
  // A schema that is not an object (`true`) has none of the keywords; such a node is made each time, it is rare.
  if (typeof schema !== 'object') return new SchemaNode(schema);
  let node = nodes.get(schema);
  // Stryker disable next-line ConditionalExpression: a new node reads the same keywords (only slower)
  if (!node) nodes.set(schema, (node = new SchemaNode(schema)));
  return node;
}
