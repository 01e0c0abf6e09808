import { App, Testing } from 'cdk8s';
import { ExposedService, Gateway, HttpRoute, HttpRouteBackend, NetkitChart, NetkitError, WebApp } from '../../lib';
import { crdSchemaErrors, GATEWAY_API_VERSIONS } from './crd-schema';

function setup() {
  const app = new App();
  const infra = new NetkitChart(app, 'infra', { namespace: 'infra', createNamespace: false });
  const shop = new NetkitChart(app, 'shop', { namespace: 'shop', createNamespace: false });
  const billing = new NetkitChart(app, 'billing', { namespace: 'billing', createNamespace: false });
  const gateway = new Gateway(infra, 'public', {
    listeners: [
      { protocol: 'HTTP', allowedNamespaces: 'All' },
      { protocol: 'HTTPS', hostname: '*.example.com', certificate: { secretName: 'wildcard', dnsNames: ['*.example.com'] }, allowedNamespaces: 'All' },
    ],
  });
  const web = new WebApp(shop, 'web', { image: 'nginx:1.27.3', port: 8080 });
  const stable = ExposedService.clusterIp(shop, 'stable', { target: web, ports: [{ name: 'http', port: 80 }] });
  const canary = ExposedService.clusterIp(shop, 'canary', { target: web, ports: [{ name: 'http', port: 80 }] });
  const billingApp = new WebApp(billing, 'api', { image: 'nginx:1.27.3', port: 8080 });
  const billingService = ExposedService.clusterIp(billing, 'billing', { target: billingApp, port: 9090 });
  return { app, infra, shop, billing, gateway, stable, canary, billingService };
}

function routes(chart: NetkitChart): any[] {
  return Testing.synth(chart).filter((o) => o.kind === 'HTTPRoute' || o.kind === 'ReferenceGrant');
}

