import { migrateIngresses } from '../../lib';
import { ingress, nginx, ofKind, path, rule } from './migrate-fixtures';

const convert = (annotations: Record<string, string>, paths = [path('/')], extra: any[] = []) =>
  migrateIngresses([ingress('web', [rule('a.example.com', ...paths)], { annotations }), ...extra]);
const firstRule = (result: ReturnType<typeof migrateIngresses>) => ofKind(result.objects, 'HTTPRoute')[0].spec.rules[0];

describe('ingress-nginx annotations that convert', () => {
  test('permanent-redirect: a RequestRedirect to the URL (301), without backend', () => {
    expect(firstRule(convert({ [nginx('permanent-redirect')]: 'https://www.example.org:8443/new' }))).toEqual({
      matches: [{ path: { type: 'PathPrefix', value: '/' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', hostname: 'www.example.org', port: 8443, path: { type: 'ReplaceFullPath', replaceFullPath: '/new' }, statusCode: 301 } }],
    });
  });

  test('temporal-redirect wins with 302, and its -code is read', () => {
    const rule0 = firstRule(convert({ [nginx('permanent-redirect')]: 'https://a.org/', [nginx('temporal-redirect')]: 'http://b.org/x', [nginx('temporal-redirect-code')]: '307' }));
    expect(rule0.filters[0].requestRedirect).toEqual({ scheme: 'http', hostname: 'b.org', path: { type: 'ReplaceFullPath', replaceFullPath: '/x' }, statusCode: 307 });
  });

  test('a redirect URL with a query, or a code RequestRedirect lacks, is reported', () => {
    expect(convert({ [nginx('permanent-redirect')]: 'https://a.org/?x=1' }).ingresses[0].notConverted[0].message).toMatch(/not a query or fragment/);
    expect(convert({ [nginx('permanent-redirect')]: 'https://a.org/', [nginx('permanent-redirect-code')]: '305' }).ingresses[0].notConverted[0].message).toMatch(/accepts 301, 302, 303, 307 and 308/);
    expect(convert({ [nginx('permanent-redirect')]: '/relative' }).ingresses[0].notConverted[0].message).toMatch(/not an absolute URL/);
  });

  test('upstream-vhost and x-forwarded-prefix set request headers', () => {
    expect(firstRule(convert({ [nginx('upstream-vhost')]: 'internal.svc', [nginx('x-forwarded-prefix')]: '/api' })).filters).toEqual([
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'Host', value: 'internal.svc' }, { name: 'X-Forwarded-Prefix', value: '/api' }] } },
    ]);
  });

  test('enable-cors: the standard CORS filter with ingress-nginx\'s defaults, overridable', () => {
    expect(firstRule(convert({ [nginx('enable-cors')]: 'true' })).filters).toEqual([{
      type: 'CORS',
      cors: {
        allowOrigins: ['*'], allowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
        allowHeaders: ['DNT', 'Keep-Alive', 'User-Agent', 'X-Requested-With', 'If-Modified-Since', 'Cache-Control', 'Content-Type', 'Range', 'Authorization'],
        allowCredentials: true, maxAge: 1728000,
      },
    }]);
    const custom = firstRule(convert({
      [nginx('enable-cors')]: 'true', [nginx('cors-allow-origin')]: 'https://a.org, https://b.org', [nginx('cors-allow-methods')]: 'get,post',
      [nginx('cors-allow-headers')]: 'X-A', [nginx('cors-expose-headers')]: 'X-B', [nginx('cors-allow-credentials')]: 'false', [nginx('cors-max-age')]: '60',
    })).filters[0].cors;
    expect(custom).toEqual({ allowOrigins: ['https://a.org', 'https://b.org'], allowMethods: ['GET', 'POST'], allowHeaders: ['X-A'], exposeHeaders: ['X-B'], allowCredentials: false, maxAge: 60 });
  });

  test('canary-by-header: a rule with the exact header before the main rule; with a weight, both', () => {
    const main = ingress('main', [rule('a.example.com', path('/', 'stable'))]);
    const canary = ingress('canary', [rule('a.example.com', path('/', 'next'))], { annotations: {
      [nginx('canary')]: 'true', [nginx('canary-by-header')]: 'X-Canary', [nginx('canary-by-header-value')]: 'yes', [nginx('canary-weight')]: '10',
    } });
    const rules = ofKind(migrateIngresses([main, canary]).objects, 'HTTPRoute')[0].spec.rules;
    expect(rules).toEqual([
      { matches: [{ path: { type: 'PathPrefix', value: '/' }, headers: [{ type: 'Exact', name: 'X-Canary', value: 'yes' }] }], backendRefs: [{ name: 'next', port: 80 }] },
      { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'stable', port: 80, weight: 90 }, { name: 'next', port: 80, weight: 10 }] },
    ]);
  });

  test('a canary without its main Ingress, or without weight or header, is reported', () => {
    const lone = ingress('canary', [rule('a.example.com', path('/', 'next'))], { annotations: { [nginx('canary')]: 'true', [nginx('canary-weight')]: '5' } });
    expect(migrateIngresses([lone]).ingresses[0].notConverted[0].message).toMatch(/no main Ingress of class "nginx" in namespace shop routes host "a\.example\.com" path "\/"/);
    const idle = ingress('canary', [rule('a.example.com', path('/', 'next'))], { annotations: { [nginx('canary')]: 'true' } });
    expect(migrateIngresses([idle]).ingresses[0].notConverted[0].message).toMatch(/neither canary-weight nor canary-by-header/);
  });
});

