import { checkPolicies, Finding, migrateIngresses, PolicyOptions } from '../../lib';
import { main } from '../../lib/cli/main';
import { deployment, ingress, NS, service, tlsSecret } from './builders';
import { gateway, redirectRoute, route, shopTls, validGatewayApp } from './gateway-rule-cases';

const findings = (objects: any[], id: string, options?: PolicyOptions): Finding[] => checkPolicies(objects, options).filter((f) => f.rule === id);
const messages = (objects: any[], id: string, options?: PolicyOptions) => findings(objects, id, options).map((f) => f.message);
const without = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);
const withGateway = (g: any) => [...without(validGatewayApp(), 'Gateway'), g];
const https = (extra: any = {}) => ({ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] }, ...extra });
const http = (extra: any = {}) => ({ name: 'http', port: 80, protocol: 'HTTP', ...extra });

describe('gw-route-parent-resolves', () => {
  test('a sectionName or port no listener has: NoMatchingParent, listing the listeners', () => {
    expect(messages([...validGatewayApp(), route('port', { parentRefs: [{ name: 'public', sectionName: 'https', port: 8443 }] })], 'gw-route-parent-resolves')).toEqual([
      'spec.parentRefs[0] asks for sectionName "https" and port 8443, which no listener of Gateway shop/public has (its listeners: "http" (80/HTTP), "https" (443/HTTPS)); the route is not accepted (NoMatchingParent).',
    ]);
  });

  test('external Gateways are declared by the option or the CLI flag', async () => {
    const objects = [...validGatewayApp(), route('edge', { parentRefs: [{ name: 'edge' }] })];
    expect(messages(objects, 'gw-route-parent-resolves')).toHaveLength(1);
    expect(messages(objects, 'gw-route-parent-resolves', { externalGateways: ['edge'] })).toEqual([]);
    expect(messages(objects, 'gw-route-parent-resolves', { externalGateways: ['other/edge'] })).toHaveLength(1);
  });
});

describe('gw-route-admitted', () => {
  const cross = () => route('web', { parentRefs: [{ name: 'public', namespace: NS }] }, 'other');
  const other = [deployment('web', { ns: 'other' }), service('web', {}, 'other')];

  test('allowedRoutes.namespaces.from All admits any namespace', () => {
    const all = { allowedRoutes: { namespaces: { from: 'All' } } };
    expect(messages([...withGateway(gateway([http(all), https(all)])), ...other, cross()], 'gw-route-admitted')).toEqual([]);
  });

  test('a Selector on kubernetes.io/metadata.name is decided without the Namespace object; on other labels it is not judged', () => {
    const selector = (s: any) => ({ allowedRoutes: { namespaces: { from: 'Selector', selector: s } } });
    const byName = (names: string[]) => selector({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: names }] });
    expect(messages([...withGateway(gateway([http(byName(['shop', 'other'])), https(byName(['shop', 'other']))])), ...other, cross()], 'gw-route-admitted')).toEqual([]);
    expect(messages([...withGateway(gateway([http(byName(['shop'])), https(byName(['shop']))])), ...other, cross()], 'gw-route-admitted')[0])
      .toMatch(/listener "http": its allowedRoutes\.namespaces\.selector does not select namespace "other"; listener "https": its allowedRoutes/);
    expect(messages([...without(withGateway(gateway([http(selector({ matchLabels: { team: 'a' } })), https()])), 'Namespace'), ...other, cross()], 'gw-route-admitted')).toEqual([]);
  });

  test('kinds: a listener that lists other kinds, or a protocol that carries none, refuses an HTTPRoute', () => {
    const objects = withGateway(gateway([http({ allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } }), { name: 'tls', port: 8443, protocol: 'TLS', tls: { mode: 'Passthrough' } }]));
    expect(findings([...objects, route('r', { parentRefs: [{ name: 'public' }] })], 'gw-route-admitted').filter((f) => f.name === 'r').map((f) => f.message)).toEqual([
      'spec.parentRefs[0]: Gateway shop/public does not admit HTTPRoute shop/r (listener "http": its allowedRoutes.kinds (GRPCRoute) do not include HTTPRoute; listener "tls": its protocol TLS does not carry HTTPRoutes); the route is not accepted (NotAllowedByListeners).',
    ]);
  });
});

