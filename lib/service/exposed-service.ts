import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServicePort } from 'kubernetes-models/v1/ServicePort';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { addWarning } from '../core/warnings';
import { LABEL_MANAGED_BY, MANAGED_BY, selectorLabels } from '../core/labels';
import { labelProblems, metadataProblems } from '../core/metadata-validation';
import { ipFamily } from '../core/net';
import { Protocol } from '../core/protocol';
import { fieldProblems } from '../core/validation';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../core/names';
import { describePorts, findContainerPort } from '../workload/container-ports';
import { DEFAULT_CLUSTER_DOMAIN, serviceDnsNames, ServiceDnsNames, serviceEnvVarNames, ServiceEnvVarNames } from './dns';
import { DEFAULT_NODE_PORT_RANGE, NodePortRange, serviceProblems } from './service-validation';
import { IServiceTarget } from './target';
import { checkProps } from '../core/props';
import { declareAllowFrom } from '../isolation/allow-from';
import type { AllowOptions } from '../isolation/isolation-options';
import { compactNodes } from '../core/compact-node';
import { withOwnKeys } from '../core/own-keys';
import type { IPodPeer, NetworkPeer } from '../isolation/peers';

/**
 * The shapes a Service can take. `Headless` is a ClusterIP Service with
 * `clusterIP: None`: DNS returns the pods' addresses instead of one virtual IP.
 */
export type ServiceType = 'ClusterIP' | 'Headless' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** One port of a Service. */
export interface ServicePortOptions {
  /** The port clients connect to. */
  readonly port: number;
  /**
   * The container port traffic goes to, by number or by name.
   * @default - the target's only container port when it has exactly one and the Service has one port, else `port`
   */
  readonly targetPort?: number | string;
  /**
   * The port's name; required and unique when the Service has several ports.
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * @default 'TCP'
   */
  readonly protocol?: Protocol;
  /**
   * A fixed node port (NodePort and LoadBalancer only), inside `nodePortRange`.
   * @default - allocated by the cluster
   */
  readonly nodePort?: number;
  /**
   * The application protocol, e.g. `http`, `https`, `kubernetes.io/h2c`.
   * @default - none
   */
  readonly appProtocol?: string;
}

/** Everything about a Service except what it targets. */
export interface ExposeOptions {
  /**
   * @default 'ClusterIP'
   */
  readonly type?: ServiceType;
  /**
   * `metadata.name`: also the DNS name clients use.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * @default - the chart's namespace (the target's, when it has one)
   */
  readonly namespace?: string;
  /**
   * Shorthand for one TCP port. Give `ports` instead for more.
   * @default - the target's first container port
   */
  readonly port?: number;
  /**
   * The Service's ports.
   * @default - only `port`
   */
  readonly ports?: ServicePortOptions[];
  /**
   * A fixed virtual IP (ClusterIP, NodePort, LoadBalancer), from the cluster's service CIDR.
   * @default - allocated by the cluster
   */
  readonly clusterIP?: string;
  /**
   * `ClientIP` sends each client to the same pod while its affinity lasts.
   * @default 'None'
   */
  readonly sessionAffinity?: 'None' | 'ClientIP';
  /**
   * How long ClientIP affinity lasts, 1 s to 1 day.
   * @default Duration.hours(3) (10800 s, Kubernetes' default)
   */
  readonly sessionAffinityTimeout?: Duration;
  /**
   * `Local` keeps in-cluster traffic on the client's node.
   * @default - Cluster (not written)
   */
  readonly internalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * NodePort and LoadBalancer: `Local` keeps the client's source IP and skips
   * a second hop, but only nodes running a pod answer.
   * @default - Cluster (not written)
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * Headless: publish DNS records for pods before they are ready (peer discovery).
   * @default false
   */
  readonly publishNotReadyAddresses?: boolean;
  /**
   * The API server's `--service-node-port-range`, for clusters that changed it.
   * @default { min: 30000, max: 32767 }
   */
  readonly nodePortRange?: NodePortRange;
  /**
   * LoadBalancer: client CIDRs allowed in.
   * @default - everyone
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * LoadBalancer: which load balancer implementation provisions it.
   * @default - the cluster's default implementation
   */
  readonly loadBalancerClass?: string;
  /**
   * LoadBalancer: whether node ports are allocated (some implementations route to pods directly).
   * @default - true (not written)
   */
  readonly allocateLoadBalancerNodePorts?: boolean;
  /**
   * LoadBalancer with `externalTrafficPolicy: Local`: the node port the load balancer health-checks.
   * @default - allocated by the cluster
   */
  readonly healthCheckNodePort?: number;
  /**
   * ExternalName: the DNS name the Service is a CNAME for. Given an IP address,
   * a selector-less Service and an EndpointSlice for that IP are made instead
   * (an ExternalName with an IP silently breaks DNS).
   * @default - none
   */
  readonly externalName?: string;
  /**
   * Node addresses on which the Service also accepts traffic.
   * @default - none
   */
  readonly externalIPs?: string[];
  /**
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations, e.g. a cloud provider's load balancer settings.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * The cluster DNS domain, for `dnsName`.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

export interface ExposedServiceProps extends ExposeOptions {
  /**
   * The pods to send traffic to; the selector and targetPort checks come from it.
   * @default - no target: give `selector`, or none for a selector-less Service
   */
  readonly target?: IServiceTarget;
  /**
   * Labels to select pods by, when the pods are not an IServiceTarget.
   * @default - the target's selector
   */
  readonly selector?: Record<string, string>;
}

