import { migrateIngresses, routeTable } from '../../lib';
import { ingress, named, nginx, NS, ofKind, path, rule } from './migrate-fixtures';

const tlsIngress = (hosts: string[], annotations?: Record<string, string>, secretName = 'shop-tls') =>
  ingress('web', hosts.map((h) => rule(h, path('/'))), { tls: [{ hosts, secretName }], annotations });
const service = (name: string, ports: any[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NS }, spec: { selector: { app: name }, ports } });

describe('listeners', () => {
  test('a wildcard host and its apex get distinct listener names (ingress2gateway merges them); a third clash is numbered', () => {
    const result = migrateIngresses([tlsIngress(['*.example.com', 'example.com', 'wildcard.example.com'])]);
    const listeners = ofKind(result.objects, 'Gateway')[0].spec.listeners;
    expect(listeners.map((l: any) => [l.name, l.hostname ?? null])).toEqual([
      ['http', null],
      ['https-wildcard-example-com', '*.example.com'],
      ['https-example-com', 'example.com'],
      ['https-wildcard-example-com-2', 'wildcard.example.com'],
    ]);
  });

  test('a host covered by a wildcard tls host uses one wildcard listener', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/')), rule('b.example.com', path('/'))], { tls: [{ hosts: ['*.example.com'], secretName: 'wild' }] })]);
    expect(ofKind(result.objects, 'Gateway')[0].spec.listeners.map((l: any) => l.name)).toEqual(['http', 'https-wildcard-example-com']);
    expect(named(result.objects, 'HTTPRoute', 'web-a-example-com').spec.parentRefs).toEqual([{ name: 'nginx', sectionName: 'https-wildcard-example-com' }]);
  });

  test('past 64 listeners a host is not converted, and the report says why', () => {
    const hosts = Array.from({ length: 70 }, (_, i) => `h${i}.example.com`);
    const result = migrateIngresses([tlsIngress(hosts)]);
    expect(ofKind(result.objects, 'Gateway')[0].spec.listeners).toHaveLength(64);
    const problems = result.ingresses[0].notConverted;
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatchObject({ field: 'spec.tls[0].hosts', value: 'h63.example.com', message: expect.stringMatching(/already has 64 listeners, the most a Gateway may have/) });
    expect(routeTable(result.objects).map((r) => r.host)).not.toContain('h63.example.com');
  });

  test('the same host with two Secrets keeps the first, as ingress-nginx does, and says so', () => {
    const result = migrateIngresses([tlsIngress(['a.example.com'], undefined, 'one'), { ...tlsIngress(['a.example.com'], undefined, 'two'), metadata: { name: 'other', namespace: NS } }]);
    expect(ofKind(result.objects, 'Gateway')[0].spec.listeners[1].tls.certificateRefs).toEqual([{ group: '', kind: 'Secret', name: 'one' }]);
    expect(result.ingresses[1].changed[0]).toMatchObject({ field: 'spec.tls[0].secretName', message: expect.stringMatching(/Secret shop\/two is not used/) });
  });

  test('a tls entry without secretName leaves the host on HTTP and is reported', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/'))], { tls: [{ hosts: ['a.example.com'] }] })]);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'spec.tls[0].secretName', message: expect.stringMatching(/default certificate/) });
    expect(ofKind(result.objects, 'HTTPRoute')[0].spec.parentRefs).toEqual([{ name: 'nginx', sectionName: 'http' }]);
  });
});