describe('gw-route-hostname-intersects', () => {
  test('a *. listener never matches the apex; a route without hostnames matches every listener', () => {
    const wildcard = withGateway(gateway([http(), https({ hostname: '*.shop.example.com' })]));
    expect(messages(wildcard, 'gw-route-hostname-intersects')[0]).toMatch(/spec\.hostnames \["shop\.example\.com"\] share no hostname .* \("https": "\*\.shop\.example\.com"\)/);
    expect(messages([...without(wildcard, 'HTTPRoute'), route('any', { hostnames: undefined })], 'gw-route-hostname-intersects')).toEqual([]);
  });
});

describe('gw-backend-exists', () => {
  test('a port the Service does not have, a Service that selects no pods, and mirror targets', () => {
    const objects = [...validGatewayApp(), service('idle', { selector: { app: 'nothing' } }),
      route('r', { rules: [{ backendRefs: [{ name: 'web', port: 8080 }, { name: 'idle', port: 80 }], filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 80 } } }] }] })];
    expect(messages(objects, 'gw-backend-exists')).toEqual([
      'spec.rules[0].backendRefs[0].port 8080 is not a port of Service shop/web (its ports: 80 "http"); requests for it get 500 (BackendNotFound).',
      'spec.rules[0].backendRefs[1] routes to Service shop/idle, whose selector {"app":"nothing"} matches no pod template of the manifests; requests for it get 503.',
      'spec.rules[0].filters[0].requestMirror.backendRef.name "shadow" is not a Service in namespace "shop"; requests for it get 500 (BackendNotFound).',
    ]);
  });
});

describe('gw-reference-granted', () => {
  test('a certificate in another namespace needs a grant from Gateways; a grant without name covers every Secret', () => {
    const secret = { ...shopTls(), metadata: { name: 'shop-tls', namespace: 'certs' } };
    const objects = [...without(withGateway(gateway([http(), https({ tls: { certificateRefs: [{ name: 'shop-tls', namespace: 'certs' }] } })])), 'Secret'), secret];
    expect(findings(objects, 'gw-reference-granted')).toEqual([expect.objectContaining({
      kind: 'Gateway', message: expect.stringMatching(/spec\.listeners\[1\]\.tls\.certificateRefs\[0\] refers to Secret certs\/shop-tls in another namespace, and no ReferenceGrant in "certs" allows Gateways of "shop" to/),
      fix: 'add a ReferenceGrant in namespace "certs": from [{group: gateway.networking.k8s.io, kind: Gateway, namespace: shop}], to [{group: "", kind: Secret, name: shop-tls}].',
    })]);
    const grant = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'certs' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: NS }], to: [{ group: '', kind: 'Secret' }] } };
    expect(findings([...objects, grant], 'gw-reference-granted')).toEqual([]);
  });
});

describe('gw-tls-secret-exists', () => {
  test('an Opaque Secret is not a certificate', () => {
    const objects = [...without(validGatewayApp(), 'Secret'), tlsSecret('shop-tls', { password: 'x' }, 'Opaque')];
    expect(messages(objects, 'gw-tls-secret-exists')).toEqual(['spec.listeners[1].tls.certificateRefs[0].name "shop-tls" names Secret shop/shop-tls of type "Opaque", not kubernetes.io/tls (InvalidCertificateRef).']);
  });

  test('external Secrets: by the option (name or namespace/name) or on the Gateway (namespace/name for another namespace)', () => {
    const objects = without(withGateway(gateway([http(), https({ tls: { certificateRefs: [{ name: 'shop-tls', namespace: 'certs' }] } })])), 'Secret');
    expect(messages(objects, 'gw-tls-secret-exists')).toHaveLength(1);
    expect(messages(objects, 'gw-tls-secret-exists', { externalSecrets: ['certs/shop-tls'] })).toEqual([]);
    const annotated = (value: string) => without(withGateway({ ...objects.find((o) => o.kind === 'Gateway'), metadata: { name: 'public', namespace: NS, annotations: { 'netkit.io/external-secrets': value } } }), 'Secret');
    expect(messages(annotated('certs/shop-tls'), 'gw-tls-secret-exists')).toEqual([]);
    expect(messages(annotated('shop-tls'), 'gw-tls-secret-exists')).toHaveLength(1);
  });
});

