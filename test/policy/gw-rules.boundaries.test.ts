import { certificate, deployment, namespace, NS, service, tlsSecret } from './builders';
import { gatewayCrd, route, shopTls, tcpRoute, validGatewayApp } from './gateway-rule-cases';
import { app, fixes, GROUP, http, https, parent, run, without } from './gw-boundary-helpers';

// The Gateway API rules (gw-*) and what they share (gateway-parts.ts, gateway-schemas.ts) at their edges:
// which parentRefs, listeners, backendRefs and certificateRefs count, hostname intersection by one label,
// ReferenceGrants field by field, redirect targets, and the exact message, severity and fix of each finding
// (issue 17, from `npm run mutate`).

describe('parentRefs (gw-route-parent-resolves)', () => {
  test('only refs to a Gateway of the Gateway API group with a string name are judged', () => {
    for (const ref of [{ name: 'nope', group: 'example.com' }, { name: 'nope', kind: 'ListenerSet' }, { name: 5 }]) {
      expect(run(app([http()], parent(ref)), 'gw-route-parent-resolves')).toEqual([]);
    }
    expect(run(app([http()], parent({ name: 'nope', group: GROUP, kind: 'Gateway' })), 'gw-route-parent-resolves')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0].name "nope" is not a Gateway in namespace "${NS}" of these manifests, nor a declared external one.`,
    ]);
  });

  test('routes of another group are not Gateway API routes', () => {
    expect(run(app([http()], { ...parent({ name: 'nope' }), apiVersion: 'example.com/v1' }), 'gw-route-parent-resolves')).toEqual([]);
  });

  test('no Gateway in the namespace: info with its own fix; the namespace defaults to the route\'s, then "default"', () => {
    const objects = app([http()], parent({ name: 'public' }, {}, 'r', 'other'));
    expect(run(objects, 'gw-route-parent-resolves')).toEqual([
      'info HTTPRoute r: cannot judge spec.parentRefs[0].name "public": these manifests hold no Gateway in namespace "other" (a platform team\'s shared Gateway lives elsewhere).',
    ]);
    expect(fixes(objects, 'gw-route-parent-resolves')).toEqual(['Declare the Gateway external (externalGateways, or --external-gateway) to say where it comes from.']);
    const noNamespace = { ...parent({ name: 'public' }), metadata: { name: 'r' } };
    expect(run(app([http()], noNamespace), 'gw-route-parent-resolves')[0]).toMatch(/no Gateway in namespace "default"/);
    expect(run(app([http()], { ...parent({ name: 'public', namespace: NS }), metadata: { name: 'r' } }), 'gw-route-parent-resolves')).toEqual([]);
  });

  test('external Gateways: by name or namespace/name, and then never judged', () => {
    const objects = app([http()], parent({ name: 'public', sectionName: 'nope' }));
    expect(run(objects, 'gw-route-parent-resolves')).toHaveLength(1);
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: [`${NS}/public`] })).toEqual([]);
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: ['public'] })).toEqual([]);
    expect(run(objects, 'gw-route-parent-resolves', { externalGateways: ['other/public'] })).toHaveLength(1);
  });

  test('sectionName and port select listeners each on their own; the message says what was asked, with its own fix', () => {
    const objects = (ref: any) => app([http(), https()], parent({ name: 'public', ...ref }));
    expect(run(objects({ sectionName: 'http' }), 'gw-route-parent-resolves')).toEqual([]);
    expect(run(objects({ port: 443 }), 'gw-route-parent-resolves')).toEqual([]);
    expect(run(objects({ sectionName: 'http', port: 80 }), 'gw-route-parent-resolves')).toEqual([]);
    expect(run(objects({ sectionName: 'web' }), 'gw-route-parent-resolves')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0] asks for sectionName "web", which no listener of Gateway ${NS}/public has (its listeners: "http" (80/HTTP), "https" (443/HTTPS)); the route is not accepted (NoMatchingParent).`,
    ]);
    expect(run(objects({ port: 8080 }), 'gw-route-parent-resolves')[0]).toContain('asks for port 8080, which');
    expect(run(objects({ sectionName: 'http', port: 443 }), 'gw-route-parent-resolves')[0]).toContain('asks for sectionName "http" and port 443, which');
    expect(fixes(objects({ port: 8080 }), 'gw-route-parent-resolves')).toEqual(['Use the name (and port) of one of the listeners, or add the listener to the Gateway.']);
    expect(run(app([], parent({ name: 'public', port: 80 })), 'gw-route-parent-resolves')[0]).toContain('(its listeners: none)');
  });

  test('a Gateway name with no near match is not hinted', () => {
    expect(run(app([http()], parent({ name: 'zzzzzzzz' })), 'gw-route-parent-resolves')[0]).toMatch(/"zzzzzzzz" is not a Gateway in namespace "shop" of these manifests, nor/);
  });

  test('a near Gateway name is hinted', () => {
    expect(run(app([http()], parent({ name: 'pubilc' })), 'gw-route-parent-resolves')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0].name "pubilc" is not a Gateway in namespace "${NS}" of these manifests (did you mean "public"?), nor a declared external one.`,
    ]);
  });
});

describe('allowedRoutes (gw-route-admitted)', () => {
  const from = (namespaces: any, extra: any = {}) => http({ allowedRoutes: { namespaces }, ...extra });
  const other = [namespace('other'), deployment('web', { ns: 'other' }), service('web', {}, 'other')];
  const cross = parent({ name: 'public', namespace: NS }, { hostnames: undefined }, 'r', 'other');

  test('Same (the default) admits the Gateway\'s namespace only, and says so', () => {
    expect(run([...app([http()], parent({ name: 'public' }, { hostnames: undefined })), ...other], 'gw-route-admitted')).toEqual([]);
    expect(run([...app([from({ from: 'Same' })]), ...other, cross], 'gw-route-admitted')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0]: Gateway ${NS}/public does not admit HTTPRoute other/r (listener "http": it admits routes from its own namespace "${NS}" only (allowedRoutes.namespaces.from: Same, the default)); the route is not accepted (NotAllowedByListeners).`,
    ]);
    expect(run([...app([http()]), ...other, cross], 'gw-route-admitted')).toHaveLength(1);
  });

  test('a Selector reads the Namespace object\'s labels; without the object, only kubernetes.io/metadata.name is judged', () => {
    const selector = (s: any) => from({ from: 'Selector', selector: s });
    const labelled = { ...namespace('other'), metadata: { name: 'other', labels: { team: 'web' } } };
    expect(run([...app([selector({ matchLabels: { team: 'web' } })]), labelled, ...other.slice(1), cross], 'gw-route-admitted')).toEqual([]);
    expect(run([...app([selector({ matchLabels: { team: 'db' } })]), labelled, ...other.slice(1), cross], 'gw-route-admitted')[0])
      .toContain('listener "http": its allowedRoutes.namespaces.selector does not select namespace "other"');
    expect(run([...app([selector({ matchExpressions: [{ key: 'team', operator: 'In', values: ['db'] }] })]), ...other.slice(1), cross], 'gw-route-admitted')).toEqual([]);
    expect(run([...app([selector({ matchLabels: { 'kubernetes.io/metadata.name': 'x' } })]), ...other.slice(1), cross], 'gw-route-admitted')).toHaveLength(1);
    // No selector selects every namespace.
    expect(run([...app([from({ from: 'Selector' })]), ...other, cross], 'gw-route-admitted')).toEqual([]);
  });

  test('kinds: listed ones of the Gateway API group (the default group) only; without kinds, HTTP and HTTPS carry HTTPRoutes', () => {
    const kinds = (k: any[]) => http({ allowedRoutes: { kinds: k } });
    const own = parent({ name: 'public' }, { hostnames: undefined });
    expect(run(app([kinds([{ kind: 'HTTPRoute' }])], own), 'gw-route-admitted')).toEqual([]);
    expect(run(app([kinds([{ kind: 'HTTPRoute', group: GROUP }])], own), 'gw-route-admitted')).toEqual([]);
    expect(run(app([kinds([{ kind: 'HTTPRoute', group: 'example.com' }, { kind: 'GRPCRoute' }])], own), 'gw-route-admitted')[0])
      .toContain('listener "http": its allowedRoutes.kinds (HTTPRoute, GRPCRoute) do not include HTTPRoute');
    expect(run(app([https()], own), 'gw-route-admitted')).toEqual([]);
    expect(run(app([{ name: 'tcp', port: 9000, protocol: 'TCP' }], own), 'gw-route-admitted')[0]).toContain('listener "tcp": its protocol TCP does not carry HTTPRoutes');
  });

  test('one admitting listener is enough; a ref that selects none is gw-route-parent-resolves\'s', () => {
    const own = parent({ name: 'public' }, { hostnames: undefined });
    expect(run(app([{ name: 'tcp', port: 9000, protocol: 'TCP' }, http()], own), 'gw-route-admitted')).toEqual([]);
    expect(run(app([http()], parent({ name: 'public', sectionName: 'nope' })), 'gw-route-admitted')).toEqual([]);
  });

  test('every refusing listener is named, in order', () => {
    const own = parent({ name: 'public' }, { hostnames: undefined });
    expect(run(app([{ name: 'tcp', port: 9000, protocol: 'TCP' }, { name: 'udp', port: 53, protocol: 'UDP' }], own), 'gw-route-admitted')).toEqual([
      `error HTTPRoute r: spec.parentRefs[0]: Gateway ${NS}/public does not admit HTTPRoute ${NS}/r (listener "tcp": its protocol TCP does not carry HTTPRoutes; listener "udp": its protocol UDP does not carry HTTPRoutes); the route is not accepted (NotAllowedByListeners).`,
    ]);
  });
});

