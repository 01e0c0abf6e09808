import { MermaidDiagram } from './mermaid-diagram';
import { TrafficGatewayUrl, TrafficIngressUrl, TrafficMap, TrafficService } from './model';
import { compareText } from './workloads';

/**
 * The flow as several small Mermaid flowcharts instead of one: GitHub draws
 * a diagram about 900 px wide and shrinks anything wider, so one chart of a
 * whole app (2,700 px for the example) ends up with 5 px text. First the entry
 * paths (client → node port, load balancer, ingress controller or Gateway →
 * namespace), then one chart per namespace (route → Service → pods). Each
 * ingress controller and Gateway is drawn once; per-pod DNS names are a side
 * note, not a hop; admission webhooks are called by the API server.
 */
export function renderMermaid(map: TrafficMap): string {
  const sections = [`### Entry paths\n\n${renderEntryPaths(map)}`];
  for (const namespace of namespacesOf(map)) sections.push(`### Namespace ${namespace}\n\n${renderNamespace(map, namespace)}`);
  return `${sections.join('\n\n')}\n`;
}

function namespacesOf(map: TrafficMap): string[] {
  const all = [...map.services.map((s) => s.namespace), ...map.ingressUrls.map((u) => u.namespace), ...map.gatewayUrls.map((u) => u.namespace)];
  return [...new Set(all)].sort(compareText);
}

const ALLOCATED_NODE_PORT = 'node port (allocated)';

/** `<any-node-ip>:30080` → `:30080`, `<load-balancer-ip>:80` → `LB :80`: the table has the long form. */
export function shortEntry(entry: string): string {
  return entry.replace(/ → \d+$/, '').replace(/^<any-node-ip>:<allocated>$/, ALLOCATED_NODE_PORT).replace(/^<any-node-ip>/, '').replace(/^<load-balancer-ip>:/, 'LB :');
}

/** Entries as edge text; node ports the cluster allocates are said once, however many there are. */
function entryText(entries: readonly string[]): string | undefined {
  const allocated = entries.filter((e) => e === ALLOCATED_NODE_PORT).length;
  const fixed = entries.filter((e) => e !== ALLOCATED_NODE_PORT);
  const text = [...fixed, ...(allocated > 1 ? ['node ports (allocated)'] : allocated === 1 ? [ALLOCATED_NODE_PORT] : [])];
  return text.length > 0 ? text.join(', ') : undefined;
}

/** How clients reach a Service, short: a LoadBalancer by its load balancer (its node ports are in the table). */
function serviceEntries(s: TrafficService): string[] {
  return [...(s.external.loadBalancer ?? s.external.nodePorts), ...(s.external.externalIPs ?? [])].map(shortEntry);
}

/** Hosts as edge text, one per line; many become a count so the edge stays short. */
function hostsText(hosts: readonly string[]): string {
  const distinct = [...new Set(hosts)].sort(compareText);
  return distinct.length > 3 ? `${distinct.length} hosts` : distinct.join('\n');
}

