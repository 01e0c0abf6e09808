import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { NetkitChart, NGF_CRDS_SOURCE, NginxGatewayFabricCrds } from '../../../lib';

const VENDORED = join(__dirname, '..', '..', '..', 'lib', 'addons', 'nginx-gateway-fabric', 'crds-v2.6.7.json');

describe('NginxGatewayFabricCrds: the vendored deploy/crds.yaml of v2.6.7', () => {
  const chart = new NetkitChart(Testing.app(), 'crds');
  const install = new NginxGatewayFabricCrds(chart, 'ngf-crds');
  const objects = Testing.synth(chart);

  test('the committed compact file is the one the source record names (regenerate with scripts/vendor-ngf-crds.ts)', () => {
    expect(createHash('sha256').update(readFileSync(VENDORED)).digest('hex')).toBe(NGF_CRDS_SOURCE.jsonSha256);
    expect(NGF_CRDS_SOURCE).toMatchObject({ tag: 'v2.6.7', commit: '5e34a17a8f7787e90f41d1af91258a556f0795b4', file: 'deploy/crds.yaml', license: 'Apache-2.0' });
  });

  test('the 11 gateway.nginx.org CRDs in upstream order, each with one served storage version', () => {
    expect(objects.map((o) => [o.kind, o.metadata.name, o.spec.versions.map((v: any) => `${v.name}${v.served && v.storage ? '' : '?'}`).join()])).toEqual([
      ['CustomResourceDefinition', 'authenticationfilters.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'clientsettingspolicies.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'nginxgateways.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'nginxproxies.gateway.nginx.org', 'v1alpha2'],
      ['CustomResourceDefinition', 'observabilitypolicies.gateway.nginx.org', 'v1alpha2'],
      ['CustomResourceDefinition', 'proxysettingspolicies.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'ratelimitpolicies.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'snippetsfilters.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'snippetspolicies.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'upstreamsettingspolicies.gateway.nginx.org', 'v1alpha1'],
      ['CustomResourceDefinition', 'wafpolicies.gateway.nginx.org', 'v1alpha1'],
    ]);
    expect(install.crds).toHaveLength(11);
  });

  test('written unchanged: cluster-scoped, namespaced kinds, no label or annotation added', () => {
    const vendored = JSON.parse(readFileSync(VENDORED, 'utf8'));
    expect(objects).toEqual(vendored);
    for (const o of objects) {
      expect(o.metadata.namespace).toBeUndefined();
      expect(o.spec).toMatchObject({ group: 'gateway.nginx.org', scope: 'Namespaced' });
    }
  });

  test('the NginxProxy CRD is too big for client-side apply (why the docs say --server-side) and knows the fields the install writes', () => {
    const proxy = objects.find((o) => o.metadata.name === 'nginxproxies.gateway.nginx.org');
    expect(JSON.stringify(proxy).length).toBeGreaterThan(262_144);
    const service = proxy.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.kubernetes.properties.service.properties;
    expect(Object.keys(service)).toEqual(expect.arrayContaining(['type', 'externalTrafficPolicy', 'nodePorts', 'loadBalancerClass', 'loadBalancerSourceRanges']));
    expect(service.nodePorts.items.required).toEqual(['listenerPort', 'port']);
  });
});
