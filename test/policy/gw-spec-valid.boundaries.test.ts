// gw-spec-valid: which CRD schema findings are kept beside the kind's own checks (the survivors of a mutation run
// over `overlaps`: a finding is dropped only at, above or below a field an own check reports, never elsewhere).
import { NS } from './builders';
import { GROUP, run } from './gw-boundary-helpers';

const gw = (listeners: any) => ({ apiVersion: `${GROUP}/v1`, kind: 'Gateway', metadata: { name: 'g', namespace: NS }, spec: { gatewayClassName: 'nginx', listeners } });

describe('gw-spec-valid beside the kinds\' own checks', () => {
  test('a schema finding on another listener than the one an own check reports is kept', () => {
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP', hostname: 'Bad_Host' }, { name: 'k', port: 81, protocol: 'HTTP', allowedRoutes: { kinds: 'x' } }])], 'gw-spec-valid')).toEqual([
      'error Gateway g: spec.listeners[0].hostname: is not a valid Gateway API hostname. Got: "Bad_Host". Allowed: a lowercase DNS name of at most 253 characters, optionally with "*." as the whole first label; no port, no trailing dot, no IP address.',
      'error Gateway g: spec.listeners[1].allowedRoutes.kinds must be of type array (got string "x").',
    ]);
  });

  test('the CEL rule on the whole listener list is not repeated beside the own check on one listener\'s name (a field below it by index)', () => {
    expect(run([gw([{ name: 'same', port: 80, protocol: 'HTTP' }, { name: 'same', port: 81, protocol: 'HTTP' }])], 'gw-spec-valid')).toEqual([
      'error Gateway g: spec.listeners[1].name: Listener name must be unique within the Gateway (listener 0 has it too). Got: "same".',
    ]);
  });

  test('metadata is name-valid\'s and label-values-valid\'s: gw-spec-valid says nothing of a bad name, label or annotation (each kind)', () => {
    const metadata = { name: 'Bad_Name', namespace: NS, labels: { 'bad key': 'x' }, annotations: { 'bad key': 'x' } };
    const objects = [
      { ...gw([{ name: 'h', port: 80, protocol: 'HTTP' }]), metadata },
      { apiVersion: `${GROUP}/v1`, kind: 'HTTPRoute', metadata, spec: { parentRefs: [{ name: 'g' }] } },
      { apiVersion: `${GROUP}/v1`, kind: 'ReferenceGrant', metadata, spec: { from: [{ group: GROUP, kind: 'HTTPRoute', namespace: 'a' }], to: [{ group: '', kind: 'Service' }] } },
    ];
    expect(run(objects, 'gw-spec-valid')).toEqual([]);
    expect(run(objects, 'name-valid')).toHaveLength(3);
  });

  test('a kind without own checks (GatewayClass) is judged by its schema alone', () => {
    const gatewayClass = (controllerName: string) => ({ apiVersion: `${GROUP}/v1`, kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName } });
    expect(run([gatewayClass('gateway.nginx.org/nginx-gateway-controller')], 'gw-spec-valid')).toEqual([]);
    expect(run([gatewayClass('example')], 'gw-spec-valid')).toEqual([expect.stringMatching(/^error GatewayClass nginx: spec\.controllerName /)]);
  });
});

