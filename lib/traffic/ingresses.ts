import { ingressClassOf as requestedIngressClass } from '../ingress/conflicts';
import { DEFAULT_INGRESS_CLASS_ANNOTATION } from '../ingress/ingress-validation';
import { NGINX_SSL_REDIRECT_ANNOTATION } from '../ingress/wildcard-ingress';
import { externalSecretNames } from '../core/annotations';
import { nameCoversHost } from '../tls/host-coverage';
import { TrafficCertificate, TrafficIngressController, TrafficIngressUrl, TrafficService } from './model';
import { compareText, describePods, PodGroup, selects } from './workloads';

export const CLUSTER_DEFAULT_CLASS = '(cluster default)';

/** The class an Ingress is served by, as its controller decides it. */
export function ingressClassOf(ingress: any, ingressClasses: readonly any[]): string {
  const named = requestedIngressClass(ingress);
  if (named) return named;
  const fallback = ingressClasses.find((c) => c.metadata?.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
  // The default class is the class: its controller serves the Ingress, so the map joins them.
  return fallback ? fallback.metadata.name : CLUSTER_DEFAULT_CLASS;
}

/** One entry per URL: every host and path of every Ingress, and each default backend. */
export function describeIngressUrls(manifests: readonly any[]): TrafficIngressUrl[] {
  const classes = manifests.filter((m) => m?.kind === 'IngressClass');
  const out: TrafficIngressUrl[] = [];
  for (const ingress of manifests.filter((m) => m?.kind === 'Ingress')) {
    const namespace: string = ingress.metadata?.namespace ?? 'default';
    const name: string = ingress.metadata?.name ?? '';
    const ingressClass = ingressClassOf(ingress, classes);
    const tls: any[] = ingress.spec?.tls ?? [];
    const base = { namespace, ingress: name, ingressClass };
    for (const rule of ingress.spec?.rules ?? []) {
      const host: string | undefined = rule.host;
      const certificate = certificateFor(host, tls, ingress, namespace, manifests);
      if (host !== undefined && !(rule.http?.paths?.length)) {
        // A host without paths (often only for its TLS certificate): ingress-nginx answers it with its default backend.
        out.push({
          url: `${certificate ? 'https' : 'http'}://${host}/`, ...base, host, path: '/', pathType: 'Prefix',
          backend: '(no paths: the controller\'s default backend)', defaultBackend: false, ...(certificate ? { certificate } : {}),
        });
      }
      for (const path of rule.http?.paths ?? []) {
        const p: string = path.path ?? '/';
        const entry = {
          ...base,
          ...(host !== undefined ? { host } : {}),
          path: p,
          pathType: path.pathType ?? 'ImplementationSpecific',
          ...backendOf(path.backend),
          defaultBackend: false,
        };
        out.push({ url: `${certificate ? 'https' : 'http'}://${host ?? '<any-host>'}${p}`, ...entry, ...(certificate ? { certificate } : {}) });
        // With TLS, ingress-nginx redirects HTTP to HTTPS unless ssl-redirect is "false": then plain HTTP is a way in too.
        if (certificate && !redirectsToHttps(ingress)) out.push({ url: `http://${host}${p}`, ...entry });
      }
    }
    if (ingress.spec?.defaultBackend) {
      out.push({
        url: 'http://<any-host>/ (no rule matches)',
        ...base, path: '/', pathType: 'Prefix',
        ...backendOf(ingress.spec.defaultBackend),
        defaultBackend: true,
      });
    }
  }
  return out.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.ingress, b.ingress)
    || Number(a.defaultBackend) - Number(b.defaultBackend) || compareText(a.host ?? '', b.host ?? '') || compareText(a.path, b.path));
}

/** ingress-nginx's per-Ingress redirect switches (its ConfigMap default is ssl-redirect: "true"). */
function redirectsToHttps(ingress: any): boolean {
  const annotations = ingress.metadata?.annotations ?? {};
  return annotations[NGINX_SSL_REDIRECT_ANNOTATION] !== 'false' || annotations['nginx.ingress.kubernetes.io/force-ssl-redirect'] === 'true';
}

