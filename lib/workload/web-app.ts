import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IEnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { formatProblem, NetkitError, Problem, throwIfProblems } from '../core/errors';
import { errorsOf, warningsOf } from '../core/validation';
import { addWarning } from '../core/warnings';
import { parseQuantity } from '../core/quantity';
import { recommendedLabels, selectorLabels } from '../core/labels';
import { isLabelValue } from '../core/names';
import type { IServiceTarget } from '../service/target';
import { ExposedService, ExposeOptions } from '../service/exposed-service';
import { autoscalerRangeProblems, autoscalerRequestProblems } from './autoscaler';
import { describePorts, ResolvedContainerPort, resolveContainerPorts } from './container-ports';
import { disruptionBudgetProblems } from './disruption-budget';
import { preStopProblems } from './graceful-shutdown';
import { Probe } from './probe';
import { rollingUpdateRejections, rolloutProblems } from './rollout';
import { containerSecurityContext, podSecurityContext, SecurityOptions } from './security';
import { spreadProblems } from './topology-spread';
import {
  Availability, autoscalerSpec, containerLifecycle, deploymentAvailabilityFields, disruptionBudgetSpec, podAvailabilityFields, resolveAvailability,
} from './web-app-availability';
import type { WebAppProps, WebAppResources } from './web-app-props';
import {
  envProblems, imageProblems, metadataPropProblems, probeTimingProblems, resourceProblems, securityIdProblems, validateNames, writablePathProblems,
} from './web-app-validation';
import { checkProps } from '../core/props';
import { compactNodes } from '../core/compact-node';
import { withOwnKeys } from '../core/own-keys';
import { parseKubernetesVersion, targetKubernetesVersionText } from '../core/kubernetes-version';
import { AllowToDestination, declareAllowFrom, declareAllowTo } from '../isolation/allow-from';
import type { AllowOptions } from '../isolation/isolation-options';
import { declarePodSecurityLevel } from '../isolation/pod-security-labels';
import type { IPodPeer, NetworkPeer } from '../isolation/peers';

/**
 * A Deployment from a few lines, with stable selectors and safe defaults.
 *
 * `new WebApp(chart, 'nginx', { image: 'nginx:1.17.2', replicas: 3, port: 80 })`
 */
export class WebApp extends Construct implements IServiceTarget {
  /** The Deployment. Change anything with `addJsonPatch` or `metadata`. */
  public readonly deployment: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  /** The labels the Deployment and its Services select on: `app.kubernetes.io/name` + `app.kubernetes.io/instance`. */
  public readonly selector: Readonly<Record<string, string>>;
  /** Every label on the pods. */
  public readonly podLabels: Readonly<Record<string, string>>;
  public readonly containerPorts: readonly ResolvedContainerPort[];
  /** The fewest pods: `replicas`, or the autoscaler's minimum when one owns the count. */
  public readonly replicas: number;
  /** The most pods: `replicas`, or the autoscaler's maximum. */
  public readonly maxReplicas: number;
  /** The PodDisruptionBudget (policy/v1, named like the Deployment), unless there is only ever one pod or it was turned off. */
  public readonly podDisruptionBudget?: ApiObject;
  /** The HorizontalPodAutoscaler (autoscaling/v2, named like the Deployment), when `autoscaling` is given. */
  public readonly autoscaler?: ApiObject;
  public readonly image: string;
  /** The pods' DNS subdomain (a headless Service's name), when set. */
  public readonly subdomain?: string;
  /** The Kubernetes release the pod spec was written for: `kubernetesVersion`, else the app's target. */
  public readonly kubernetesVersion: string;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    checkProps(this, 'WebAppProps', props);
    this.name = props.name ?? id;
    // Always explicit, as the Services and Ingresses are: an object without one lands wherever kubectl's context points.
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.image = props.image;
    this.subdomain = props.subdomain;
    const appTarget = targetKubernetesVersionText(this);
    this.kubernetesVersion = props.kubernetesVersion ?? appTarget;
    const { availability, problems: availabilityProblems } = resolveAvailability(props, appTarget);
    this.replicas = availability.replicas;
    this.maxReplicas = availability.maxReplicas;
    const problems = [...validateNames(this.name, props), ...availabilityProblems];

