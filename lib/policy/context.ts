import { PolicyRecord } from './policy-record';
import { PolicyObject, PolicyOptions } from './types';

/** A pod template and the object that owns it (a Pod is its own template). */
export interface PodTemplate {
  readonly owner: PolicyObject;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The PodSpec. */
  readonly spec: any;
  /** Path of the PodSpec inside the owner, for messages (`spec.template.spec`). */
  readonly specPath: string;
}

/** The object as given to the engine, before indexing. */
export interface RawObject {
  readonly manifest: any;
  readonly constructPath?: string;
  readonly file?: string;
  readonly line?: number;
}

/** Where the pod template of each workload kind lives. */
const TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  // Argo Rollouts (argoproj.io/v1alpha1) replaces Deployments in many GitOps repositories; same template field.
  Rollout: ['spec', 'template'],
};

/** `spec.template.spec` and the like, for messages: one string per kind. */
const SPEC_PATHS: Record<string, string> = Object.fromEntries(Object.entries(TEMPLATE_PATHS).map(([kind, path]) => [kind, [...path, 'spec'].join('.')]));

function dig(obj: any, path: readonly string[]): any {
  let v = obj;
  // Indexed: once per workload of every synth.
  for (let i = 0; i < path.length; i++) v = v?.[path[i]];
  return v;
}


/**
 * Every object under check with the indexes the cross-object rules need, so
 * each rule is linear in the number of objects (a 5,000-app check must stay a
 * small fraction of its synth). Lookups that several rules share (which pods
 * a Service selects) are computed once.
 */
export class PolicyContext {
  public readonly objects: readonly PolicyObject[];
  public readonly options: PolicyOptions;
  private readonly byKind: Map<string, PolicyObject[]>;
  /**
   * kind → namespace ('' when cluster-scoped) → name → the first such
   * object, built per kind when a rule first looks a name up: most objects
   * of a large app are of kinds no rule finds by name (Deployments, routes).
   */
  private readonly byKindNsName = new Map<string, Map<string, Map<string, PolicyObject>>>();
  /** Every pod template, workloads and bare Pods alike. */
  public readonly podTemplates: readonly PodTemplate[];
  /**
   * namespace → label key → label value → pod templates carrying that label,
   * in input order. Each key's index is built when a selector first asks for
   * it: selectors name a few keys (`app.kubernetes.io/name`), templates carry
   * more (`managed-by`, `version`) that no lookup needs.
   */
  private readonly templatesByLabel = new Map<string, Map<string, Map<unknown, PodTemplate[]>>>();
  /** podsSelectedBy's answers by the Service's position in the Services' list, and the position it was last asked for. */
  private selectedByPosition?: (readonly PodTemplate[] | undefined)[];
  private lastSelected = -1;
  /** podsSelectedBy's answers for objects asked out of order. */
  private readonly selectedCache = new Map<PolicyObject, readonly PodTemplate[]>();
  /** namespace → its pod templates, in input order. */
  private readonly templatesByNamespace: Map<string, PodTemplate[]>;
  private readonly derived = new Map<(context: PolicyContext) => unknown, unknown>();

