import { createHash } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { App, Testing } from 'cdk8s';
import {
  DEFAULT_GATEWAY_API_VERSION, GATEWAY_API_BUNDLE_VERSION_ANNOTATION, GATEWAY_API_VERSIONS, GatewayApiCrds, GatewayApiVersion,
  gatewayApiBundle, gatewayApiCrd, gatewayApiObjects, gatewayApiSchema, NetkitChart, NetkitError,
} from '../../../lib';
import { decodeBundleField } from '../../../lib/addons/gateway-api/vendored-bundle';

const CRD_KINDS: Record<GatewayApiVersion, string[]> = {
  'v1.6.1': ['BackendTLSPolicy', 'GatewayClass', 'Gateway', 'GRPCRoute', 'HTTPRoute', 'ListenerSet', 'ReferenceGrant', 'TCPRoute', 'TLSRoute', 'UDPRoute'],
  'v1.5.1': ['BackendTLSPolicy', 'GatewayClass', 'Gateway', 'GRPCRoute', 'HTTPRoute', 'ListenerSet', 'ReferenceGrant', 'TLSRoute'],
};

function synthCrds(version?: GatewayApiVersion, namespace?: string): { crds: GatewayApiCrds; objects: any[] } {
  const chart = new NetkitChart(new App(), 'cluster', namespace ? { namespace, createNamespace: false } : {});
  const crds = new GatewayApiCrds(chart, 'gateway-api', version ? { version } : {});
  return { crds, objects: Testing.synth(chart) };
}

describe.each(GATEWAY_API_VERSIONS)('the vendored Gateway API %s bundle', (version) => {
  const bundle = gatewayApiBundle(version);

  test('is the upstream standard-install.yaml with its pinned size and sha256, and its objects are that YAML', () => {
    const yaml = decodeBundleField(bundle.yaml);
    expect(yaml.length).toBe(bundle.bytes);
    expect(createHash('sha256').update(yaml).digest('hex')).toBe(bundle.sha256);
    const fromYaml = parseAllDocuments(yaml.toString('utf8')).map((d) => d.toJS()).filter((o) => o != null);
    expect(gatewayApiObjects(version)).toEqual(fromYaml);
  });

  test('GatewayApiCrds writes every object unchanged, in upstream order, without a namespace', () => {
    const { crds, objects } = synthCrds(version, 'somewhere');
    expect(objects).toEqual(gatewayApiObjects(version));
    expect(Object.keys(crds.customResourceDefinitions)).toEqual(CRD_KINDS[version]);
    expect(crds.apiObjects).toHaveLength(CRD_KINDS[version].length + 2);
    expect(crds.safeUpgradesPolicy.kind).toBe('ValidatingAdmissionPolicy');
    expect(crds.safeUpgradesPolicyBinding.kind).toBe('ValidatingAdmissionPolicyBinding');
    expect(crds.bundleSha256).toBe(bundle.sha256);
    for (const crd of objects.filter((o) => o.kind === 'CustomResourceDefinition')) {
      expect(crd.metadata.annotations[GATEWAY_API_BUNDLE_VERSION_ANNOTATION]).toBe(version);
      expect(crd.metadata.annotations['gateway.networking.k8s.io/channel']).toBe('standard');
    }
  });
});

describe('GatewayApiCrds', () => {
  test('installs v1.5.1 when no version is given', () => {
    expect(DEFAULT_GATEWAY_API_VERSION).toBe('v1.5.1');
    const { crds, objects } = synthCrds();
    expect(crds.version).toBe('v1.5.1');
    expect(objects.find((o) => o.spec?.names?.kind === 'HTTPRoute').metadata.annotations[GATEWAY_API_BUNDLE_VERSION_ANNOTATION]).toBe('v1.5.1');
  });

  test('rejects a release it does not carry, naming the ones it does', () => {
    const chart = new NetkitChart(new App(), 'cluster');
    expect(() => new GatewayApiCrds(chart, 'crds', { version: 'v1.4.0' as GatewayApiVersion }))
      .toThrow(NetkitError);
    expect(() => new GatewayApiCrds(chart, 'crds2', { version: 'v1.4.0' as GatewayApiVersion }))
      .toThrow(/\[cluster\/crds2\] version: is not a Gateway API release.*Got: "v1.4.0".*Allowed: v1.6.1, v1.5.1/);
  });
});

describe('gatewayApiCrd and gatewayApiSchema', () => {
  test('give the CRD and the served version\'s schema of a kind', () => {
    expect(gatewayApiCrd('HTTPRoute', 'v1.6.1').metadata.name).toBe('httproutes.gateway.networking.k8s.io');
    expect(gatewayApiSchema('Gateway', 'v1', 'v1.6.1').properties.spec.required).toEqual(['gatewayClassName', 'listeners']);
    expect(gatewayApiSchema('ReferenceGrant', 'v1beta1').properties.spec).toBeDefined();
  });

  test('are undefined for a kind or version the release does not serve', () => {
    expect(gatewayApiCrd('TCPRoute', 'v1.5.1')).toBeUndefined();
    expect(gatewayApiCrd('TCPRoute', 'v1.6.1')).toBeDefined();
    expect(gatewayApiSchema('TLSRoute', 'v1alpha2', 'v1.6.1')).toBeUndefined();
  });
});
