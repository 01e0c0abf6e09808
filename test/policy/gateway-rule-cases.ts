// Fixtures of the Gateway API rules: a valid app served through a Gateway, and one defect per case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployment, namespace, NS, service, tlsSecret } from './builders';

const certPem = readFileSync(join(__dirname, 'fixtures', 'shop-example-com.crt.pem'), 'utf8');
// A throwaway key made for these fixtures only.
const keyPem = readFileSync(join(__dirname, 'fixtures', 'shop-example-com.key.pem'), 'utf8');
const GW = 'gateway.networking.k8s.io/v1';

export function gateway(listeners?: any[], annotations?: Record<string, string>, ns = NS): any {
  return {
    apiVersion: GW, kind: 'Gateway',
    metadata: { name: 'public', namespace: ns, ...(annotations ? { annotations } : {}) },
    spec: {
      gatewayClassName: 'nginx',
      listeners: listeners ?? [
        { name: 'http', port: 80, protocol: 'HTTP' },
        { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-tls' }] } },
      ],
    },
  };
}

export function route(name = 'web', spec: any = {}, ns = NS): any {
  return {
    apiVersion: GW, kind: 'HTTPRoute', metadata: { name, namespace: ns },
    spec: {
      parentRefs: [{ name: 'public', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] }],
      ...spec,
    },
  };
}

const redirectRule = { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] };
export const redirectRoute = (parentRefs: any[] = [{ name: 'public', sectionName: 'http' }]) =>
  route('web-redirect', { parentRefs, rules: [redirectRule] });

export const shopTls = () => tlsSecret('shop-tls', { 'tls.crt': certPem, 'tls.key': keyPem });

/** A namespace, a Deployment and its Service, a TLS Secret, a Gateway, the route and its HTTP -> HTTPS redirect. */
export function validGatewayApp(): any[] {
  return [namespace(), deployment(), service(), shopTls(), gateway(), route(), redirectRoute()];
}

const without = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);
const withGateway = (g: any) => [...without(validGatewayApp(), 'Gateway'), g];
const grant = (fromKind: string, fromNs: string, toKind: string, ns: string, name?: string) => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: `allow-${fromNs}`, namespace: ns },
  spec: { from: [{ group: 'gateway.networking.k8s.io', kind: fromKind, namespace: fromNs }], to: [{ group: '', kind: toKind, ...(name ? { name } : {}) }] },
});
const otherTeam = (labels?: Record<string, string>) => [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other', ...(labels ? { labels } : {}) } },
  deployment('web', { ns: 'other' }), service('web', {}, 'other'), route('web', {}, 'other'),
];
const crossRoute = (ns = 'other') => route('web', { parentRefs: [{ name: 'public', namespace: NS, sectionName: 'https' }] }, ns);

