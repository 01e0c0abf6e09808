import type { IService } from 'kubernetes-models/v1/Service';
import { Problem } from '../core/errors';
import {
  DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE,
  isDns1123Label, isDns1123Subdomain, isIanaSvcName, isQualifiedName,
} from '../core/names';
import { ipFamily, isCidr, isPortNumber, isSpecialPurposeIp } from '../core/net';
import { FIELD_RULES, FieldRule, MAX_SESSION_AFFINITY_SECONDS } from '../core/validation';

/** The API server's `--service-node-port-range`. */
export interface NodePortRange {
  /** Lowest allowed nodePort. */
  readonly min: number;
  /** Highest allowed nodePort. */
  readonly max: number;
}

/** Kubernetes' default `--service-node-port-range`. */
export const DEFAULT_NODE_PORT_RANGE: NodePortRange = { min: 30000, max: 32767 };

export { MAX_SESSION_AFFINITY_SECONDS };

export interface ServiceValidationOptions {
  /**
   * @default DEFAULT_NODE_PORT_RANGE
   */
  readonly nodePortRange?: NodePortRange;
}

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

/**
 * The rules the API server applies to a v1 Service (ValidateService in
 * pkg/apis/core/validation, v1.31, after defaulting), plus the node port
 * allocator's range. Pure: used by ExposedService at construct time and by
 * the policy engine on any manifest.
 */