describe('hostnames (gw-route-hostname-intersects)', () => {
  const listenerOn = (hostname?: string) => app([http({ ...(hostname ? { hostname } : {}) })], parent({ name: 'public' }, { hostnames: ['a.example.com'] }));
  const routeOn = (hostnames: any[], listenerHost = '*.example.com') => app([http({ hostname: listenerHost })], parent({ name: 'public' }, { hostnames }));

  test('a *. name covers any name ending in .domain with at least one more label character, never the apex', () => {
    expect(run(routeOn(['a.example.com']), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(routeOn(['a.b.example.com']), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(routeOn(['example.com']), 'gw-route-hostname-intersects')).toEqual([
      `error HTTPRoute r: spec.hostnames ["example.com"] share no hostname with the listeners of Gateway ${NS}/public that spec.parentRefs[0] attaches to ("http": "*.example.com"); the route is not accepted (NoMatchingListenerHostname).`,
    ]);
    expect(run(routeOn(['.example.com']), 'gw-route-hostname-intersects')).toHaveLength(1);
    expect(run(routeOn(['aexample.com']), 'gw-route-hostname-intersects')).toHaveLength(1);
    // Either side may be the wildcard.
    expect(run(routeOn(['*.example.com'], 'a.example.com'), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(routeOn(['*.example.com'], 'example.com'), 'gw-route-hostname-intersects')).toHaveLength(1);
  });

  test('equal names intersect; a listener without hostname matches all; one intersecting hostname of several is enough', () => {
    expect(run(listenerOn('a.example.com'), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(listenerOn(), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(listenerOn('b.example.com'), 'gw-route-hostname-intersects')).toHaveLength(1);
    expect(run(routeOn(['x.example.org', 'a.example.com', 5]), 'gw-route-hostname-intersects')).toEqual([]);
  });

  test('only listeners that admit the route count, and a route no listener admits is gw-route-admitted\'s', () => {
    const tcp = { name: 'tcp', port: 9000, protocol: 'TCP', hostname: 'a.example.com' };
    expect(run(app([tcp, http({ hostname: 'b.example.com' })], parent({ name: 'public' }, { hostnames: ['a.example.com'] })), 'gw-route-hostname-intersects')[0])
      .toContain('attaches to ("http": "b.example.com")');
    expect(run(app([tcp], parent({ name: 'public' }, { hostnames: ['b.example.com'] })), 'gw-route-hostname-intersects')).toEqual([]);
  });

  test('a route without hostnames is not judged; every admitting listener is listed', () => {
    expect(run(app([http({ hostname: 'b.example.com' })], parent({ name: 'public' }, { hostnames: undefined })), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(app([http({ hostname: 'b.example.com' })], parent({ name: 'public' }, { hostnames: [5] })), 'gw-route-hostname-intersects')).toEqual([]);
    expect(run(app([http({ hostname: 'b.example.com' }), http({ name: 'alt', port: 8080, hostname: 'c.example.com' })], parent({ name: 'public' }, { hostnames: ['a.example.com'] })), 'gw-route-hostname-intersects')[0])
      .toContain('attaches to ("http": "b.example.com", "alt": "c.example.com"); the route');
  });

  test('one admitting listener that shares a hostname is enough', () => {
    const listeners = [http({ hostname: 'b.example.com' }), http({ name: 'alt', port: 8080, hostname: 'a.example.com' })];
    expect(run(app(listeners, parent({ name: 'public' }, { hostnames: ['a.example.com'] })), 'gw-route-hostname-intersects')).toEqual([]);
  });
});

describe('backendRefs (gw-backend-exists)', () => {
  const backends = (refs: any[], filters?: any[]) => parent({ name: 'public', sectionName: 'http' }, { rules: [{ backendRefs: refs, ...(filters ? { filters } : {}) }] });

  test('refs of another group or kind, and names that are not strings, are not Services', () => {
    const refs = [{ name: 'nope', group: 'example.com', port: 80 }, { name: 'nope', kind: 'Bucket', port: 80 }, { name: 5, port: 80 }, { name: 'web', group: '', kind: 'Service', port: 80 }];
    expect(run(app([http()], backends(refs)), 'gw-backend-exists')).toEqual([]);
  });

  test('the namespace is the ref\'s, else the route\'s; no Service there: info with its own fix', () => {
    const objects = app([http()], backends([{ name: 'web', namespace: 'other', port: 80 }]));
    expect(run(objects, 'gw-backend-exists')).toEqual([
      'info HTTPRoute r: cannot judge spec.rules[0].backendRefs[0].name "web": these manifests hold no Service in namespace "other" (it may live elsewhere).',
    ]);
    expect(fixes(objects, 'gw-backend-exists')).toEqual(['Check these manifests together with the Services to have the backend checked.']);
  });

  test('a near Service name is hinted; a missing port lists the Service\'s ports with their names; a selector that matches nothing gives 503', () => {
    expect(run(app([http()], backends([{ name: 'wbe', port: 80 }])), 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0].name "wbe" is not a Service in namespace "${NS}" (did you mean "web"?); requests for it get 500 (BackendNotFound).`,
    ]);
    const named = [...without(app([http()], backends([{ name: 'web', port: 8080 }])), 'Service'), service('web', { ports: [{ port: 80, name: 'http' }, { port: 443 }] })];
    expect(run(named, 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0].port 8080 is not a port of Service ${NS}/web (its ports: 80 "http", 443); requests for it get 500 (BackendNotFound).`,
    ]);
    const idle = [...app([http()], backends([{ name: 'idle', port: 80 }])), service('idle', { selector: { app: 'nothing' }, ports: [{ port: 80 }] })];
    expect(run(idle, 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0] routes to Service ${NS}/idle, whose selector {"app":"nothing"} matches no pod template of the manifests; requests for it get 503.`,
    ]);
  });

  test('a Service without spec, or with null ports, is read as it is', () => {
    const bare = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS } };
    expect(run([...without(app([http()], backends([{ name: 'web', port: 80 }])), 'Service'), bare], 'gw-backend-exists')[0]).toContain('(its ports: none)');
    expect(run([...without(app([http()], backends([{ name: 'web' }])), 'Service'), bare], 'gw-backend-exists')).toEqual([]);
    const nullPort = [...without(app([http()], backends([{ name: 'web', port: 8080 }])), 'Service'), service('web', { ports: [null, { port: 80, name: 'http' }] })];
    expect(run(nullPort, 'gw-backend-exists')[0]).toContain('(its ports: undefined, 80 "http")');
  });

  test('a port is optional; a Service without ports has "none"; the selector is judged only where workloads are', () => {
    expect(run(app([http()], backends([{ name: 'web' }])), 'gw-backend-exists')).toEqual([]);
    const bare = [...without(app([http()], backends([{ name: 'web', port: 80 }])), 'Service'), service('web', { ports: undefined })];
    expect(run(bare, 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0].port 80 is not a port of Service ${NS}/web (its ports: none); requests for it get 500 (BackendNotFound).`,
    ]);
    const idle = [...app([http()], backends([{ name: 'idle', port: 80 }])), service('idle', { selector: { app: 'nothing' }, ports: [{ port: 80 }] })];
    expect(fixes(idle, 'gw-backend-exists')).toEqual(["Make the Service's selector match the pods' labels (svc-selector-matches-pod has the details)."]);
    expect(run(without(idle, 'Deployment'), 'gw-backend-exists')).toEqual([]);
    expect(run([...app([http()], backends([{ name: 'ext', port: 80 }])), service('ext', { selector: {}, ports: [{ port: 80 }] })], 'gw-backend-exists')).toEqual([]);
    expect(run([...app([http()], backends([{ name: 'ext', port: 80 }])), service('ext', { selector: undefined, ports: [{ port: 80 }] })], 'gw-backend-exists')).toEqual([]);
  });

  test('mirror targets of a backendRef\'s filters count too, and only RequestMirror filters', () => {
    const mirror = (name: string) => ({ type: 'RequestMirror', requestMirror: { backendRef: { name, port: 80 } } });
    expect(run(app([http()], backends([{ name: 'web', port: 80, filters: [mirror('shadow'), { type: 'RequestHeaderModifier', requestMirror: { backendRef: { name: 'x', port: 80 } } }] }], [mirror('shadow2')])), 'gw-backend-exists')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0].filters[0].requestMirror.backendRef.name "shadow" is not a Service in namespace "${NS}"; requests for it get 500 (BackendNotFound).`,
      `error HTTPRoute r: spec.rules[0].filters[0].requestMirror.backendRef.name "shadow2" is not a Service in namespace "${NS}"; requests for it get 500 (BackendNotFound).`,
    ]);
  });
});

describe('ReferenceGrants (gw-reference-granted)', () => {
  const grant = (from: any, to: any, ns = 'other', apiVersion = `${GROUP}/v1beta1`) => ({ apiVersion, kind: 'ReferenceGrant', metadata: { name: 'g', namespace: ns }, spec: { from: [from], to: [to] } });
  const fromRoutes = { group: GROUP, kind: 'HTTPRoute', namespace: NS };
  const toWeb = { group: '', kind: 'Service', name: 'web' };
  const objects = (...grants: any[]) => [...app([http()], parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: 'other', port: 80 }] }] })), namespace('other'), service('web', {}, 'other'), ...grants];

  test('without a grant: the message and the fix that writes the grant', () => {
    expect(run(objects(), 'gw-reference-granted')).toEqual([
      `error HTTPRoute r: spec.rules[0].backendRefs[0] refers to Service other/web in another namespace, and no ReferenceGrant in "other" allows HTTPRoutes of "${NS}" to; requests for it get 500 (RefNotPermitted).`,
    ]);
    expect(fixes(objects(), 'gw-reference-granted')).toEqual([
      `add a ReferenceGrant in namespace "other": from [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ${NS}}], to [{group: "", kind: Service, name: web}].`,
    ]);
  });

  test('a backend in the route\'s own namespace needs no grant', () => {
    expect(run(app([http()], parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: NS, port: 80 }] }] })), 'gw-reference-granted')).toEqual([]);
  });

  test('a grant counts only when every field matches', () => {
    expect(run(objects(grant(fromRoutes, toWeb)), 'gw-reference-granted')).toEqual([]);
    expect(run(objects(grant(fromRoutes, { kind: 'Service' })), 'gw-reference-granted')).toEqual([]);
    for (const bad of [
      grant(fromRoutes, toWeb, NS), grant(fromRoutes, toWeb, 'other', 'example.com/v1'),
      grant({ ...fromRoutes, group: 'example.com' }, toWeb), grant({ ...fromRoutes, kind: 'GRPCRoute' }, toWeb), grant({ ...fromRoutes, namespace: 'x' }, toWeb),
      grant(fromRoutes, { ...toWeb, group: 'apps' }), grant(fromRoutes, { ...toWeb, kind: 'Secret' }), grant(fromRoutes, { ...toWeb, name: 'api' }),
    ]) {
      expect(run(objects(bad), 'gw-reference-granted')).toHaveLength(1);
    }
  });

  test('a grant without namespace is in "default"', () => {
    const inDefault = (ns?: string) => ({ ...grant(fromRoutes, toWeb), metadata: { name: 'g', ...(ns ? { namespace: ns } : {}) } });
    const toDefault = [...app([http()], parent({ name: 'public' }, { rules: [{ backendRefs: [{ name: 'web', namespace: 'default', port: 80 }] }] })), service('web', {}, 'default')];
    expect(run([...toDefault, inDefault()], 'gw-reference-granted')).toEqual([]);
    expect(run(toDefault, 'gw-reference-granted')).toHaveLength(1);
  });

  test('a Gateway\'s certificateRef to another namespace needs a grant from Gateways of its namespace to that Secret', () => {
    const secretIn = (ns: string, grants: any[] = []) => [...app([http(), https({ tls: { certificateRefs: [{ name: 'shop-tls', namespace: ns }] } })]), namespace('certs'), ...grants];
    expect(run(secretIn(NS), 'gw-reference-granted')).toEqual([]);
    expect(run(secretIn('certs'), 'gw-reference-granted')).toEqual([
      `error Gateway public: spec.listeners[1].tls.certificateRefs[0] refers to Secret certs/shop-tls in another namespace, and no ReferenceGrant in "certs" allows Gateways of "${NS}" to; the listener gets no certificate (RefNotPermitted).`,
    ]);
    expect(fixes(secretIn('certs'), 'gw-reference-granted')).toEqual([
      `add a ReferenceGrant in namespace "certs": from [{group: gateway.networking.k8s.io, kind: Gateway, namespace: ${NS}}], to [{group: "", kind: Secret, name: shop-tls}].`,
    ]);
    const toSecret = { group: '', kind: 'Secret', name: 'shop-tls' };
    expect(run(secretIn('certs', [grant({ group: GROUP, kind: 'Gateway', namespace: NS }, toSecret, 'certs')]), 'gw-reference-granted')).toEqual([]);
    expect(run(secretIn('certs', [grant(fromRoutes, toSecret, 'certs')]), 'gw-reference-granted')).toHaveLength(1);
  });
});

describe('certificateRefs (gw-tls-secret-exists)', () => {
  const withRefs = (refs: any[], extra: any[] = []) => [...without(app([http(), https({ tls: { certificateRefs: refs } })]), 'Secret'), ...extra];

  test('refs of another group or kind, and names that are not strings, are not Secrets', () => {
    expect(run(withRefs([{ name: 'x', group: 'example.com' }, { name: 'x', kind: 'ConfigMap' }, { name: 5 }], [tlsSecret('other-tls')]), 'gw-tls-secret-exists')).toEqual([]);
    expect(run(withRefs([{ name: 'x', group: '', kind: 'Secret' }], [tlsSecret('other-tls')]), 'gw-tls-secret-exists')).toEqual([
      `error Gateway public: spec.listeners[1].tls.certificateRefs[0].name "x" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${NS}", and is not declared external; the listener has no certificate (InvalidCertificateRef).`,
    ]);
  });

  test('no Secret source in the namespace: info with its own fix; a Certificate\'s Secret is fine; unset type reads Opaque', () => {
    expect(run(withRefs([{ name: 'shop-tls' }]), 'gw-tls-secret-exists')).toEqual([
      `info Gateway public: cannot judge spec.listeners[1].tls.certificateRefs[0].name "shop-tls": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "${NS}"; Secrets are usually kept out of git.`,
    ]);
    expect(fixes(withRefs([{ name: 'shop-tls' }]), 'gw-tls-secret-exists')).toEqual(['Declare it external (Gateway annotation netkit.io/external-secrets, or --external-secret) to say where it comes from.']);
    expect(run(withRefs([{ name: 'shop-tls' }], [certificate('shop-tls', ['shop.example.com'])]), 'gw-tls-secret-exists')).toEqual([]);
    expect(run(withRefs([{ name: 'shop-tls' }], [{ ...shopTls(), type: undefined }]), 'gw-tls-secret-exists')[0]).toContain('of type "Opaque", not kubernetes.io/tls (InvalidCertificateRef).');
  });

  test('a kubernetes.io/tls Secret is what the listener needs', () => {
    expect(run(withRefs([{ name: 'shop-tls' }], [shopTls()]), 'gw-tls-secret-exists')).toEqual([]);
  });

  test('external on the Gateway: the bare name only for its own namespace', () => {
    const annotated = (value: string, ns?: string) => {
      const objects = withRefs([{ name: 'shop-tls', ...(ns ? { namespace: ns } : {}) }], [tlsSecret('other-tls')]);
      return objects.map((o) => (o.kind === 'Gateway' ? { ...o, metadata: { ...o.metadata, annotations: { 'netkit.io/external-secrets': value } } } : o));
    };
    expect(run(annotated('shop-tls'), 'gw-tls-secret-exists')).toEqual([]);
    expect(run(annotated(`${NS}/shop-tls`), 'gw-tls-secret-exists')).toEqual([]);
    expect(run(annotated('other/shop-tls'), 'gw-tls-secret-exists')).toHaveLength(1);
    // A ref into another namespace is not covered by the bare name.
    expect(run(annotated('shop-tls', 'certs'), 'gw-tls-secret-exists')).toEqual([
      'info Gateway public: cannot judge spec.listeners[1].tls.certificateRefs[0].name "shop-tls": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "certs"; Secrets are usually kept out of git.',
    ]);
    expect(run(annotated('certs/shop-tls', 'certs'), 'gw-tls-secret-exists')).toEqual([]);
    expect(run(withRefs([{ name: 'shop-tls' }], [tlsSecret('other-tls')]), 'gw-tls-secret-exists', { externalSecrets: ['shop-tls'] })).toEqual([]);
    expect(run(withRefs([{ name: 'shop-tls' }], [tlsSecret('other-tls')]), 'gw-tls-secret-exists', { externalSecrets: [`${NS}/shop-tls`] })).toEqual([]);
  });
});

describe('gw-listeners-distinct', () => {
  test('each later listener that disagrees with the first on its port is reported; UDP and TCP on one number do not clash', () => {
    const listeners = [http(), { name: 'tls', port: 80, protocol: 'TLS' }, { name: 'tcp', port: 80, protocol: 'TCP' }, { name: 'udp', port: 53, protocol: 'UDP' }, { name: 'dns', port: 53, protocol: 'TCP' }, { name: 'x', port: 80, protocol: 'SCTP' }, { name: 'y', port: '80', protocol: 'TCP' }];
    expect(run(app(listeners), 'gw-listeners-distinct')).toEqual([
      `error Gateway public: spec.listeners[1] ("tls", TLS) shares port 80 with listener "http" (HTTP): one port carries either plain HTTP or TLS, so both listeners are Conflicted (ProtocolConflict) and the Gateway is not fully programmed.`,
      `error Gateway public: spec.listeners[2] ("tcp", TCP) shares port 80 with listener "http" (HTTP): one port carries either plain HTTP or raw TCP, so both listeners are Conflicted (ProtocolConflict) and the Gateway is not fully programmed.`,
    ]);
    expect(run(app([http(), http({ name: 'http2', hostname: 'a.example.com' })]), 'gw-listeners-distinct')).toEqual([]);
    // A port that is not a number is the schema's: never compared, even with another one spelt alike.
    expect(run(app([http({ port: '80' }), { name: 'tcp', port: '80', protocol: 'TCP' }]), 'gw-listeners-distinct')).toEqual([]);
  });
});

describe('gw-redirect-no-loop', () => {
  const redirect = (requestRedirect: any, matches?: any[], ref: any = { name: 'public' }, hostnames?: string[]) => parent(ref, {
    ...(hostnames ? { hostnames } : { hostnames: undefined }),
    rules: [{ ...(matches ? { matches } : {}), filters: [{ type: 'RequestRedirect', requestRedirect }] }],
  });
  const loops = (r: any, listeners = [http(), https()]) => run(app(listeners, r), 'gw-redirect-no-loop');

  test('scheme and port: the same as the listener\'s loop (the scheme\'s default port when only the scheme is given)', () => {
    expect(loops(redirect({ scheme: 'https' }))).toEqual([
      `error HTTPRoute r: spec.rules[0].filters[0] redirects to {"scheme":"https"}, and the route also serves listener "https" (HTTPS, port 443) of Gateway ${NS}/public, where the redirected request matches this rule again: clients loop until they give up.`,
    ]);
    expect(loops(redirect({ scheme: 'https' }), [http(), https({ port: 8443 })])).toEqual([]);
    expect(loops(redirect({ scheme: 'https', port: 8443 }), [http(), https({ port: 8443 })])).toHaveLength(1);
    expect(loops(redirect({ scheme: 'http' }, undefined, { name: 'public', sectionName: 'http' }))).toHaveLength(1);
    expect(loops(redirect({ port: 80 }, undefined, { name: 'public', sectionName: 'http' }))).toHaveLength(1);
    expect(loops(redirect({ port: 8080 }, undefined, { name: 'public', sectionName: 'http' }))).toEqual([]);
    expect(loops(redirect({ statusCode: 301 }, undefined, { name: 'public', sectionName: 'tcp' }), [{ name: 'tcp', port: 80, protocol: 'TCP' }])).toEqual([]);
  });

  test('a redirect hostname loops only where the route and the listener serve it', () => {
    const toHost = (hostname: string, hostnames?: string[], listenerHost?: string) =>
      loops(redirect({ hostname }, undefined, { name: 'public', sectionName: 'http' }, hostnames), [http(listenerHost ? { hostname: listenerHost } : {})]);
    expect(toHost('a.example.com')).toHaveLength(1);
    expect(toHost('a.example.com', undefined, 'b.example.com')).toEqual([]);
    expect(toHost('a.example.com', ['*.example.com'])).toHaveLength(1);
    expect(toHost('a.example.com', ['b.example.com'])).toEqual([]);
    expect(toHost('a.example.com', ['*.example.com'], '*.example.com')).toHaveLength(1);
    expect(toHost('a.example.com', ['a.example.com'], 'b.example.com')).toEqual([]);
  });

  test('a redirect hostname the route serves but the listener does not is no loop', () => {
    const toHost = (hostname: string) => loops(redirect({ hostname }, undefined, { name: 'public', sectionName: 'http' }, ['*.example.com']), [http({ hostname: 'a.example.com' })]);
    expect(toHost('a.example.com')).toHaveLength(1);
    expect(toHost('b.example.com')).toEqual([]);
  });

  test('matches on headers, query parameters or method are never followed', () => {
    const sameListener = (match: any) => loops(redirect({ port: 80 }, [match], { name: 'public', sectionName: 'http' }));
    expect(sameListener({ path: { value: '/' } })).toHaveLength(1);
    expect(sameListener({ headers: [{ name: 'x', value: 'y' }] })).toEqual([]);
    expect(sameListener({ queryParams: [{ name: 'x', value: 'y' }] })).toEqual([]);
    expect(sameListener({ method: 'GET' })).toEqual([]);
    expect(sameListener({ headers: [], queryParams: [] })).toHaveLength(1);
  });

  test('a null match, or one without path, matches every path; one followed match of several is enough to stop', () => {
    const onHttp = (r: any, matches?: any[]) => loops(redirect(r, matches, { name: 'public', sectionName: 'http' }));
    expect(onHttp({ port: 80 }, [null])[0]).toMatch(/^error HTTPRoute r: spec\.rules\[0\]\.filters\[0\] redirects/);
    expect(onHttp({ path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } }, [null])[0]).toMatch(/^error HTTPRoute r: spec\.rules\[0\]\.filters\[0\] redirects/);
    expect(onHttp({ path: { type: 'ReplaceFullPath', replaceFullPath: '/x' } }, [{}])[0]).toMatch(/^error HTTPRoute r: spec\.rules\[0\]\.filters\[0\] redirects/);
    expect(onHttp({ port: 80 }, [{ headers: [{ name: 'x', value: 'y' }] }, { path: { value: '/' } }])).toEqual([]);
    const exact = (value: string) => ({ path: { type: 'Exact', value } });
    expect(onHttp({ path: { type: 'ReplaceFullPath', replaceFullPath: '/a' } }, [exact('/a'), exact('/b')])).toHaveLength(1);
  });

  test('scheme, listener protocol and route hostnames: each on its own decides', () => {
    expect(loops(redirect({ scheme: 'http', port: 443 }, undefined, { name: 'public', sectionName: 'https' }))).toEqual([]);
    const tcp = { name: 'tcp', port: 80, protocol: 'TCP', allowedRoutes: { kinds: [{ kind: 'HTTPRoute' }] } };
    expect(loops(redirect({ port: 80 }, undefined, { name: 'public', sectionName: 'tcp' }), [tcp])).toEqual([]);
    expect(loops(redirect({ hostname: 'a.example.com' }, undefined, { name: 'public', sectionName: 'http' }, ['a.example.com', 'b.example.org']), [http()])).toHaveLength(1);
  });

  test('path targets: ReplaceFullPath and ReplacePrefixMatch against Exact and PathPrefix (by whole segments); RegularExpression never', () => {
    const target = (path: any, match: any) => loops(redirect({ path }, [{ path: match }], { name: 'public', sectionName: 'http' }));
    const full = (p: string) => ({ type: 'ReplaceFullPath', replaceFullPath: p });
    expect(target(full('/a'), { type: 'Exact', value: '/a' })).toHaveLength(1);
    expect(target(full('/a/'), { type: 'Exact', value: '/a' })).toEqual([]);
    expect(target(full('/app'), { type: 'PathPrefix', value: '/app/' })).toHaveLength(1);
    expect(target(full('/app/x'), { type: 'PathPrefix', value: '/app' })).toHaveLength(1);
    expect(target(full('/apple'), { type: 'PathPrefix', value: '/app' })).toEqual([]);
    expect(target(full('/x'), { type: 'PathPrefix', value: '/' })).toHaveLength(1);
    expect(target(full('/x'), { value: '/x' })).toHaveLength(1);
    expect(target(full('/x'), { type: 'RegularExpression', value: '/.*' })).toEqual([]);
    expect(target({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/app' }, { type: 'PathPrefix', value: '/app' })).toHaveLength(1);
    expect(target({ type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' }, { type: 'PathPrefix', value: '/app' })).toEqual([]);
    expect(target({ type: 'Other', replaceFullPath: '/app' }, { type: 'PathPrefix', value: '/app' })).toEqual([]);
    expect(loops(redirect({ path: full('/x') }, undefined, { name: 'public', sectionName: 'http' }))).toHaveLength(1);
  });

  test('a path modifier without its value, and prefixes with several trailing slashes', () => {
    const target = (path: any, match?: any) => loops(redirect({ path }, match ? [{ path: match }] : undefined, { name: 'public', sectionName: 'http' }));
    expect(target({ type: 'ReplaceFullPath' })).toEqual([]);
    expect(target({ type: 'ReplacePrefixMatch' })).toEqual([]);
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: '/app/x' }, { type: 'PathPrefix', value: '/app//' })).toHaveLength(1);
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: '/x' }, { type: 'PathPrefix' })).toHaveLength(1);
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: '/' }, { type: 'Exact' })).toHaveLength(1);
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: '/x' }, { type: 'Exact' })).toEqual([]);
  });

  test('a regular expression is never read as a prefix; a prefix of "/" matches even a path without leading slash; only ReplacePrefixMatch reads replacePrefixMatch', () => {
    const target = (path: any, match: any) => loops(redirect({ path }, [{ path: match }], { name: 'public', sectionName: 'http' }));
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: '/x' }, { type: 'RegularExpression', value: '/x' })).toEqual([]);
    expect(target({ type: 'ReplaceFullPath', replaceFullPath: 'x' }, { type: 'PathPrefix', value: '/' })).toHaveLength(1);
    expect(target({ type: 'Other', replacePrefixMatch: '/app' }, { type: 'PathPrefix', value: '/app' })).toEqual([]);
  });

  test('filters other than RequestRedirect, or without requestRedirect, are not judged; the filter index is named', () => {
    const rules = [{ filters: [{ type: 'RequestRedirect' }, { type: 'URLRewrite', requestRedirect: { port: 80 } }, { type: 'RequestRedirect', requestRedirect: { port: 80 } }] }];
    expect(run(app([http()], parent({ name: 'public' }, { hostnames: undefined, rules })), 'gw-redirect-no-loop')).toEqual([
      `error HTTPRoute r: spec.rules[0].filters[2] redirects to {"port":80}, and the route also serves listener "http" (HTTP, port 80) of Gateway ${NS}/public, where the redirected request matches this rule again: clients loop until they give up.`,
    ]);
  });
});

