import { ApiObject, Chart } from 'cdk8s';
import { ConstructOrder, IConstruct, Node } from 'constructs';
import { isNetkitChart } from './chart';
import { isClusterScoped, stripClusterScopedNamespace } from './cluster-scoped';
import { onePassJson } from './one-pass-json';
import { prepareApp } from './prepare';

/** One Kubernetes object as it will be written, with where it came from. */
export interface SynthesizedObject {
  /** The object as JSON, exactly as it is written to the manifest. */
  readonly manifest: any;
  /** The construct path of the ApiObject (`dev/pc-deployment/Deployment`). */
  readonly constructPath?: string;
  /** The id of the chart it is written with (the manifest file's name). */
  readonly chart?: string;
}

/** Set while a NetkitApp synthesizes: each ApiObject's JSON, computed once. */
let serializedOnce: WeakMap<ApiObject, any> | undefined;

/**
 * Runs `work` with {@link apiObjectJson} serializing each ApiObject at most
 * once, so the policy checks run at validation and the files written after
 * share one serialization. Only for a span in which the tree does not change
 * (NetkitApp.synth); callers must not modify the JSON they get.
 */
export function withSerializedOnce<T>(work: () => T): T {
  if (serializedOnce) return work();
  serializedOnce = new WeakMap();
  try {
    return work();
  } finally {
    serializedOnce = undefined;
  }
}

/** `apiObject.toJson()` (in one pass for plain data), reused within {@link withSerializedOnce}. */
export function apiObjectJson(apiObject: ApiObject): any {
  if (!serializedOnce) return renderJson(apiObject);
  let json = serializedOnce.get(apiObject);
  if (json === undefined) {
    json = renderJson(apiObject);
    serializedOnce.set(apiObject, json);
  }
  return json;
}

/**
 * `compute` memoized per key for the span of one {@link withSerializedOnce}
 * (the tree does not change within it), and called every time outside one.
 * For values derived from a whole subtree that several Lazy values of one
 * object need: the chart's Pod Security level is asked for by three labels
 * and an annotation of its Namespace, each a walk over the chart (thousands
 * of constructs with all apps in one chart).
 */
export function oncePerSynth<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  let span: object | undefined;
  let cache = new WeakMap<K, V>();
  return (key) => {
    if (!serializedOnce) return compute(key);
    if (span !== serializedOnce) {
      span = serializedOnce;
      cache = new WeakMap();
    }
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * `scope.node.findAll()`, walked once per scope within one
 * {@link withSerializedOnce} span (the tree does not change within it) and
 * every time outside one. A synth walks the whole app several times (the
 * charts in dependency order, the app-scope and policy validations, the write
 * order, each chart's objects and Pod Security level): with 20,000 objects
 * each walk costs tens of milliseconds. Callers must not modify the list.
 */
export function constructsBelow(scope: IConstruct): readonly IConstruct[] {
  if (!serializedOnce) return scope.node.findAll();
  if (walks?.span !== serializedOnce) walks = { span: serializedOnce, lists: new WeakMap() };
  let list = walks.lists.get(scope);
  if (list === undefined) {
    list = topLevelSubtree(walks, scope) ?? scope.node.findAll();
    walks.lists.set(scope, list);
  }
  return list;
}

/**
 * Runs `work` (inside a {@link withSerializedOnce} span) with `scope.node.findAll()`
 * in preorder, the default, answered from {@link constructsBelow}: cdk8s'
 * `App.synth` walks the app itself to validate it and to resolve
 * dependencies, a walk the library's own steps have made already. A copy
 * each call, as `findAll` gives; any other order walks as stock.
 */
export function sharingFindAll<T>(scope: IConstruct, work: () => T): T {
  const node = scope.node as { findAll: Node['findAll'] };
  if (!serializedOnce || Object.prototype.hasOwnProperty.call(node, 'findAll')) return work();
  // Walked before findAll is replaced: the walk is the stock one, and the answer below is cached for the span.
  const walked = constructsBelow(scope);
  const stock = node.findAll;
  node.findAll = (order?: ConstructOrder) => (order === undefined || order === ConstructOrder.PREORDER ? walked.slice() : stock.call(scope.node, order));
  try {
    return work();
  } finally {
    delete (node as { findAll?: unknown }).findAll;
  }
}

/** The walks of one synth span: each scope's list, and where the root's children start and end in the root's list. */
interface SpanWalks {
  readonly span: object;
  readonly lists: WeakMap<IConstruct, readonly IConstruct[]>;
  topLevel?: Map<IConstruct, { readonly start: number; readonly end: number }>;
}
let walks: SpanWalks | undefined;

/**
 * A child of the root (a chart, usually) cut from the root's list when the
 * root was walked already: `findAll` lists in preorder, so each child's
 * subtree is the run from the child to the next child of the root. With all
 * apps in one chart, the chart's walk (its Pod Security level) is then not a
 * second walk of the whole app. Undefined for any other scope.
 */
function topLevelSubtree(span: SpanWalks, scope: IConstruct): readonly IConstruct[] | undefined {
  const root = scope.node.scope === undefined ? undefined : scope.node.root;
  const rootList = root === undefined || scope.node.scope !== root ? undefined : span.lists.get(root);
  if (rootList === undefined || rootList[0] !== root) return undefined;
  if (span.topLevel === undefined) {
    span.topLevel = new Map();
    let child: IConstruct | undefined;
    let start = 0;
    for (let i = 1; i <= rootList.length; i++) {
      if (i < rootList.length && rootList[i].node.scope !== root) continue;
      if (child !== undefined) span.topLevel.set(child, { start, end: i });
      child = rootList[i];
      start = i;
    }
  }
  const range = span.topLevel.get(scope);
  return range === undefined ? undefined : rootList.slice(range.start, range.end);
}

/** The JSON {@link apiObjectJson} cached for the object in this synth, if any (nothing is rendered). */
export function cachedApiObjectJson(apiObject: ApiObject): any {
  return serializedOnce?.get(apiObject);
}

/**
 * {@link apiObjectJson} for the last use of an object's JSON in a synth (its
 * chart being written): the cached JSON is handed over and forgotten, so a
 * written chart's objects no longer stay in memory until the synth ends.
 * A later call renders the object again.
 */
export function takeApiObjectJson(apiObject: ApiObject): any {
  const json = serializedOnce?.get(apiObject);
  if (json === undefined) return renderJson(apiObject);
  serializedOnce!.delete(apiObject);
  return json;
}

function renderJson(apiObject: ApiObject): any {
  return onePassJson(apiObject) ?? apiObject.toJson();
}

/**
 * Every ApiObject below `scope` (an App, a Chart, any construct), rendered to
 * JSON without running the app-wide validation that `chart.toJson()` repeats
 * per chart. Cluster-scoped objects of a NetkitChart lose the chart
 * namespace, as in the files.
 */
export function synthesizedObjects(scope: IConstruct): SynthesizedObject[] {
  prepareApp(scope);
  const out: SynthesizedObject[] = [];
  for (const node of constructsBelow(scope)) {
    if (!ApiObject.isApiObject(node)) continue;
    const chart = Chart.of(node);
    const json = apiObjectJson(node);
    // As in the files: a NetkitChart takes the namespace off cluster-scoped objects as it writes
    // them, a plain Chart does not. A copy: the shared JSON is what the chart's toJson starts from.
    const strips = isNetkitChart(chart) && isClusterScoped(json.kind);
    const manifest = strips ? stripClusterScopedNamespace({ ...json, metadata: { ...json.metadata } }) : json;
    out.push({ manifest, constructPath: node.node.path, chart: chart.node.id });
  }
  return out;
}
