import { ApiObject, ApiObjectMetadataDefinition, App, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver } from 'cdk8s';
import { withOwnKeys } from './own-keys';

/**
 * `apiObject.toJson()` in one pass; `undefined` when the stock path must run.
 *
 * Stock `toJson` (cdk8s 2.70 lib/api-object.js, metadata.js, resolve.js,
 * _util.js) copies every value twice: `resolve` offers each one to the App's
 * resolvers, allocating a context per value and looking the App up each time,
 * then `sanitizeValue` sorts keys and drops null and undefined. That was a
 * third of the synth time of a large app. With the three built-in resolvers
 * the rules are few and fixed, so this does both in one copy, in the same
 * order: a `Lazy` is produced and an object's own `resolve()` called exactly
 * when and as often as stock does (depth first, keys in insertion order).
 *
 * JSON patches apply afterwards, as stock. The stock path runs instead for
 * custom resolvers, a subclass that overrides `toJson` (the generated `Kube*`
 * classes), `CDK8S_DISABLE_SORT`, a cdk8s whose private fields have moved,
 * and what stock refuses to render (class instances, a patch that does not
 * apply), so that its error is the one users see.
 * Tests compare both paths on the example app and on edge cases.
 */
export function onePassJson(apiObject: ApiObject): any {
  if (apiObject.toJson !== STOCK_TO_JSON || process.env.CDK8S_DISABLE_SORT) return undefined;
  const internals = apiObject as unknown as { props?: Record<string, unknown>; patches?: JsonPatch[] };
  const metadata = apiObject.metadata as unknown as MetadataInternals;
  if (!Array.isArray(internals.patches) || !internals.props) return undefined;
  if (metadata.toJson !== STOCK_METADATA_TO_JSON || !metadata._additionalAttributes) return undefined;
  if (!hasDefaultResolvers(apiObject)) return undefined;
  try {
    // As stock: metadata first (its own pass drops empty maps and lists), then the object.
    const meta = render(withOwnKeys(metadata._additionalAttributes, {
      name: metadata.name,
      namespace: metadata.namespace,
      annotations: metadata.annotations,
      finalizers: metadata.finalizers,
      ownerReferences: metadata.ownerReferences,
      labels: metadata.labels,
    }), true);
    const rendered = render({ ...internals.props, metadata: meta }, false);
    const json = internals.patches.length > 0 ? patched(rendered, internals.patches) : rendered;
    // As stock: apiVersion, kind and metadata first, then the other keys (sorted).
    const result: Record<string, unknown> = {};
    for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(json)]) {
      if (key in json) result[key] = json[key];
    }
    return result;
  } catch (e) {
    if (e === NOT_RENDERABLE) return undefined;
    throw e;
  }
}

function patched(json: any, patches: JsonPatch[]): any {
  try {
    return JsonPatch.apply(json, ...patches);
  } catch {
    throw NOT_RENDERABLE;
  }
}

interface MetadataInternals {
  readonly toJson: unknown;
  readonly name?: string;
  readonly namespace?: string;
  readonly annotations?: unknown;
  readonly finalizers?: unknown;
  readonly ownerReferences?: unknown;
  readonly labels?: unknown;
  readonly _additionalAttributes?: Record<string, unknown>;
}

const STOCK_TO_JSON = ApiObject.prototype.toJson;
const STOCK_METADATA_TO_JSON = ApiObjectMetadataDefinition.prototype.toJson;
const NOT_RENDERABLE = Symbol('not renderable');
const defaultResolvers = new WeakMap<App, boolean>();

/** True when the App resolves with exactly cdk8s' three built-in resolvers (no `resolvers` prop). */
function hasDefaultResolvers(apiObject: ApiObject): boolean {
  const app = App.of(apiObject);
  let known = defaultResolvers.get(app);
  if (known === undefined) {
    const r = app.resolvers;
    known = r.length === 3 && r[0] instanceof LazyResolver && r[1] instanceof ImplicitTokenResolver && r[2] instanceof NumberStringUnionResolver;
    defaultResolvers.set(app, known);
  }
  return known;
}

/**
 * `sanitizeValue(resolve(value))`: the built-in resolvers in their order
 * (Lazy, then an own `resolve()`, then a number-or-string union such as
 * IntOrString), then keys sorted and null and undefined members dropped
 * (array items become undefined, as stock); with `filterEmpty` (metadata)
 * empty objects and arrays are dropped too.
 */
function render(value: any, filterEmpty: boolean): any {
  if (value == null) return undefined;
  const type = typeof value;
  if (type !== 'object' && type !== 'function') return value;
  if (value instanceof Lazy) return render(value.produce(), filterEmpty);
  if (typeof value.resolve === 'function') return render(value.resolve(), filterEmpty);
  // Stock tests `constructor`, not the prototype: an own `constructor` key counts.
  const ctor = value.constructor;
  if (ctor === Object) return renderObject(value, filterEmpty);
  if (typeof value.value === 'number' || typeof value.value === 'string') return render({ value: value.value }, filterEmpty);
  if (type === 'function') return value;
  if (Array.isArray(value)) {
    if (filterEmpty && value.length === 0) return undefined;
    // As `map`: holes stay holes.
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = render(value[i], filterEmpty);
    return out;
  }
  // Anything else stock leaves as it is, then refuses to render (class
  // instances, an own `constructor` key): the stock path gives its error.
  throw NOT_RENDERABLE;
}

/** A plain object: members rendered in insertion order (the order stock produces Lazy values in), written in sorted key order. */
function renderObject(value: Record<string, unknown>, filterEmpty: boolean): any {
  const keys = Object.keys(value);
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
  const out: Record<string, unknown> = {};
  let empty = true;
  if (sorted) {
    for (const key of keys) {
      const item = render(value[key], filterEmpty);
      if (item != null) {
        out[key] = item;
        empty = false;
      }
    }
  } else {
    const items = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) items[i] = render(value[keys[i]], filterEmpty);
    sortTogether(keys, items);
    for (let i = 0; i < keys.length; i++) {
      const item = items[i];
      if (item != null) {
        out[keys[i]] = item;
        empty = false;
      }
    }
  }
  return filterEmpty && empty ? undefined : out;
}

/** Objects with more keys than this are sorted by Array.prototype.sort. */
const INSERTION_SORT_MAX = 24;

/**
 * Sorts `keys` as `keys.sort()` does (code unit order; keys are distinct) and
 * moves `items[i]` with `keys[i]`. An insertion sort, in place: objects have a
 * handful of keys, and `Array.prototype.sort` plus a Map per unsorted object
 * allocated about 3 % of what a 5,000-app synth allocates.
 */
export function sortTogether(keys: string[], items: unknown[]): void {
  if (keys.length > INSERTION_SORT_MAX) {
    // Quadratic no more: a ConfigMap with thousands of keys is sorted by the engine.
    const byKey = new Map(keys.map((key, i) => [key, items[i]]));
    keys.sort();
    for (let i = 0; i < keys.length; i++) items[i] = byKey.get(keys[i]);
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    const item = items[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) {
      keys[j + 1] = keys[j];
      items[j + 1] = items[j];
    }
    keys[j + 1] = key;
    items[j + 1] = item;
  }
}