/** The path the Service a factory makes will have, for errors raised before it exists. */
function factoryPath(scope: Construct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/** The props of a factory method: the type is in its name. */
export type ServiceFactoryProps = Omit<ExposedServiceProps, 'type'>;

/** A Service port after defaults. */
export interface ResolvedServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort: number | string;
  readonly protocol: Protocol;
  readonly nodePort?: number;
  readonly appProtocol?: string;
}

/**
 * Every shape of Kubernetes Service, with the API server's rules checked at
 * construct time and the names clients need.
 */
export class ExposedService extends Construct {
  public static clusterIp(scope: Construct, id: string, props: ServiceFactoryProps = {}): ExposedService {
    checkProps(factoryPath(scope, id), 'ServiceFactoryProps', props);
    return new ExposedService(scope, id, { ...props, type: 'ClusterIP' });
  }
  public static headless(scope: Construct, id: string, props: ServiceFactoryProps = {}): ExposedService {
    checkProps(factoryPath(scope, id), 'ServiceFactoryProps', props);
    return new ExposedService(scope, id, { ...props, type: 'Headless' });
  }
  public static nodePort(scope: Construct, id: string, props: ServiceFactoryProps = {}): ExposedService {
    checkProps(factoryPath(scope, id), 'ServiceFactoryProps', props);
    return new ExposedService(scope, id, { ...props, type: 'NodePort' });
  }
  public static loadBalancer(scope: Construct, id: string, props: ServiceFactoryProps = {}): ExposedService {
    checkProps(factoryPath(scope, id), 'ServiceFactoryProps', props);
    return new ExposedService(scope, id, { ...props, type: 'LoadBalancer' });
  }
  public static externalName(scope: Construct, id: string, props: ServiceFactoryProps & { readonly externalName: string }): ExposedService {
    checkProps(factoryPath(scope, id), 'ServiceFactoryProps', props);
    return new ExposedService(scope, id, { ...props, type: 'ExternalName' });
  }

  /** The Service object. Change anything with `addJsonPatch` or `metadata`. */
  public readonly service: ApiObject;
  /** For an ExternalName given an IP address: the EndpointSlice that points at it. */
  public readonly endpointSlice?: ApiObject;
  public readonly name: string;
  public readonly namespace: string;
  /** The type asked for (`Headless` and `ExternalName` as such, even when an IP turned it into a ClusterIP Service). */
  public readonly type: ServiceType;
  public readonly ports: readonly ResolvedServicePort[];
  /** The pod labels selected, if any. */
  public readonly selector?: Readonly<Record<string, string>>;
  public readonly target?: IServiceTarget;
  /** The DNS name a ExternalName Service is a CNAME for, or the IP an EndpointSlice points at. */
  public readonly externalName?: string;
  private readonly clusterDomain: string;