  constructor(raw: readonly RawObject[], options: PolicyOptions = {}) {
    this.options = options;
    // Indexed loops and lists made at their final size where it is known (a list grown by push from empty reserves
    // room for 16, then half again each time it fills): this runs over every object of every synth, before V8 has optimized it.
    const objects: PolicyObject[] = new Array(raw.length);
    let count = 0;
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i];
      // policyObjectsOf made the record already (plain manifests, the common input): adopted, not copied.
      if (r instanceof PolicyRecord) objects[count++] = r;
      else if (r.manifest && typeof r.manifest === 'object' && !Array.isArray(r.manifest)) objects[count++] = new PolicyRecord(r.manifest, r.constructPath, r.file, r.line);
    }
    objects.length = count;
    this.objects = objects;
    this.byKind = groupBy(objects, kindOf);
    // The objects of the workload kinds (and Pods): when they are of one kind (Deployments, mostly), its list holds
    // them in input order, and the other objects need no look; else every object is looked at, in input order.
    let workloads = 0;
    let workloadsOfOneKind: PolicyObject[] | undefined;
    for (const [kind, ofKind] of this.byKind) {
      if (kind !== 'Pod' && !hasOwnProperty.call(TEMPLATE_PATHS, kind)) continue;
      workloadsOfOneKind = workloads === 0 ? ofKind : undefined;
      workloads += ofKind.length;
    }
    const candidates = workloadsOfOneKind ?? objects;
    // At most one template per workload: room for that many, trimmed to those with a spec.
    const templates: PodTemplate[] = new Array(workloads);
    let found = 0;
    for (let i = 0; i < candidates.length && found < workloads; i++) {
      const template = podTemplateOf(candidates[i]);
      if (template) templates[found++] = template;
    }
    templates.length = found;
    this.podTemplates = templates;
    this.templatesByNamespace = groupBy(templates, namespaceOf);
  }

  /** namespace ('' when cluster-scoped) → name → the first object of a kind with that name, built on first use. */
  private namesOfKind(kind: string): Map<string, Map<string, PolicyObject>> | undefined {
    let byNs = this.byKindNsName.get(kind);
    if (byNs) return byNs;
    const objects = this.byKind.get(kind);
    if (!objects) return undefined;
    this.byKindNsName.set(kind, (byNs = new Map()));
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      const ns = o.namespace ?? '';
      let byName = byNs.get(ns);
      if (!byName) byNs.set(ns, (byName = new Map()));
      if (!byName.has(o.name)) byName.set(o.name, o);
    }
    return byNs;
  }

  /** The pod templates of a namespace by the value they give a label key (own labels only), built on first use; undefined when the namespace has no template. */
  private templatesByLabelValue(namespace: string, key: string): Map<unknown, PodTemplate[]> | undefined {
    const templates = this.templatesByNamespace.get(namespace);
    if (!templates) return undefined;
    let byKey = this.templatesByLabel.get(namespace);
    if (!byKey) this.templatesByLabel.set(namespace, (byKey = new Map()));
    let byValue = byKey.get(key);
    if (!byValue) {
      byKey.set(key, (byValue = new Map()));
      // An indexed loop: run once per namespace and selector key, over every template of the namespace.
      for (let i = 0; i < templates.length; i++) {
        const t = templates[i];
        // Own enumerable keys, as a for-in over the labels lists them.
        if (!propertyIsEnumerable.call(t.labels, key)) continue;
        const value = t.labels[key];
        const list = byValue.get(value);
        if (list) list.push(t);
        else byValue.set(value, [t]);
      }
    }
    return byValue;
  }

  /**
   * What `derive` computes from this context, computed on the first call and
   * shared by every rule that asks with the same function: an index several
   * rules read (the Gateway API routes, their parents) is built once per check,
   * not once per rule.
   */
  public shared<T>(derive: (context: PolicyContext) => T): T {
    if (!this.derived.has(derive)) this.derived.set(derive, derive(this));
    return this.derived.get(derive) as T;
  }

  /** Every object of a kind, in input order. */
  public ofKind(kind: string): readonly PolicyObject[] {
    return this.byKind.get(kind) ?? [];
  }

  /** The object of that kind, namespace and name, if it is in the set. */
  public find(kind: string, namespace: string | undefined, name: string): PolicyObject | undefined {
    return this.namesOfKind(kind)?.get(namespace ?? '')?.get(name);
  }

  /** Whether the input holds any object of a kind in a namespace (what a cross-object rule can judge by). */
  public hasAny(kind: string, namespace: string | undefined): boolean {
    // Input with skipped templates or unreadable files may hold what is missing here.
    if (this.options.incompleteInput) return false;
    return (this.namesOfKind(kind)?.get(namespace ?? '')?.size ?? 0) > 0;
  }

  /** Whether the input holds any pod template (workload or Pod) in a namespace. */
  public hasPodTemplatesIn(namespace: string): boolean {
    if (this.options.incompleteInput) return false;
    return this.templatesByNamespace.has(namespace);
  }

  /** The pod templates (workloads and Pods) of a namespace, in input order. */
  public podTemplatesIn(namespace: string): readonly PodTemplate[] {
    return this.templatesByNamespace.get(namespace) ?? [];
  }

  /** The names of the objects of a kind in a namespace, in input order (for "did you mean" hints). */
  public namesIn(kind: string, namespace: string | undefined): readonly string[] {
    return [...(this.namesOfKind(kind)?.get(namespace ?? '')?.keys() ?? [])];
  }

  /** The values pod templates in a namespace give a label key (for "did you mean" hints). */
  public podLabelValues(namespace: string, key: string): string[] {
    return [...(this.templatesByLabelValue(namespace, key)?.keys() ?? [])].map(String);
  }

  /** The pod templates in the Service's namespace whose labels include all of its selector. Shared: never change it. */
  public podsSelectedBy(service: PolicyObject): readonly PodTemplate[] {
    // Kept per Service: five rules ask, and keeping costs fewer instructions than finding the answer again. Rules
    // ask Service after Service in input order, so the next position (or the first, as the next rule starts over)
    // is found without a lookup, and its answer kept in a list of the Services' size rather than a map entry each.
    const services = this.byKind.get('Service') ?? NO_OBJECTS;
    let position = this.lastSelected + 1;
    // No read past the end (a rule's last Service is followed by the next rule's first): such a read slows the lookup.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, a cache: a Service not found at the position is kept in the map.
    if (!(position < services.length && services[position] === service)) position = services.length > 0 && services[0] === service ? 0 : -1;
    let found: readonly PodTemplate[] | undefined;
    if (position >= 0) {
      this.lastSelected = position;
      const byPosition = (this.selectedByPosition ??= new Array(services.length));
      found = byPosition[position];
      // Stryker disable next-line ConditionalExpression: equivalent, a cache: found again, the same answer.
      if (!found) byPosition[position] = found = this.selectorMatches(service);
      return found;
    }
    found = this.selectedCache.get(service);
    // Stryker disable next-line ConditionalExpression: equivalent, a cache: found again, the same answer.
    if (!found) this.selectedCache.set(service, (found = this.selectorMatches(service)));
    return found;
  }

  private selectorMatches(service: PolicyObject): readonly PodTemplate[] {
    return this.podsMatching(service.namespace ?? 'default', service.manifest.spec?.selector ?? NO_LABELS);
  }

  /**
   * The pod templates in a namespace whose labels include all of `selector`
   * (none for an empty selector), in input order: {@link podsMatching} in a
   * list of the caller's own.
   */
  public podsWithLabels(namespace: string, selector: Readonly<Record<string, unknown>>): PodTemplate[] {
    return this.podsMatching(namespace, selector).slice();
  }

  /**
   * {@link podsWithLabels} without the copy: the answer is often a list the
   * context keeps (the templates giving the selector's rarest label its
   * value). Shared: never change it. Starts from the rarest label, so the
   * cost is the number of candidates, not the number of pods in the app; a
   * key whose value a few templates carry (an app's name) is rare enough, and
   * the other keys are then not indexed at all.
   */
  public podsMatching(namespace: string, selector: Readonly<Record<string, unknown>>): readonly PodTemplate[] {
    if (!this.templatesByNamespace.has(namespace)) return NO_TEMPLATES;
    // for-in with an own-key test lists what Object.keys lists, in its order, without making the list:
    // this runs for every Service and budget of every synth, several times.
    let smallest: PodTemplate[] | undefined;
    let from: string | undefined;
    for (const key in selector) {
      if (!hasOwnProperty.call(selector, key)) continue;
      const list = this.templatesByLabelValue(namespace, key)!.get(selector[key]);
      if (!list) return NO_TEMPLATES;
      if (!smallest || list.length < smallest.length) {
        smallest = list;
        from = key;
      }
      if (smallest.length <= FEW_CANDIDATES) break;
    }
    if (!smallest) return NO_TEMPLATES;
    // Loops, not filter and every with closures. Each key is checked as the index has it (own enumerable labels),
    // since not every key's index was read; the key the candidates come from is own and enumerable on each of them
    // already (its index holds only such labels), which spares that (slow, C++) call per candidate; `===` still
    // judges its value (NaN). Copied only from the first candidate that fails: usually all pass, and the index's
    // list is the answer.
    let out: PodTemplate[] | undefined;
    for (let i = 0; i < smallest.length; i++) {
      const t = smallest[i];
      let all = true;
      for (const key in selector) {
        if (!hasOwnProperty.call(selector, key)) continue;
        // Stryker disable next-line ConditionalExpression: its `false` is equivalent, the index's key passes the enumerability test too (skipping it only spares the call).
        all = t.labels[key] === selector[key] && (key === from || propertyIsEnumerable.call(t.labels, key));
        if (!all) break;
      }
      if (!all && !out) out = smallest.slice(0, i);
      else if (all && out) out.push(t);
    }
    return out ?? smallest;
  }
}