function renderEntryPaths(map: TrafficMap): string {
  const d = new MermaidDiagram('LR');
  const client = d.node('client', 'client', 'circle');
  const namespaceNode = (ns: string) => d.node(`ns/${ns}`, `namespace ${ns}`, 'subroutine');
  const fronting = new Set(map.ingressControllers.flatMap((c) => c.services));

  for (const c of map.ingressControllers) {
    const controller = d.node(`controller/${c.ingressClass}`, `${c.workload ? c.workload.name : 'ingress controller'}\nIngressClass ${c.ingressClass}`, 'stadium');
    const entries = map.services.filter((s) => c.services.includes(`${s.namespace}/${s.name}`)).flatMap(serviceEntries);
    d.edge(client, controller, entries.length > 0 ? entries.join(', ') : undefined);
    const urls = map.ingressUrls.filter((u) => u.ingressClass === c.ingressClass);
    for (const ns of [...new Set(urls.map((u) => u.namespace))].sort(compareText)) {
      d.edge(controller, namespaceNode(ns), hostsText(urls.filter((u) => u.namespace === ns).map((u) => u.host ?? '<any-host>')));
    }
  }
  for (const g of map.gateways) {
    const gateway = d.node(`gateway/${g.namespace}/${g.name}`, `Gateway ${g.namespace}/${g.name}\nclass ${g.gatewayClass}`, 'stadium');
    const entries = entryText((g.service?.entries ?? []).map(shortEntry));
    d.edge(client, gateway, entries);
    const urls = map.gatewayUrls.filter((u) => u.gateway === `${g.namespace}/${g.name}`);
    for (const ns of [...new Set(urls.map((u) => u.namespace))].sort(compareText)) {
      d.edge(gateway, namespaceNode(ns), hostsText(urls.filter((u) => u.namespace === ns).map((u) => u.host ?? '<any-host>')));
    }
  }
  for (const s of map.services) {
    const entries = serviceEntries(s);
    if (entries.length === 0 || fronting.has(`${s.namespace}/${s.name}`)) continue;
    const svc = d.node(`svc/${s.namespace}/${s.name}`, `${s.name}\n${s.type}`);
    d.edge(client, svc, entries.join(', '));
    d.edge(svc, namespaceNode(s.namespace));
  }
  return d.render();
}

/** One node per URL and backend; `http` and `https` of the same route and path share it. */
interface RouteNode {
  readonly key: string;
  readonly schemes: Set<string>;
  readonly rest: string;
  readonly via: string;
  readonly url: TrafficIngressUrl | TrafficGatewayUrl;
}

function routeNodes(urls: ReadonlyArray<TrafficIngressUrl | TrafficGatewayUrl>): RouteNode[] {
  const out = new Map<string, RouteNode>();
  for (const u of urls) {
    const [scheme, rest] = u.url.split('://');
    const via = 'ingress' in u ? `Ingress ${u.ingress}` : `HTTPRoute ${u.route}`;
    const key = `${via}/${rest}/${u.backend}`;
    const known = out.get(key);
    if (known) known.schemes.add(scheme);
    else out.set(key, { key, schemes: new Set([scheme]), rest, via, url: u });
  }
  return [...out.values()];
}

/**
 * What NetworkPolicies make of the paths into a Service's pods, as edge text:
 * `blocked by NetworkPolicy …` (drawn red and dotted) when any declared path
 * is dropped, else the policies that allow them. Undefined without isolation.
 */
function isolationLabel(map: TrafficMap, s: TrafficService, pods: { kind: string; name: string }): { text: string; blocked: boolean } | undefined {
  const edges = (map.isolation ?? []).filter((e) => e.serviceNamespace === s.namespace && e.service === s.name && e.podsKind === pods.kind && e.podsName === pods.name);
  if (edges.length === 0) return undefined;
  const blocked = edges.filter((e) => e.verdict === 'blocked');
  // Policy ids from the reasons, without the namespace when it is this diagram's, each kept to a 40-character line.
  const short = (id: string) => {
    const name = id.startsWith(`${s.namespace}/`) ? id.slice(s.namespace.length + 1) : id;
    return name.length > 40 ? `${name.slice(0, 39)}…` : name;
  };
  const policiesIn = (reasons: string[]) => [...new Set(reasons.flatMap((r) => (/NetworkPolicy ([^ ,]+(?:, [^ ,]+)*)/.exec(r)?.[1] ?? '').split(', ').filter(Boolean).map(short)))];
  // Short lines (the diagrams stay readable at GitHub's width); who is blocked is in the NetworkPolicies table.
  if (blocked.length > 0) return { text: ['blocked by NetworkPolicy', ...policiesIn(blocked.map((e) => e.reason))].join('\n'), blocked: true };
  if (edges.some((e) => e.verdict === 'unknown')) return { text: 'isolated; source not\nin these manifests', blocked: false };
  const allowing = policiesIn(edges.map((e) => e.reason));
  return allowing.length > 0 ? { text: ['allowed by NetworkPolicy', ...allowing].join('\n'), blocked: false } : undefined;
}