// kube-apiserver 1.36.2 with the v1.6.1 CRDs refused every one of these (create and server-side apply), 2026-12-06.
describe('gw-spec-valid on null items and null fields', () => {
  const rt = (spec: any) => ({ apiVersion: `${GROUP}/v1`, kind: 'HTTPRoute', metadata: { name: 'r', namespace: NS }, spec });
  const ITEM = 'the API server rejects a null list item (create and apply alike): remove the item.';
  const FIELD = 'server-side apply rejects a null field (create and client-side apply drop it): remove the field.';
  const rule = (backendRefs: any) => ({ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs });

  test('a null listener, beside a valid one', () => {
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP' }, null])], 'gw-spec-valid')).toEqual([`error Gateway g: spec.listeners[1] must be of type object (got null); ${ITEM}`]);
  });

  test('a null hostname, rule, parentRef, backendRef, match and filter of an HTTPRoute', () => {
    const parentRefs = [{ name: 'g' }];
    expect([
      rt({ parentRefs, hostnames: [null] }),
      rt({ parentRefs, rules: [null] }),
      rt({ parentRefs: [null] }),
      rt({ parentRefs, rules: [rule([null])] }),
      rt({ parentRefs, rules: [{ matches: [null] }] }),
      rt({ parentRefs, rules: [{ filters: [null] }] }),
    ].map((route) => run([route], 'gw-spec-valid'))).toEqual([
      [`error HTTPRoute r: spec.hostnames[0] must be of type string (got null); ${ITEM}`],
      [`error HTTPRoute r: spec.rules[0] must be of type object (got null); ${ITEM}`],
      [`error HTTPRoute r: spec.parentRefs[0] must be of type object (got null); ${ITEM}`],
      [`error HTTPRoute r: spec.rules[0].backendRefs[0] must be of type object (got null); ${ITEM}`],
      [`error HTTPRoute r: spec.rules[0].matches[0] must be of type object (got null); ${ITEM}`],
      [`error HTTPRoute r: spec.rules[0].filters[0] must be of type object (got null); ${ITEM}`],
    ]);
  });

  test('null fields: without a default refused by server-side apply; with a default (allowedRoutes, matches, weight) dropped and defaulted', () => {
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP', hostname: null }])], 'gw-spec-valid')).toEqual([`error Gateway g: spec.listeners[0].hostname must be of type string (got null); ${FIELD}`]);
    expect(run([rt({ parentRefs: [{ name: 'g', sectionName: null }] })], 'gw-spec-valid')).toEqual([`error HTTPRoute r: spec.parentRefs[0].sectionName must be of type string (got null); ${FIELD}`]);
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP', allowedRoutes: null }]), rt({ parentRefs: [{ name: 'g' }], rules: [{ matches: null, backendRefs: [{ name: 's', port: 80, weight: null }] }] })], 'gw-spec-valid')).toEqual([]);
  });

  test('each further case the server was asked: one finding, the server\'s answer (or none where it accepted)', () => {
    const https = { name: 'https', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'c' }] } };
    const h = { name: 'h', port: 80, protocol: 'HTTP' };
    const parentRefs = [{ name: 'g' }];
    const cases: [any, string[]][] = [
      [gw([{ ...h, port: null }]), ['error Gateway g: spec.listeners[0].port: is required.']],
      [gw([{ ...h, tls: null }]), [`error Gateway g: spec.listeners[0].tls must be of type object (got null); ${FIELD}`]],
      [{ ...gw([h]), spec: { gatewayClassName: 'nginx', listeners: [h], addresses: [null] } }, [`error Gateway g: spec.addresses[0] must be of type object (got null); ${ITEM}`]],
      [gw([{ ...https, tls: { mode: 'Terminate', certificateRefs: [null] } }]), [`error Gateway g: spec.listeners[0].tls.certificateRefs[0] must be of type object (got null); ${ITEM}`]],
      [{ ...gw([h]), spec: { gatewayClassName: 'nginx', listeners: [h], infrastructure: { labels: { a: null, b: 'x' } } } }, [`error Gateway g: spec.infrastructure.labels["a"] must be of type string (got null); ${FIELD}`]],
      [rt({ parentRefs, hostnames: null }), [`error HTTPRoute r: spec.hostnames must be of type array (got null); ${FIELD}`]],
      [rt({ parentRefs, rules: [{ backendRefs: [{ name: 's', port: null }] }] }), ['error HTTPRoute r: spec.rules[0].backendRefs[0].port: Must have port for Service reference.']],
      [rt({ parentRefs, rules: [{ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [null] } }] }] }), [`error HTTPRoute r: spec.rules[0].filters[0].requestHeaderModifier.set[0] must be of type object (got null); ${ITEM}`]],
      [rt({ parentRefs, rules: null }), []],
      [rt({ parentRefs, rules: [{ matches: [{ path: null }] }] }), []],
    ];
    expect(cases.map(([object]) => run([object], 'gw-spec-valid'))).toEqual(cases.map(([, expected]) => expected));
  });

  test('null items of string lists the server was not asked about (remove, a set; CORS allowOrigins) are judged like hostnames, never as repeats', () => {
    const parentRefs = [{ name: 'g' }];
    const filter = (f: any) => run([rt({ parentRefs, rules: [{ filters: [f] }] })], 'gw-spec-valid');
    expect(filter({ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: [null, null] } })).toEqual([
      `error HTTPRoute r: spec.rules[0].filters[0].requestHeaderModifier.remove[0] must be of type string (got null); ${ITEM}`,
      `error HTTPRoute r: spec.rules[0].filters[0].requestHeaderModifier.remove[1] must be of type string (got null); ${ITEM}`,
    ]);
    expect(filter({ type: 'CORS', cors: { allowOrigins: [null] } })).toEqual([`error HTTPRoute r: spec.rules[0].filters[0].cors.allowOrigins[0] must be of type string (got null); ${ITEM}`]);
  });
});