  constructor(scope: Construct, id: string, props: ExposedServiceProps) {
    super(scope, id);
    checkProps(this, 'ExposedServiceProps', props);
    this.name = props.name ?? id;
    this.type = props.type ?? 'ClusterIP';
    this.target = props.target;
    this.namespace = props.namespace ?? props.target?.namespace ?? Chart.of(this).namespace ?? 'default';
    this.clusterDomain = props.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
    this.externalName = props.externalName;

    const problems = propProblems(this.type, props);
    if (props.clusterDomain !== undefined && !isDns1123Subdomain(props.clusterDomain)) {
      problems.push({
        field: 'clusterDomain', message: 'is not a DNS domain, so the Service\'s DNS names would not resolve.', value: props.clusterDomain,
        allowed: DNS1123_SUBDOMAIN_RULE, fix: 'give the kubelet\'s --cluster-domain, e.g. "cluster.local" (the default).',
      });
    }
    throwIfProblems(this, problems);
    this.selector = props.target?.selector ?? props.selector;
    this.ports = this.resolvePorts(props);
    const toIp = this.type === 'ExternalName' && ipFamily(props.externalName!) !== 0;

    const manifest = this.renderService(props, toIp);
    throwIfProblems(this, [
      // Labels and selectors are the policy engine's label-values-valid rule; checked here too so a typo fails where it was written.
      ...metadataProblems(manifest.metadata as any),
      ...labelProblems('spec.selector', manifest.spec?.selector),
      ...serviceProblems(manifest, { nodePortRange: props.nodePortRange ?? DEFAULT_NODE_PORT_RANGE }),
    ]);
    this.service = new ApiObject(this, 'Service', manifest as any);
    const subdomain = this.target?.subdomain;
    if (this.type === 'Headless' && subdomain !== undefined && subdomain !== this.name) {
      addWarning(this, `the target's pods have subdomain "${subdomain}", so their <hostname>.<subdomain> names belong to a headless Service named "${subdomain}", not "${this.name}"; name this Service "${subdomain}" for per-pod DNS.`);
    }
    if (toIp) {
      this.endpointSlice = new ApiObject(this, 'EndpointSlice', this.renderEndpointSlice(props.externalName!) as any);
    }
    compactNodes(this);
  }

  /** `<svc>.<ns>.svc.<cluster-domain>`. */
  public get dnsName(): string {
    return this.dnsNames.fqdn;
  }

  /** Every DNS form: `<svc>`, `<svc>.<ns>`, the fully qualified name. */
  public get dnsNames(): ServiceDnsNames {
    return serviceDnsNames(this.name, this.namespace, this.clusterDomain);
  }

  /** The `<SVC>_SERVICE_HOST` / `<SVC>_SERVICE_PORT` variables the kubelet injects into pods. */
  public get envVarNames(): ServiceEnvVarNames {
    return serviceEnvVarNames(this.name, this.ports.flatMap((p) => (p.name ? [p.name] : [])));
  }

  /**
   * Lets `peer` (a WebApp, or a NetworkPeer: a namespace, pods by label, addresses) reach
   * this Service's pods on its target ports, or `options.ports`: `db.allowFrom(api)`.
   * Rendered when the Service's namespace is isolated, and on the caller's side when the
   * caller's namespace denies egress (docs/isolation.md). A Service without a selector has
   * no pods to select: a NetkitError says so.
   */
  public allowFrom(peer: IPodPeer | NetworkPeer, options: AllowOptions = {}): void {
    checkProps(`${this.node.path}.allowFrom()`, 'AllowOptions', options);
    declareAllowFrom(this, peer, options);
  }

  /** The port with this name or number, or an error naming the ports there are. */
  public port(nameOrNumber: string | number): ResolvedServicePort {
    const problem = this.portProblem(nameOrNumber);
    if (problem) throw new NetkitError(this, problem);
    return this.ports.find((p) => (typeof nameOrNumber === 'number' ? p.port === nameOrNumber : p.name === nameOrNumber))!;
  }

  /**
   * What is wrong with a reference to this Service's port, under `field`:
   * an Ingress or route that names a port reports it at its own path.
   */
  public portProblem(nameOrNumber: string | number, field = 'port'): Problem | undefined {
    if (this.ports.some((p) => (typeof nameOrNumber === 'number' ? p.port === nameOrNumber : p.name === nameOrNumber))) return undefined;
    return {
      // Reported on another construct, the message names this Service's path too.
      field, message: `Service "${this.name}"${field === 'port' ? '' : ` (${this.node.path})`} has no such port.`, value: nameOrNumber,
      allowed: this.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ') || 'none',
      fix: `use one of the Service's ports, or add port ${JSON.stringify(nameOrNumber)} to the Service.`,
    };
  }