describe('gw-tls-cert-covers-hostname', () => {
  const wildcardCert = [certificate('shop-tls', ['*.example.com'])];
  const objects = (listenerHost: string | undefined, hostnames: any[], extra: any[] = wildcardCert) =>
    [...without(app([https({ hostname: listenerHost })], parent({ name: 'public' }, { hostnames })), 'Secret'), ...extra];

  test('route hostnames under a *. listener are judged one by one; a *. name under a concrete listener is the listener\'s', () => {
    expect(run(objects('*.example.com', ['a.example.com', 'a.b.example.com', 'example.org', 5]), 'gw-tls-cert-covers-hostname')).toEqual([
      `error HTTPRoute r: spec.hostnames[1] "a.b.example.com" is served by listener "https" of Gateway ${NS}/public with the certificate of Certificate ${NS}/shop-tls, which does not cover it (it covers "*.example.com"); browsers reject the connection.`,
    ]);
    expect(run(objects('a.example.com', ['*.example.com']), 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects(undefined, ['a.b.example.com']), 'gw-tls-cert-covers-hostname')[0]).toMatch(/^error HTTPRoute r: spec\.hostnames\[0\] "a\.b\.example\.com"/);
    expect(run(objects(undefined, ['*.example.com']), 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects('*.example.com', ['*.example.com']), 'gw-tls-cert-covers-hostname')).toEqual([]);
  });

  test('the finding names the hostname\'s own index, past hostnames that are not strings', () => {
    expect(run(objects(undefined, [5, null, 'a.b.example.com']), 'gw-tls-cert-covers-hostname')).toEqual([
      `error HTTPRoute r: spec.hostnames[2] "a.b.example.com" is served by listener "https" of Gateway ${NS}/public with the certificate of Certificate ${NS}/shop-tls, which does not cover it (it covers "*.example.com"); browsers reject the connection.`,
    ]);
  });

  test('the listener hostname: judged against every certificate of the listener; unknown when any is not known', () => {
    const two = [...without(app([https({ hostname: 'b.example.org', tls: { certificateRefs: [{ name: 'a-tls' }, { name: 'b-tls' }] } })]), 'Secret'),
      certificate('a-tls', ['a.example.org']), certificate('b-tls', [])];
    expect(run(two, 'gw-tls-cert-covers-hostname')).toEqual([
      `error Gateway public: spec.listeners[0].hostname "b.example.org" is not covered by the certificate of Certificate ${NS}/a-tls, Certificate ${NS}/b-tls (it covers "a.example.org"); browsers reject the connection.`,
    ]);
    const sealedB = { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'b-tls', namespace: NS }, spec: {} };
    expect(run([...without(two, 'Certificate'), certificate('a-tls', ['a.example.org']), sealedB], 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(two, 'gw-tls-cert-covers-hostname', { externalSecrets: ['b-tls'] })).toEqual([]);
    expect(run([...without(app([https({ hostname: 'b.example.org', tls: { certificateRefs: [{ name: 'b-tls' }] } })]), 'Secret'), certificate('b-tls', [])], 'gw-tls-cert-covers-hostname')[0])
      .toContain('(it covers no DNS names)');
  });

  test('listeners without certificates or without hostname, and routes whose Gateway is not in the manifests, are not judged', () => {
    expect(run(app([http({ hostname: 'a.example.org' })], parent({ name: 'public' }, { hostnames: ['a.example.org'] })), 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects(undefined, []), 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run([...objects('*.example.com', []), parent({ name: 'elsewhere' }, { hostnames: ['a.b.example.com'] }, 'r2')], 'gw-tls-cert-covers-hostname')).toEqual([]);
  });

  test('with a certificate known, a route without hostnames, and a listener without certificates beside one with them, are passed over', () => {
    expect(run(objects('*.example.com', undefined as any), 'gw-tls-cert-covers-hostname')).toEqual([]);
    const plainBeside = [...without(app([http({ hostname: '*.example.com' }), https({ hostname: '*.example.com' })], parent({ name: 'public' }, { hostnames: ['a.example.com'] })), 'Secret'), ...wildcardCert];
    expect(run(plainBeside, 'gw-tls-cert-covers-hostname')).toEqual([]);
  });

  test('a listener is judged by its own certificates only; a route hostname equal to the listener\'s is reported once, on the Gateway', () => {
    const twoListeners = [...without(app([http({ hostname: 'a.example.org' }), https({ hostname: 'a.example.com' })]), 'Secret'), ...wildcardCert];
    expect(run(twoListeners, 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects('a.example.org', ['a.example.org']), 'gw-tls-cert-covers-hostname')).toEqual([
      `error Gateway public: spec.listeners[0].hostname "a.example.org" is not covered by the certificate of Certificate ${NS}/shop-tls (it covers "*.example.com"); browsers reject the connection.`,
    ]);
  });

  test('a missing certificate is not judged; every name the certificate covers is listed; *. route hostnames by listener kind', () => {
    expect(run([...without(app([https({ hostname: 'a.example.org', tls: { certificateRefs: [{ name: 'nope' }] } })]), 'Secret'), ...wildcardCert], 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects('c.example.org', [], [certificate('shop-tls', ['a.example.org', 'b.example.org'])]), 'gw-tls-cert-covers-hostname')[0])
      .toContain('(it covers "a.example.org", "b.example.org")');
    expect(run(objects('a.example.com', ['*.example.com'], [certificate('shop-tls', ['a.example.com'])]), 'gw-tls-cert-covers-hostname')).toEqual([]);
    expect(run(objects('*.example.com', ['*.a.example.com']), 'gw-tls-cert-covers-hostname')).toHaveLength(1);
  });
});

describe('gw-spec-valid and gw-api-version', () => {
  test('an object of the Gateway API group without a version is not read; metadata problems are left to the metadata rules', () => {
    expect(run([{ apiVersion: `${GROUP}/`, kind: 'HTTPRoute', metadata: { name: 'r', namespace: NS } }], 'gw-spec-valid')).toEqual([]);
    expect(run([{ ...route('Bad_Name'), spec: { parentRefs: [{ name: 'public' }] } }], 'gw-spec-valid')).toEqual([]);
  });

  test('the fix of a kind the standard channel does not serve', () => {
    const old = { apiVersion: `${GROUP}/v1alpha2`, kind: 'TLSRoute', metadata: { name: 't', namespace: NS }, spec: {} };
    expect(fixes([old], 'gw-spec-valid')).toEqual(['Use a kind and apiVersion of the standard channel (gateway.networking.k8s.io/v1), or install the experimental CRDs and disable this rule for the object.']);
  });

  test('gw-api-version: the CRDs in the manifests declare the bundle (only those of the group with a bundle-version); the finding names them', () => {
    expect(run([...validGatewayApp(), tcpRoute(), gatewayCrd('v1.6.1')], 'gw-api-version')).toEqual([]);
    expect(run([...validGatewayApp(), tcpRoute(), gatewayCrd('v1.5.1')], 'gw-api-version')).toEqual([
      'warning TCPRoute db: TCPRoute is not a kind of the Gateway API v1.5.1 standard channel, the bundle declared by the CRDs in these manifests (tcproutes.gateway.networking.k8s.io); v1.6.1 serves it.',
    ]);
    const otherGroup = { ...gatewayCrd('v1.6.1'), spec: { ...gatewayCrd('v1.6.1').spec, group: 'example.com' } };
    expect(run([...validGatewayApp(), tcpRoute(), otherGroup], 'gw-api-version')).toHaveLength(1);
    const unannotated = { ...gatewayCrd('v1.6.1'), metadata: { name: 'tcproutes.gateway.networking.k8s.io' } };
    expect(run([...validGatewayApp(), tcpRoute(), unannotated], 'gw-api-version')).toHaveLength(1);
    expect(run([...validGatewayApp(), tcpRoute(), gatewayCrd('v0.1.0')], 'gw-api-version')).toEqual([
      'warning Gateway public: cannot be checked against the declared Gateway API bundle "v0.1.0" from the CRDs in these manifests (tcproutes.gateway.networking.k8s.io): this package carries v1.6.1 and v1.5.1 only.',
    ]);
    expect(fixes([...validGatewayApp(), gatewayCrd('v0.1.0')], 'gw-api-version')).toEqual(['Declare v1.6.1 or v1.5.1, or disable gw-api-version.']);
    expect(run([namespace(), gatewayCrd('v0.1.0')], 'gw-api-version')).toEqual([]);
  });

  test('gw-spec-valid: a version the CRD does not serve lists every version it serves', () => {
    const old = { ...route('r'), apiVersion: `${GROUP}/v1alpha2` };
    expect(run([old], 'gw-spec-valid')).toEqual([
      'error HTTPRoute r: gateway.networking.k8s.io/v1alpha2 is not served by the Gateway API v1.6.1 CRD of HTTPRoute (it serves v1, v1beta1); the API server answers "no matches for kind".',
    ]);
  });

  test('gw-spec-valid: a schema finding at, above or below a field the kind\'s own checks report is not repeated', () => {
    const gw = (listeners: any) => ({ apiVersion: `${GROUP}/v1`, kind: 'Gateway', metadata: { name: 'g', namespace: NS }, spec: { gatewayClassName: 'nginx', listeners } });
    const paths = (o: any) => run([o], 'gw-spec-valid').map((f) => f.replace(/^error \w+ \w+: /, '').replace(/: .*/, ''));
    // The same field (the schema's pattern and the hostname check).
    expect(paths(gw([{ name: 'h', port: 80, protocol: 'HTTP', hostname: 'Bad_Host' }]))).toEqual(['spec.listeners[0].hostname']);
    // The schema's required name is reported on the listener; the check on its name field.
    expect(paths(gw([{ port: 80, protocol: 'HTTP' }]))).toEqual(['spec.listeners[0].name']);
    // The schema's type error below the listener's tls, which the TLS check reports.
    expect(paths(gw([{ name: 'h', port: 80, protocol: 'HTTPS', tls: { certificateRefs: 'x' } }]))).toEqual(['spec.listeners[0].tls']);
    // The schema's type error inside a rule item, below the rule count the route check reports.
    const rules: any[] = Array.from({ length: 17 }, () => ({}));
    rules[0] = { backendRefs: 'x' };
    expect(paths({ ...route('r'), spec: { rules } })).toEqual(['spec.rules']);
    // A schema finding on a field no check reports is kept.
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP', allowedRoutes: { kinds: 'x' } }])], 'gw-spec-valid')[0]).toMatch(/^error Gateway g: spec\.listeners\[0\]\.allowedRoutes\.kinds /);
  });

  test('gw-api-version: the option declares the bundle before any CRD; the default is v1.5.1; kinds the newest bundle lacks are gw-spec-valid\'s', () => {
    expect(run([...validGatewayApp(), tcpRoute(), gatewayCrd('v1.6.1')], 'gw-api-version', { gatewayApiVersion: 'v1.5.1' })).toEqual([
      'warning TCPRoute db: TCPRoute is not a kind of the Gateway API v1.5.1 standard channel, the bundle declared by the gatewayApiVersion option; v1.6.1 serves it.',
    ]);
    expect(run([...validGatewayApp(), tcpRoute(), gatewayCrd('v1.5.1')], 'gw-api-version', { gatewayApiVersion: 'v1.6.1' })).toEqual([]);
    expect(run([...validGatewayApp(), tcpRoute()], 'gw-api-version', { gatewayApiVersion: 'v2' })).toEqual([
      'warning Gateway public: cannot be checked against the declared Gateway API bundle "v2" from the gatewayApiVersion option: this package carries v1.6.1 and v1.5.1 only.',
    ]);
    expect(run([...validGatewayApp(), tcpRoute()], 'gw-api-version')).toEqual([
      'warning TCPRoute db: TCPRoute is not a kind of the Gateway API v1.5.1 standard channel, the bundle declared by the default (what GatewayApiCrds installs); v1.6.1 serves it.',
    ]);
    const old = { apiVersion: `${GROUP}/v1alpha2`, kind: 'TLSRoute', metadata: { name: 't', namespace: NS }, spec: {} };
    expect(run([...validGatewayApp(), old], 'gw-api-version')).toEqual([]);
    expect(run([...validGatewayApp(), { ...route('r'), apiVersion: `${GROUP}/v1beta1` }], 'gw-api-version')).toEqual([]);
  });
});
