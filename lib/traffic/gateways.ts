import { ngfProvisionedService } from '../addons/nginx-gateway-fabric/provisioned-service';
import { TrafficCertificate, TrafficGateway, TrafficGatewayUrl, TrafficListener, TrafficRouteBackend } from './model';
import { secretSource } from './ingresses';
import { compareText } from './workloads';

/**
 * Gateway API routes read from plain manifests (gateway.networking.k8s.io/v1
 * Gateway and HTTPRoute), never from constructs, so the map draws any YAML.
 * Attachment follows the spec: a parentRef picks listeners by `sectionName`
 * and `port`, or all of them; a route's hostnames are intersected with the
 * listener's (wildcards match one or more labels). Which routes a listener
 * admits (allowedRoutes) is the policy rules' business, not the map's.
 */
const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const HTTP_PROTOCOLS = new Set(['HTTP', 'HTTPS']);

const nsOf = (m: any) => m.metadata?.namespace ?? 'default';
const isKind = (m: any, kind: string) => m?.kind === kind && typeof m.apiVersion === 'string' && m.apiVersion.startsWith(`${GATEWAY_GROUP}/`);

/** The intersection of a route hostname and a listener hostname (undefined: any host), or null when they do not meet. */
export function intersectHostnames(route: string | undefined, listener: string | undefined): string | undefined | null {
  if (route === undefined) return listener;
  if (listener === undefined) return route;
  const matches = (wildcard: string, host: string) => wildcard.startsWith('*.') && host.endsWith(wildcard.slice(1)) && host.length > wildcard.length - 1;
  if (route === listener) return route;
  if (matches(listener, route)) return route;
  if (matches(route, listener)) return listener;
  return null;
}

function listenersOf(gateway: any): TrafficListener[] {
  return (gateway.spec?.listeners ?? []).map((l: any) => ({
    name: l.name, protocol: l.protocol, port: l.port, ...(l.hostname !== undefined ? { hostname: l.hostname } : {}),
  }));
}

/** Every Gateway in the manifests, with its class, listeners and provisioned Service where the manifests tell. */
export function describeGateways(manifests: readonly any[]): TrafficGateway[] {
  const classes = manifests.filter((m) => isKind(m, 'GatewayClass'));
  return manifests.filter((m) => isKind(m, 'Gateway') && m.metadata?.name)
    .map((gateway): TrafficGateway => {
      const className: string = gateway.spec?.gatewayClassName ?? '';
      const gatewayClass = classes.find((c) => c.metadata?.name === className);
      const service = provisionedService(gateway, gatewayClass, manifests);
      return {
        name: gateway.metadata.name, namespace: nsOf(gateway), gatewayClass: className,
        controller: gatewayClass?.spec?.controllerName ?? 'unknown',
        listeners: listenersOf(gateway),
        ...(service ? { service } : {}),
      };
    })
    .sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.name, b.name));
}

/** How clients reach the Service the controller provisions, when the manifests say (NGINX Gateway Fabric's NginxProxy). */
function provisionedService(gateway: any, gatewayClass: any, manifests: readonly any[]): TrafficGateway['service'] {
  const service = ngfProvisionedService(gateway, gatewayClass, manifests.filter((m) => m?.kind === 'NginxProxy'));
  if (!service) return undefined;
  const entries = service.type === 'ClusterIP' ? [] : [
    ...(service.type === 'LoadBalancer' ? service.ports.map((p) => `<load-balancer-ip>:${p.port}`) : []),
    ...service.ports.map((p) => `<any-node-ip>:${p.nodePort ?? '<allocated>'} → ${p.port}`),
  ];
  return {
    name: service.name, type: service.type, entries,
    ...(service.externalTrafficPolicy ? { externalTrafficPolicy: service.externalTrafficPolicy } : {}),
  };
}