  private resolvePorts(props: ExposedServiceProps): ResolvedServicePort[] {
    const targetPorts = this.target?.containerPorts ?? [];
    let specs: ServicePortOptions[];
    if (props.ports !== undefined) specs = props.ports;
    else if (props.port !== undefined) specs = [{ port: props.port }];
    else if (targetPorts.length > 0 && this.type !== 'ExternalName') {
      // No port given: expose the target's first port under the same number and name.
      const main = targetPorts[0];
      specs = [{ port: main.port, name: main.name, protocol: main.protocol }];
    } else specs = [];

    const problems: Problem[] = [];
    const resolved = specs.map((spec, i) => {
      const protocol = spec.protocol ?? 'TCP';
      let targetPort: number | string = spec.targetPort ?? spec.port;
      if (spec.targetPort === undefined && specs.length === 1 && targetPorts.length === 1) targetPort = targetPorts[0].port;
      // A protocol the API server rejects is reported as such, not as a targetPort no container port matches.
      const protocolProblems = fieldProblems('Service.spec.ports[].protocol', protocol, { field: `ports[${i}].protocol` });
      problems.push(...protocolProblems);
      if (protocolProblems.length === 0 && this.target && this.type !== 'ExternalName' && !findContainerPort(targetPorts, targetPort, protocol)) {
        problems.push({
          field: `ports[${i}].targetPort`,
          message: `is not a ${protocol} port of the target ${this.target.node.path}.`,
          value: targetPort,
          allowed: describePorts(targetPorts),
          fix: 'set targetPort to one of the target\'s container ports (number or name), or declare the port on the target.',
        });
      }
      return {
        port: spec.port, targetPort, protocol,
        ...(spec.name !== undefined ? { name: spec.name } : {}),
        ...(spec.nodePort !== undefined ? { nodePort: spec.nodePort } : {}),
        ...(spec.appProtocol !== undefined ? { appProtocol: spec.appProtocol } : {}),
      };
    });
    throwIfProblems(this, problems);
    return resolved;
  }

  private renderService(props: ExposedServiceProps, toIp: boolean): IService {
    const type = this.type;
    const kubeType = type === 'Headless' || toIp ? 'ClusterIP' : type;
    // Written key by key, in the order the YAML has always had: objects that spread optional
    // parts first cost a V8 map each (lib/core/own-keys.ts).
    const ports = this.ports.map((p) => {
      const port: IServicePort = p.name !== undefined ? { name: p.name, port: p.port } : { port: p.port };
      port.protocol = p.protocol;
      // ExternalName Services carry ports only as documentation; the API server ignores targetPort there.
      if (type !== 'ExternalName' || toIp) port.targetPort = p.targetPort;
      if (p.nodePort !== undefined) port.nodePort = p.nodePort;
      if (p.appProtocol !== undefined) port.appProtocol = p.appProtocol;
      return port;
    });
    const spec: NonNullable<IService['spec']> = { type: kubeType };
    if (type === 'Headless') spec.clusterIP = 'None';
    if (props.clusterIP !== undefined) spec.clusterIP = props.clusterIP;
    if (type === 'ExternalName' && !toIp) spec.externalName = props.externalName;
    if (this.selector && type !== 'ExternalName') spec.selector = { ...this.selector };
    if (ports.length > 0) spec.ports = ports;
    if (props.sessionAffinity !== undefined) spec.sessionAffinity = props.sessionAffinity;
    if (props.sessionAffinity === 'ClientIP') {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: props.sessionAffinityTimeout?.toSeconds({ integral: false }) ?? 10800 } };
    }
    if (props.internalTrafficPolicy !== undefined) spec.internalTrafficPolicy = props.internalTrafficPolicy;
    if (props.externalTrafficPolicy !== undefined) spec.externalTrafficPolicy = props.externalTrafficPolicy;
    if (props.healthCheckNodePort !== undefined) spec.healthCheckNodePort = props.healthCheckNodePort;
    if (props.publishNotReadyAddresses !== undefined) spec.publishNotReadyAddresses = props.publishNotReadyAddresses;
    if (props.loadBalancerClass !== undefined) spec.loadBalancerClass = props.loadBalancerClass;
    if (props.loadBalancerSourceRanges !== undefined) spec.loadBalancerSourceRanges = [...props.loadBalancerSourceRanges];
    if (props.allocateLoadBalancerNodePorts !== undefined) spec.allocateLoadBalancerNodePorts = props.allocateLoadBalancerNodePorts;
    if (props.externalIPs !== undefined) spec.externalIPs = [...props.externalIPs];
    // The target's name + instance say which app the Service belongs to (metadata only: Services are never selected).
    const labels: Record<string, string> = withOwnKeys(props.labels, this.selector && this.target ? this.target.selector : selectorLabels(this.name, this.name));
    labels[LABEL_MANAGED_BY] = MANAGED_BY;
    const metadata: NonNullable<IService['metadata']> = { name: this.name, namespace: this.namespace, labels };
    if (props.annotations) metadata.annotations = { ...props.annotations };
    return { apiVersion: 'v1', kind: 'Service', metadata, spec };
  }

  private renderEndpointSlice(ip: string) {
    return {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `${this.name}-external`,
        namespace: this.namespace,
        labels: {
          // Ties the slice to the Service: kube-proxy and DNS read slices by this label.
          'kubernetes.io/service-name': this.name,
          'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
          [LABEL_MANAGED_BY]: MANAGED_BY,
        },
      },
      addressType: ipFamily(ip) === 6 ? 'IPv6' : 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      // Matched to the Service's ports by name; the number is where traffic goes.
      ports: this.ports.map((p) => ({ name: p.name ?? '', port: typeof p.targetPort === 'number' ? p.targetPort : p.port, protocol: p.protocol })),
    };
  }
}

