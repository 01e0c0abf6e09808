import { Duration } from 'cdk8s';
import type { ILifecycle } from 'kubernetes-models/v1/Lifecycle';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import type { IHorizontalPodAutoscalerSpec } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerSpec';
import type { IPodDisruptionBudgetSpec } from 'kubernetes-models/policy/v1/PodDisruptionBudgetSpec';
import type { IDeploymentSpec } from 'kubernetes-models/apps/v1/DeploymentSpec';
import { Problem } from '../core/errors';
import { atLeast, DEFAULT_KUBERNETES_VERSION, kubernetesVersionProblem, parseKubernetesVersion } from '../core/kubernetes-version';
import { AutoscalingOptions, autoscalerMetrics, autoscalingOptionProblems } from './autoscaler';
import { DisruptionBudgetOptions, disruptionBudgetOptionProblems } from './disruption-budget';
import { preStopPause, ResolvedShutdown, resolveGracefulShutdown } from './graceful-shutdown';
import { DEFAULT_ROLLING_UPDATE, RollingUpdateOptions } from './rollout';
import { HOSTNAME_KEY, spreadConstraint, SpreadOptions, spreadOptionProblems, ZONE_KEY } from './topology-spread';
import type { WebAppProps } from './web-app-props';

/** The first releases with a field WebApp writes only where the API server knows it. */
const SLEEP_ACTION_SINCE = 30; // PodLifecycleSleepAction: beta, on by default
const NODE_TAINTS_POLICY_SINCE = 26; // NodeInclusionPolicyInPodTopologySpread: beta, on by default
const UNHEALTHY_POD_EVICTION_POLICY_SINCE = 27; // PDBUnhealthyPodEvictionPolicy: beta, on by default

export const DEFAULT_MIN_READY = Duration.seconds(10);

/**
 * How a WebApp keeps serving while pods come and go: its props after defaults.
 * `replicas` is the fewest pods (the autoscaler's minimum when one owns the
 * count), `maxReplicas` the most.
 */
export interface Availability {
  readonly replicas: number;
  readonly maxReplicas: number;
  readonly autoscaling?: AutoscalingOptions;
  readonly shutdown?: ResolvedShutdown;
  readonly rollingUpdate?: Required<RollingUpdateOptions>;
  readonly minReadySeconds: number;
  readonly disruptionBudget?: DisruptionBudgetOptions;
  readonly nodeSpread?: SpreadOptions;
  readonly zoneSpread?: SpreadOptions;
  /** The kubernetesVersion has the preStop `sleep` action. */
  readonly sleepAction: boolean;
  readonly nodeTaintsPolicy: boolean;
  readonly unhealthyPodEvictionPolicy: boolean;
}

const spreadOf = (value: boolean | SpreadOptions | undefined, byDefault: boolean): SpreadOptions | undefined =>
  value === false || (value === undefined && !byDefault) ? undefined : value === true || value === undefined ? {} : value;

/** The availability props after defaults, and what is wrong with them. */
export function resolveAvailability(props: WebAppProps, targetVersion = DEFAULT_KUBERNETES_VERSION): { availability: Availability; problems: Problem[] } {
  const problems: Problem[] = [];
  const versionText = props.kubernetesVersion ?? targetVersion;
  const versionProblem = kubernetesVersionProblem('kubernetesVersion', versionText);
  if (versionProblem) problems.push(versionProblem);
  const version = parseKubernetesVersion(versionText) ?? parseKubernetesVersion(targetVersion)!;

  const autoscaling = props.autoscaling;
  if (autoscaling && props.replicas !== undefined && autoscaling.minReplicas !== undefined) {
    problems.push({ field: 'replicas', message: 'and autoscaling.minReplicas are both set; the autoscaler owns the replica count.', value: props.replicas, fix: 'give only autoscaling.minReplicas.' });
  }
  const replicas = autoscaling ? (autoscaling.minReplicas ?? props.replicas ?? 2) : (props.replicas ?? 2);
  const maxReplicas = autoscaling ? autoscaling.maxReplicas : replicas;
  if (autoscaling) {
    problems.push(...autoscalingOptionProblems(autoscaling));
    for (const [field, value] of [['autoscaling.minReplicas', replicas], ['autoscaling.maxReplicas', maxReplicas]] as const) {
      if (!Number.isInteger(value)) problems.push({ field, message: 'must be a whole number of pods.', value, allowed: '1 or more', fix: 'give a whole number.' });
    }
  }

  let shutdown: ResolvedShutdown | undefined;
  if (props.gracefulShutdown !== false) {
    const resolved = resolveGracefulShutdown(props.gracefulShutdown ?? {});
    shutdown = resolved.shutdown;
    problems.push(...resolved.problems);
  }
  const rollingUpdate = props.rollingUpdate === false ? undefined : { ...DEFAULT_ROLLING_UPDATE, ...props.rollingUpdate };
  const minReadySeconds = (props.minReady ?? DEFAULT_MIN_READY).toSeconds({ integral: false });
  if (!Number.isInteger(minReadySeconds) || minReadySeconds < 0) {
    problems.push({ field: 'minReady', message: 'is not a whole number of seconds, which is all the API can express.', value: `${minReadySeconds}s`, allowed: 'whole seconds, 0 or more', fix: 'use Duration.seconds(n).' });
  }

  // One pod has nothing to spread and no budget to keep: a PDB on it would only block drains.
  const manyPods = maxReplicas > 1;
  const disruptionBudget = props.disruptionBudget === false || (props.disruptionBudget === undefined && !manyPods)
    ? undefined
    : props.disruptionBudget ?? {};
  if (disruptionBudget) problems.push(...disruptionBudgetOptionProblems(disruptionBudget));
  const unhealthyPodEvictionPolicy = atLeast(version, UNHEALTHY_POD_EVICTION_POLICY_SINCE);
  if (disruptionBudget?.unhealthyPodEvictionPolicy !== undefined && !unhealthyPodEvictionPolicy) {
    problems.push({
      field: 'disruptionBudget.unhealthyPodEvictionPolicy', message: `needs Kubernetes 1.27 or later; kubernetesVersion is ${versionText}, whose API server drops it.`,
      value: disruptionBudget.unhealthyPodEvictionPolicy, fix: 'remove it, or raise kubernetesVersion if every cluster runs 1.27 or later.',
    });
  }
  const nodeSpread = spreadOf(props.spreadAcrossNodes, manyPods);
  const zoneSpread = spreadOf(props.spreadAcrossZones, false);
  if (nodeSpread) problems.push(...spreadOptionProblems('spreadAcrossNodes', nodeSpread));
  if (zoneSpread) problems.push(...spreadOptionProblems('spreadAcrossZones', zoneSpread));

  return {
    availability: {
      replicas, maxReplicas, autoscaling, shutdown, rollingUpdate, minReadySeconds, disruptionBudget, nodeSpread, zoneSpread,
      sleepAction: atLeast(version, SLEEP_ACTION_SINCE),
      nodeTaintsPolicy: atLeast(version, NODE_TAINTS_POLICY_SINCE),
      unhealthyPodEvictionPolicy,
    },
    problems,
  };
}

