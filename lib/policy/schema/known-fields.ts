import { closest } from '../suggest';
import knownFields from './openapi-fields.json';

/** A field's type: 0 for a scalar, '*' for a free-form map, else the id of an object type. */
export type FieldType = string | 0;

interface KnownFields {
  readonly source: string;
  readonly kinds: Record<string, string>;
  readonly types: Record<string, Record<string, FieldType>>;
}

const table = knownFields as KnownFields;

/** Where the field table comes from (the installed kubernetes-models, e.g. `kubernetes-models 4.5.1`). */
export const SCHEMA_SOURCE = table.source;

/**
 * apiVersion → kind → {@link schemaTypeOf}'s answer: rules ask for every object of every check, and a large app
 * has a handful of kinds, so the table's `apiVersion/kind` key is not built for each object. Emptied when it
 * holds 10,000 answers, so arbitrary input cannot grow it without bound.
 */
const typeOfKind = new Map<string, Map<string, string | undefined>>();
let typesKnown = 0;

/** The root type of `apiVersion`/`kind`, or undefined for kinds the schemas do not know (custom resources). */
export function schemaTypeOf(apiVersion: string, kind: string): string | undefined {
  let byKind = typeOfKind.get(apiVersion);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: a new map only looks its kinds up again
  if (!byKind) typeOfKind.set(apiVersion, (byKind = new Map()));
  let type = byKind.get(kind);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a cache: looked up again, the same answer
  if (type === undefined && !byKind.has(kind)) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, emptying the cache earlier or later only looks answers up again
    if (++typesKnown > 10_000) {
      typeOfKind.clear();
      typesKnown = 1;
      typeOfKind.set(apiVersion, byKind);
    }
    type = table.kinds[`${apiVersion}/${kind}`];
    byKind.set(kind, type);
  }
  return type;
}

/** apiVersion → the kinds the schemas know for it, built once. */
let kindsByApiVersion: Map<string, string[]> | undefined;

/**
 * The kinds the schemas know for an apiVersion (`apps/v1` → Deployment, …),
 * or undefined for an apiVersion they do not cover (custom resources).
 */
export function kindsOfApiVersion(apiVersion: string): readonly string[] | undefined {
  if (!kindsByApiVersion) {
    kindsByApiVersion = new Map();
    for (const key of Object.keys(table.kinds)) {
      const slash = key.lastIndexOf('/');
      const version = key.slice(0, slash);
      const list = kindsByApiVersion.get(version) ?? [];
      list.push(key.slice(slash + 1));
      kindsByApiVersion.set(version, list);
    }
  }
  return kindsByApiVersion.get(apiVersion);
}

/** The name a type id stands for: `HTTPIngressPath#2` (the one of another API version) → `HTTPIngressPath`. */
function typeNameOf(typeId: string): string {
  const hash = typeId.indexOf('#');
  return hash === -1 ? typeId : typeId.slice(0, hash);
}

/** One field the schema does not declare. */
export interface UnknownField {
  readonly path: string;
  readonly typeName: string;
  readonly suggestion?: string;
}

/**
 * Every field of `value` that type `typeId` does not declare, with a
 * suggestion when a declared field is one or two edits away (`replica` →
 * `replicas`). The API server drops such fields (or rejects them under
 * strict field validation), so a typo silently loses a setting.
 */
export function unknownFields(value: unknown, typeId: string, path = ''): UnknownField[] {
  const out: UnknownField[] = [];
  // The path of the current value, as segments: a string is built only for a
  // field that is reported (a valid object of a large app has none).
  const segments: Array<string | number> = [];
  const pathOf = (last: string) => {
    let p = path;
    for (const s of [...segments, last]) p = typeof s === 'number' ? `${p}[${s}]` : (p ? `${p}.${s}` : s);
    return p;
  };
  const visit = (v: unknown, t: FieldType) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: shortcuts: the table has no type 0 or '*', and for-in over null lists nothing
    if (t === 0 || t === '*' || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      // Stryker disable next-line EqualityOperator: one step past the end visits undefined, which has no fields
      for (let i = 0; i < v.length; i++) {
        segments.push(i);
        visit(v[i], t);
        segments.pop();
      }
      return;
    }
    const fields = table.types[t];
    if (!fields) return;
    for (const key in v as Record<string, unknown>) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      const child = fields[key];
      // Stryker disable next-line ConditionalExpression: `child === undefined` is a shortcut: such a key is not own either
      if (child === undefined || !Object.prototype.hasOwnProperty.call(fields, key)) {
        out.push({ path: pathOf(key), typeName: typeNameOf(t), suggestion: closest(key, Object.keys(fields)) });
        continue;
      }
      segments.push(key);
      visit((v as Record<string, unknown>)[key], child);
      segments.pop();
    }
  };
  visit(value, typeId);
  return out;
}
