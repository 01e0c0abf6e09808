import { PodTemplate, PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** Kinds whose pod count is `spec.replicas` (default 1) and that an autoscaler can own. */
const SCALABLE_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

interface Workloads {
  /** `namespace/kind/name` of a scale target → the autoscalers that own its count. */
  readonly autoscalers: Map<string, PolicyObject[]>;
  readonly templates: Map<PolicyObject, PodTemplate>;
}

const indexes = new WeakMap<PolicyContext, Workloads>();

const targetKey = (namespace: string | undefined, kind: unknown, name: unknown) => JSON.stringify([namespace ?? 'default', kind, name]);

/** Autoscalers by target and pod templates by owner, built once per context for the rules that read them. */
function workloadsOf(context: PolicyContext): Workloads {
  let index = indexes.get(context);
  if (!index) {
    const autoscalers = new Map<string, PolicyObject[]>();
    for (const hpa of context.ofKind('HorizontalPodAutoscaler')) {
      const ref = hpa.manifest.spec?.scaleTargetRef;
      const key = targetKey(hpa.namespace, ref?.kind, ref?.name);
      const list = autoscalers.get(key);
      if (list) list.push(hpa);
      else autoscalers.set(key, [hpa]);
    }
    index = { autoscalers, templates: new Map(context.podTemplates.map((t) => [t.owner, t])) };
    indexes.set(context, index);
  }
  return index;
}

/** The autoscalers whose scaleTargetRef names this workload. */
export function autoscalersOf(context: PolicyContext, workload: PolicyObject): readonly PolicyObject[] {
  const { autoscalers } = workloadsOf(context);
  // Most apps have no autoscaler: no key to build for each workload.
  if (autoscalers.size === 0) return [];
  return autoscalers.get(targetKey(workload.namespace, workload.kind, workload.name)) ?? [];
}

/** The workload an autoscaler scales, when it is in the set. */
export function scaleTargetOf(context: PolicyContext, hpa: PolicyObject): PolicyObject | undefined {
  const ref = hpa.manifest.spec?.scaleTargetRef;
  if (typeof ref?.kind !== 'string' || typeof ref?.name !== 'string') return undefined;
  return context.find(ref.kind, hpa.namespace, ref.name);
}

/** The pod template of a workload (a Pod is its own). */
export function templateOf(context: PolicyContext, workload: PolicyObject): PodTemplate | undefined {
  return workloadsOf(context).templates.get(workload);
}

/**
 * The fewest pods a workload runs: an owning autoscaler's minReplicas (default
 * 1), else spec.replicas (default 1); 1 for a Pod; undefined for kinds without
 * a count (a DaemonSet runs one pod per node, a Job as many as it needs).
 */
export function fewestPods(context: PolicyContext, workload: PolicyObject): number | undefined {
  if (workload.kind === 'Pod') return 1;
  if (!SCALABLE_KINDS.has(workload.kind)) return undefined;
  const [hpa] = autoscalersOf(context, workload);
  const count = hpa ? (hpa.manifest.spec?.minReplicas ?? 1) : (workload.manifest.spec?.replicas ?? 1);
  return typeof count === 'number' ? count : undefined;
}
