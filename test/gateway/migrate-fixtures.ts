// Small Ingress manifests for the migration tests; each test changes one thing.
export const NS = 'shop';

export function path(p: string, service = 'web', port: any = { number: 80 }, pathType = 'Prefix'): any {
  return { path: p, pathType, backend: { service: { name: service, port } } };
}

export function ingress(name: string, rules: any[], extra: { tls?: any[]; annotations?: Record<string, string>; ns?: string; defaultBackend?: any; className?: string } = {}): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: extra.ns ?? NS, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
    spec: {
      ingressClassName: extra.className ?? 'nginx',
      ...(rules.length > 0 ? { rules } : {}),
      ...(extra.tls ? { tls: extra.tls } : {}),
      ...(extra.defaultBackend ? { defaultBackend: extra.defaultBackend } : {}),
    },
  };
}

export const rule = (host: string | undefined, ...paths: any[]) => ({ ...(host ? { host } : {}), http: { paths } });

export const nginx = (name: string) => `nginx.ingress.kubernetes.io/${name}`;

/** The objects of a kind. */
export const ofKind = (objects: readonly any[], kind: string) => objects.filter((o) => o.kind === kind);

/** The one object of a kind and name. */
export function named(objects: readonly any[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}