describe('large Ingresses are split across routes within the CRD limits', () => {
  const within = (route: any) => {
    const matches = route.spec.rules.map((r: any) => r.matches.length);
    return route.spec.rules.length <= 16 && Math.max(...matches) <= 64 && matches.reduce((a: number, b: number) => a + b, 0) <= 128;
  };

  test('200 paths to one Service: rules of 64 matches, routes of 128', () => {
    const paths = Array.from({ length: 200 }, (_, i) => path(`/p${i}`));
    const input = [ingress('big', [rule('a.example.com', ...paths)])];
    const routes = ofKind(migrateIngresses(input).objects, 'HTTPRoute');
    expect(routes.map((r) => [r.metadata.name, r.spec.rules.map((x: any) => x.matches.length)])).toEqual([
      ['big-a-example-com', [64, 64]], ['big-a-example-com-2', [64, 8]],
    ]);
    expect(routes.every(within)).toBe(true);
    expect(routeTable(routes)).toEqual(routeTable(input));
  });

  test('20 paths to 20 Services: 16 rules, then a second route', () => {
    const input = [ingress('many', [rule('a.example.com', ...Array.from({ length: 20 }, (_, i) => path(`/s${i}`, `svc-${i}`)))])];
    const routes = ofKind(migrateIngresses(input).objects, 'HTTPRoute');
    expect(routes.map((r) => r.spec.rules.length)).toEqual([16, 4]);
    expect(routeTable(routes)).toEqual(routeTable(input));
  });

  test('paths with the same backend share one rule', () => {
    const routes = ofKind(migrateIngresses([ingress('w', [rule('a.example.com', path('/a'), path('/b', 'api'), path('/c'))])]).objects, 'HTTPRoute');
    expect(routes[0].spec.rules.map((r: any) => [r.matches.map((m: any) => m.path.value), r.backendRefs[0].name])).toEqual([[['/a', '/c'], 'web'], [['/b'], 'api']]);
  });
});

describe('HTTP to HTTPS', () => {
  const parents = (annotations?: Record<string, string>) => {
    const result = migrateIngresses([tlsIngress(['a.example.com'], annotations)], { redirectStatusCode: 308 });
    return ofKind(result.objects, 'HTTPRoute').map((r) => [r.metadata.name, r.spec.parentRefs.map((p: any) => p.sectionName), r.spec.rules[0].filters ?? []]);
  };
  const redirect = [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }];

  test('TLS hosts are redirected by default (ingress-nginx ssl-redirect), with the route bound to the HTTP listener only', () => {
    expect(parents()).toEqual([['web-a-example-com', ['https-a-example-com'], []], ['web-a-example-com-redirect', ['http'], redirect]]);
  });

  test('ssl-redirect "false" serves both listeners', () => {
    expect(parents({ [nginx('ssl-redirect')]: 'false' })).toEqual([['web-a-example-com', ['http', 'https-a-example-com'], []]]);
  });

  test('force-ssl-redirect wins over ssl-redirect "false"', () => {
    expect(parents({ [nginx('ssl-redirect')]: 'false', [nginx('force-ssl-redirect')]: 'true' })[1]).toEqual(['web-a-example-com-redirect', ['http'], redirect]);
  });

  test('force-ssl-redirect without a certificate is reported, not written as a loop', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/'))], { annotations: { [nginx('force-ssl-redirect')]: 'true' } })]);
    expect(ofKind(result.objects, 'HTTPRoute')).toHaveLength(1);
    expect(result.ingresses[0].notConverted[0].message).toMatch(/no HTTPS listener to redirect to/);
  });

  test('the default code is 301 (Core), and the change from nginx\'s 308 is reported', () => {
    const result = migrateIngresses([tlsIngress(['a.example.com'])]);
    expect(named(result.objects, 'HTTPRoute', 'web-a-example-com-redirect').spec.rules[0].filters[0].requestRedirect.statusCode).toBe(301);
    expect(result.ingresses[0].changed.map((c) => c.message)).toContainEqual(expect.stringMatching(/redirected to HTTPS with 301; ingress-nginx answered 308/));
  });
});