export function serviceProblems(service: IService, options: ServiceValidationOptions = {}): Problem[] {
  // This runs for every Service of every synth (svc-spec-valid), mostly before V8 optimizes it: the clean
  // path reads each field once, spreads nothing, iterates with indexed loops and allocates no empty lists.
  const problems: Problem[] = [];
  const spec = service.spec ?? {};
  const name = service.metadata?.name ?? '';
  const type = spec.type ?? 'ClusterIP';
  const ports = spec.ports ?? NONE;
  const clusterIP = spec.clusterIP;
  const headless = clusterIP === 'None' || (spec.clusterIPs?.[0] === 'None');
  const range = options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;

  const nameProblems = NAME_ROW.check(name, NAME_FIELD);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing no problems pushes nothing.
  if (nameProblems.length > 0) problems.push(...nameProblems);
  // Stryker disable next-line ConditionalExpression,StringLiteral: its `true` (and another string) is equivalent, the list holds ClusterIP (the test only spares the search for the usual type).
  if (type !== 'ClusterIP' && !SERVICE_TYPES.includes(type)) {
    add(problems, 'spec.type', 'is not a Service type.', type, SERVICE_TYPES.join(', '), 'use one of the allowed types.');
    return problems;
  }
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    add(problems, 'spec.ports', 'is empty; only headless and ExternalName Services may have no ports.', undefined, undefined, 'add a port, or make the Service headless (clusterIP: None).');
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    add(problems, 'spec.clusterIP', `may not be "None" (headless) for a ${type} Service.`, 'None', 'an IP address or empty', `drop clusterIP: None, or use type ClusterIP for a headless Service.`);
  }
  if (type === 'ExternalName') {
    for (const field of EXTERNAL_NAME_UNSET) {
      if (spec[field] !== undefined) add(problems, `spec.${field}`, 'may not be set on an ExternalName Service.', spec[field], undefined, `remove ${field}.`);
    }
    const externalName = (spec.externalName ?? '').replace(/\.$/, '');
    if (!externalName) {
      add(problems, 'spec.externalName', 'is required for an ExternalName Service.', spec.externalName, DNS1123_SUBDOMAIN_RULE, 'set externalName to the DNS name to alias, e.g. "db.example.com".');
    } else if (ipFamily(externalName) !== 0) {
      add(problems, 'spec.externalName', 'is an IP address; the API server accepts it but DNS then returns a CNAME to a name that does not exist.', spec.externalName, 'a DNS name', 'use a DNS name, or a selector-less Service with an EndpointSlice (ExposedService does this for you when given an IP).');
    } else if (!isDns1123Subdomain(externalName)) {
      add(problems, 'spec.externalName', 'is not a lowercase DNS name.', spec.externalName, DNS1123_SUBDOMAIN_RULE, 'use the lowercase host name, e.g. "www.example.com".');
    }
  } else if (clusterIP !== undefined && clusterIP !== '' && clusterIP !== 'None' && ipFamily(clusterIP) === 0) {
    add(problems, 'spec.clusterIP', 'is not an IP address.', clusterIP, 'an IP inside the cluster\'s service CIDR, "None" for headless, or unset', 'use an address from the service CIDR (kube-apiserver --service-cluster-ip-range) or leave it unset.');
  }

  const count = ports.length;
  // Duplicates need two ports: a one-port Service (the usual one) keeps no sets.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the sets of a single port never hold a duplicate.
  const seen = count > 1 ? { names: new Set<string>(), ports: new Set<string>(), nodePorts: new Set<string>() } : undefined;
  for (let i = 0; i < count; i++) portProblems(problems, ports[i], i, count, type, range, seen);

  const affinity = spec.sessionAffinity ?? 'None';
  if (affinity !== 'None' && affinity !== 'ClientIP') {
    add(problems, 'spec.sessionAffinity', 'is not a session affinity.', affinity, 'None, ClientIP', 'use ClientIP to pin each client to one pod, or None.');
  }
  const affinityConfig = spec.sessionAffinityConfig;
  const timeout = affinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'None' && affinityConfig !== undefined) {
    add(problems, 'spec.sessionAffinityConfig', 'may only be set with sessionAffinity: ClientIP.', affinityConfig, undefined, 'set sessionAffinity: ClientIP, or drop the timeout.');
  }
  if (timeout !== undefined) {
    problems.push(...TIMEOUT_ROW.check(timeout, TIMEOUT_FIELD));
  }

  const externalIPs = spec.externalIPs ?? NONE;
  const externalPolicy = spec.externalTrafficPolicy;
  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && externalIPs.length > 0);
  if (externalPolicy !== undefined) {
    if (!externallyAccessible) {
      add(problems, 'spec.externalTrafficPolicy', 'may only be set for externally-accessible Services (NodePort, LoadBalancer, or ClusterIP with externalIPs).', externalPolicy, undefined, 'drop externalTrafficPolicy, or use type NodePort or LoadBalancer.');
    } else if (externalPolicy !== 'Cluster' && externalPolicy !== 'Local') {
      add(problems, 'spec.externalTrafficPolicy', 'is not a traffic policy.', externalPolicy, 'Cluster, Local', 'use Local to keep the client IP, or Cluster.');
    }
  }
  const internalPolicy = spec.internalTrafficPolicy;
  if (internalPolicy !== undefined && internalPolicy !== 'Cluster' && internalPolicy !== 'Local') {
    add(problems, 'spec.internalTrafficPolicy', 'is not a traffic policy.', internalPolicy, 'Cluster, Local', 'use Cluster or Local.');
  }
  const healthCheckNodePort = spec.healthCheckNodePort;
  if (healthCheckNodePort !== undefined) {
    if (type !== 'LoadBalancer' || externalPolicy !== 'Local') {
      add(problems, 'spec.healthCheckNodePort', 'may only be set on a LoadBalancer Service with externalTrafficPolicy: Local.', healthCheckNodePort, undefined, 'drop healthCheckNodePort, or set type LoadBalancer and externalTrafficPolicy Local.');
    } else if (!isPortNumber(healthCheckNodePort)) {
      add(problems, 'spec.healthCheckNodePort', 'is not a valid port number.', healthCheckNodePort, '1-65535', 'use a port number, or leave it unset so the cluster allocates one.');
    }
  }
  const sourceRangesField = spec.loadBalancerSourceRanges;
  const loadBalancerClass = spec.loadBalancerClass;
  if (type !== 'LoadBalancer') {
    // The load-balancer-only fields, in this order (each read once, here and below).
    loadBalancerOnly(problems, 'loadBalancerSourceRanges', sourceRangesField);
    loadBalancerOnly(problems, 'loadBalancerClass', loadBalancerClass);
    loadBalancerOnly(problems, 'allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts);
  }
  const sourceRanges = sourceRangesField ?? NONE;
  for (let i = 0; i < sourceRanges.length; i++) {
    const cidr = sourceRanges[i];
    if (!isCidr(cidr.trim())) add(problems, `spec.loadBalancerSourceRanges[${i}]`, 'is not a CIDR.', cidr, 'CIDRs such as 203.0.113.0/24', 'write the range as address/prefix-length.');
  }
  if (loadBalancerClass !== undefined && !isQualifiedName(loadBalancerClass)) {
    add(problems, 'spec.loadBalancerClass', 'is not a qualified name.', loadBalancerClass, 'a name such as "example.com/internal-vip"', 'use the class name your load balancer controller documents.');
  }
  for (let i = 0; i < externalIPs.length; i++) {
    const ip = externalIPs[i];
    if (ipFamily(ip) === 0) add(problems, `spec.externalIPs[${i}]`, 'is not an IP address.', ip, 'IPv4 or IPv6 addresses', 'use the address traffic arrives on.');
    else if (isSpecialPurposeIp(ip)) add(problems, `spec.externalIPs[${i}]`, 'is an unspecified, loopback or link-local address.', ip, 'a routable address', 'use an address that reaches a node.');
  }
  return problems;
}

