import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IEnvVarSource } from 'kubernetes-models/v1/EnvVarSource';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { addWarning } from '../core/warnings';
import { annotationProblems, labelProblems, namespaceProblems } from '../core/metadata-validation';
import { parseQuantity, QUANTITY_RULE } from '../core/quantity';
import { recommendedLabels, selectorLabels } from '../core/labels';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain, isLabelValue, LABEL_VALUE_RULE } from '../core/names';
import type { IServiceTarget } from '../service/target';
import { ExposedService, ExposeOptions } from '../service/exposed-service';
import { ContainerPort, describePorts, ResolvedContainerPort, resolveContainerPorts } from './container-ports';
import { Probe } from './probe';
import { containerSecurityContext, podSecurityContext, SecurityOptions, SecurityProfile } from './security';
import { checkProps } from '../core/props';

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
   * Number of pods.
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
   * Spread the pods over nodes (a soft `topologySpreadConstraint` on the
   * hostname), so one node going down does not take every replica.
   * @default - true when there is more than one replica
   */
  readonly spreadAcrossNodes?: boolean;
  /**
   * The ServiceAccount the pods run as.
   * @default - the namespace's default ServiceAccount, with no API token mounted
   */
  readonly serviceAccountName?: string;
}

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
  public readonly replicas: number;
  public readonly image: string;
  /** The pods' DNS subdomain (a headless Service's name), when set. */
  public readonly subdomain?: string;

  constructor(scope: Construct, id: string, props: WebAppProps) {
    super(scope, id);
    checkProps(this, 'WebAppProps', props);
    this.name = props.name ?? id;
    // Always explicit, as the Services and Ingresses are: an object without one lands wherever kubectl's context points.
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.image = props.image;
    this.subdomain = props.subdomain;
    this.replicas = props.replicas ?? 2;
    const problems = validateNames(this.name, props);

    if (props.port !== undefined && props.ports !== undefined) {
      problems.push({ field: 'port', message: 'and `ports` are both set.', fix: 'give either `port` (one TCP port named http) or `ports`.' });
    }
    const ports = resolveContainerPorts(props.ports ?? (props.port !== undefined ? [{ port: props.port, name: 'http' }] : []));
    problems.push(...ports.problems);
    this.containerPorts = ports.ports;
    if (!Number.isInteger(this.replicas) || this.replicas < 0) {
      problems.push({ field: 'replicas', message: 'must be a whole number of pods.', value: this.replicas, allowed: '0 or more', fix: 'set replicas to e.g. 2.' });
    }
    problems.push(...imageProblems(this.image), ...metadataPropProblems(props), ...resourceProblems(props.resources), ...probeTimingProblems(props));
    throwIfProblems(this, problems);

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
    const security = this.securityOptions(props);
    const container = this.renderContainer(props, security);
    const spread = props.spreadAcrossNodes ?? this.replicas > 1;
    const manifest: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: this.name, namespace: this.namespace, labels: { ...this.podLabels }, annotations: props.annotations },
      spec: {
        replicas: this.replicas,
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
            ...(spread ? {
              topologySpreadConstraints: [{
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { ...this.selector } },
              }],
            } : {}),
          },
        },
      },
    };
    this.deployment = new ApiObject(this, 'Deployment', manifest as any);
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
    return new ExposedService(this, id, { ...options, target: this });
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

  private renderContainer(props: WebAppProps, security: SecurityOptions): { container: IContainer; volumes: any[] } {
    const writablePaths = props.writablePaths ?? (security.readOnlyRootFilesystem ? ['/tmp'] : []);
    const volumes = writablePaths.map((_path, i) => ({ name: `writable-${i}`, emptyDir: {} }));
    const mounts = writablePaths.map((mountPath, i) => ({ name: `writable-${i}`, mountPath }));
    const defaultPort = this.mainPort ? (this.mainPort.name ?? this.mainPort.port) : undefined;
    const readiness = this.renderProbe('readiness', props.readiness, defaultPort, 0);
    const liveness = this.renderProbe('liveness', props.liveness, defaultPort, 15);
    const { requests, limits } = resolveResources(props.resources);
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

function validateNames(name: string, props: WebAppProps): Problem[] {
  const problems: Problem[] = [];
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'name', message: 'is not a valid Deployment name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'pass a `name` (or construct id) such as "web-frontend".' });
  } else if (!isLabelValue(name)) {
    problems.push({ field: 'name', message: 'is used as the app.kubernetes.io/instance label and is too long for a label value.', value: name, allowed: LABEL_VALUE_RULE, fix: 'use a name of at most 63 characters.' });
  }
  for (const [field, value] of Object.entries({ appName: props.appName, version: props.version, component: props.component, partOf: props.partOf })) {
    if (value !== undefined && !isLabelValue(value)) {
      problems.push({ field, message: 'is used as a label value and is not a valid one.', value, allowed: LABEL_VALUE_RULE, fix: 'shorten it or replace other characters with "-".' });
    }
  }
  for (const [field, value] of Object.entries({ hostname: props.hostname, subdomain: props.subdomain })) {
    if (value !== undefined && !isDns1123Label(value)) {
      problems.push({ field, message: 'is not a valid DNS label.', value, allowed: DNS1123_LABEL_RULE, fix: 'use lowercase letters, digits and "-".' });
    }
  }
  return problems;
}