describe('paths', () => {
  const convert = (paths: any[], annotations?: Record<string, string>) => migrateIngresses([ingress('web', [rule('a.example.com', ...paths)], { annotations })]);

  test('Exact stays Exact, ImplementationSpecific becomes PathPrefix with a note on string prefixes', () => {
    const result = convert([path('/x', 'web', { number: 80 }, 'Exact'), path('/y', 'web', { number: 80 }, 'ImplementationSpecific')]);
    expect(ofKind(result.objects, 'HTTPRoute')[0].spec.rules[0].matches).toEqual([{ path: { type: 'Exact', value: '/x' } }, { path: { type: 'PathPrefix', value: '/y' } }]);
    expect(result.ingresses[0].changed[1]).toMatchObject({ field: 'spec.rules[0].http.paths[1].pathType', message: expect.stringMatching(/matched "\/y" as a string prefix/) });
  });

  test('with use-regex, a regular expression is not converted; a plain path is, with a note', () => {
    const result = convert([path('/api/v[0-9]+'), path('/plain')], { [nginx('use-regex')]: 'true' });
    expect(routeTable(result.objects).map((r) => r.path)).toEqual(['/plain']);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'spec.rules[0].http.paths[0].path', value: '/api/v[0-9]+', message: expect.stringMatching(/^not converted: a regular expression/) });
    expect(result.ingresses[0].changed[1].message).toMatch(/case-insensitive regular expression/);
  });

  test('use-regex on one Ingress makes the host regex for the others too, as in ingress-nginx', () => {
    const result = migrateIngresses([
      ingress('a', [rule('a.example.com', path('/a'))], { annotations: { [nginx('use-regex')]: 'true' } }),
      ingress('b', [rule('a.example.com', path('/b.*'))]),
    ]);
    expect(result.ingresses[1].notConverted[0].value).toBe('/b.*');
  });

  test('rewrite-target with capture groups (other than the prefix strip) is not converted; a fixed one is ReplaceFullPath', () => {
    const groups = convert([path('/(a|b)/(.*)', 'web', { number: 80 }, 'ImplementationSpecific')], { [nginx('rewrite-target')]: '/$2' });
    expect(groups.ingresses[0].notConverted[0].message).toMatch(/regular expression/);
    const plainGroups = convert([path('/a')], { [nginx('rewrite-target')]: '/x/$1' });
    expect(plainGroups.ingresses[0].notConverted[0].message).toMatch(/rewrite-target "\/x\/\$1" uses capture groups/);
    const fixed = convert([path('/old')], { [nginx('rewrite-target')]: '/new' });
    expect(ofKind(fixed.objects, 'HTTPRoute')[0].spec.rules[0].filters).toEqual([{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/new' } } }]);
  });

  test('the /app/?(.*) idiom strips the prefix too', () => {
    const result = convert([path('/app/?(.*)', 'web', { number: 80 }, 'ImplementationSpecific')], { [nginx('rewrite-target')]: '/$1' });
    expect(ofKind(result.objects, 'HTTPRoute')[0].spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/app' } }]);
  });
});

describe('backends', () => {
  test('a named port is resolved through the Service in the input', () => {
    const input = [ingress('web', [rule('a.example.com', path('/', 'web', { name: 'http' }))]), service('web', [{ name: 'http', port: 8080 }])];
    expect(ofKind(migrateIngresses(input).objects, 'HTTPRoute')[0].spec.rules[0].backendRefs).toEqual([{ name: 'web', port: 8080 }]);
  });

  test('a named port without its Service in the input is reported', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/', 'web', { name: 'http' }))])]);
    expect(ofKind(result.objects, 'HTTPRoute')).toEqual([]);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.port', message: expect.stringMatching(/Service shop\/web, which would give it for port name "http", is not in the input/) });
  });

  test('a resource backend is reported', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', { path: '/', pathType: 'Prefix', backend: { resource: { kind: 'Bucket', name: 'static' } } })])]);
    expect(result.ingresses[0].notConverted[0].message).toMatch(/a resource backend \(Bucket static\) is implementation-specific/);
  });

  test('defaultBackend becomes a route without hostname on the HTTP listener', () => {
    const result = migrateIngresses([ingress('web', [], { defaultBackend: { service: { name: 'fallback', port: { number: 80 } } } })]);
    const route = named(result.objects, 'HTTPRoute', 'web-default-backend');
    expect(route.spec).toEqual({ parentRefs: [{ name: 'nginx', sectionName: 'http' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'fallback', port: 80 }] }] });
  });
});

