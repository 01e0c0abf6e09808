import { certificate, namespace, NS, service } from './builders';
import { route } from './gateway-rule-cases';
import { app, GROUP, http, https, parent, run } from './gw-boundary-helpers';

// What the Gateway API rules share (gateway-parts.ts, gateway-schemas.ts) with malformed input: a null item
// in any list the rules walk is skipped, never a "could not run" finding that hides the others (issue 17,
// from `npm run mutate`: each optional chain and list default below had no test that could tell).

const couldNotRun = (findings: string[]) => findings.filter((f) => f.includes('could not run'));

describe('null items in the lists the rules walk', () => {
  test('a null parentRef is skipped; the next one keeps its index', () => {
    const r = route('r', { parentRefs: [null, { name: 'nope' }] });
    expect(run(app([http()], r), 'gw-route-parent-resolves')).toEqual([
      `error HTTPRoute r: spec.parentRefs[1].name "nope" is not a Gateway in namespace "${NS}" of these manifests, nor a declared external one.`,
    ]);
  });

  test('a null listener is listed as it is, refuses the route, and selects no sectionName', () => {
    expect(run(app([null, http()], parent({ name: 'public', sectionName: 'web' })), 'gw-route-parent-resolves')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0] asks for sectionName "web", which no listener of Gateway ${NS}/public has (its listeners: "undefined" (undefined/undefined), "http" (80/HTTP)); the route is not accepted (NoMatchingParent).`,
    ]);
    expect(run(app([null], parent({ name: 'public' }, { hostnames: undefined })), 'gw-route-admitted')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0]: Gateway ${NS}/public does not admit HTTPRoute ${NS}/r (listener "undefined": its protocol undefined does not carry HTTPRoutes); the route is not accepted (NotAllowedByListeners).`,
    ]);
    expect(run(app([null, http()], parent({ name: 'public' }, { hostnames: ['a.example.com'] })), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(app([null, http(), { name: 'tls', port: 80, protocol: 'TLS' }]), 'gw-listeners-distinct')).toEqual([
      `error Gateway public: spec.listeners[2] ("tls", TLS) shares port 80 with listener "http" (HTTP): one port carries either plain HTTP or TLS, so both listeners are Conflicted (ProtocolConflict) and the Gateway is not fully programmed.`,
    ]);
    expect(couldNotRun(run(app([null, https()], parent({ name: 'public' })), 'gw-tls-cert-covers-hostname'))).toEqual([]);
  });

  test('a null allowedRoutes kind is skipped', () => {
    const listener = http({ allowedRoutes: { kinds: [null, { kind: 'HTTPRoute' }] } });
    expect(run(app([listener], parent({ name: 'public' }, { hostnames: undefined })), 'gw-route-admitted')).toEqual([]);
    expect(run(app([http({ allowedRoutes: { kinds: [null] } })], parent({ name: 'public' }, { hostnames: undefined })), 'gw-route-admitted')[0])
      .toContain('its allowedRoutes.kinds () do not include HTTPRoute');
  });

  test('null rules, backendRefs and filters are skipped; a RequestMirror without its target names no Service', () => {
    const rules = [null, { filters: [null, { type: 'RequestMirror' }], backendRefs: [null, { name: 'nope', port: 80, filters: [null] }] }];
    expect(run(app([http()], parent({ name: 'public' }, { hostnames: undefined, rules })), 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[1].backendRefs[1].name "nope" is not a Service in namespace "${NS}"; requests for it get 500 (BackendNotFound).`,
    ]);
    const redirects = [null, { filters: [null, { type: 'RequestRedirect', requestRedirect: { port: 80 } }] }];
    expect(run(app([http()], parent({ name: 'public' }, { hostnames: undefined, rules: redirects })), 'gw-redirect-no-loop')[0])
      .toMatch(/^error HTTPRoute r: spec\.rules\[1\]\.filters\[1\] redirects/);
  });

  test('null certificateRefs, and listeners without tls, give no certificate', () => {
    const listeners = [http(), https({ tls: { certificateRefs: [null, { name: 'nope' }] } })];
    expect(run(app(listeners), 'gw-tls-secret-exists')).toEqual([
      `error Gateway public: spec.listeners[1].tls.certificateRefs[1].name "nope" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${NS}", and is not declared external; the listener has no certificate (InvalidCertificateRef).`,
    ]);
  });

  test('null from and to items of a ReferenceGrant grant nothing, and do not hide the item that does', () => {
    const cross = parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] });
    const grant = (from: any[], to: any[]) => ({ apiVersion: `${GROUP}/v1beta1`, kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'other' }, spec: { from, to } });
    const objects = (g: any) => [...app([http()], cross), namespace('other'), service('web', {}, 'other'), g];
    const from = { group: GROUP, kind: 'HTTPRoute', namespace: NS };
    const to = { group: '', kind: 'Service', name: 'web' };
    expect(run(objects(grant([null, from], [null, to])), 'gw-reference-granted')).toEqual([]);
    expect(run(objects(grant([null], [to])), 'gw-reference-granted')).toHaveLength(1);
    expect(run(objects(grant([from], [null])), 'gw-reference-granted')).toHaveLength(1);
  });
});