    if (props.port !== undefined && props.ports !== undefined) {
      problems.push({ field: 'port', message: 'and `ports` are both set.', fix: 'give either `port` (one TCP port named http) or `ports`.' });
    }
    const ports = resolveContainerPorts(props.ports ?? (props.port !== undefined ? [{ port: props.port, name: 'http' }] : []));
    // A single `port` is written as ports[0]: its problems are reported under the prop the user gave.
    problems.push(...(props.port !== undefined && props.ports === undefined ? ports.problems.map((p) => ({ ...p, field: p.field.replace(/^ports\[0\]\.port$/, 'port') })) : ports.problems));
    this.containerPorts = ports.ports;
    if (!availability.autoscaling && (!Number.isInteger(this.replicas) || this.replicas < 0)) {
      problems.push({ field: 'replicas', message: 'must be a whole number of pods.', value: this.replicas, allowed: '0 or more', fix: 'set replicas to e.g. 2.' });
    }
    const release = parseKubernetesVersion(this.kubernetesVersion) ?? parseKubernetesVersion(appTarget)!;
    const fieldChecks = [
      ...imageProblems(this.image), ...envProblems(props.env, release), ...resourceProblems(props.resources, resolveResources(props.resources)),
      ...probeTimingProblems(props), ...securityIdProblems(props), ...writablePathProblems(props.writablePaths),
    ];
    problems.push(...metadataPropProblems(props), ...errorsOf(fieldChecks));
    throwIfProblems(this, problems);
    for (const warning of warningsOf(fieldChecks)) addWarning(this, formatProblem(warning));

    const appName = props.appName ?? this.name;
    const version = props.version ?? versionFromImage(this.image);
    this.selector = selectorLabels(appName, this.name);
    this.podLabels = {
      ...props.labels,
      ...recommendedLabels({ name: appName, instance: this.name, version, component: props.component, partOf: props.partOf }),
    };

