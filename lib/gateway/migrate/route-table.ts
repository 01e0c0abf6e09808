import { serviceIndex } from './backends';

/** One host and path and the Services that serve it. */
export interface RouteTableRow {
  /** The host, `*` for every host. */
  readonly host: string;
  /** `Exact`, `Prefix` (Ingress Prefix and ImplementationSpecific, HTTPRoute PathPrefix) or `RegularExpression`. */
  readonly pathType: string;
  readonly path: string;
  /** `namespace/service:port`, sorted, each once. */
  readonly backends: readonly string[];
}

const PATH_TYPES: Record<string, string> = { Exact: 'Exact', Prefix: 'Prefix', ImplementationSpecific: 'Prefix', PathPrefix: 'Prefix', RegularExpression: 'RegularExpression' };

/**
 * The host/path → Service:port table of the Ingresses and HTTPRoutes in
 * `manifests`: what a migration must keep equal. Header matches, weights
 * and filters are left out (a canary's backend joins the row of its path);
 * redirect rules, which have no backend, give no row. Named Ingress ports
 * are resolved through the Services in `manifests`.
 */
export function routeTable(manifests: readonly any[]): RouteTableRow[] {
  const services = serviceIndex(manifests);
  const rows = new Map<string, { host: string; pathType: string; path: string; backends: Set<string> }>();
  const add = (host: string, pathType: string, path: string, backend: string) => {
    const key = JSON.stringify([host, pathType, path]);
    if (!rows.has(key)) rows.set(key, { host, pathType, path, backends: new Set() });
    rows.get(key)!.backends.add(backend);
  };
  for (const m of manifests) {
    const namespace: string = m?.metadata?.namespace || 'default';
    if (m?.kind === 'Ingress') {
      const backend = (b: any) => {
        const s = b?.service;
        if (!s?.name) return undefined;
        const port = s.port?.number ?? (services.get(`${namespace}/${s.name}`)?.spec?.ports ?? []).find((p: any) => p?.name === s.port?.name)?.port ?? s.port?.name;
        return `${namespace}/${s.name}:${port}`;
      };
      for (const rule of m.spec?.rules ?? []) {
        for (const p of rule?.http?.paths ?? []) {
          const b = backend(p?.backend);
          if (b) add(rule.host || '*', PATH_TYPES[p.pathType] ?? p.pathType, p.path || '/', b);
        }
      }
      const d = backend(m.spec?.defaultBackend);
      if (d) add('*', 'Prefix', '/', d);
    } else if (m?.kind === 'HTTPRoute') {
      const hosts: string[] = m.spec?.hostnames?.length ? m.spec.hostnames : ['*'];
      for (const rule of m.spec?.rules ?? []) {
        const refs = (rule?.backendRefs ?? []).filter((b: any) => (b.kind ?? 'Service') === 'Service' && !b.group);
        const matches = rule?.matches?.length ? rule.matches : [{}];
        for (const match of matches) {
          const type = PATH_TYPES[match.path?.type ?? 'PathPrefix'] ?? match.path?.type;
          for (const host of hosts) for (const b of refs) add(host, type, match.path?.value ?? '/', `${b.namespace ?? namespace}/${b.name}:${b.port}`);
        }
      }
    }
  }
  return [...rows.values()]
    .map((r) => ({ host: r.host, pathType: r.pathType, path: r.path, backends: [...r.backends].sort() }))
    .sort((a, b) => a.host.localeCompare(b.host) || a.path.localeCompare(b.path) || a.pathType.localeCompare(b.pathType));
}