describe('gateway-schemas', () => {
  test('a kind named like an Object.prototype member is not a kind of the standard channel', () => {
    const odd = { apiVersion: `${GROUP}/v1`, kind: 'toString', metadata: { name: 'x', namespace: NS }, spec: {} };
    expect(run([odd], 'gw-spec-valid')).toEqual([
      'error toString x: toString is not a kind of the Gateway API v1.6.1 standard channel; the API server answers "no matches for kind".',
    ]);
  });
});

describe('objects without spec', () => {
  test('a Gateway, an HTTPRoute or a ReferenceGrant without spec stops no rule', () => {
    const bare = (kind: string, name: string) => ({ apiVersion: `${GROUP}/v1`, kind, metadata: { name, namespace: NS } });
    const objects = [...app([http()], parent({ name: 'public' })), bare('Gateway', 'empty'), bare('HTTPRoute', 'empty'), { ...bare('ReferenceGrant', 'empty'), apiVersion: `${GROUP}/v1beta1` }];
    for (const rule of ['gw-route-parent-resolves', 'gw-route-admitted', 'gw-route-hostname-intersects', 'gw-backend-exists', 'gw-reference-granted',
      'gw-tls-secret-exists', 'gw-tls-cert-covers-hostname', 'gw-listeners-distinct', 'gw-redirect-no-loop']) {
      expect([rule, couldNotRun(run(objects, rule))]).toEqual([rule, []]);
    }
    const cross = parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] });
    const emptyGrant = { ...bare('ReferenceGrant', 'g'), apiVersion: `${GROUP}/v1beta1`, metadata: { name: 'g', namespace: 'other' } };
    // The finding is the grant's absence, not a rule that could not run.
    expect(run([...app([http()], cross), namespace('other'), service('web', {}, 'other'), emptyGrant], 'gw-reference-granted')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0] refers to Service other/web in another namespace, and no ReferenceGrant in "other" allows HTTPRoutes of "${NS}" to; requests for it get 500 (RefNotPermitted).`,
    ]);
  });
});

describe('objects without metadata', () => {
  test('a Gateway without metadata (no annotations) is judged in namespace "default", not a rule that could not run', () => {
    const listeners = [https({ tls: { certificateRefs: [{ name: 'nope' }] } })];
    const bare = { ...app(listeners).find((o) => o.kind === 'Gateway'), metadata: undefined };
    expect(run([...app(listeners).filter((o) => o.kind !== 'Gateway'), bare], 'gw-tls-secret-exists')).toEqual([
      'info Gateway : cannot judge spec.listeners[0].tls.certificateRefs[0].name "nope": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "default"; Secrets are usually kept out of git.',
    ]);
  });
});

describe('listeners a route reaches (gateway-parts)', () => {
  test('a ref to a Gateway not in the manifests selects no listener; a null listener is skipped when a port is asked', () => {
    expect(run(app([http()], parent({ name: 'elsewhere' })), 'gw-route-admitted')).toEqual([]);
    expect(run(app([null, http()], parent({ name: 'public', port: 80 }, { hostnames: undefined })), 'gw-route-parent-resolves')).toEqual([]);
  });

  test('a selector that needs labels of a Namespace not in the manifests cannot be judged, even beside kubernetes.io/metadata.name', () => {
    const cross = parent({ name: 'public', namespace: NS }, { hostnames: undefined }, 'r', 'other');
    const selecting = (selector: any) => [...app([http({ allowedRoutes: { namespaces: { from: 'Selector', selector } } })]), service('web', {}, 'other'), cross];
    expect(run(selecting({ matchLabels: { 'kubernetes.io/metadata.name': 'other', team: 'web' } }), 'gw-route-admitted')).toEqual([]);
    expect(run(selecting({ matchExpressions: [null] }), 'gw-route-admitted')).toEqual([]);
  });

  test('a selector on kubernetes.io/metadata.name alone is judged without the Namespace object, by matchLabels or matchExpressions', () => {
    const cross = parent({ name: 'public', namespace: NS }, { hostnames: undefined }, 'r', 'other');
    const selecting = (selector: any) => [...app([http({ allowedRoutes: { namespaces: { from: 'Selector', selector } } })]), service('web', {}, 'other'), cross];
    const refused = `error HTTPRoute r: spec.parentRefs[0]: Gateway ${NS}/public does not admit HTTPRoute other/r (listener "http": its allowedRoutes.namespaces.selector does not select namespace "other"); the route is not accepted (NotAllowedByListeners).`;
    expect(run(selecting({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [NS] }] }), 'gw-route-admitted')).toEqual([refused]);
    expect(run(selecting({ matchLabels: { 'kubernetes.io/metadata.name': NS } }), 'gw-route-admitted')).toEqual([refused]);
    expect(run(selecting({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [NS, 'other'] }] }), 'gw-route-admitted')).toEqual([]);
  });

  test('a route naming one of several external Gateways is not judged', () => {
    const objects = app([http()], parent({ name: 'edge' }));
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: ['infra/other', `${NS}/edge`] })).toEqual([]);
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: ['edge', 'infra/other'] })).toEqual([]);
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: ['infra/other', 'infra/edge'] })).toHaveLength(1);
  });

  test('only admitting listeners with a shared hostname serve the route (certificates and redirects)', () => {
    const grpcOnly = https({ hostname: '*.example.com', allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } });
    const objects = [...app([grpcOnly], parent({ name: 'public' }, { hostnames: ['a.b.example.com'] })).filter((o) => o.kind !== 'Secret'), certificate('shop-tls', ['*.example.com'])];
    expect(run(objects, 'gw-tls-cert-covers-hostname')).toEqual([]);
    const redirect = parent({ name: 'public' }, { hostnames: ['a.example.com'], rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { port: 80 } }] }] });
    expect(run(app([http({ hostname: 'b.example.com' })], redirect), 'gw-redirect-no-loop')).toEqual([]);
  });

  test('every ReferenceGrant of a namespace counts, not only the last', () => {
    const cross = parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] });
    const grant = (name: string, kind: string) => ({ apiVersion: `${GROUP}/v1beta1`, kind: 'ReferenceGrant', metadata: { name, namespace: 'other' },
      spec: { from: [{ group: GROUP, kind, namespace: NS }], to: [{ group: '', kind: 'Service' }] } });
    expect(run([...app([http()], cross), namespace('other'), service('web', {}, 'other'), grant('a', 'HTTPRoute'), grant('b', 'GRPCRoute')], 'gw-reference-granted')).toEqual([]);
  });
});

describe('answers shared by the routes of one check', () => {
  // The listeners a parentRef selects are looked up once per Gateway, sectionName and port, and shared by
  // every route that names the same ones: routes naming different ones must each get their own answer.
  test('routes naming different listeners of one Gateway, by name, port or both, each get their own listeners', () => {
    const objects = app([http(), https({ hostname: undefined })],
      parent({ name: 'public', sectionName: 'http' }, {}, 'by-name'),
      parent({ name: 'public', port: 443 }, {}, 'by-port'),
      parent({ name: 'public', sectionName: 'http', port: 443 }, {}, 'name-and-wrong-port'),
      parent({ name: 'public', sectionName: 'https', port: 443 }, {}, 'name-and-port'),
      parent({ name: 'public', sectionName: 'http' }, {}, 'by-name-again'),
      parent({ name: 'public', sectionName: 'http', port: 443 }, {}, 'name-and-wrong-port-again'));
    expect(run(objects, 'gw-route-parent-resolves').map((f) => f.split(':')[0])).toEqual([
      'error HTTPRoute name-and-wrong-port', 'error HTTPRoute name-and-wrong-port-again',
    ]);
  });

  test('a route whose listeners all accept it, beside one that only some accept, gets its own verdict', () => {
    const objects = app([http({ hostname: 'a.example.com' }), http({ name: 'other', hostname: 'b.example.com' })],
      parent({ name: 'public' }, { hostnames: ['a.example.com'] }, 'some'),
      parent({ name: 'public' }, { hostnames: ['c.example.com'] }, 'none'));
    expect(run(objects, 'gw-route-hostname-intersects').map((f) => f.split(':')[0])).toEqual(['error HTTPRoute none']);
  });
});

describe('routes with no, one and several parents and backends in one list', () => {
  // The rules loop over one list of every route's parentRefs (and backendRefs), made with room for one per route:
  // a route with none, then one with several, then one with one, must each keep their own indexes and order.
  test('every parentRef is judged, in route and list order', () => {
    const objects = app([http(), https()],
      route('none', { parentRefs: undefined }),
      route('two', { parentRefs: [{ name: 'nope' }, { name: 'public', sectionName: 'http' }, { name: 'gone' }] }),
      route('one', { parentRefs: [{ name: 'missing' }] }));
    expect(run(objects, 'gw-route-parent-resolves').map((f) => f.split(' is not')[0])).toEqual([
      'error HTTPRoute two: spec.parentRefs[0].name "nope"', 'error HTTPRoute two: spec.parentRefs[2].name "gone"', 'error HTTPRoute one: spec.parentRefs[0].name "missing"',
    ]);
  });

  test('every backendRef and mirror is judged, in route and list order', () => {
    const mirror = (name: string) => ({ type: 'RequestMirror', requestMirror: { backendRef: { name, port: 80 } } });
    const objects = app([http(), https()],
      route('none', { rules: undefined }),
      route('two', { rules: [{ backendRefs: [{ name: 'nope', port: 80 }, { name: 'gone', port: 80, filters: [mirror('lost')] }], filters: [mirror('away')] }] }),
      route('one', { rules: [{ backendRefs: [{ name: 'missing', port: 80 }] }] }));
    expect(run(objects, 'gw-backend-exists').map((f) => f.split(' is not')[0])).toEqual([
      'error HTTPRoute two: spec.rules[0].backendRefs[0].name "nope"',
      'error HTTPRoute two: spec.rules[0].backendRefs[1].name "gone"',
      'error HTTPRoute two: spec.rules[0].backendRefs[1].filters[0].requestMirror.backendRef.name "lost"',
      'error HTTPRoute two: spec.rules[0].filters[0].requestMirror.backendRef.name "away"',
      'error HTTPRoute one: spec.rules[0].backendRefs[0].name "missing"',
    ]);
  });
});