    if (props.hostname !== undefined && this.replicas > 1) {
      addWarning(this, `hostname "${props.hostname}" is given to all ${this.replicas} replicas, so <hostname>.<subdomain> resolves to one of them at random; use a StatefulSet for a stable name per pod, or one replica.`);
    }
    if (availability.shutdown && availability.shutdown.preStopSeconds > 0 && !availability.sleepAction) {
      addWarning(this, `Kubernetes ${this.kubernetesVersion} has no preStop sleep action (1.30+), so the ${availability.shutdown.preStopSeconds} s pause runs \`sleep\` in the container; an image without a sleep binary (distroless, scratch) stops at once.`);
    }
    const security = this.securityOptions(props);
    const container = this.renderContainer(props, security, availability);
    const manifest: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: this.name, namespace: this.namespace, labels: { ...this.podLabels }, annotations: props.annotations },
      // The availability fields first, then the others added to that object (lib/core/own-keys.ts says why not a spread).
      spec: Object.assign(deploymentAvailabilityFields(availability), {
        selector: { matchLabels: { ...this.selector } },
        template: {
          metadata: { labels: { ...this.podLabels }, annotations: props.podAnnotations },
          spec: {
            automountServiceAccountToken: false,
            ...(props.serviceAccountName ? { serviceAccountName: props.serviceAccountName } : {}),
            ...(props.hostname ? { hostname: props.hostname } : {}),
            ...(props.subdomain ? { subdomain: props.subdomain } : {}),
            securityContext: podSecurityContext(security),
            containers: [container.container],
            ...(container.volumes.length > 0 ? { volumes: container.volumes } : {}),
            ...podAvailabilityFields(availability, this.selector),
          },
        },
      }),
    };
    this.deployment = new ApiObject(this, 'Deployment', manifest as any);
    // The profiles are built to meet the Pod Security Standard of the same name (security.ts).
    declarePodSecurityLevel(this.deployment, security.profile);
    const metadata = { name: this.name, namespace: this.namespace, labels: { ...this.podLabels } };
    const pdbSpec = disruptionBudgetSpec(availability, this.selector);
    if (pdbSpec) {
      const pdb: IPodDisruptionBudget = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata, spec: pdbSpec };
      this.podDisruptionBudget = new ApiObject(this, 'PodDisruptionBudget', pdb as any);
    }
    const hpaSpec = autoscalerSpec(availability, this.name);
    if (hpaSpec) {
      const hpa: IHorizontalPodAutoscaler = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: hpaSpec };
      this.autoscaler = new ApiObject(this, 'HorizontalPodAutoscaler', hpa as any);
    }
    // The checks the policy rules run on any YAML, here on what this WebApp writes (one implementation each);
    // stricter than the rules' severities: a WebApp exists to keep traffic flowing, so a contradiction in its own options is an error.
    const podSpec = manifest.spec!.template.spec;
    throwIfProblems(this, [
      ...asProp(rollingUpdateRejections(manifest.spec), (field) => field.replace('spec.strategy.', '')),
      ...asProp(rolloutProblems(manifest.spec, this.replicas), (field) => field.replace('spec.strategy.', '')),
      ...asProp(preStopProblems(podSpec, 'spec.template.spec'), () => 'gracefulShutdown.terminationGracePeriod'),
      ...(pdbSpec ? asProp(disruptionBudgetProblems(pdbSpec, this.replicas), (field) => field.replace(/^spec\./, 'disruptionBudget.')) : []),
      // Before 1.26 a hard spread over nodes cannot honour taints; the pod-spread-satisfiable rule says so at synth.
      ...asProp(spreadProblems(podSpec, this.replicas, 'spec.template.spec').filter((p) => availability.nodeTaintsPolicy || !p.field.endsWith('nodeTaintsPolicy')),
        (field) => (field.includes('topologySpreadConstraints[0]') && availability.nodeSpread ? 'spreadAcrossNodes' : 'spreadAcrossZones')),
      ...(hpaSpec ? [
        ...asProp(autoscalerRangeProblems(hpaSpec), (field) => field.replace(/^spec\./, 'autoscaling.')),
        ...asProp(autoscalerRequestProblems(hpaSpec, podSpec, 'spec.template.spec'), () => 'resources.requests'),
      ] : []),
    ]);
    compactNodes(this);
  }

  /** The first container port: what probes and a one-port Service default to. */
  public get mainPort(): ResolvedContainerPort | undefined {
    return this.containerPorts[0];
  }

  /**
   * A Service in front of this WebApp (ClusterIP unless `type` says otherwise).
   * It is created inside the WebApp's construct, so its id never collides
   * with the WebApp's siblings: `web.expose('web')` works.
   */
  public expose(id: string, options: ExposeOptions = {}): ExposedService {
    // Checked as ExposeOptions: `target` or `selector` here would be overridden silently.
    checkProps(`${this.node.path}/${id}`, 'ExposeOptions', options);
    return new ExposedService(this, id, withOwnKeys(options, { target: this }));
  }

  /**
   * Lets `peer` (a WebApp, or a NetworkPeer: a namespace, pods by label, addresses) reach
   * this WebApp's pods on its container ports, or `options.ports`. Rendered when this
   * WebApp's namespace is isolated (`isolation` on its NetkitChart), and on the caller's
   * side when the caller's namespace denies egress (docs/isolation.md).
   */
  public allowFrom(peer: IPodPeer | NetworkPeer, options: AllowOptions = {}): void {
    checkProps(`${this.node.path}.allowFrom()`, 'AllowOptions', options);
    declareAllowFrom(this, peer, options);
  }

  /**
   * Lets this WebApp's pods reach `destination`: a WebApp, an ExposedService's pods, or a
   * NetworkPeer (`NetworkPeer.ipBlock('203.0.113.0/24')` for a destination outside the cluster;
   * an ExternalName Service cannot be matched by name). Rendered as an egress rule when this
   * WebApp's namespace denies egress, and an ingress rule when the destination's namespace is isolated.
   */
  public allowTo(destination: AllowToDestination, options: AllowOptions = {}): void {
    checkProps(`${this.node.path}.allowTo()`, 'AllowOptions', options);
    declareAllowTo(this, destination, options);
  }

  private securityOptions(props: WebAppProps) {
    const profile = props.securityProfile ?? 'baseline';
    return {
      profile,
      runAsUser: props.runAsUser,
      runAsGroup: props.runAsGroup,
      fsGroup: props.fsGroup,
      readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? profile === 'restricted',
      needsPrivilegedPort: this.containerPorts.some((p) => p.port < 1024),
    };
  }

  private renderContainer(props: WebAppProps, security: SecurityOptions, availability: Availability): { container: IContainer; volumes: any[] } {
    const writablePaths = props.writablePaths ?? (security.readOnlyRootFilesystem ? ['/tmp'] : []);
    const volumes = writablePaths.map((_path, i) => ({ name: `writable-${i}`, emptyDir: {} }));
    const mounts = writablePaths.map((mountPath, i) => ({ name: `writable-${i}`, mountPath }));
    const defaultPort = this.mainPort ? (this.mainPort.name ?? this.mainPort.port) : undefined;
    const readiness = this.renderProbe('readiness', props.readiness, defaultPort, 0);
    const liveness = this.renderProbe('liveness', props.liveness, defaultPort, 15);
    const { requests, limits } = resolveResources(props.resources);
    const lifecycle = containerLifecycle(availability);
    const container: IContainer = {
      name: this.name,
      image: this.image,
      imagePullPolicy: props.imagePullPolicy ?? 'IfNotPresent',
      ...(props.command ? { command: [...props.command] } : {}),
      ...(props.args ? { args: [...props.args] } : {}),
      ...(props.env ? { env: renderEnv(props.env) } : {}),
      ...(this.containerPorts.length > 0 ? {
        ports: this.containerPorts.map((p) => ({ containerPort: p.port, ...(p.name ? { name: p.name } : {}), protocol: p.protocol })),
      } : {}),
      ...(lifecycle ? { lifecycle } : {}),
      ...(readiness ? { readinessProbe: readiness } : {}),
      ...(liveness ? { livenessProbe: liveness } : {}),
      resources: { requests, limits },
      securityContext: { ...containerSecurityContext(security), ...props.containerSecurityContext },
      ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    };
    return { container, volumes };
  }

  private renderProbe(field: 'readiness' | 'liveness', probe: Probe | false | undefined, defaultPort: number | string | undefined, defaultDelay: number) {
    if (probe === false) return undefined;
    if (probe === undefined) {
      return defaultPort === undefined ? undefined : Probe.tcp()._render(defaultPort, defaultDelay);
    }
    const rendered = probe._render(defaultPort, defaultDelay);
    if (!rendered) {
      throw new NetkitError(this, { field, message: 'probes a port, but the WebApp declares none.', fix: 'give the probe a `port`, or declare `port`/`ports` on the WebApp.' });
    }
    const port = probe.port;
    if (port !== undefined && !this.containerPorts.some((p) => (typeof port === 'number' ? p.port === port : p.name === port))) {
      throw new NetkitError(this, {
        field: `${field}.port`, message: 'is not a port of the container.', value: port,
        allowed: describePorts(this.containerPorts), fix: 'probe one of the declared ports, or add the port to `ports`.',
      });
    }
    return rendered;
  }
}