describe('gw-tls-cert-covers-hostname', () => {
  test('a *. listener accepts a.b.<domain>, which its *. certificate does not cover: reported on the route', () => {
    const objects = [...withGateway(gateway([http(), https({ hostname: '*.shop.example.com' })])), route('deep', { hostnames: ['a.b.shop.example.com', 'eu.shop.example.com'] })];
    expect(findings(objects, 'gw-tls-cert-covers-hostname')).toEqual([expect.objectContaining({
      kind: 'HTTPRoute', name: 'deep',
      message: 'spec.hostnames[0] "a.b.shop.example.com" is served by listener "https" of Gateway shop/public with the certificate of Secret shop/shop-tls, which does not cover it (it covers "shop.example.com", "*.shop.example.com"); browsers reject the connection.',
    })]);
  });
});

describe('gw-listeners-distinct', () => {
  test('HTTPS and TLS may share 443, UDP any port; TCP and HTTP may not share one', () => {
    const tcp = { name: 'tcp', port: 80, protocol: 'TCP' };
    expect(messages(withGateway(gateway([http(), https(), { name: 'tls', port: 443, protocol: 'TLS', hostname: 'db.example.com', tls: { mode: 'Passthrough' } }, { name: 'dns', port: 80, protocol: 'UDP' }])), 'gw-listeners-distinct')).toEqual([]);
    expect(messages(withGateway(gateway([http(), https(), tcp])), 'gw-listeners-distinct')[0]).toMatch(/spec\.listeners\[2\] \("tcp", TCP\) shares port 80 with listener "http" \(HTTP\): one port carries either plain HTTP or raw TCP/);
  });
});

describe('gw-redirect-no-loop', () => {
  const redirectingRule = (requestRedirect: any, matches?: any[]) => route('r', { parentRefs: [{ name: 'public', sectionName: 'http' }], rules: [{ ...(matches ? { matches } : {}), filters: [{ type: 'RequestRedirect', requestRedirect }] }] });

  test('a redirect to another host, or to a path the rule does not match, does not loop', () => {
    expect(messages([...validGatewayApp(), redirectingRule({ hostname: 'www.example.org' })], 'gw-redirect-no-loop')).toEqual([]);
    expect(messages([...validGatewayApp(), redirectingRule({ path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } }, [{ path: { type: 'Exact', value: '/old' } }])], 'gw-redirect-no-loop')).toEqual([]);
  });

  test('a path redirect on the same listener to a path the rule matches again loops; a header match is not followed', () => {
    const full = { path: { type: 'ReplaceFullPath', replaceFullPath: '/app/new' } };
    expect(messages([...validGatewayApp(), redirectingRule(full, [{ path: { type: 'PathPrefix', value: '/app' } }])], 'gw-redirect-no-loop')[0]).toMatch(/listener "http" \(HTTP, port 80\)/);
    expect(messages([...validGatewayApp(), redirectingRule(full, [{ path: { type: 'PathPrefix', value: '/app' }, headers: [{ name: 'x', value: 'y' }] }])], 'gw-redirect-no-loop')).toEqual([]);
  });

  test('what migrate writes never loops: its redirect routes name the HTTP listener', () => {
    const result = migrateIngresses([ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] }), service()]);
    const objects = [...without(validGatewayApp(), 'HTTPRoute').filter((o) => o.kind !== 'Gateway'), ...result.objects];
    expect(result.objects.map((o) => o.kind)).toEqual(['Gateway', 'HTTPRoute', 'HTTPRoute']);
    expect(checkPolicies(objects).filter((f) => f.rule.startsWith('gw-'))).toEqual([]);
    expect(redirectRoute().spec.parentRefs[0].sectionName).toBe('http');
  });
});

test('check --external-gateway declares a Gateway managed elsewhere', async () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  expect(await main(['check', '--external-gateway', 'infra/edge', '--help'], io)).toBe(0);
  expect(io.outText).toMatch(/--external-gateway \[NS\/\]NAME +a Gateway managed outside these files/);
});