/** One entry per URL: every HTTPRoute rule match, through every listener it attaches to, for every hostname it serves. */
export function describeGatewayUrls(manifests: readonly any[]): TrafficGatewayUrl[] {
  const gateways = manifests.filter((m) => isKind(m, 'Gateway'));
  const out: TrafficGatewayUrl[] = [];
  for (const route of manifests.filter((m) => isKind(m, 'HTTPRoute'))) {
    const namespace = nsOf(route);
    const routeHosts: Array<string | undefined> = route.spec?.hostnames?.length ? route.spec.hostnames : [undefined];
    for (const ref of route.spec?.parentRefs ?? []) {
      if ((ref.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') continue;
      const gateway = gateways.find((g) => g.metadata?.name === ref.name && nsOf(g) === (ref.namespace ?? namespace));
      if (!gateway) continue;
      const listeners = (gateway.spec?.listeners ?? []).filter((l: any) => HTTP_PROTOCOLS.has(l.protocol)
        && (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
      for (const listener of listeners) {
        const certificate = listener.protocol === 'HTTPS' ? listenerCertificate(listener, gateway, manifests) : undefined;
        const hosts = [...new Set(routeHosts.map((h) => intersectHostnames(h, listener.hostname)).filter((h) => h !== null))];
        for (const host of hosts) {
          for (const rule of route.spec?.rules ?? [{}]) {
            out.push(...ruleUrls(rule, { route, namespace, gateway, listener, host: host ?? undefined, certificate }));
          }
        }
      }
    }
  }
  return out.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.route, b.route) || compareText(a.host ?? '', b.host ?? '')
    || compareText(a.path, b.path) || compareText(a.url, b.url));
}

interface RuleContext {
  readonly route: any;
  readonly namespace: string;
  readonly gateway: any;
  readonly listener: any;
  readonly host?: string;
  readonly certificate?: TrafficCertificate;
}

function ruleUrls(rule: any, c: RuleContext): TrafficGatewayUrl[] {
  const scheme = c.listener.protocol === 'HTTPS' ? 'https' : 'http';
  const port = c.listener.port === (scheme === 'https' ? 443 : 80) ? '' : `:${c.listener.port}`;
  const backends: TrafficRouteBackend[] = (rule.backendRefs ?? [])
    .filter((b: any) => (b.group ?? '') === '' && (b.kind ?? 'Service') === 'Service')
    .map((b: any) => ({ service: b.name, namespace: b.namespace ?? c.namespace, ...(b.port !== undefined ? { port: b.port } : {}), weight: b.weight ?? 1 }));
  const redirect = redirectOf(rule.filters, scheme, c.host, c.listener.port);
  const matches: any[] = rule.matches?.length ? rule.matches : [{}];
  return matches.map((match) => {
    const path: string = match.path?.value ?? '/';
    const conditions = conditionsOf(match);
    return {
      url: `${scheme}://${c.host ?? '<any-host>'}${port}${path}`,
      namespace: c.namespace, route: c.route.metadata?.name ?? '',
      gateway: `${nsOf(c.gateway)}/${c.gateway.metadata?.name}`, listener: c.listener.name, gatewayClass: c.gateway.spec?.gatewayClassName ?? '',
      ...(c.host !== undefined ? { host: c.host } : {}),
      path, pathType: match.path?.type ?? 'PathPrefix',
      ...(conditions ? { conditions } : {}),
      backend: redirect ? `redirect ${redirect}` : backendText(backends, c.namespace),
      backends,
      ...(redirect ? { redirect } : {}),
      ...(c.certificate ? { certificate: c.certificate } : {}),
    };
  });
}

function backendText(backends: readonly TrafficRouteBackend[], namespace: string): string {
  if (backends.length === 0) return '(none)';
  const total = backends.reduce((sum, b) => sum + b.weight, 0);
  return backends.map((b) => {
    const name = `${b.namespace === namespace ? '' : `${b.namespace}/`}${b.service}:${b.port ?? '?'}`;
    return backends.length > 1 ? `${name} (${total === 0 ? 0 : Math.round((100 * b.weight) / total)}%)` : name;
  }).join(', ');
}

function conditionsOf(match: any): string | undefined {
  const parts = [
    ...(match.method ? [match.method] : []),
    ...(match.headers ?? []).map((h: any) => `header ${h.name}${h.type === 'RegularExpression' ? '~' : '='}${h.value}`),
    ...(match.queryParams ?? []).map((q: any) => `query ${q.name}${q.type === 'RegularExpression' ? '~' : '='}${q.value}`),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The RequestRedirect filter's target; the spec's defaults keep the request's scheme, host and path, and pick the scheme's port. */
function redirectOf(filters: readonly any[] | undefined, scheme: string, host: string | undefined, listenerPort: number): string | undefined {
  const redirect = (filters ?? []).find((f) => f?.type === 'RequestRedirect')?.requestRedirect;
  if (!redirect) return undefined;
  const toScheme: string = redirect.scheme ?? scheme;
  const port = redirect.port ?? (redirect.scheme ? (toScheme === 'https' ? 443 : 80) : listenerPort);
  const shownPort = port === (toScheme === 'https' ? 443 : 80) ? '' : `:${port}`;
  // `…`: the rest of the request path, kept.
  const path = redirect.path?.type === 'ReplaceFullPath' ? redirect.path.replaceFullPath
    : redirect.path?.type === 'ReplacePrefixMatch' ? `${redirect.path.replacePrefixMatch}…` : '/…';
  return `${toScheme}://${redirect.hostname ?? host ?? '<same-host>'}${shownPort}${path} (${redirect.statusCode ?? 302})`;
}

function listenerCertificate(listener: any, gateway: any, manifests: readonly any[]): TrafficCertificate | undefined {
  const ref = (listener.tls?.certificateRefs ?? [])[0];
  if (!ref?.name) return undefined;
  const namespace = ref.namespace ?? nsOf(gateway);
  return { secretName: ref.name, source: secretSource(ref.name, namespace, gateway.metadata?.annotations, manifests) };
}