describe('HttpRoute', () => {
  test('writes parents, hostnames, matches, weighted backends and every filter, valid against the CRDs', () => {
    const { shop, gateway, stable, canary } = setup();
    new HttpRoute(shop, 'shop', {
      labels: { app: 'shop' },
      annotations: { 'example.com/owner': 'shop' },
      parents: [{ gateway, sectionName: 'https-wildcard-example-com' }, { gateway, sectionName: 'http', port: 80 }],
      hostnames: ['shop.example.com'],
      rules: [
        {
          name: 'api',
          matches: [{ path: '/api', headers: { 'X-Canary': 'yes' }, queryParams: { v: '2' }, method: 'GET' }, { path: '/v2', pathType: 'Exact' }],
          backends: [HttpRouteBackend.fromService(stable, 'http', { weight: 90 }), HttpRouteBackend.fromService(canary, 80).withWeight(10)],
          requestHeaders: { set: { 'X-Env': 'prod' }, add: { 'X-From': 'gateway' }, remove: ['X-Debug'] },
          responseHeaders: { set: { 'Cache-Control': 'no-store' } },
          mirrors: [{ backend: HttpRouteBackend.fromService(canary, 80), percent: 5 }],
        },
        { path: '/old', rewrite: { hostname: 'shop.internal', replacePrefixMatch: '/new' }, backends: [HttpRouteBackend.fromService(stable, 80)] },
        { path: '/legacy', pathType: 'Exact', redirect: { scheme: 'https', hostname: 'www.example.com', port: 8443, statusCode: 308, replaceFullPath: '/' } },
        { backends: [HttpRouteBackend.fromService(stable, 80)] },
      ],
    });
    const [route] = routes(shop);
    expect(route).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace: 'shop', labels: { app: 'shop' }, annotations: { 'example.com/owner': 'shop' } },
      spec: {
        parentRefs: [
          { name: 'public', namespace: 'infra', sectionName: 'https-wildcard-example-com' },
          { name: 'public', namespace: 'infra', sectionName: 'http', port: 80 },
        ],
        hostnames: ['shop.example.com'],
        rules: [
          {
            name: 'api',
            matches: [
              { path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'X-Canary', value: 'yes' }], queryParams: [{ name: 'v', value: '2' }], method: 'GET' },
              { path: { type: 'Exact', value: '/v2' } },
            ],
            filters: [
              { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'X-Env', value: 'prod' }], add: [{ name: 'X-From', value: 'gateway' }], remove: ['X-Debug'] } },
              { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Cache-Control', value: 'no-store' }] } },
              { type: 'RequestMirror', requestMirror: { backendRef: { name: 'canary', port: 80 }, percent: 5 } },
            ],
            backendRefs: [{ name: 'stable', port: 80, weight: 90 }, { name: 'canary', port: 80, weight: 10 }],
          },
          {
            matches: [{ path: { type: 'PathPrefix', value: '/old' } }],
            filters: [{ type: 'URLRewrite', urlRewrite: { hostname: 'shop.internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } } }],
            backendRefs: [{ name: 'stable', port: 80 }],
          },
          {
            matches: [{ path: { type: 'Exact', value: '/legacy' } }],
            filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', hostname: 'www.example.com', path: { type: 'ReplaceFullPath', replaceFullPath: '/' }, port: 8443, statusCode: 308 } }],
          },
          { backendRefs: [{ name: 'stable', port: 80 }] },
        ],
      },
    });
    for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(route, version)).toEqual([]);
  });

  test('a backend named by its Service port name is written with the port number', () => {
    const { shop, gateway } = setup();
    const app = new WebApp(shop, 'named', { image: 'nginx:1.27.3', port: 8080 });
    const service = ExposedService.clusterIp(shop, 'named-svc', { target: app, ports: [{ name: 'web', port: 8081, targetPort: 8080 }] });
    const backend = HttpRouteBackend.fromService(service, 'web');
    expect(backend.port).toBe(8081);
    new HttpRoute(shop, 'r', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: [backend] }] });
    expect(routes(shop)[0].spec.rules[0].backendRefs).toEqual([{ name: 'named-svc', port: 8081 }]);
    expect(() => HttpRouteBackend.fromService(service, 'grpc').port).toThrow(/^\[shop\/named-svc\] port: Service "named-svc" has no such port\. Got: "grpc"\. Allowed: web \(8081\)/);
  });

  test('a backend or mirror port the Service lacks is refused at the route, naming the rule, the Service and its ports', () => {
    const { shop, gateway, stable } = setup();
    const parents = [{ gateway, sectionName: 'http' }];
    expect(() => new HttpRoute(shop, 'r', { parents, rules: [{ backends: [HttpRouteBackend.fromService(stable, 80)] }, { path: '/api', backends: [HttpRouteBackend.fromService(stable, 81)] }] })).toThrow(
      '[shop/r] rules[1].backends[0].port: Service "stable" (shop/stable) has no such port. Got: 81. Allowed: http (80). Fix: use one of the Service\'s ports, or add port 81 to the Service.',
    );
    const route = new HttpRoute(shop, 'm', { parents, rules: [{ backends: [HttpRouteBackend.fromService(stable, 'http')] }] });
    expect(() => route.addRule({ path: '/x', backends: [HttpRouteBackend.fromService(stable, 80)], mirrors: [{ backend: HttpRouteBackend.fromService(stable, 'grpc') }] })).toThrow(
      /^\[shop\/m\] rules\[1\]\.mirrors\[0\]\.backend\.port: Service "stable" \(shop\/stable\) has no such port\. Got: "grpc"\. Allowed: http \(80\)\./,
    );
    expect(route.rules).toHaveLength(1);
    expect(HttpRouteBackend.fromService(stable, 81).toString()).toBe('shop/stable:81');
    expect(HttpRouteBackend.fromService(stable, 'http').toString()).toBe('shop/stable:80');
  });

  test('a backend in another namespace gets a ReferenceGrant in that namespace, one per route namespace, listing each Service', () => {
    const { shop, billing, gateway, billingService, stable } = setup();
    const first = new HttpRoute(shop, 'pay', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: [HttpRouteBackend.fromService(billingService, 9090)] }] });
    new HttpRoute(shop, 'pay-mirror', {
      parents: [{ gateway, sectionName: 'http' }],
      rules: [{ backends: [HttpRouteBackend.fromService(stable, 80)], mirrors: [{ backend: HttpRouteBackend.fromService(billingService, 9090) }] }],
    });
    new HttpRoute(shop, 'external', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: [HttpRouteBackend.fromServiceName('ledger', 8080, { namespace: 'billing' })] }] });
    expect(routes(shop)[0].spec.rules[0].backendRefs).toEqual([{ name: 'billing', namespace: 'billing', port: 9090 }]);
    const grants = Testing.synth(billing).filter((o) => o.kind === 'ReferenceGrant');
    // The grant for the ExposedService is in its chart; for the external Service in the route's chart, with the target namespace.
    expect(grants).toEqual([{
      apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant',
      metadata: { name: 'allow-httproutes-from-shop', namespace: 'billing' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'billing' }] },
    }]);
    expect(routes(shop).filter((o) => o.kind === 'ReferenceGrant')).toEqual([{
      apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant',
      metadata: { name: 'allow-httproutes-from-shop', namespace: 'billing' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: '', kind: 'Service', name: 'ledger' }] },
    }]);
    expect(first.referenceGrants).toHaveLength(1);
  });

  test('same-namespace backends and a parent Gateway in another namespace need no ReferenceGrant', () => {
    const { shop, gateway, stable } = setup();
    const route = new HttpRoute(shop, 'r', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: [HttpRouteBackend.fromService(stable, 80)] }] });
    expect(route.referenceGrants).toEqual([]);
    expect(routes(shop).map((o) => o.kind)).toEqual(['HTTPRoute']);
  });

  test('past 16 Services, a second grant takes the rest', () => {
    const { shop, gateway } = setup();
    const backends = Array.from({ length: 17 }, (_, i) => HttpRouteBackend.fromServiceName(`svc${i}`, 80, { namespace: 'other' }));
    new HttpRoute(shop, 'r1', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: backends.slice(0, 16) }] });
    new HttpRoute(shop, 'r2', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: backends.slice(16) }] });
    const grants = routes(shop).filter((o) => o.kind === 'ReferenceGrant');
    expect(grants.map((g) => [g.metadata.name, g.spec.to.length])).toEqual([['allow-httproutes-from-shop', 16], ['allow-httproutes-from-shop-2', 1]]);
  });

  test('httpsRedirect writes one rule redirecting to https with 301, on the named listener', () => {
    const { infra, gateway } = setup();
    HttpRoute.httpsRedirect(infra, 'redirect', { parent: { gateway, sectionName: 'http' }, hostnames: ['shop.example.com'] });
    HttpRoute.httpsRedirect(infra, 'redirect-308', { parent: { gateway, port: 80 }, statusCode: 308 });
    const [r1, r2] = routes(infra);
    expect(r1.spec).toEqual({
      parentRefs: [{ name: 'public', sectionName: 'http' }], hostnames: ['shop.example.com'],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
    expect(r2.spec.parentRefs).toEqual([{ name: 'public', port: 80 }]);
    expect(r2.spec.rules[0].filters[0].requestRedirect.statusCode).toBe(308);
    expect(() => HttpRoute.httpsRedirect(infra, 'loop', { parent: { gateway } })).toThrow(/\[infra\/loop\] parent: names neither a listener/);
  });

  test.each<[string, (s: ReturnType<typeof setup>) => void, RegExp]>([
    ['a listener the Gateway does not have', ({ shop, gateway }) => new HttpRoute(shop, 'r', { parents: [{ gateway, sectionName: 'admin' }] }), /parent\.sectionName: Gateway "public" has no such listener\. Got: "admin"\. Allowed: http, https-wildcard-example-com/],
    ['a port that is not the listener\'s', ({ shop, gateway }) => new HttpRoute(shop, 'r', { parents: [{ gateway, sectionName: 'http', port: 443 }] }), /parent\.port: does not match listener "http" \(port 80\)/],
    ['a port no listener has', ({ shop, gateway }) => new HttpRoute(shop, 'r', { parents: [{ gateway, port: 8080 }] }), /parent\.port: Gateway "public" has no listener on this port\. Got: 8080\. Allowed: 80, 443/],
    ['the same Gateway twice without sectionName', ({ shop, gateway }) => new HttpRoute(shop, 'r', { parents: [{ gateway }, { gateway }] }), /spec\.parentRefs\[1\]\.sectionName: sectionName must be unique/],
    ['a path and matches', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ path: '/a', matches: [{ path: '/b' }], backends: [HttpRouteBackend.fromService(stable, 80)] }] }), /rules\[0\]\.path: is set together with matches/],
    ['a rule with neither backends nor redirect', ({ shop }) => new HttpRoute(shop, 'r', { rules: [{ path: '/a' }] }), /rules\[0\]\.backends: is empty and the rule does not redirect/],
    ['a redirect with backends', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ redirect: { scheme: 'https' }, backends: [HttpRouteBackend.fromService(stable, 80)] }] }), /rules\[0\]\.redirect: is set together with backends/],
    ['both path replacements', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ rewrite: { replaceFullPath: '/', replacePrefixMatch: '/' }, backends: [HttpRouteBackend.fromService(stable, 80)] }] }), /rules\[0\]\.rewrite: sets both replaceFullPath and replacePrefixMatch/],
    ['a relative path', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ path: 'api', backends: [HttpRouteBackend.fromService(stable, 80)] }] }), /\[shop\/r\] spec\.rules\[0\]\.matches\[0\]\.path\.value: value must be an absolute path and start with '\/'.*Got: "api"\. Fix: write it as "\/api"\./],
    ['a weight over 1,000,000', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ backends: [HttpRouteBackend.fromService(stable, 80, { weight: 2_000_000 })] }] }), /backendRefs\[0\]\.weight: must be an integer from 0 to 1000000/],
    ['a prefix rewrite on an Exact path', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: [{ path: '/a', pathType: 'Exact', rewrite: { replacePrefixMatch: '/b' }, backends: [HttpRouteBackend.fromService(stable, 80)] }] }), /When using URLRewrite filter with path\.replacePrefixMatch, exactly one PathPrefix match must be specified/],
    ['an upper-case hostname', ({ shop }) => new HttpRoute(shop, 'r', { hostnames: ['Shop.example.com'] }), /spec\.hostnames\[0\]: is not a valid Gateway API hostname/],
    ['17 rules', ({ shop, stable }) => new HttpRoute(shop, 'r', { rules: Array.from({ length: 17 }, () => ({ backends: [HttpRouteBackend.fromService(stable, 80)] })) }), /spec\.rules: has 17 items; at most 16 are allowed/],
  ])('refuses %s', (_, build, message) => {
    const s = setup();
    expect(() => build(s)).toThrow(NetkitError);
    expect(() => build(setup())).toThrow(message);
  });

  test('parents and rules given together are checked as addParent and addRule check them, in that order', () => {
    // Checked at once when they pass; when one fails, the error is the one the first failing step gives.
    const bad = (s: ReturnType<typeof setup>) => new HttpRoute(s.shop, 'r', {
      parents: [{ gateway: s.gateway }, { gateway: s.gateway }],
      rules: [{ path: '/a' }],
    });
    expect(() => bad(setup())).toThrow(/spec\.parentRefs\[1\]\.sectionName: sectionName must be unique/);
    expect(() => bad(setup())).not.toThrow(/rules\[0\]/);
    const { shop, gateway, billingService } = setup();
    const route = new HttpRoute(shop, 'ok', { parents: [{ gateway, sectionName: 'http' }], rules: [{ backends: [HttpRouteBackend.fromService(billingService, 9090)] }] });
    expect(route.referenceGrants.map((g) => g.name)).toEqual(['allow-httproutes-from-shop']);
  });

  test('a refused rule leaves the route as it was, and a route without parents or rules fails synth', () => {
    const { shop, gateway, stable } = setup();
    const route = new HttpRoute(shop, 'r', { parents: [{ gateway, sectionName: 'http' }] });
    expect(() => route.addRule({ path: 'x', backends: [HttpRouteBackend.fromService(stable, 80)] })).toThrow(NetkitError);
    expect(route.rules).toEqual([]);
    expect(() => Testing.synth(shop)).toThrow(/rules: is empty/);
    const lonely = new NetkitChart(new App(), 'c', { namespace: 'c', createNamespace: false });
    new HttpRoute(lonely, 'r', { rules: [{ redirect: { scheme: 'https' } }] });
    expect(() => Testing.synth(lonely)).toThrow(/parents: is empty: the route is attached to no Gateway/);
  });

  test('routes can attach to a Gateway made elsewhere', () => {
    const { shop, stable } = setup();
    const route = new HttpRoute(shop, 'r', { parents: [{ gateway: Gateway.fromName('shared', 'infra'), sectionName: 'anything' }], rules: [{ backends: [HttpRouteBackend.fromService(stable, 80)] }] });
    expect(route.parentRefs).toEqual([{ name: 'shared', namespace: 'infra', sectionName: 'anything' }]);
  });

  test('the schema check itself catches unknown fields and bad values', () => {
    const bad = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { retry: { attempts: 2 }, rules: [{ backendRefs: [{ name: 's', port: 0 }] }] } };
    expect(crdSchemaErrors(bad, 'v1.6.1')).toEqual(expect.arrayContaining(['/spec must NOT have additional properties', '/spec/rules/0/backendRefs/0/port must be >= 1']));
  });
});
