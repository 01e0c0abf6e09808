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
  if (!patterns.has(source)) {
    let re: RegExp | null;
    try {
      re = new RegExp(source, 'u');
    } catch {
      // A pattern JavaScript cannot read (RE2-only syntax) is not judged rather than misjudged.
      re = null;
    }
    patterns.set(source, re);
  }
  return patterns.get(source)!;
}

const typeOf = (value: unknown): string => {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const show = (value: unknown) => JSON.stringify(value);
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The errors of `value` against `schema`, found depth-first in field order. */
export function crdSchemaErrors(schema: any, value: unknown, path = ''): CrdSchemaError[] {
  const out: CrdSchemaError[] = [];
  walk(schema, value, path, out);
  return out;
}

function walk(schema: any, value: unknown, path: string, out: CrdSchemaError[]): void {
  // The API server drops null values of fields that are not nullable, without an error.
  if (!schema || value === null || value === undefined) return;
  const where = path || '(root)';
  const add = (message: string) => out.push({ path: where, message });
  const type = typeOf(value);
  if (schema['x-kubernetes-int-or-string']) {
    if (type !== 'integer' && type !== 'string') add('must be an integer or a string.');
    return;
  }
  if (schema.type && !(schema.type === type || (schema.type === 'number' && type === 'integer'))) {
    add(`must be of type ${schema.type} (got ${type} ${show(value)}).`);
    return;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e: unknown) => e === value)) add(`must be one of ${schema.enum.map(show).join(', ')} (got ${show(value)}).`);
  if (type === 'string') {
    const s = value as string;
    const length = [...s].length;
    if (schema.maxLength !== undefined && length > schema.maxLength) add(`must be at most ${schema.maxLength} characters long (it has ${length}).`);
    if (schema.minLength !== undefined && length < schema.minLength) add(`must be at least ${schema.minLength} characters long.`);
    const re = typeof schema.pattern === 'string' ? patternOf(schema.pattern) : null;
    if (re && !re.test(s)) add(`${show(s)} does not match the pattern ${schema.pattern}.`);
  } else if (type === 'integer' || type === 'number') {
    const n = value as number;
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? n >= schema.maximum : n > schema.maximum)) add(`must be at most ${schema.maximum} (got ${n}).`);
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? n <= schema.minimum : n < schema.minimum)) add(`must be at least ${schema.minimum} (got ${n}).`);
  } else if (type === 'array') {
    arrayErrors(schema, value as unknown[], path, out);
  } else if (type === 'object') {
    objectErrors(schema, value as Record<string, unknown>, path, out);
  }
}

function arrayErrors(schema: any, list: unknown[], path: string, out: CrdSchemaError[]): void {
  const where = path || '(root)';
  if (schema.maxItems !== undefined && list.length > schema.maxItems) out.push({ path: where, message: `must have at most ${schema.maxItems} items (it has ${list.length}).` });
  if (schema.minItems !== undefined && list.length < schema.minItems) out.push({ path: where, message: `must have at least ${schema.minItems} item(s).` });
  const listType = schema['x-kubernetes-list-type'];
  const keys: string[] | undefined = listType === 'map' ? schema['x-kubernetes-list-map-keys'] : undefined;
  if (listType === 'set' || keys) {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const key = show(keys ? keys.map((k) => (item as any)?.[k]) : item);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else out.push({ path: `${path}[${i}]`, message: `duplicates item ${first}${keys ? ` (same ${keys.join(', ')})` : ''}; the list allows each ${keys ? 'key' : 'value'} once.` });
    });
  }
  list.forEach((item, i) => walk(schema.items, item, `${path}[${i}]`, out));
}

function objectErrors(schema: any, object: Record<string, unknown>, path: string, out: CrdSchemaError[]): void {
  const where = path || '(root)';
  const keys = Object.keys(object);
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (object[name] === undefined || object[name] === null) out.push({ path: where, message: `requires field "${name}".` });
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) out.push({ path: where, message: `must have at most ${schema.maxProperties} entries (it has ${keys.length}).` });
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) out.push({ path: where, message: `must have at least ${schema.minProperties} entries.` });
  const properties = schema.properties;
  const additional = schema.additionalProperties;
  for (const key of keys) {
    if (properties && Object.prototype.hasOwnProperty.call(properties, key)) walk(properties[key], object[key], at(path, key), out);
    else if (additional && typeof additional === 'object') walk(additional, object[key], `${path}[${show(key)}]`, out);
    else if (properties && !schema['x-kubernetes-preserve-unknown-fields'] && additional !== true) {
      out.push({ path: at(path, key), message: 'is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.' });
    }
  }
}