// gw-spec-valid keeps one list of problems and one of schema errors for all objects, emptied for each: a finding
// of one object must neither stay for the next nor hide the next one's (a clean object between bad ones).
describe('gw-spec-valid over several routes in a row', () => {
  const rt = (name: string, spec: any) => ({ apiVersion: `${GROUP}/v1`, kind: 'HTTPRoute', metadata: { name, namespace: NS }, spec });
  const clean = (name: string) => rt(name, { parentRefs: [{ name: 'g' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 's', port: 80 }] }] });

  test('each route has its own findings, whatever came before', () => {
    const noRules = rt('a', { parentRefs: [{ name: 'g' }], rules: [] });
    const unknownField = rt('b', { parentRefs: [{ name: 'g' }], rules: [{ foo: 1, backendRefs: [{ name: 's', port: 80 }] }] });
    const badMethod = rt('c', { parentRefs: [{ name: 'g' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' }, method: 'get' }] }] });
    expect(run([clean('x'), noRules, clean('y'), unknownField, badMethod, clean('z')], 'gw-spec-valid')).toEqual([
      'error HTTPRoute a: spec.rules: has 0 items; at least 1 is required. Got: 0. Allowed: 1-16 items.',
      'error HTTPRoute b: spec.rules[0].foo is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.',
      expect.stringMatching(/^error HTTPRoute c: spec\.rules\[0\]\.matches\[0\]\.method: is not one of the allowed values\. Got: "get"/),
    ]);
    // The same routes the other way round: the unknown field is still reported after the route whose own check covers spec.rules.
    expect(run([unknownField, noRules, unknownField], 'gw-spec-valid')).toHaveLength(3);
  });

  test('whether a kind is served is asked again whenever the kind or the apiVersion changes, not only both', () => {
    const as = (kind: string, apiVersion: string) => ({ ...clean('r'), kind, apiVersion: `${GROUP}/${apiVersion}` });
    expect(run([as('HTTPRoute', 'v1'), as('XRoute', 'v1'), as('HTTPRoute', 'v1'), as('HTTPRoute', 'v9'), as('HTTPRoute', 'v1')], 'gw-spec-valid')).toEqual([
      'error XRoute r: XRoute is not a kind of the Gateway API v1.6.1 standard channel; the API server answers "no matches for kind".',
      'error HTTPRoute r: gateway.networking.k8s.io/v9 is not served by the Gateway API v1.6.1 CRD of HTTPRoute (it serves v1, v1beta1); the API server answers "no matches for kind".',
    ]);
  });
});
