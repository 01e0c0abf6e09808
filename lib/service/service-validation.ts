import type { IService } from 'kubernetes-models/v1/Service';
import { Problem } from '../core/errors';
import {
  DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE,
  isDns1123Label, isDns1123Subdomain, isIanaSvcName, isQualifiedName,
} from '../core/names';
import { ipFamily, isCidr, isPortNumber, isSpecialPurposeIp } from '../core/net';
import { fieldProblems, MAX_SESSION_AFFINITY_SECONDS } from '../core/validation';

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
  const problems: Problem[] = [];
  const add = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field, message, value, allowed, fix });
  const spec = service.spec ?? {};
  const name = service.metadata?.name ?? '';
  const type = spec.type ?? 'ClusterIP';
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === 'None' || (spec.clusterIPs?.[0] === 'None');
  const range = options.nodePortRange ?? DEFAULT_NODE_PORT_RANGE;

  problems.push(...fieldProblems('Service.metadata.name', name, { field: 'metadata.name' }));
  if (!SERVICE_TYPES.includes(type)) {
    add('spec.type', 'is not a Service type.', type, SERVICE_TYPES.join(', '), 'use one of the allowed types.');
    return problems;
  }
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    add('spec.ports', 'is empty; only headless and ExternalName Services may have no ports.', undefined, undefined, 'add a port, or make the Service headless (clusterIP: None).');
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    add('spec.clusterIP', `may not be "None" (headless) for a ${type} Service.`, 'None', 'an IP address or empty', `drop clusterIP: None, or use type ClusterIP for a headless Service.`);
  }
  if (type === 'ExternalName') {
    for (const field of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const) {
      if (spec[field] !== undefined) add(`spec.${field}`, 'may not be set on an ExternalName Service.', spec[field], undefined, `remove ${field}.`);
    }
    const externalName = (spec.externalName ?? '').replace(/\.$/, '');
    if (!externalName) {
      add('spec.externalName', 'is required for an ExternalName Service.', spec.externalName, DNS1123_SUBDOMAIN_RULE, 'set externalName to the DNS name to alias, e.g. "db.example.com".');
    } else if (ipFamily(externalName) !== 0) {
      add('spec.externalName', 'is an IP address; the API server accepts it but DNS then returns a CNAME to a name that does not exist.', spec.externalName, 'a DNS name', 'use a DNS name, or a selector-less Service with an EndpointSlice (ExposedService does this for you when given an IP).');
    } else if (!isDns1123Subdomain(externalName)) {
      add('spec.externalName', 'is not a lowercase DNS name.', spec.externalName, DNS1123_SUBDOMAIN_RULE, 'use the lowercase host name, e.g. "www.example.com".');
    }
  } else if (spec.clusterIP !== undefined && spec.clusterIP !== '' && spec.clusterIP !== 'None' && ipFamily(spec.clusterIP) === 0) {
    add('spec.clusterIP', 'is not an IP address.', spec.clusterIP, 'an IP inside the cluster\'s service CIDR, "None" for headless, or unset', 'use an address from the service CIDR (kube-apiserver --service-cluster-ip-range) or leave it unset.');
  }

  const seenNames = new Set<string>();
  const seenPorts = new Set<string>();
  const seenNodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const f = `spec.ports[${i}]`;
    const protocol = p.protocol ?? 'TCP';
    if (ports.length > 1 && !p.name) {
      add(`${f}.name`, 'is required when a Service has more than one port.', undefined, DNS1123_LABEL_RULE, 'name every port, e.g. "http" and "https".');
    }
    if (p.name) {
      if (!isDns1123Label(p.name)) add(`${f}.name`, 'is not a valid port name.', p.name, DNS1123_LABEL_RULE, 'use a lowercase name such as "http".');
      if (seenNames.has(p.name)) add(`${f}.name`, 'is used by another port of this Service.', p.name, 'unique port names', 'give each port its own name.');
      seenNames.add(p.name);
    }
    problems.push(...fieldProblems('Service.spec.ports[].port', p.port, { field: `${f}.port` }));
    problems.push(...fieldProblems('Service.spec.ports[].protocol', protocol, { field: `${f}.protocol` }));
    const key = `${protocol}/${p.port}`;
    if (seenPorts.has(key)) add(`${f}.port`, `${p.port}/${protocol} is exposed twice.`, p.port, 'each port and protocol once', 'remove the duplicate port.');
    seenPorts.add(key);
    const target = p.targetPort;
    // A targetPort equal to an invalid port (defaulted from it) is reported once, on the port.
    if (typeof target === 'number' && target !== p.port && !isPortNumber(target)) {
      add(`${f}.targetPort`, 'is not a valid port number.', target, '1-65535 or a container port name', 'use the container port number or its name.');
    } else if (typeof target === 'string' && !isIanaSvcName(target)) {
      add(`${f}.targetPort`, 'is not a valid container port name.', target, IANA_SVC_NAME_RULE, 'use the name the container gives the port (at most 15 characters), or its number.');
    }
    if (p.appProtocol !== undefined && !isQualifiedName(p.appProtocol)) {
      add(`${f}.appProtocol`, 'is not a valid application protocol.', p.appProtocol, 'a qualified name such as "http", "https" or "kubernetes.io/h2c"', 'use a standard protocol name.');
    }
    // 0 (or null) means "allocate one", as the API server reads it: only a set nodePort is judged.
    if (p.nodePort !== undefined && p.nodePort !== null && p.nodePort !== 0) {
      if (type === 'ClusterIP' || type === 'ExternalName') {
        add(`${f}.nodePort`, `may not be used when type is ${type}.`, p.nodePort, 'only NodePort and LoadBalancer Services', 'drop nodePort, or use type NodePort or LoadBalancer.');
      } else {
        problems.push(...fieldProblems('Service.spec.ports[].nodePort', p.nodePort, { field: `${f}.nodePort`, nodePortRange: range }));
      }
      const nodeKey = `${protocol}/${p.nodePort}`;
      if (seenNodePorts.has(nodeKey)) add(`${f}.nodePort`, `${p.nodePort}/${protocol} is used by two ports of this Service.`, p.nodePort, 'each nodePort once per protocol', 'give each port its own nodePort.');
      seenNodePorts.add(nodeKey);
    }
  });

  const affinity = spec.sessionAffinity ?? 'None';
  if (affinity !== 'None' && affinity !== 'ClientIP') {
    add('spec.sessionAffinity', 'is not a session affinity.', affinity, 'None, ClientIP', 'use ClientIP to pin each client to one pod, or None.');
  }
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'None' && spec.sessionAffinityConfig !== undefined) {
    add('spec.sessionAffinityConfig', 'may only be set with sessionAffinity: ClientIP.', spec.sessionAffinityConfig, undefined, 'set sessionAffinity: ClientIP, or drop the timeout.');
  }
  if (timeout !== undefined) {
    problems.push(...fieldProblems('Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, { field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds' }));
  }

  const externallyAccessible = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
  if (spec.externalTrafficPolicy !== undefined) {
    if (!externallyAccessible) {
      add('spec.externalTrafficPolicy', 'may only be set for externally-accessible Services (NodePort, LoadBalancer, or ClusterIP with externalIPs).', spec.externalTrafficPolicy, undefined, 'drop externalTrafficPolicy, or use type NodePort or LoadBalancer.');
    } else if (spec.externalTrafficPolicy !== 'Cluster' && spec.externalTrafficPolicy !== 'Local') {
      add('spec.externalTrafficPolicy', 'is not a traffic policy.', spec.externalTrafficPolicy, 'Cluster, Local', 'use Local to keep the client IP, or Cluster.');
    }
  }
  if (spec.internalTrafficPolicy !== undefined && spec.internalTrafficPolicy !== 'Cluster' && spec.internalTrafficPolicy !== 'Local') {
    add('spec.internalTrafficPolicy', 'is not a traffic policy.', spec.internalTrafficPolicy, 'Cluster, Local', 'use Cluster or Local.');
  }
  if (spec.healthCheckNodePort !== undefined) {
    if (type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
      add('spec.healthCheckNodePort', 'may only be set on a LoadBalancer Service with externalTrafficPolicy: Local.', spec.healthCheckNodePort, undefined, 'drop healthCheckNodePort, or set type LoadBalancer and externalTrafficPolicy Local.');
    } else if (!isPortNumber(spec.healthCheckNodePort)) {
      add('spec.healthCheckNodePort', 'is not a valid port number.', spec.healthCheckNodePort, '1-65535', 'use a port number, or leave it unset so the cluster allocates one.');
    }
  }
  const lbOnly: Array<[string, unknown]> = [
    ['loadBalancerSourceRanges', spec.loadBalancerSourceRanges],
    ['loadBalancerClass', spec.loadBalancerClass],
    ['allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts],
  ];
  for (const [field, value] of lbOnly) {
    if (value !== undefined && type !== 'LoadBalancer') {
      add(`spec.${field}`, 'may only be set on a LoadBalancer Service.', value, undefined, `drop ${field}, or use type LoadBalancer.`);
    }
  }
  (spec.loadBalancerSourceRanges ?? []).forEach((cidr, i) => {
    if (!isCidr(cidr.trim())) add(`spec.loadBalancerSourceRanges[${i}]`, 'is not a CIDR.', cidr, 'CIDRs such as 203.0.113.0/24', 'write the range as address/prefix-length.');
  });
  if (spec.loadBalancerClass !== undefined && !isQualifiedName(spec.loadBalancerClass)) {
    add('spec.loadBalancerClass', 'is not a qualified name.', spec.loadBalancerClass, 'a name such as "example.com/internal-vip"', 'use the class name your load balancer controller documents.');
  }
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (ipFamily(ip) === 0) add(`spec.externalIPs[${i}]`, 'is not an IP address.', ip, 'IPv4 or IPv6 addresses', 'use the address traffic arrives on.');
    else if (isSpecialPurposeIp(ip)) add(`spec.externalIPs[${i}]`, 'is an unspecified, loopback or link-local address.', ip, 'a routable address', 'use an address that reaches a node.');
  });
  return problems;
}
