import type { Duration } from 'cdk8s';
import type { IEnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { AutoscalingOptions } from './autoscaler';
import type { ContainerPort } from './container-ports';
import type { DisruptionBudgetOptions } from './disruption-budget';
import type { GracefulShutdownOptions } from './graceful-shutdown';
import type { Probe } from './probe';
import type { RollingUpdateOptions } from './rollout';
import type { SecurityProfile } from './security';
import type { SpreadOptions } from './topology-spread';
/** CPU and memory for the container, as Kubernetes quantities (`100m`, `128Mi`). */
export interface ResourceQuantities {
  readonly cpu?: string;
  readonly memory?: string;
}

export interface WebAppResources {
  /**
   * What the scheduler reserves.
   * @default { cpu: '100m', memory: '128Mi' }
   */
  readonly requests?: ResourceQuantities;
  /**
   * The ceiling: over the memory limit the container is killed, over the CPU limit it is throttled.
   * @default { cpu: '500m', memory: '256Mi' }
   */
  readonly limits?: ResourceQuantities;
}

export interface WebAppProps {
  /** The container image, with a tag or digest (`nginx:1.17.2`). */
  readonly image: string;
  /**
   * `metadata.name` of the Deployment, and the `app.kubernetes.io/instance` label.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The `app.kubernetes.io/name` label: what the application is.
   * @default - the name
   */
  readonly appName?: string;
  /**
   * The namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * The `app.kubernetes.io/version` label on the Deployment and its pods (never on selectors).
   * @default - the image tag, when it is a valid label value
   */
  readonly version?: string;
  /**
   * The `app.kubernetes.io/component` label.
   * @default - none
   */
  readonly component?: string;
  /**
   * The `app.kubernetes.io/part-of` label.
   * @default - none
   */
  readonly partOf?: string;
  /**
   * Number of pods. With `autoscaling`, the autoscaler's minimum instead
   * (the Deployment then leaves `spec.replicas` to the autoscaler).
   * @default 2
   */
  readonly replicas?: number;
  /**
   * Shorthand for one TCP port named `http`. Give `ports` instead for more.
   * @default - no port unless `ports` is given
   */
  readonly port?: number;
  /**
   * The container's ports.
   * @default - only `port`, if given
   */
  readonly ports?: ContainerPort[];
  /**
   * Environment variables: a literal value, or a source (field, Secret or ConfigMap key).
   * @default - none
   */
  readonly env?: Record<string, string | IEnvVarSource>;
  /**
   * Replaces the image's ENTRYPOINT.
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Replaces the image's CMD.
   * @default - the image's command
   */
  readonly args?: string[];
  /**
   * CPU and memory requests and limits.
   * @default - requests 100m CPU / 128Mi, limits 500m CPU / 256Mi
   */
  readonly resources?: WebAppResources;
  /**
   * When the pod may receive traffic. `false` for none.
   * @default - a TCP probe on the first port (none when there is no port)
   */
  readonly readiness?: Probe | false;
  /**
   * When the container is restarted. `false` for none.
   * @default - a TCP probe on the first port after 15 s (none when there is no port)
   */
  readonly liveness?: Probe | false;
  /**
   * Extra labels on the Deployment and its pods (the selector stays name + instance).
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations on the Deployment.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Annotations on the pods.
   * @default - none
   */
  readonly podAnnotations?: Record<string, string>;
  /**
   * The pod's hostname. With `subdomain` and a headless Service of that name,
   * `<hostname>.<subdomain>.<namespace>.svc.<cluster-domain>` resolves to the pod.
   * @default - the pod name
   */
  readonly hostname?: string;
  /**
   * The pod's subdomain: the name of a headless Service in the same namespace.
   * @default - none
   */
  readonly subdomain?: string;
  /**
   * The security profile; see {@link SecurityProfile}.
   * @default 'baseline'
   */
  readonly securityProfile?: SecurityProfile;
  /**
   * UID the container runs as.
   * @default - the image's user
   */
  readonly runAsUser?: number;
  /**
   * GID the container runs as.
   * @default - the image's group
   */
  readonly runAsGroup?: number;
  /**
   * Group that owns mounted volumes.
   * @default - none
   */
  readonly fsGroup?: number;
  /**
   * Mount the root filesystem read-only.
   * @default - true for the restricted profile, false for baseline
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Paths that get a writable emptyDir when the root filesystem is read-only.
   * @default ['/tmp'] when the root filesystem is read-only, else none
   */
  readonly writablePaths?: string[];
  /**
   * Fields merged last into the container's securityContext.
   * @default - none
   */
  readonly containerSecurityContext?: ISecurityContext;
  /**
   * @default 'IfNotPresent'
   */
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /**
   * Spread the pods over nodes (a `topologySpreadConstraint` on
   * `kubernetes.io/hostname`), so one node going down does not take every
   * replica. `true` is a soft spread (ScheduleAnyway); give
   * `{ whenUnsatisfiable: 'DoNotSchedule' }` for a hard one, `false` for none.
   * @default - a soft spread when there can be more than one pod
   */
  readonly spreadAcrossNodes?: boolean | SpreadOptions;
  /**
   * Spread the pods over zones (`topology.kubernetes.io/zone`), so one zone
   * going down does not take every replica. `true` is a soft spread; give
   * `{ whenUnsatisfiable: 'DoNotSchedule' }` for a hard one.
   * @default false
   */
  readonly spreadAcrossZones?: boolean | SpreadOptions;
  /**
   * The preStop pause and grace period that let a stopping pod finish the
   * requests still routed to it; see {@link GracefulShutdownOptions}. `false`
   * for none (the container gets SIGTERM at once, 30 s before SIGKILL).
   * @default - a 10 s preStop pause and a 40 s grace period
   */
  readonly gracefulShutdown?: GracefulShutdownOptions | false;
  /**
   * How a rollout replaces pods; see {@link RollingUpdateOptions}. `false`
   * writes no strategy (Kubernetes' 25 % surge / 25 % unavailable).
   * @default - { maxSurge: '25%', maxUnavailable: 0 }: new pods start before old ones stop
   */
  readonly rollingUpdate?: RollingUpdateOptions | false;
  /**
   * How long a new pod must stay ready before the rollout counts it available
   * and stops an old one: a pod that crashes right after its first successful
   * probe stops the rollout instead of replacing a working pod.
   * `Duration.seconds(0)` to count pods as soon as they are ready.
   * @default Duration.seconds(10)
   */
  readonly minReady?: Duration;
  /**
   * A PodDisruptionBudget (policy/v1, named like the WebApp), so node drains
   * and upgrades evict pods one at a time and wait for each replacement;
   * see {@link DisruptionBudgetOptions}. `false` for none.
   * @default - { maxUnavailable: 1 } when there can be more than one pod, else none
   */
  readonly disruptionBudget?: DisruptionBudgetOptions | false;
  /**
   * A HorizontalPodAutoscaler (autoscaling/v2, named like the WebApp) that
   * owns the replica count; see {@link AutoscalingOptions}.
   * @default - none: `replicas` pods
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * The oldest Kubernetes minor version the pods run on: fields are written
   * only where that version has them (the preStop `sleep` action needs 1.30).
   * @default - the app's target (`targetKubernetesVersion`: NetkitApp's `kubernetesVersion`, else DEFAULT_KUBERNETES_VERSION '1.35')
   */
  readonly kubernetesVersion?: string;
  /**
   * The ServiceAccount the pods run as.
   * @default - the namespace's default ServiceAccount, with no API token mounted
   */
  readonly serviceAccountName?: string;
}
