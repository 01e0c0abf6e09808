// gatewayApiObjectProblems: which manifests it judges (Gateway, HTTPRoute, ReferenceGrant of gateway.networking.k8s.io,
// any version) and which it leaves alone (undefined), written for the first mutation run over by-kind.ts.
import { gatewayApiObjectProblems } from '../../lib';

const GROUP = 'gateway.networking.k8s.io';
const metadata = { name: 'x', namespace: 'shop' };

describe('gatewayApiObjectProblems', () => {
  test('each kind gets its own checks, in any version of the group', () => {
    expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, kind: 'Gateway', metadata, spec: {} })?.map((p) => p.field)).toEqual(['spec.gatewayClassName', 'spec.listeners']);
    expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1beta1`, kind: 'HTTPRoute', metadata })).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.parentRefs and spec.rules.' }]);
    expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1beta1`, kind: 'ReferenceGrant', metadata })).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.from and spec.to.' }]);
  });
  test('metadata is checked unless the caller leaves it out ({ metadata: false }, as gw-spec-valid does)', () => {
    const bad = { name: 'Bad_Name', namespace: 'shop', labels: { 'bad key': 'x' } };
    for (const kind of ['Gateway', 'HTTPRoute', 'ReferenceGrant']) {
      const manifest = { apiVersion: `${GROUP}/v1`, kind, metadata: bad };
      expect(gatewayApiObjectProblems(manifest)?.map((p) => p.field)).toEqual(['metadata.name', 'metadata.labels', 'spec']);
      expect(gatewayApiObjectProblems(manifest, { metadata: true })?.map((p) => p.field)).toEqual(['metadata.name', 'metadata.labels', 'spec']);
      expect(gatewayApiObjectProblems(manifest, { metadata: false })?.map((p) => p.field)).toEqual(['spec']);
    }
  });
  test('a spec that is not an object is refused as missing, and nothing inside it is judged (all three kinds)', () => {
    const fixes: Record<string, string> = { Gateway: 'set spec.gatewayClassName and spec.listeners.', HTTPRoute: 'set spec.parentRefs and spec.rules.', ReferenceGrant: 'set spec.from and spec.to.' };
    for (const [kind, fix] of Object.entries(fixes)) {
      for (const spec of ['x', true, 5]) expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, kind, metadata, spec })).toEqual([{ field: 'spec', message: 'is required.', fix }]);
    }
  });
  test('other kinds of the group, and the same kinds of other groups, are not judged', () => {
    for (const kind of ['GatewayClass', 'GRPCRoute', 'ListenerSet']) expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, kind, metadata })).toBeUndefined();
    for (const apiVersion of ['v1', 'example.com/v1', `${GROUP}.example.com/v1`, GROUP, 'networking.k8s.io/v1']) {
      expect(gatewayApiObjectProblems({ apiVersion, kind: 'Gateway', metadata })).toBeUndefined();
    }
  });
  test('a kind that names a property every object has (constructor, toString) is not a kind it checks', () => {
    for (const kind of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, kind, metadata })).toBeUndefined();
    }
  });
  test('a manifest without a string apiVersion or kind, or no manifest at all, is not judged', () => {
    expect(gatewayApiObjectProblems({ kind: 'Gateway', metadata })).toBeUndefined();
    expect(gatewayApiObjectProblems({ apiVersion: 1, kind: 'Gateway', metadata })).toBeUndefined();
    expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, metadata })).toBeUndefined();
    expect(gatewayApiObjectProblems({ apiVersion: `${GROUP}/v1`, kind: ['Gateway'], metadata })).toBeUndefined();
    expect(gatewayApiObjectProblems(null as any)).toBeUndefined();
  });
});