describe('annotations that do not convert are reported with reason and fix', () => {
  test.each([
    ['limit-rps', '10', /rate and connection limits are not part of Gateway API/],
    ['whitelist-source-range', '10.0.0.0/8', /client IP allow and deny lists/],
    ['proxy-read-timeout', '600', /per-phase timeouts have no equivalent/],
    ['proxy-body-size', '0', /request body and buffering limits/],
    ['ssl-passthrough', 'true', /TLSRoute/],
    ['server-snippet', 'return 403;', /raw NGINX configuration/],
    ['backend-protocol', 'GRPC', /gRPC needs a GRPCRoute/],
    ['backend-protocol', 'HTTPS', /TLS to the backend needs a BackendTLSPolicy/],
    ['backend-protocol', 'FCGI', /no equivalent of this protocol/],
    ['service-upstream', 'true', /no equivalent in the Gateway API standard channel/],
  ])('%s', (name, value, reason) => {
    const [problem] = convert({ [nginx(name)]: value }).ingresses[0].notConverted;
    expect(problem).toMatchObject({ field: `metadata.annotations["nginx.ingress.kubernetes.io/${name}"]`, value, message: expect.stringMatching(reason) });
    expect(problem.fix.length).toBeGreaterThan(10);
  });

  test('backend-protocol HTTP is the default and needs nothing', () => {
    expect(convert({ [nginx('backend-protocol')]: 'HTTP' }).ingresses[0].notConverted).toEqual([]);
  });

  test('cert-manager annotations are reported (with how to move them); unrelated ones are ignored', () => {
    const result = convert({ 'cert-manager.io/cluster-issuer': 'letsencrypt', 'example.com/team': 'a' });
    expect(result.ingresses[0].notConverted.map((p) => p.field)).toEqual(['metadata.annotations["cert-manager.io/cluster-issuer"]']);
    expect(result.ingresses[0].notConverted[0].fix).toMatch(/put the annotation on the Gateway/);
  });

  test('a boolean that is not one is reported and ignored, as ingress-nginx does', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/'))], { tls: [{ hosts: ['a.example.com'], secretName: 's' }], annotations: { [nginx('ssl-redirect')]: 'yes' } })]);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ message: expect.stringMatching(/is not a boolean/), value: 'yes' });
    expect(ofKind(result.objects, 'HTTPRoute').map((r) => r.metadata.name)).toEqual(['web-a-example-com', 'web-a-example-com-redirect']);
  });
});