/** Candidates few enough to be checked label by label rather than by looking up the selector's other keys. */
const FEW_CANDIDATES = 8;

const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** No object: shared. */
const NO_OBJECTS: readonly PolicyObject[] = Object.freeze([]);
/** No pod template: shared, since many lookups find none. */
const NO_TEMPLATES: readonly PodTemplate[] = Object.freeze([]);
/** The selector of a Service without one. */
const NO_LABELS: Readonly<Record<string, unknown>> = Object.freeze({});

const kindOf = (o: PolicyObject) => o.kind;
const namespaceOf = (t: PodTemplate) => t.namespace;

/**
 * The items by key, each list in input order; the input list itself when every
 * item has the one key (a single namespace, the common case). Grown by push
 * otherwise: counting first and filling lists made at their size costs more
 * instructions than the growth costs in garbage. Shared lists: never change them.
 */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  if (items.length === 0) return groups;
  const first = keyOf(items[0]);
  let same = 1;
  while (same < items.length && keyOf(items[same]) === first) same++;
  if (same === items.length) return groups.set(first, items);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The pod template (`metadata` and `spec`) of a workload manifest, or the Pod itself; undefined for other kinds. */
export function podTemplateOfManifest(manifest: any): { readonly metadata?: any; readonly spec: any } | undefined {
  if (manifest?.kind === 'Pod') return manifest.spec ? manifest : undefined;
  const path = hasOwnProperty.call(TEMPLATE_PATHS, manifest?.kind) ? TEMPLATE_PATHS[manifest.kind] : undefined;
  const template = path ? dig(manifest, path) : undefined;
  return template?.spec ? template : undefined;
}