/** The Deployment spec fields: replicas (unless the autoscaler owns them), minReadySeconds, strategy. */
export function deploymentAvailabilityFields(a: Availability): Pick<IDeploymentSpec, 'replicas' | 'minReadySeconds' | 'strategy'> {
  // Key by key rather than spreading optional parts: lib/core/own-keys.ts says why.
  const fields: Pick<IDeploymentSpec, 'replicas' | 'minReadySeconds' | 'strategy'> = {};
  // Left out when an autoscaler owns the count: every `kubectl apply` or GitOps sync would reset it.
  if (!a.autoscaling) fields.replicas = a.replicas;
  if (a.minReadySeconds > 0) fields.minReadySeconds = a.minReadySeconds;
  if (a.rollingUpdate) fields.strategy = { type: 'RollingUpdate', rollingUpdate: { ...a.rollingUpdate } };
  return fields;
}

/** The PodSpec fields: the grace period and the spread constraints. */
export function podAvailabilityFields(a: Availability, selector: Readonly<Record<string, string>>): { terminationGracePeriodSeconds?: number; topologySpreadConstraints?: ITopologySpreadConstraint[] } {
  const constraints = [
    ...(a.nodeSpread ? [spreadConstraint(HOSTNAME_KEY, a.nodeSpread, selector, a.nodeTaintsPolicy)] : []),
    ...(a.zoneSpread ? [spreadConstraint(ZONE_KEY, a.zoneSpread, selector, a.nodeTaintsPolicy)] : []),
  ];
  const fields: { terminationGracePeriodSeconds?: number; topologySpreadConstraints?: ITopologySpreadConstraint[] } = {};
  if (a.shutdown) fields.terminationGracePeriodSeconds = a.shutdown.gracePeriodSeconds;
  if (constraints.length > 0) fields.topologySpreadConstraints = constraints;
  return fields;
}

/** The container's lifecycle: the preStop pause, when there is one. */
export function containerLifecycle(a: Availability): ILifecycle | undefined {
  if (!a.shutdown || a.shutdown.preStopSeconds === 0) return undefined;
  return { preStop: preStopPause(a.shutdown.preStopSeconds, a.sleepAction) };
}

export function disruptionBudgetSpec(a: Availability, selector: Readonly<Record<string, string>>): IPodDisruptionBudgetSpec | undefined {
  const budget = a.disruptionBudget;
  if (!budget) return undefined;
  // Built key by key, not as `{ ...count, selector }`: in V8 (Node 20) an object literal that spreads
  // first and then adds keys gets a map of its own each time, one per WebApp (heap, and slower reads).
  const spec: IPodDisruptionBudgetSpec = budget.minAvailable !== undefined
    ? { minAvailable: budget.minAvailable, selector: { matchLabels: { ...selector } } }
    : { maxUnavailable: budget.maxUnavailable ?? 1, selector: { matchLabels: { ...selector } } };
  if (a.unhealthyPodEvictionPolicy) spec.unhealthyPodEvictionPolicy = budget.unhealthyPodEvictionPolicy ?? 'AlwaysAllow';
  return spec;
}

export function autoscalerSpec(a: Availability, deploymentName: string): IHorizontalPodAutoscalerSpec | undefined {
  if (!a.autoscaling) return undefined;
  return {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: deploymentName },
    minReplicas: a.replicas,
    maxReplicas: a.maxReplicas,
    metrics: autoscalerMetrics(a.autoscaling),
  };
}
