import { podDnsName, serviceDnsNames } from '../service/dns';
import { TrafficPort, TrafficService } from './model';
import { byKindAndName, compareText, describePods, PodGroup, PodIndex } from './workloads';

export const HEADLESS_CLUSTER_IP = 'None (headless: A records per pod)';
export const ALLOCATED_CLUSTER_IP = 'allocated by the cluster';

/** Where each Service's traffic goes, from the Service, its EndpointSlices and the pods it selects. */
export function describeServices(manifests: readonly any[], groups: readonly PodGroup[], clusterDomain: string): TrafficService[] {
  // EndpointSlices belong to a Service through the `kubernetes.io/service-name` label.
  const slices = new Map<string, any[]>();
  for (const slice of manifests.filter((m) => m?.kind === 'EndpointSlice')) {
    const key = `${slice.metadata?.namespace ?? 'default'}/${slice.metadata?.labels?.['kubernetes.io/service-name']}`;
    slices.set(key, [...(slices.get(key) ?? []), slice]);
  }
  // The older core/v1 Endpoints object (named like its Service) says the same; read each subset as a slice.
  for (const endpoints of manifests.filter((m) => m?.kind === 'Endpoints' && m.metadata?.name)) {
    const key = `${endpoints.metadata.namespace ?? 'default'}/${endpoints.metadata.name}`;
    const asSlices = (Array.isArray(endpoints.subsets) ? endpoints.subsets : []).map((subset: any) => ({
      endpoints: (subset?.addresses ?? []).map((a: any) => ({ addresses: [a?.ip].filter(Boolean) })),
      ports: subset?.ports ?? [],
    }));
    slices.set(key, [...(slices.get(key) ?? []), ...asSlices]);
  }
  const services = manifests.filter((m) => m?.kind === 'Service' && m.metadata?.name);
  const index = new PodIndex(groups);
  const webhooks = webhookCallers(manifests);
  return services
    .map((s) => describeService(s, slices, index, clusterDomain, webhooks.get(`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`)))
    .sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
}

/**
 * The Services admission webhooks point at (`clientConfig.service`): only the
 * API server calls them, when objects are created or changed.
 */
function webhookCallers(manifests: readonly any[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of manifests) {
    if (m?.kind !== 'ValidatingWebhookConfiguration' && m?.kind !== 'MutatingWebhookConfiguration') continue;
    for (const webhook of Array.isArray(m.webhooks) ? m.webhooks : []) {
      const service = webhook?.clientConfig?.service;
      if (!service?.name) continue;
      const key = `${service.namespace ?? 'default'}/${service.name}`;
      const caller = `${m.kind} ${m.metadata?.name}`;
      const list = out.get(key) ?? [];
      if (!list.includes(caller)) list.push(caller);
      out.set(key, list);
    }
  }
  return out;
}

function describeService(service: any, slices: ReadonlyMap<string, any[]>, index: PodIndex, clusterDomain: string, calledBy?: string[]): TrafficService {
  const spec = service.spec ?? {};
  const name: string = service.metadata.name;
  const namespace: string = service.metadata.namespace ?? 'default';
  const headless = spec.clusterIP === 'None';
  const kubeType: string = spec.type ?? 'ClusterIP';
  const type = headless ? 'Headless' : kubeType;
  const dns = serviceDnsNames(name, namespace, clusterDomain);
  const ports: TrafficPort[] = (spec.ports ?? []).map((p: any) => {
    const protocol = p.protocol ?? 'TCP';
    const targetPort = p.targetPort ?? p.port;
    return {
      ...(p.name ? { name: p.name } : {}),
      port: p.port, targetPort, protocol,
      ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
      text: `${p.name ? `${p.name} ` : ''}${p.port} → ${targetPort}/${protocol}`,
    };
  });
  const selector: Record<string, string> | undefined = spec.selector && Object.keys(spec.selector).length > 0 ? spec.selector : undefined;
  const matched = selector ? index.selected(namespace, selector).sort(byKindAndName) : [];

  const loadBalancer = kubeType === 'LoadBalancer';
  // A LoadBalancer may skip node ports when its implementation routes to pods directly.
  const nodePortsShown = kubeType === 'NodePort' || (loadBalancer && spec.allocateLoadBalancerNodePorts !== false);
  const external = {
    nodePorts: nodePortsShown
      ? ports.map((p) => `<any-node-ip>:${p.nodePort ?? '<allocated>'}`)
      : [],
    ...(loadBalancer ? { loadBalancer: ports.map((p) => `${spec.loadBalancerIP ?? '<load-balancer-ip>'}:${p.port}`) } : {}),
    ...(loadBalancer && spec.loadBalancerSourceRanges?.length ? { loadBalancerSourceRanges: [...spec.loadBalancerSourceRanges] } : {}),
    ...(kubeType === 'NodePort' || loadBalancer ? { externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster' } : {}),
    ...(kubeType === 'ExternalName' ? { cname: `CNAME ${spec.externalName}` } : {}),
    ...(!selector && kubeType !== 'ExternalName' ? { endpoints: endpointAddresses(slices.get(`${namespace}/${name}`) ?? []) } : {}),
    ...(spec.externalIPs?.length ? { externalIPs: spec.externalIPs.flatMap((ip: string) => ports.map((p) => `${ip}:${p.port}`)) } : {}),
  };

  return {
    name, namespace, type,
    dnsNames: [dns.short, dns.namespaced, dns.fqdn],
    clusterIP: kubeType === 'ExternalName' ? 'none (CNAME)' : headless ? HEADLESS_CLUSTER_IP : (spec.clusterIP ?? ALLOCATED_CLUSTER_IP),
    ports,
    external,
    ...(selector ? { selector } : {}),
    pods: matched.map(describePods),
    ...(headless ? { podDnsNames: headlessPodNames(name, namespace, matched, clusterDomain) } : {}),
    ...(calledBy ? { calledByApiServer: calledBy } : {}),
  };
}

/** The addresses of a Service's EndpointSlices, as `ip:port`, sorted. */
function endpointAddresses(slices: readonly any[]): string[] {
  const out = new Set<string>();
  for (const slice of slices) {
    const ports: any[] = slice.ports?.length ? slice.ports : [{}];
    for (const endpoint of slice.endpoints ?? []) {
      for (const address of endpoint.addresses ?? []) {
        for (const p of ports) out.add(p.port !== undefined ? `${address.includes(':') ? `[${address}]` : address}:${p.port}` : address);
      }
    }
  }
  return [...out].sort(compareText);
}

/**
 * StatefulSet pods governed by this Service get `<sts>-<i>.<svc>.<ns>.svc…`;
 * other pods are only reachable by their IP-derived name (cluster DNS spec:
 * `<a-b-c-d>.<svc>.<ns>.svc.<zone>` for each ready endpoint).
 */
function headlessPodNames(service: string, namespace: string, groups: readonly PodGroup[], clusterDomain: string): string[] {
  const names: string[] = [];
  for (const g of groups) {
    if (g.kind === 'StatefulSet' && g.serviceName === service) {
      for (let i = 0; i < (g.replicas ?? 0); i++) names.push(podDnsName(`${g.name}-${i}`, service, namespace, clusterDomain));
    }
  }
  if (names.length === 0) names.push(podDnsName('<pod-ip-with-dashes>', service, namespace, clusterDomain));
  return names;
}