function backendOf(backend: any): { backend: string; backendService?: string } {
  const service = backend?.service;
  if (service?.name) {
    const port = service.port?.number ?? service.port?.name ?? '?';
    return { backend: `${service.name}:${port}`, backendService: service.name };
  }
  if (backend?.resource) return { backend: `${backend.resource.kind}/${backend.resource.name}` };
  return { backend: '(none)' };
}

/** The TLS entry whose hosts cover the host (wildcards as TLS clients match them), and where its Secret comes from. */
function certificateFor(host: string | undefined, tls: readonly any[], ingress: any, namespace: string, manifests: readonly any[]): TrafficCertificate | undefined {
  if (host === undefined) return undefined;
  const entry = tls.find((t) => (t.hosts ?? []).some((h: string) => nameCoversHost(h, host)));
  if (!entry) return undefined;
  const secretName: string | undefined = entry.secretName;
  // Without a secretName the controller serves its default (often self-signed) certificate.
  if (!secretName) return { secretName: '(controller default certificate)', source: 'the ingress controller' };
  return { secretName, source: secretSource(secretName, namespace, ingress.metadata?.annotations, manifests) };
}

/** Where a TLS Secret named by an Ingress or a Gateway listener comes from; `annotations` are the referring object's. */
export function secretSource(secretName: string, namespace: string, annotations: Record<string, unknown> | undefined, manifests: readonly any[]): string {
  const inNamespace = (m: any) => (m.metadata?.namespace ?? 'default') === namespace;
  if (manifests.some((m) => m?.kind === 'Secret' && m.metadata?.name === secretName && inNamespace(m))) return 'in these manifests';
  const certificate = manifests.find((m) => m?.kind === 'Certificate' && m.spec?.secretName === secretName && inNamespace(m));
  if (certificate) return `cert-manager Certificate ${certificate.metadata?.name}`;
  if (externalSecretNames(annotations).includes(secretName)) return 'managed outside these manifests';
  return 'not in these manifests';
}

/**
 * The controllers serving the IngressClasses used: found by their
 * `--ingress-class=` / `--controller-class=` flags (ingress-nginx's), with
 * the Services that select their pods, i.e. how clients reach them.
 */
export function describeIngressControllers(manifests: readonly any[], urls: readonly TrafficIngressUrl[],
  groups: readonly PodGroup[], services: readonly TrafficService[]): TrafficIngressController[] {
  const classes = manifests.filter((m) => m?.kind === 'IngressClass');
  const used = new Set(urls.map((u) => u.ingressClass));
  const names = new Set<string>([...used, ...classes.map((c) => c.metadata?.name as string)]);
  const out: TrafficIngressController[] = [];
  for (const name of [...names].sort(compareText)) {
    const ingressClass = classes.find((c) => c.metadata?.name === name);
    const controller: string = ingressClass?.spec?.controller ?? 'unknown';
    const group = groups.find((g) => g.args.some((a) => a === `--ingress-class=${name}` || (controller !== 'unknown' && a === `--controller-class=${controller}`)));
    // The controller's pods also answer its admission webhook Service, which only the API server calls:
    // that one is no way in. Of the others, those reachable from outside are, when there are any.
    const selecting = group ? services.filter((s) => s.selector && s.namespace === group.namespace && selects(s.selector, group) && !s.calledByApiServer) : [];
    const outside = selecting.filter((s) => s.external.nodePorts.length > 0 || (s.external.externalIPs?.length ?? 0) > 0);
    const fronting = (outside.length > 0 ? outside : selecting).map((s) => `${s.namespace}/${s.name}`);
    out.push({
      ingressClass: name, controller,
      ...(group ? { workload: { ...describePods(group), namespace: group.namespace } } : {}),
      services: fronting,
    });
  }
  return out;
}