describe('gw-spec-valid', () => {
  test('the CRD schema: unknown fields and types, once per field (the CEL checks explain a field first)', () => {
    const objects = [...validGatewayApp(), route('typo', { hostname: 'shop.example.com', rules: [{ backendRefs: [{ name: 'web', port: '80' }] }] })];
    expect(messages(objects, 'gw-spec-valid')).toEqual([
      'spec.rules[0].backendRefs[0].port: is not a port number. Got: "80". Allowed: an integer 1-65535.',
      'spec.hostname is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.',
    ]);
  });

  test('kinds and versions the standard channel does not serve, and the kinds without their own checks (GatewayClass)', () => {
    const old = { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TLSRoute', metadata: { name: 't', namespace: NS }, spec: {} };
    const experimental = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'XListenerSet', metadata: { name: 'x', namespace: NS }, spec: {} };
    const gatewayClass = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName: 'nginx', description: 'x'.repeat(65) } };
    expect(messages([old, experimental, gatewayClass], 'gw-spec-valid')).toEqual([
      'gateway.networking.k8s.io/v1alpha2 is not served by the Gateway API v1.6.1 CRD of TLSRoute (it serves v1); the API server answers "no matches for kind".',
      'XListenerSet is not a kind of the Gateway API v1.6.1 standard channel; the API server answers "no matches for kind".',
      'spec.controllerName "nginx" does not match the pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&\'()*+,;=:]+$.',
      'spec.description must be at most 64 characters long (it has 65).',
    ]);
  });

  test('what migrate writes passes every Gateway API rule', () => {
    const result = migrateIngresses([ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] }, { 'nginx.ingress.kubernetes.io/enable-cors': 'true' }), service()]);
    expect(checkPolicies([...without(without(validGatewayApp(), 'HTTPRoute'), 'Gateway'), ...result.objects]).filter((f) => f.rule.startsWith('gw-'))).toEqual([]);
  });
});

describe('gw-api-version', () => {
  const tcp = () => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'TCPRoute', metadata: { name: 'db', namespace: NS }, spec: { parentRefs: [{ name: 'public' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } });

  test('the option declares the bundle; one this package does not carry is said once', () => {
    expect(messages([...validGatewayApp(), tcp()], 'gw-api-version', { gatewayApiVersion: 'v1.6.1' })).toEqual([]);
    expect(messages([...validGatewayApp(), tcp()], 'gw-api-version', { gatewayApiVersion: 'v1.5.1' })).toHaveLength(1);
    expect(messages([...validGatewayApp(), tcp()], 'gw-api-version', { gatewayApiVersion: 'v1.2.0' })).toEqual([
      'cannot be checked against the declared Gateway API bundle "v1.2.0" from the gatewayApiVersion option: this package carries v1.6.1 and v1.5.1 only.',
    ]);
  });

  test('each apiVersion of a kind is judged on its own, also right after another version of that kind', () => {
    const alpha = { ...tcp(), apiVersion: 'gateway.networking.k8s.io/v1alpha2', metadata: { name: 'db-old', namespace: NS } };
    // v1alpha2 is served by neither bundle (gw-spec-valid's error, not a version question); v1 by v1.6.1 only.
    expect(findings([...validGatewayApp(), alpha, tcp()], 'gw-api-version', { gatewayApiVersion: 'v1.5.1' }).map((f) => f.name)).toEqual(['db']);
  });

  test('check --gateway-api-version: a bundle this package carries, or a usage error', async () => {
    const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
    expect(await main(['check', '--gateway-api-version', 'v9.9.9', 'dist/'], io)).toBe(2);
    expect(io.errText).toBe('cdk8s-netkit check: --gateway-api-version v9.9.9 is not a bundle this package carries (v1.6.1, v1.5.1).\n');
  });
});

describe('gw-spec-valid: kinds are case-sensitive', () => {
  test('a backendRef kind "service" is an error naming the right spelling; a lowercase custom kind is a warning', () => {
    const lower = route('web', { rules: [{ backendRefs: [{ name: 'web', kind: 'service', port: 80 }, { name: 'b', group: 'example.com', kind: 'bucket' }] }] });
    expect(findings([...without(validGatewayApp(), 'HTTPRoute'), lower], 'gw-spec-valid').map((f) => [f.severity, f.message.split(' Allowed')[0], f.fix])).toEqual([
      ['error', 'spec.rules[0].backendRefs[0].kind: is not a kind of the core group (""): kinds are case-sensitive, so "service" refers to no object. Got: "service".', 'write kind: "Service".'],
      ['warning', 'spec.rules[0].backendRefs[1].kind: starts with a lowercase letter; kinds are UpperCamelCase (Kubernetes API conventions) and case-sensitive, so it very likely names no kind. Got: "bucket".',
        'write the kind as the group "example.com"\'s CRD spells it (the KIND column of `kubectl api-resources`).'],
    ]);
    expect(findings(validGatewayApp(), 'gw-spec-valid')).toEqual([]);
  });
});