/** A pod template as the context makes it, keeping its app containers once asked (several rules ask). */
class TemplateRecord implements PodTemplate {
  #containers: readonly ContainerRef[] | undefined;
  constructor(readonly owner: PolicyObject, readonly namespace: string, readonly labels: Readonly<Record<string, string>>, readonly spec: any, readonly specPath: string) {}
  appContainers(): readonly ContainerRef[] {
    return (this.#containers ??= listContainers(this, 'containers'));
  }
}

function podTemplateOf(o: PolicyObject): PodTemplate | undefined {
  const namespace = o.namespace ?? 'default';
  if (o.kind === 'Pod') {
    if (!o.manifest.spec) return undefined;
    return new TemplateRecord(o, namespace, o.manifest.metadata?.labels ?? {}, o.manifest.spec, 'spec');
  }
  // Own keys only: a kind named like an Object.prototype member ("toString") is no workload.
  const path = hasOwnProperty.call(TEMPLATE_PATHS, o.kind) ? TEMPLATE_PATHS[o.kind] : undefined;
  if (!path) return undefined;
  const template = dig(o.manifest, path);
  if (!template?.spec) return undefined;
  return new TemplateRecord(o, namespace, template.metadata?.labels ?? {}, template.spec, SPEC_PATHS[o.kind]);
}

/** A container of a pod template, with the object that owns the template and the container's field path for messages. */
export interface ContainerRef {
  readonly owner: PolicyObject;
  readonly container: any;
  readonly path: string;
}

/** Per template not made by a context (a caller's own), its app containers. */
const appContainers = new WeakMap<PodTemplate, readonly ContainerRef[]>();

/** The containers of a PodSpec with the path of each, init and ephemeral containers included when asked (around the app containers, which are listed once). */
export function containersOf(template: PodTemplate, withInit = false): readonly ContainerRef[] {
  let list: readonly ContainerRef[] | undefined;
  if (template instanceof TemplateRecord) list = template.appContainers();
  else if (!(list = appContainers.get(template))) appContainers.set(template, (list = listContainers(template, 'containers')));
  if (!withInit) return list;
  // Most pods have neither init nor ephemeral containers: their app containers' list is the answer (shared, never changed).
  const init = template.spec?.initContainers;
  const ephemeral = template.spec?.ephemeralContainers;
  if (!(Array.isArray(init) && init.length > 0) && !(Array.isArray(ephemeral) && ephemeral.length > 0)) return list;
  return [...listContainers(template, 'initContainers'), ...list, ...listContainers(template, 'ephemeralContainers')];
}

function listContainers(template: PodTemplate, list: string): ContainerRef[] {
  const items = template.spec?.[list];
  if (!Array.isArray(items)) return [];
  // Made at its final size (one container, mostly), not grown by push from empty (room for 16): one list per template of every synth.
  const out: ContainerRef[] = new Array(items.length);
  let count = 0;
  for (let i = 0; i < items.length; i++) {
    // A hole in the list is skipped, as forEach skipped it.
    if (i in items) out[count++] = { owner: template.owner, container: items[i], path: containerPath(template.specPath, list, i) };
  }
  out.length = count;
  return out;
}

const KEPT_PATHS = 8;

/** specPath → list → index → `spec.template.spec.containers[0]`: the same few paths for every template of a kind, written once. */
const containerPaths = new Map<string, Map<string, string[]>>();

function containerPath(specPath: string, list: string, index: number): string {
  // Pods with more containers are few: their paths are not kept.
  if (index >= KEPT_PATHS) return `${specPath}.${list}[${index}]`;
  let byList = containerPaths.get(specPath);
  if (!byList) containerPaths.set(specPath, (byList = new Map()));
  let paths = byList.get(list);
  if (!paths) byList.set(list, (paths = []));
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a cache: written again, the same path.
  return paths[index] ??= `${specPath}.${list}[${index}]`;
}
