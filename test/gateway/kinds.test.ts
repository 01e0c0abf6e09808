import { App, Testing } from 'cdk8s';
import { gatewayApiObjectProblems, NetkitChart, ReferenceGrant } from '../../lib';
import { kindSpellingProblem } from '../../lib/gateway/validation/kinds';
import { collectWarnings } from '../../lib/core/warnings';
import { errorOf } from '../helpers/errors';

function chart(): NetkitChart {
  return new NetkitChart(new App(), 'backends', { namespace: 'backends', createNamespace: false });
}

const refusal = (f: () => unknown) => errorOf(() => void f());

describe('kinds are case-sensitive', () => {
  test('a ReferenceGrant from "httproute" is refused with the path, field, value, the kinds allowed and the right spelling', () => {
    const e = refusal(() => new ReferenceGrant(chart(), 'g', { from: [{ kind: 'httproute', namespace: 'shop' }] }));
    expect(e.path).toBe('backends/g');
    expect(e.problems).toEqual([{
      field: 'spec.from[0].kind', value: 'httproute',
      message: 'is not a kind of the group "gateway.networking.k8s.io": kinds are case-sensitive, so "httproute" refers to no object.',
      allowed: 'BackendTLSPolicy, GRPCRoute, Gateway, GatewayClass, HTTPRoute, ListenerSet, ReferenceGrant, TCPRoute, TLSRoute, UDPRoute',
      fix: 'write kind: "HTTPRoute".',
    }]);
    expect(e.message).toMatch(/^\[backends\/g\] spec\.from\[0\]\.kind: .* Got: "httproute"\. Allowed: .*HTTPRoute.* Fix: write kind: "HTTPRoute"\.$/);
  });

  test('a ReferenceGrant to "service" is refused with the right spelling; "Service" and "HTTPRoute" pass', () => {
    const e = refusal(() => new ReferenceGrant(chart(), 'g', { from: [{ kind: 'HTTPRoute', namespace: 'shop' }], to: [{ kind: 'service' }] }));
    expect(e.problems.map((p) => [p.field, p.value, p.fix])).toEqual([['spec.to[0].kind', 'service', 'write kind: "Service".']]);
    // The core kinds come from the schemas (kubernetes-models), not a hand-written list.
    expect(e.problems[0].allowed).toBe('Binding, ComponentStatus, ConfigMap, Endpoints, Event, LimitRange, Namespace, Node, PersistentVolume, '
      + 'PersistentVolumeClaim, Pod, PodTemplate, ReplicationController, ResourceQuota, Secret, Service, ServiceAccount');
    const c = chart();
    new ReferenceGrant(c, 'ok', { from: [{ kind: 'HTTPRoute', namespace: 'shop' }], to: [{ kind: 'Service' }, { kind: 'Secret', name: 'tls' }] });
    expect(Testing.synth(c)).toHaveLength(1);
  });

  test('a kind of another group named under the core group says which group it is in', () => {
    const e = refusal(() => new ReferenceGrant(chart(), 'g', { from: [{ group: '', kind: 'HTTPRoute', namespace: 'shop' }] }));
    expect(e.problems[0]).toMatchObject({
      field: 'spec.from[0].kind', value: 'HTTPRoute', message: 'is not a kind of the core group (""), so the reference refers to no object.',
      fix: '"HTTPRoute" is in the group "gateway.networking.k8s.io": set group: "gateway.networking.k8s.io".',
    });
    expect(kindSpellingProblem('kind', '', 'httproute')?.fix).toBe('"HTTPRoute" is in the group "gateway.networking.k8s.io": set group: "gateway.networking.k8s.io" and kind: "HTTPRoute".');
  });

  test('an unknown kind of a closed group suggests the closest kind, or names the group', () => {
    expect(kindSpellingProblem('kind', '', 'Services')?.fix).toBe('did you mean "Service"? write kind: "Service".');
    expect(kindSpellingProblem('kind', 'gateway.networking.k8s.io', 'Widget')?.fix).toBe('use a kind of the group "gateway.networking.k8s.io", or set group to the API group of your kind.');
    expect(kindSpellingProblem('kind', 'gateway.networking.k8s.io', 'Widget')?.severity).toBeUndefined();
  });

  test('in a custom group any UpperCamelCase kind passes; a lowercase kind or a known kind in another case is a warning', () => {
    expect(kindSpellingProblem('kind', 'example.com', 'MyBackend')).toBeUndefined();
    // A kind spelt exactly like a core or Gateway API kind is a kind of its own group (Knative's Service is a common backendRef).
    expect(kindSpellingProblem('kind', 'serving.knative.dev', 'Service')).toBeUndefined();
    expect(kindSpellingProblem('kind', 'example.com', 'Gateway')).toBeUndefined();
    expect(kindSpellingProblem('kind', 'example.com', 'service')).toEqual({
      field: 'kind', severity: 'warning', value: 'service', allowed: 'the kind as its CRD spells it (UpperCamelCase, case-sensitive)',
      message: 'differs from the kind "Service" only in case; kinds are case-sensitive, so the reference resolves only if the group "example.com" really has a kind "service".',
      fix: 'write kind: "Service" with group "", or the kind as the group "example.com"\'s CRD spells it (the KIND column of `kubectl api-resources`).',
    });
    expect(kindSpellingProblem('kind', 'example.com', 'myBackend')).toMatchObject({
      severity: 'warning', message: expect.stringMatching(/^starts with a lowercase letter/),
      fix: 'write the kind as the group "example.com"\'s CRD spells it (the KIND column of `kubectl api-resources`).',
    });
  });

  test('a ReferenceGrant to a lowercase custom kind is built, with a warning on the construct', () => {
    const c = chart();
    new ReferenceGrant(c, 'g', { from: [{ kind: 'HTTPRoute', namespace: 'shop' }], to: [{ group: 'example.com', kind: 'myBackend' }] });
    expect(Testing.synth(c)).toHaveLength(1);
    const warnings = collectWarnings(c);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ path: 'backends/g', message: expect.stringMatching(/^spec\.to\[0\]\.kind: starts with a lowercase letter.* Got: "myBackend"\./) });
  });

  test('policy checks over YAML report wrong-case parentRef, backendRef, certificateRef and allowedRoutes kinds', () => {
    const route = gatewayApiObjectProblems({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' },
      spec: { parentRefs: [{ name: 'g', kind: 'gateway' }], rules: [{ backendRefs: [{ name: 's', kind: 'service', port: 80 }, { name: 't', port: 80 }] }] },
    });
    expect(route?.map((p) => [p.field, p.fix])).toEqual([
      ['spec.parentRefs[0].kind', 'write kind: "Gateway".'],
      ['spec.rules[0].backendRefs[0].kind', 'write kind: "Service".'],
    ]);
    const gateway = gatewayApiObjectProblems({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' },
      spec: {
        gatewayClassName: 'nginx',
        listeners: [{
          name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ kind: 'secret', name: 'tls' }] },
          allowedRoutes: { kinds: [{ kind: 'HttpRoute' }, { kind: 'HTTPRoute' }] },
        }],
      },
    });
    expect(gateway?.map((p) => [p.field, p.fix])).toEqual([
      ['spec.listeners[0].tls.certificateRefs[0].kind', 'write kind: "Secret".'],
      ['spec.listeners[0].allowedRoutes.kinds[0].kind', 'write kind: "HTTPRoute".'],
    ]);
  });
});