function imageProblems(image: string): Problem[] {
  if (image.trim() === '' || /\s/.test(image)) {
    return [{ field: 'image', message: 'is not an image reference.', value: image, allowed: '[registry/]repository[:tag][@digest]', fix: 'use e.g. "nginx:1.27.3".' }];
  }
  return [];
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
 * lifts that limit to the request: the API server rejects a request above
 * its limit, and a user who only asked for more should not have to know the
 * default ceiling.
 */
function resolveResources(resources: WebAppResources | undefined) {
  const requests: Record<string, string> = { ...DEFAULT_REQUESTS, ...resources?.requests };
  const limits: Record<string, string> = { ...DEFAULT_LIMITS, ...resources?.limits };
  for (const kind of ['cpu', 'memory'] as const) {
    const userLimit = resources?.limits?.[kind];
    if (userLimit === undefined && (parseQuantity(requests[kind]) ?? 0) > (parseQuantity(limits[kind]) ?? Infinity)) {
      limits[kind] = requests[kind];
    }
  }
  return { requests, limits };
}

function resourceProblems(resources: WebAppResources | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const side of ['requests', 'limits'] as const) {
    for (const [kind, value] of Object.entries(resources?.[side] ?? {})) {
      if (value !== undefined && parseQuantity(value) === undefined) {
        problems.push({ field: `resources.${side}.${kind}`, message: 'is not a Kubernetes quantity.', value, allowed: QUANTITY_RULE, fix: kind === 'cpu' ? 'write e.g. "250m" or "1".' : 'write e.g. "256Mi" or "1Gi".' });
      }
    }
  }
  for (const kind of ['cpu', 'memory'] as const) {
    const request = resources?.requests?.[kind];
    const limit = resources?.limits?.[kind];
    const r = request !== undefined ? parseQuantity(request) : undefined;
    const l = limit !== undefined ? parseQuantity(limit) : undefined;
    if (r !== undefined && l !== undefined && r > l) {
      problems.push({ field: `resources.requests.${kind}`, message: `is above the limit ${limit}; the API server rejects that.`, value: request, allowed: `at most ${limit}`, fix: 'lower the request or raise the limit.' });
    }
  }
  return problems;
}

/** Labels, annotations and namespace the user gives, checked before they reach the YAML. */
function metadataPropProblems(props: WebAppProps): Problem[] {
  const reserved = Object.keys(props.labels ?? {}).filter((key) => key.startsWith('app.kubernetes.io/'));
  return [
    ...namespaceProblems('namespace', props.namespace),
    ...labelProblems('labels', props.labels),
    ...annotationProblems('annotations', props.annotations),
    ...annotationProblems('podAnnotations', props.podAnnotations),
    ...reserved.map((key) => ({
      field: 'labels', message: 'sets a recommended label the WebApp writes itself.', value: key,
      allowed: 'labels outside app.kubernetes.io/', fix: 'use the props appName, version, component or partOf instead.',
    })),
  ];
}

/** Probe timings are whole seconds in the API. */
function probeTimingProblems(props: WebAppProps): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['readiness', 'liveness'] as const) {
    const probe = props[field];
    if (!probe) continue;
    for (const name of ['initialDelay', 'period', 'timeout'] as const) {
      const duration = probe._timings[name];
      if (duration === undefined) continue;
      const seconds = duration.toSeconds({ integral: false });
      if (!Number.isInteger(seconds) || seconds < 0) {
        problems.push({ field: `${field}.${name}`, message: 'is not a whole number of seconds, which is all a probe can express.', value: `${seconds}s`, allowed: 'whole seconds, 0 or more', fix: 'use Duration.seconds(n).' });
      }
    }
  }
  return problems;
}
