import { isClusterScoped } from '../core/cluster-scoped';
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
  for (const key of path) v = v?.[key];
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
  private readonly byKind = new Map<string, PolicyObject[]>();
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
  private readonly selectedCache = new Map<PolicyObject, PodTemplate[]>();
  /** namespace → its pod templates, in input order. */
  private readonly templatesByNamespace = new Map<string, PodTemplate[]>();
  private readonly derived = new Map<(context: PolicyContext) => unknown, unknown>();

  constructor(raw: readonly RawObject[], options: PolicyOptions = {}) {
    this.options = options;
    const objects: PolicyObject[] = [];
    for (let i = 0; i < raw.length; i++) {
      const r = raw[i];
      if (r.manifest && typeof r.manifest === 'object' && !Array.isArray(r.manifest)) objects.push(toPolicyObject(r));
    }
    this.objects = objects;
    const templates: PodTemplate[] = [];
    // Indexed loops: this runs over every object of every synth, before the engine has optimized it.
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      const ofKind = this.byKind.get(o.kind);
      if (ofKind) ofKind.push(o);
      else this.byKind.set(o.kind, [o]);
      const template = podTemplateOf(o);
      if (template) templates.push(template);
    }
    this.podTemplates = templates;
    for (let i = 0; i < templates.length; i++) {
      const t = templates[i];
      const inNamespace = this.templatesByNamespace.get(t.namespace);
      if (inNamespace) inNamespace.push(t);
      else this.templatesByNamespace.set(t.namespace, [t]);
    }
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
      for (const t of templates) {
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

  /** The pod templates in the Service's namespace whose labels include all of its selector. */
  public podsSelectedBy(service: PolicyObject): readonly PodTemplate[] {
    const cached = this.selectedCache.get(service);
    if (cached) return cached;
    const result = this.podsWithLabels(service.namespace ?? 'default', service.manifest.spec?.selector ?? {});
    this.selectedCache.set(service, result);
    return result;
  }

  /**
   * The pod templates in a namespace whose labels include all of `selector`
   * (none for an empty selector). Starts from the rarest label, so the cost is
   * the number of candidates, not the number of pods in the app; a key whose
   * value a few templates carry (an app's name) is rare enough, and the other
   * keys are then not indexed at all.
   */
  public podsWithLabels(namespace: string, selector: Readonly<Record<string, unknown>>): PodTemplate[] {
    const keys = Object.keys(selector);
    if (keys.length === 0 || !this.templatesByNamespace.has(namespace)) return [];
    let smallest: PodTemplate[] | undefined;
    let from = 0;
    for (let k = 0; k < keys.length; k++) {
      const list = this.templatesByLabelValue(namespace, keys[k])?.get(selector[keys[k]]);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) {
        smallest = list;
        from = k;
      }
      if (smallest.length <= FEW_CANDIDATES) break;
    }
    // Loops, not filter and every with closures: this runs for every Service and budget of every synth.
    // Each key is checked as the index has it (own enumerable labels), since not every key's index was read;
    // the key the candidates come from is own and enumerable on each of them already (its index holds only
    // such labels), which spares that (slow, C++) call per candidate; `===` still judges its value (NaN).
    const out: PodTemplate[] = [];
    for (let i = 0; i < smallest!.length; i++) {
      const t = smallest![i];
      let all = true;
      for (let k = 0; k < keys.length && all; k++) {
        // Stryker disable next-line ConditionalExpression: its `false` is equivalent, the index's key passes the enumerability test too (skipping it only spares the call).
        all = t.labels[keys[k]] === selector[keys[k]] && (k === from || propertyIsEnumerable.call(t.labels, keys[k]));
      }
      if (all) out.push(t);
    }
    return out;
  }
}

/** Candidates few enough to be checked label by label rather than by looking up the selector's other keys. */
const FEW_CANDIDATES = 8;

const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;

function toPolicyObject(raw: RawObject): PolicyObject {
  const m = raw.manifest;
  const kind = typeof m.kind === 'string' ? m.kind : '';
  const declared = m.metadata?.namespace;
  return {
    manifest: m,
    apiVersion: typeof m.apiVersion === 'string' ? m.apiVersion : '',
    kind,
    // kubectl puts an object without a namespace into the context's, usually default.
    namespace: isClusterScoped(kind) ? undefined : (typeof declared === 'string' && declared ? declared : 'default'),
    name: typeof m.metadata?.name === 'string' ? m.metadata.name : '',
    constructPath: raw.constructPath,
    file: raw.file,
    line: raw.line,
  };
}

/** The pod template (`metadata` and `spec`) of a workload manifest, or the Pod itself; undefined for other kinds. */
export function podTemplateOfManifest(manifest: any): { readonly metadata?: any; readonly spec: any } | undefined {
  if (manifest?.kind === 'Pod') return manifest.spec ? manifest : undefined;
  const path = Object.prototype.hasOwnProperty.call(TEMPLATE_PATHS, manifest?.kind) ? TEMPLATE_PATHS[manifest.kind] : undefined;
  const template = path ? dig(manifest, path) : undefined;
  return template?.spec ? template : undefined;
}

function podTemplateOf(o: PolicyObject): PodTemplate | undefined {
  const namespace = o.namespace ?? 'default';
  if (o.kind === 'Pod') {
    if (!o.manifest.spec) return undefined;
    return { owner: o, namespace, labels: o.manifest.metadata?.labels ?? {}, spec: o.manifest.spec, specPath: 'spec' };
  }
  // Own keys only: a kind named like an Object.prototype member ("toString") is no workload.
  const path = Object.prototype.hasOwnProperty.call(TEMPLATE_PATHS, o.kind) ? TEMPLATE_PATHS[o.kind] : undefined;
  if (!path) return undefined;
  const template = dig(o.manifest, path);
  if (!template?.spec) return undefined;
  return { owner: o, namespace, labels: template.metadata?.labels ?? {}, spec: template.spec, specPath: SPEC_PATHS[o.kind] };
}

/** A container of a pod template, with the object that owns the template and the container's field path for messages. */
export interface ContainerRef {
  readonly owner: PolicyObject;
  readonly container: any;
  readonly path: string;
}

/** Per template, its app containers: several rules ask for them. */
const appContainers = new WeakMap<PodTemplate, readonly ContainerRef[]>();

/** The containers of a PodSpec with the path of each, init and ephemeral containers included when asked (around the app containers, which are listed once). */
export function containersOf(template: PodTemplate, withInit = false): readonly ContainerRef[] {
  let list = appContainers.get(template);
  if (!list) appContainers.set(template, (list = listContainers(template, 'containers')));
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
  const out: ContainerRef[] = [];
  for (let i = 0; i < items.length; i++) {
    // A hole in the list is skipped, as forEach skipped it.
    if (i in items) out.push({ owner: template.owner, container: items[i], path: `${template.specPath}.${list}[${i}]` });
  }
  return out;
}