describe('a group named like an Object.prototype property', () => {
  // "constructor" passes the CRD's Group pattern (a lowercase DNS label): it is some custom group, not a closed list.
  test('is judged as a custom group, without a crash', () => {
    expect(kindSpellingProblem('kind', 'constructor', 'MyBackend')).toBeUndefined();
    expect(kindSpellingProblem('kind', 'constructor', 'myBackend')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^starts with a lowercase letter/) });
    const route = gatewayApiObjectProblems({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' },
      spec: { parentRefs: [{ name: 'g' }], rules: [{ backendRefs: [{ group: 'constructor', kind: 'Backend', name: 's' }] }] },
    });
    expect(route).toEqual([]);
  });
});

describe('a custom group: a known kind in another case that starts uppercase', () => {
  test('is a warning naming the kind and its group, like a lowercase one', () => {
    expect(kindSpellingProblem('kind', 'example.com', 'HttpRoute')).toEqual({
      field: 'kind', severity: 'warning', value: 'HttpRoute', allowed: 'the kind as its CRD spells it (UpperCamelCase, case-sensitive)',
      message: 'differs from the kind "HTTPRoute" only in case; kinds are case-sensitive, so the reference resolves only if the group "example.com" really has a kind "HttpRoute".',
      fix: 'write kind: "HTTPRoute" with group "gateway.networking.k8s.io", or the kind as the group "example.com"\'s CRD spells it (the KIND column of `kubectl api-resources`).',
    });
    expect(kindSpellingProblem('kind', 'example.com', 'SERVICE')?.fix).toMatch(/^write kind: "Service" with group "",/);
  });
});