/** Combinations of props that make no sense before any manifest exists. */
function propProblems(type: ServiceType, props: ExposedServiceProps): Problem[] {
  const problems: Problem[] = [];
  const types: ServiceType[] = ['ClusterIP', 'Headless', 'NodePort', 'LoadBalancer', 'ExternalName'];
  if (!types.includes(type)) {
    problems.push({ field: 'type', message: 'is not a Service type.', value: type, allowed: types.join(', '), fix: 'use one of the allowed types.' });
    return problems;
  }
  if (props.nodePortRange !== undefined) {
    const { min, max } = props.nodePortRange;
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > 65535 || min > max) {
      problems.push({ field: 'nodePortRange', message: 'is not a port range.', value: `${min}-${max}`, allowed: 'whole numbers 1-65535 with min <= max (the default is 30000-32767)', fix: 'copy the API server\'s --service-node-port-range, e.g. { min: 30000, max: 32767 }.' });
    }
  }
  if (type === 'Headless' && (props.ports ?? []).some((p) => p.nodePort !== undefined)) {
    problems.push({ field: 'ports', message: 'set a nodePort on a headless Service, which has no virtual IP and no node ports.', fix: 'drop nodePort, or use type NodePort.' });
  }
  if (props.namespace !== undefined && props.target?.namespace !== undefined && props.namespace !== props.target.namespace) {
    problems.push({
      field: 'namespace', message: `differs from the target's namespace "${props.target.namespace}"; a Service selects pods of its own namespace only, so it would select none.`,
      value: props.namespace, fix: 'drop `namespace` (the target\'s is used), or create the Service in the target\'s chart.',
    });
  }
  if (props.target && props.selector) {
    problems.push({ field: 'selector', message: 'and `target` are both set.', fix: 'give either a target (its selector is used) or a selector.' });
  }
  if (props.port !== undefined && props.ports !== undefined) {
    problems.push({ field: 'port', message: 'and `ports` are both set.', fix: 'give either `port` or `ports`.' });
  }
  if (type === 'ExternalName') {
    if (!props.externalName) {
      problems.push({ field: 'externalName', message: 'is required for an ExternalName Service.', value: props.externalName, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'set externalName to the DNS name to alias, e.g. "www.example.com".' });
    } else if (ipFamily(props.externalName) !== 0 && (props.ports?.length ?? (props.port !== undefined ? 1 : 0)) === 0) {
      problems.push({ field: 'ports', message: 'are required when externalName is an IP address: the Service becomes a selector-less ClusterIP Service with an EndpointSlice for that IP, which needs ports.', value: props.externalName, fix: 'give `port` or `ports` (targetPort is the port on the external IP).' });
    }
    if (props.target || props.selector) {
      problems.push({ field: 'target', message: 'is set on an ExternalName Service, which selects no pods.', fix: 'drop target/selector, or use another Service type.' });
    }
  } else if (props.externalName !== undefined) {
    problems.push({ field: 'externalName', message: `is only for ExternalName Services, not ${type}.`, value: props.externalName, fix: 'use type ExternalName, or drop externalName.' });
  }
  if (type === 'Headless' && props.clusterIP !== undefined && props.clusterIP !== 'None') {
    problems.push({ field: 'clusterIP', message: 'is set on a headless Service, which has no virtual IP.', value: props.clusterIP, fix: 'drop clusterIP, or use type ClusterIP.' });
  }
  if (props.sessionAffinity !== 'ClientIP' && props.sessionAffinityTimeout !== undefined) {
    problems.push({ field: 'sessionAffinityTimeout', message: 'only applies with sessionAffinity: ClientIP.', value: `${props.sessionAffinityTimeout.toSeconds({ integral: false })}s`, fix: 'set sessionAffinity: "ClientIP", or drop the timeout.' });
  }
  return problems;
}
