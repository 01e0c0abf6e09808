import { TrafficMap, TrafficService } from './model';

/**
 * Mermaid node ids allow letters, digits and `_`; anything else (dots, dashes,
 * slashes in Kubernetes names) is replaced, and a counter keeps two names
 * that clean up to the same id apart.
 */
class NodeIds {
  private readonly ids = new Map<string, string>();
  private readonly taken = new Set<string>();

  public id(key: string): string {
    const known = this.ids.get(key);
    if (known) return known;
    const base = `n_${key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
    let id = base;
    for (let i = 2; this.taken.has(id); i++) id = `${base}_${i}`;
    this.ids.set(key, id);
    this.taken.add(id);
    return id;
  }
}

/**
 * Quotes a label. `"` ends a Mermaid string and `<`, `>` would be read as
 * HTML tags (and `<any-node-ip>` silently dropped), so they become Mermaid
 * entity codes; a newline becomes `<br/>`.
 */
function label(text: string): string {
  const escaped = text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\n/g, '<br/>');
  return `"${escaped}"`;
}

/**
 * A `flowchart LR`: client → LoadBalancer/NodePort → ingress controller →
 * Ingress rule → Service → pods, ExternalName → external host, headless →
 * per-pod DNS. Lines are emitted in the map's (sorted) order, so the text is
 * deterministic.
 */
export function renderMermaid(map: TrafficMap): string {
  const ids = new NodeIds();
  const nodes = new Map<string, string>();
  const edges: string[] = [];
  const edgeSet = new Set<string>();
  const node = (key: string, text: string, shape: 'box' | 'round' | 'stadium' | 'circle' | 'cyl' = 'box') => {
    const id = ids.id(key);
    if (!nodes.has(id)) {
      const [open, close] = { box: ['[', ']'], round: ['(', ')'], stadium: ['([', '])'], circle: ['((', '))'], cyl: ['[(', ')]'] }[shape];
      nodes.set(id, `  ${id}${open}${label(text)}${close}`);
    }
    return id;
  };
  const edge = (from: string, to: string, text?: string) => {
    const line = text ? `  ${from} -->|${label(text)}| ${to}` : `  ${from} --> ${to}`;
    if (!edgeSet.has(line)) {
      edgeSet.add(line);
      edges.push(line);
    }
  };
  const serviceNode = (s: TrafficService) => node(`svc/${s.namespace}/${s.name}`, `Service ${s.namespace}/${s.name}\n${s.type}`);

  const client = node('client', 'client', 'circle');
  const inCluster = map.services.some((s) => s.type === 'ClusterIP' || s.type === 'Headless' || s.type === 'ExternalName')
    ? node('in-cluster', 'pods in the cluster', 'circle') : undefined;

  for (const s of map.services) {
    const svc = serviceNode(s);
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') {
      const via = s.type === 'LoadBalancer' ? [...(s.external.loadBalancer ?? []), ...s.external.nodePorts] : s.external.nodePorts;
      edge(client, svc, via.join(', '));
    } else if (inCluster) {
      edge(inCluster, svc, s.dnsNames[1]);
    }
    if (s.external.cname) edge(svc, node(`ext/${s.external.cname}`, `${s.external.cname.replace(/^CNAME /, '')} (outside the cluster)`, 'stadium'), 'CNAME');
    for (const address of s.external.endpoints ?? []) edge(svc, node(`ip/${address}`, address, 'stadium'), 'EndpointSlice');
    const podTargets = s.pods.map((p) => node(`pods/${s.namespace}/${p.kind}/${p.name}`, `${p.kind} ${s.namespace}/${p.name}\n${p.text}`, 'round'));
    if (s.podDnsNames) {
      const dns = node(`dns/${s.namespace}/${s.name}`, `per-pod DNS\n${s.podDnsNames.join('\n')}`, 'cyl');
      edge(svc, dns, 'A records per pod');
      for (const pods of podTargets) edge(dns, pods);
    } else {
      for (const pods of podTargets) edge(svc, pods);
    }
  }

  for (const c of map.ingressControllers) {
    const controller = node(`controller/${c.ingressClass}`, c.workload
      ? `ingress controller ${c.workload.namespace}/${c.workload.name}\nclass ${c.ingressClass}`
      : `ingress controller\nclass ${c.ingressClass}`, 'stadium');
    const fronts = map.services.filter((s) => c.services.includes(`${s.namespace}/${s.name}`));
    if (fronts.length === 0) edge(client, controller);
    for (const s of fronts) edge(serviceNode(s), controller);
  }
  for (const u of map.ingressUrls) {
    const controller = ids.id(`controller/${u.ingressClass}`);
    const rule = node(`url/${u.namespace}/${u.ingress}/${u.url}`, `${u.url}\nIngress ${u.namespace}/${u.ingress}`);
    edge(controller, rule, u.certificate ? `TLS ${u.certificate.secretName}` : 'HTTP');
    const target = map.services.find((s) => s.namespace === u.namespace && s.name === u.backendService);
    const backend = target ? serviceNode(target) : node(`missing/${u.namespace}/${u.backend}`, `${u.backend} (not in these manifests)`);
    edge(rule, backend, u.backend);
  }

  return ['```mermaid', 'flowchart LR', ...nodes.values(), ...edges, '```', ''].join('\n');
}