/** A TCPRoute, standard (v1) since Gateway API v1.6. */
export const tcpRoute = () => ({ apiVersion: GW, kind: 'TCPRoute', metadata: { name: 'db', namespace: NS }, spec: { parentRefs: [{ name: 'public', sectionName: 'tcp' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } });

/** The head of a Gateway API CRD as the bundles write it, with its bundle-version annotation. */
export const gatewayCrd = (version: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
  metadata: { name: 'tcproutes.gateway.networking.k8s.io', annotations: { 'gateway.networking.k8s.io/bundle-version': version, 'gateway.networking.k8s.io/channel': 'standard' } },
  spec: { group: 'gateway.networking.k8s.io', names: { kind: 'TCPRoute', plural: 'tcproutes' }, scope: 'Namespaced', versions: [] },
});

/** One passing and one failing fixture per Gateway API rule, in the shape of rules.test.ts's cases. */
export const GATEWAY_CASES: Record<string, { pass: any[]; fail: any[]; expected: { kind: string; name: string; message: RegExp }; options?: any }> = {
  'gw-route-parent-resolves': {
    pass: [...validGatewayApp(), route('by-port', { parentRefs: [{ name: 'public', sectionName: 'https', port: 443 }] }), route('external', { parentRefs: [{ name: 'edge', namespace: 'infra' }] })],
    fail: [...validGatewayApp(), route('typo', { parentRefs: [{ name: 'pubilc' }] }), route('port', { parentRefs: [{ name: 'public', sectionName: 'https', port: 8443 }] })],
    expected: { kind: 'HTTPRoute', name: 'typo', message: /spec\.parentRefs\[0\]\.name "pubilc" is not a Gateway in namespace "shop" of these manifests \(did you mean "public"\?\)/ },
    options: { externalGateways: ['infra/edge'] },
  },
  'gw-route-admitted': {
    pass: [...without(withGateway(gateway(gateway().spec.listeners.map((l: any) => ({ ...l, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'web' } } } } })))), 'Namespace'),
      { ...namespace(), metadata: { name: NS, labels: { team: 'web' } } }, ...otherTeam({ team: 'web' }).slice(0, 3), crossRoute()],
    fail: [...validGatewayApp(), ...otherTeam().slice(0, 3), crossRoute()],
    expected: { kind: 'HTTPRoute', name: 'web', message: /spec\.parentRefs\[0\]: Gateway shop\/public does not admit HTTPRoute other\/web \(listener "https": it admits routes from its own namespace "shop" only .*NotAllowedByListeners/ },
  },
  'gw-route-hostname-intersects': {
    pass: [...withGateway(gateway([{ name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] } }, { name: 'http', port: 80, protocol: 'HTTP' }])),
      route('eu', { hostnames: ['eu.shop.example.com'] })].filter((o) => o.metadata.name !== 'web' || o.kind !== 'HTTPRoute'),
    fail: [...validGatewayApp(), route('org', { hostnames: ['shop.example.org'] })],
    expected: { kind: 'HTTPRoute', name: 'org', message: /spec\.hostnames \["shop\.example\.org"\] share no hostname with the listeners of Gateway shop\/public that spec\.parentRefs\[0\] attaches to \("https": "shop\.example\.com"\)/ },
  },
  'gw-backend-exists': {
    pass: validGatewayApp(),
    fail: [...validGatewayApp(), route('typo', { rules: [{ backendRefs: [{ name: 'wbe', port: 80 }] }] }), route('port', { rules: [{ backendRefs: [{ name: 'web', port: 8080 }] }] })],
    expected: { kind: 'HTTPRoute', name: 'typo', message: /spec\.rules\[0\]\.backendRefs\[0\]\.name "wbe" is not a Service in namespace "shop" \(did you mean "web"\?\); requests for it get 500/ },
  },
  'gw-reference-granted': {
    pass: [...validGatewayApp(), ...otherTeam().slice(0, 3), route('billing', { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] }), grant('HTTPRoute', NS, 'Service', 'other', 'web')],
    fail: [...validGatewayApp(), ...otherTeam().slice(0, 3), route('billing', { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] }), grant('HTTPRoute', 'elsewhere', 'Service', 'other')],
    expected: { kind: 'HTTPRoute', name: 'billing', message: /spec\.rules\[0\]\.backendRefs\[0\] refers to Service other\/web in another namespace, and no ReferenceGrant in "other" allows HTTPRoutes of "shop" to/ },
  },
  'gw-tls-secret-exists': {
    pass: [...without(without(validGatewayApp(), 'Secret'), 'Gateway'), gateway(undefined, { 'netkit.io/external-secrets': 'shop-tls' })],
    fail: withGateway(gateway([{ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'nope' }] } }])),
    expected: { kind: 'Gateway', name: 'public', message: /spec\.listeners\[0\]\.tls\.certificateRefs\[0\]\.name "nope" is neither a Secret nor a cert-manager Certificate's secretName in namespace "shop"/ },
  },
  'gw-tls-cert-covers-hostname': {
    pass: validGatewayApp(),
    fail: withGateway(gateway([{ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.org', tls: { certificateRefs: [{ name: 'shop-tls' }] } }])),
    expected: { kind: 'Gateway', name: 'public', message: /spec\.listeners\[0\]\.hostname "shop\.example\.org" is not covered by the certificate of Secret shop\/shop-tls \(it covers "shop\.example\.com", "\*\.shop\.example\.com"\)/ },
  },
  'gw-listeners-distinct': {
    pass: validGatewayApp(),
    fail: withGateway(gateway([...gateway().spec.listeners, { name: 'https-80', port: 80, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] } }])),
    expected: { kind: 'Gateway', name: 'public', message: /spec\.listeners\[2\] \("https-80", HTTPS\) shares port 80 with listener "http" \(HTTP\): one port carries either plain HTTP or TLS/ },
  },
  'gw-spec-valid': {
    pass: validGatewayApp(),
    fail: [...validGatewayApp(), route('typo', { hostname: 'shop.example.com', rules: [{ backendRefs: [{ name: 'web' }] }] })],
    expected: { kind: 'HTTPRoute', name: 'typo', message: /^spec\.rules\[0\]\.backendRefs\[0\]\.port: Must have port for Service reference/ },
  },
  'gw-api-version': {
    pass: [...validGatewayApp(), tcpRoute(), gatewayCrd('v1.6.1')],
    fail: [...validGatewayApp(), tcpRoute()],
    expected: { kind: 'TCPRoute', name: 'db', message: /^TCPRoute is not a kind of the Gateway API v1\.5\.1 standard channel, the bundle declared by the default \(what GatewayApiCrds installs\); v1\.6\.1 serves it\.$/ },
  },
  'gw-redirect-no-loop': {
    pass: validGatewayApp(),
    fail: [...without(validGatewayApp(), 'HTTPRoute'), route(), redirectRoute([{ name: 'public' }])],
    expected: { kind: 'HTTPRoute', name: 'web-redirect', message: /spec\.rules\[0\]\.filters\[0\] redirects to \{"scheme":"https","statusCode":301\}, and the route also serves listener "https" \(HTTPS, port 443\) of Gateway shop\/public, where the redirected request matches this rule again/ },
  },
};