function renderEnv(env: Record<string, string | IEnvVarSource>): IEnvVar[] {
  return Object.entries(env).map(([name, value]) => (typeof value === 'string' ? { name, value } : { name, valueFrom: value }));
}

/** `nginx:1.17.2` → `1.17.2`; a digest-only or untagged image gives none. */
function versionFromImage(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  if (colon < 0) return undefined;
  const tag = withoutDigest.slice(colon + 1);
  return isLabelValue(tag) && tag !== 'latest' ? tag : undefined;
}

const DEFAULT_REQUESTS = { cpu: '100m', memory: '128Mi' };
const DEFAULT_LIMITS = { cpu: '500m', memory: '256Mi' };

/**
 * Requests and limits after defaults. A request raised above a default limit
 * lifts that limit to the request, and a limit set below a default request
 * lowers that request to the limit: the API server rejects a request above
 * its limit, and a user who only asked for more should not have to know the
 * default ceiling.
 */
function resolveResources(resources: WebAppResources | undefined) {
  const requests: Record<string, string> = { ...DEFAULT_REQUESTS, ...resources?.requests };
  const limits: Record<string, string> = { ...DEFAULT_LIMITS, ...resources?.limits };
  for (const kind of ['cpu', 'memory'] as const) {
    const userLimit = resources?.limits?.[kind];
    const userRequest = resources?.requests?.[kind];
    const above = (parseQuantity(requests[kind]) ?? 0) > (parseQuantity(limits[kind]) ?? Infinity);
    if (userLimit === undefined && above) limits[kind] = requests[kind];
    // A limit set below the default request: the request follows it down, as the API server does for an unset request.
    else if (userRequest === undefined && above) requests[kind] = limits[kind];
  }
  return { requests, limits };
}

/** Problems found on the manifest, renamed to the prop that produced them (the message still names the manifest field). */
function asProp(problems: readonly Problem[], propOf: (field: string) => string): Problem[] {
  return problems.map((p) => ({ ...p, field: propOf(p.field), message: `${p.field} ${p.message}` }));
}