/** The list an unset list field reads as: one shared empty list, never written to, rather than a new one per Service. */
const NONE: readonly never[] = Object.freeze([]);
const NAME_FIELD = { field: 'metadata.name' } as const;
const TIMEOUT_FIELD = { field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds' } as const;
const EXTERNAL_NAME_UNSET = ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const;

/**
 * The field table's rows a Service is checked by, looked up once: `fieldProblems(key)` reads the
 * table by key on each call (a megamorphic read, as it serves every row), for every port of every Service.
 */
const NAME_ROW: FieldRule = FIELD_RULES['Service.metadata.name'];
const PORT_ROW: FieldRule = FIELD_RULES['Service.spec.ports[].port'];
const PROTOCOL_ROW: FieldRule = FIELD_RULES['Service.spec.ports[].protocol'];
const NODE_PORT_ROW: FieldRule = FIELD_RULES['Service.spec.ports[].nodePort'];
const TIMEOUT_ROW: FieldRule = FIELD_RULES['Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds'];
/** The context a port is first judged in: its field path is written only for a value with problems. */
const PROBE_FIELD = { field: '' } as const;

/** A field only a LoadBalancer Service may set, set on another type. */
function loadBalancerOnly(problems: Problem[], field: string, value: unknown): void {
  if (value !== undefined) add(problems, `spec.${field}`, 'may only be set on a LoadBalancer Service.', value, undefined, `drop ${field}, or use type LoadBalancer.`);
}

function add(problems: Problem[], field: string, message: string, value: unknown, allowed: string | undefined, fix: string): void {
  problems.push({ field, message, value, allowed, fix });
}

type ServicePort = NonNullable<NonNullable<IService['spec']>['ports']>[number];

/**
 * The problems of `spec.ports[i]`; its field path is written only for a problem
 * (`seen`: the names, ports and node ports of the earlier ports, when there are several).
 */
function portProblems(
  problems: Problem[], p: ServicePort, i: number, count: number, type: string, range: NodePortRange,
  seen: { names: Set<string>; ports: Set<string>; nodePorts: Set<string> } | undefined,
): void {
  const protocol = p.protocol ?? 'TCP';
  const name = p.name;
  const port = p.port;
  if (count > 1 && !name) {
    add(problems, `spec.ports[${i}].name`, 'is required when a Service has more than one port.', undefined, DNS1123_LABEL_RULE, 'name every port, e.g. "http" and "https".');
  }
  if (name) {
    if (!isDns1123Label(name)) add(problems, `spec.ports[${i}].name`, 'is not a valid port name.', name, DNS1123_LABEL_RULE, 'use a lowercase name such as "http".');
    if (seen) {
      if (seen.names.has(name)) add(problems, `spec.ports[${i}].name`, 'is used by another port of this Service.', name, 'unique port names', 'give each port its own name.');
      seen.names.add(name);
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the probe only spares building the field path; the row finds nothing where it finds nothing.
  if (PORT_ROW.check(port, PROBE_FIELD).length > 0) {
    problems.push(...PORT_ROW.check(port, { field: `spec.ports[${i}].port` }));
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the probe only spares building the field path; the row finds nothing where it finds nothing.
  if (PROTOCOL_ROW.check(protocol, PROBE_FIELD).length > 0) {
    problems.push(...PROTOCOL_ROW.check(protocol, { field: `spec.ports[${i}].protocol` }));
  }
  if (seen) {
    const key = `${protocol}/${port}`;
    if (seen.ports.has(key)) add(problems, `spec.ports[${i}].port`, `${port}/${protocol} is exposed twice.`, port, 'each port and protocol once', 'remove the duplicate port.');
    seen.ports.add(key);
  }
  const target = p.targetPort;
  // A targetPort equal to an invalid port (defaulted from it) is reported once, on the port.
  if (typeof target === 'number' && target !== port && !isPortNumber(target)) {
    add(problems, `spec.ports[${i}].targetPort`, 'is not a valid port number.', target, '1-65535 or a container port name', 'use the container port number or its name.');
  } else if (typeof target === 'string' && !isIanaSvcName(target)) {
    add(problems, `spec.ports[${i}].targetPort`, 'is not a valid container port name.', target, IANA_SVC_NAME_RULE, 'use the name the container gives the port (at most 15 characters), or its number.');
  }
  const appProtocol = p.appProtocol;
  if (appProtocol !== undefined && !isQualifiedName(appProtocol)) {
    add(problems, `spec.ports[${i}].appProtocol`, 'is not a valid application protocol.', appProtocol, 'a qualified name such as "http", "https" or "kubernetes.io/h2c"', 'use a standard protocol name.');
  }
  // 0 (or null) means "allocate one", as the API server reads it: only a set nodePort is judged.
  const nodePort = p.nodePort;
  if (nodePort !== undefined && nodePort !== null && nodePort !== 0) {
    if (type === 'ClusterIP' || type === 'ExternalName') {
      add(problems, `spec.ports[${i}].nodePort`, `may not be used when type is ${type}.`, nodePort, 'only NodePort and LoadBalancer Services', 'drop nodePort, or use type NodePort or LoadBalancer.');
    } else {
      problems.push(...NODE_PORT_ROW.check(nodePort, { field: `spec.ports[${i}].nodePort`, nodePortRange: range }));
    }
    if (seen) {
      const nodeKey = `${protocol}/${nodePort}`;
      if (seen.nodePorts.has(nodeKey)) add(problems, `spec.ports[${i}].nodePort`, `${nodePort}/${protocol} is used by two ports of this Service.`, nodePort, 'each nodePort once per protocol', 'give each port its own nodePort.');
      seen.nodePorts.add(nodeKey);
    }
  }
}