function renderNamespace(map: TrafficMap, namespace: string): string {
  const d = new MermaidDiagram('LR');
  const services = map.services.filter((s) => s.namespace === namespace);
  const serviceNode = (s: TrafficService) => {
    const fixedIp = s.type === 'ClusterIP' && !s.clusterIP.startsWith('allocated') ? ` ${s.clusterIP}` : '';
    const nodePorts = s.type === 'NodePort' ? ` ${s.external.nodePorts.map(shortEntry).join(', ')}` : '';
    return d.node(`svc/${s.namespace}/${s.name}`, `${s.namespace === namespace ? '' : `${s.namespace}/`}${s.name}\n${s.type}${fixedIp}${nodePorts}`);
  };

  const urls = [...map.ingressUrls, ...map.gatewayUrls].filter((u) => u.namespace === namespace);
  for (const r of routeNodes(urls)) {
    const scheme = r.schemes.size > 1 ? 'http(s)' : [...r.schemes][0];
    const route = d.node(`url/${r.key}`, `${scheme}://${r.rest}`, 'stadium');
    if ('redirect' in r.url && r.url.redirect) {
      // `https://… (301)` on two lines: the status, then the target (as long as the route's own label).
      const [, target, status] = /^(.*?)(?: \((\d+)\))?$/.exec(r.url.redirect)!;
      d.edge(route, d.node(`redirect/${r.url.redirect}`, `redirect${status ? ` (${status})` : ''}\n${target}`, 'note'), undefined, 'note');
      continue;
    }
    const u = r.url;
    const targets = 'backends' in u
      ? u.backends.map((b) => ({ namespace: b.namespace, service: b.service, port: `:${b.port ?? '?'}`, weight: u.backends.length > 1 ? ` weight ${b.weight}` : '' }))
      : u.backendService ? [{ namespace, service: u.backendService, port: `:${u.backend.split(':').pop()}`, weight: '' }] : [];
    // No Service behind it: a resource backend, a host without paths, or no backendRefs.
    if (targets.length === 0) d.edge(route, d.node(`other/${u.backend}`, u.backend));
    for (const t of targets) {
      const target = map.services.find((s) => s.namespace === t.namespace && s.name === t.service);
      const backend = target ? serviceNode(target) : d.node(`missing/${t.namespace}/${r.url.backend}`, `${r.url.backend}\n(not in these manifests)`);
      d.edge(route, backend, `${t.port}${t.weight}`);
    }
  }

  for (const s of services) {
    const svc = serviceNode(s);
    if (s.calledByApiServer) d.edge(d.node('apiserver', 'API server', 'circle'), svc, 'admission webhook');
    if (s.external.cname) d.edge(svc, d.node(`ext/${s.external.cname}`, `${s.external.cname.replace(/^CNAME /, '')}\n(outside the cluster)`, 'stadium'), 'CNAME');
    for (const address of s.external.endpoints ?? []) d.edge(svc, d.node(`ip/${address}`, address, 'stadium'), 'EndpointSlice');
    for (const p of s.pods) {
      const pods = d.node(`pods/${s.namespace}/${p.kind}/${p.name}`, `${p.name}\n${p.kind}, ${p.text}`, 'round');
      const isolation = isolationLabel(map, s, p);
      d.edge(svc, pods, isolation?.text, isolation?.blocked ? 'blocked' : 'arrow');
    }
    if (s.podDnsNames) {
      // Per-pod names resolve to the pods directly: a fact about DNS, not a stop on the way.
      const names = s.podDnsNames.map((n) => n.replace(/\.svc\..*$/, '').replace('<pod-ip-with-dashes>', '<pod-ip>'));
      const shown = names.length > 3 ? [...names.slice(0, 2), `… ${names.length} names`] : names;
      d.edge(svc, d.node(`dns/${s.namespace}/${s.name}`, `per-pod DNS\n${shown.join('\n')}`, 'note'), undefined, 'note');
    }
  }
  return d.render();
}