describe('a shared Gateway (gatewayNamespace)', () => {
  const input = [
    ingress('a', [rule('a.example.com', path('/'))], { ns: 'team-a', tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }] }),
    ingress('b', [rule('b.example.com', path('/'))], { ns: 'team-b' }),
  ];
  const result = migrateIngresses(input, { gatewayNamespace: 'gateway' });

  test('admits exactly the namespaces that had Ingresses', () => {
    const gateway = named(result.objects, 'Gateway', 'nginx');
    expect(gateway.metadata.namespace).toBe('gateway');
    expect(gateway.spec.listeners[0].allowedRoutes).toEqual({ namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a', 'team-b'] }] } } });
    expect(gateway.spec.listeners[1].tls.certificateRefs).toEqual([{ group: '', kind: 'Secret', name: 'a-tls', namespace: 'team-a' }]);
  });

  test('routes name the Gateway\'s namespace; a ReferenceGrant lets it read the Secret, and only where needed', () => {
    expect(named(result.objects, 'HTTPRoute', 'b-b-example-com').spec.parentRefs).toEqual([{ name: 'nginx', namespace: 'gateway', sectionName: 'http' }]);
    expect(ofKind(result.objects, 'ReferenceGrant')).toEqual([{
      apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'allow-gateways-from-gateway', namespace: 'team-a' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'gateway' }], to: [{ group: '', kind: 'Secret', name: 'a-tls' }] },
    }]);
  });

  test('past 16 Secrets in one namespace a second grant follows', () => {
    const many = Array.from({ length: 17 }, (_, i) => ingress(`a${i}`, [rule(`a${i}.example.com`, path('/'))], { ns: 'team-a', tls: [{ hosts: [`a${i}.example.com`], secretName: `s${String(i).padStart(2, '0')}` }] }));
    const grants = ofKind(migrateIngresses(many, { gatewayNamespace: 'gateway' }).objects, 'ReferenceGrant');
    expect(grants.map((g) => [g.metadata.name, g.spec.to.length])).toEqual([['allow-gateways-from-gateway', 16], ['allow-gateways-from-gateway-2', 1]]);
  });

  test('per-namespace Gateways (the default) need no ReferenceGrant', () => {
    expect(ofKind(migrateIngresses(input).objects, 'ReferenceGrant')).toEqual([]);
    expect(ofKind(migrateIngresses(input).objects, 'Gateway').map((g) => g.metadata.namespace)).toEqual(['team-a', 'team-b']);
  });
});

test('Ingresses of two classes get two Gateways', () => {
  const result = migrateIngresses([ingress('a', [rule('a.example.com', path('/'))]), ingress('b', [rule('b.example.com', path('/'))], { className: 'internal' })]);
  expect(ofKind(result.objects, 'Gateway').map((g) => g.metadata.name)).toEqual(['internal', 'nginx']);
});

test('an Ingress of another apiVersion is reported, not read', () => {
  const result = migrateIngresses([{ ...ingress('old', [rule('a.example.com', path('/'))]), apiVersion: 'extensions/v1beta1' }]);
  expect(result.objects).toEqual([]);
  expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'apiVersion', value: 'extensions/v1beta1' });
});

describe('what the API server would reject is never written', () => {
  test('a path HTTPRoute rejects is reported with the CRD\'s rule', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/a b', 'web', { number: 80 }, 'ImplementationSpecific'), path('/ok'))])]);
    expect(routeTable(result.objects).map((r) => r.path)).toEqual(['/ok']);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'spec.rules[0].http.paths[0].path', value: '/a b', message: expect.stringMatching(/^not converted: an HTTPRoute PathPrefix path must only contain valid characters/) });
  });

  test('a TLS host that is no listener hostname is reported', () => {
    const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/'))], { tls: [{ hosts: ['A.example.com'], secretName: 's' }] })]);
    expect(result.ingresses[0].notConverted[0]).toMatchObject({ field: 'spec.tls[0].hosts', value: 'A.example.com', message: 'not converted: a listener hostname is not a valid Gateway API hostname.' });
    expect(result.objects).toEqual([]);
  });

  test('a route that fails the CRD rules is left out and both Ingresses behind it say why', () => {
    const main = ingress('main', [rule('a.example.com', path('/', 'stable'))]);
    const canary = ingress('canary', [rule('a.example.com', path('/', 'next'))], { annotations: { [nginx('canary')]: 'true', [nginx('canary-by-header')]: 'X Canary' } });
    const result = migrateIngresses([main, canary]);
    expect(ofKind(result.objects, 'HTTPRoute')).toEqual([]);
    for (const report of result.ingresses) {
      expect(report.notConverted).toContainEqual(expect.objectContaining({
        field: 'HTTPRoute shop/main-a-example-com spec.rules[0].matches[0].headers[0].name',
        message: expect.stringMatching(/^not converted: the API server would reject it: /),
      }));
    }
    expect(result.ingresses[0].wrote).toEqual(['Gateway shop/nginx']);
  });
});

test('a Gateway no route uses is not written', () => {
  const result = migrateIngresses([ingress('web', [rule('a.example.com', path('/', 'web', { name: 'http' }))])]);
  expect(result.objects).toEqual([]);
  expect(result.ingresses[0].wrote).toEqual([]);
});
