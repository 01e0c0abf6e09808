import { PodTemplate, PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** Kinds whose pod count is `spec.replicas` (default 1) and that an autoscaler can own. */
const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

interface Workloads {
  /** `namespace/kind/name` of a scale target → the autoscalers that own its count. */
  readonly autoscalers: Map<string, PolicyObject[]>;
  /** Built when first asked (only the autoscaler rules ask, and most apps have no autoscaler). */
  templates?: Map<PolicyObject, PodTemplate>;
}

const indexes = new WeakMap<PolicyContext, Workloads>();

/** No autoscaler: one list for every workload without one (asked for every workload of every synth). */
const NO_AUTOSCALERS: readonly PolicyObject[] = Object.freeze([]);

// The context gives every namespaced object a namespace ('default' when unset), so the fallback is for cluster-scoped targets only.
// Stryker disable next-line StringLiteral: equivalent, no scalable kind is cluster-scoped.
const targetKey = (namespace: string | undefined, kind: unknown, name: unknown) => JSON.stringify([namespace ?? 'default', kind, name]);

/** Autoscalers by target and pod templates by owner, built once per context for the rules that read them. */
function workloadsOf(context: PolicyContext): Workloads {
  let index = indexes.get(context);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: building the index again gives the same index.
  if (!index) {
    const autoscalers = new Map<string, PolicyObject[]>();
    for (const hpa of context.ofKind('HorizontalPodAutoscaler')) {
      const ref = hpa.manifest.spec?.scaleTargetRef;
      const key = targetKey(hpa.namespace, ref?.kind, ref?.name);
      const list = autoscalers.get(key);
      if (list) list.push(hpa);
      else autoscalers.set(key, [hpa]);
    }
    index = { autoscalers };
    indexes.set(context, index);
  }
  return index;
}

/** The autoscalers whose scaleTargetRef names this workload. */
export function autoscalersOf(context: PolicyContext, workload: PolicyObject): readonly PolicyObject[] {
  const { autoscalers } = workloadsOf(context);
  // Most apps have no autoscaler: no key to build for each workload.
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: with no autoscaler the lookup below finds none.
  if (autoscalers.size === 0) return NO_AUTOSCALERS;
  return autoscalers.get(targetKey(workload.namespace, workload.kind, workload.name)) ?? NO_AUTOSCALERS;
}

/** The workload an autoscaler scales, when it is in the set. */
export function scaleTargetOf(context: PolicyContext, hpa: PolicyObject): PolicyObject | undefined {
  const ref = hpa.manifest.spec?.scaleTargetRef;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: equivalent, find() matches no object whose kind or name is not a string (and ref is read only after typeof ref?.kind passed).
  if (typeof ref?.kind !== 'string' || typeof ref?.name !== 'string') return undefined;
  return context.find(ref.kind, hpa.namespace, ref.name);
}

/** The pod template of a workload (a Pod is its own). */
export function templateOf(context: PolicyContext, workload: PolicyObject): PodTemplate | undefined {
  const index = workloadsOf(context);
  index.templates ??= new Map(context.podTemplates.map((t) => [t.owner, t]));
  return index.templates.get(workload);
}

/**
 * The fewest pods a workload runs: an owning autoscaler's minReplicas (default
 * 1), else spec.replicas (default 1); 1 for a Pod; undefined for kinds without
 * a count (a DaemonSet runs one pod per node, a Job as many as it needs).
 */
export function fewestPods(context: PolicyContext, workload: PolicyObject): number | undefined {
  if (workload.kind === 'Pod') return 1;
  if (!SCALABLE_KINDS.has(workload.kind)) return undefined;
  // An index, not `const [hpa] =`: array destructuring runs the iterator protocol, for every workload of every synth.
  const hpa = autoscalersOf(context, workload)[0];
  // Stryker disable next-line OptionalChaining: equivalent, an autoscaler found by its target has a spec (scaleTargetRef), and a workload with a pod template has one too.
  const count = hpa ? (hpa.manifest.spec?.minReplicas ?? 1) : (workload.manifest.spec?.replicas ?? 1);
  return typeof count === 'number' ? count : undefined;
}
