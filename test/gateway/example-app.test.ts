import { parseAllDocuments } from 'yaml';
import { gatewayApiObjects as bundleObjects, gatewayProblems, httpRouteProblems, referenceGrantProblems } from '../../lib';
import { synthMainApp } from '../helpers/synth-main';
import { crdSchemaErrors, GATEWAY_API_VERSIONS, gatewayApiObjects } from './crd-schema';

// The example app serves every seed scenario through Gateway API too; these tests hold what it writes to the CRDs.
const files = synthMainApp();
const perFile = Object.entries(files)
  .filter(([file]) => file.endsWith('.yaml'))
  .map(([file, text]) => ({ file, objects: parseAllDocuments(text).map((d) => d.toJS()) }));
const objects = perFile.flatMap((f) => f.objects);
const routed = gatewayApiObjects(objects).filter((o) => o.kind !== 'CustomResourceDefinition');
const find = (kind: string, name: string, namespace: string) =>
  routed.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);

const PROBLEMS: Record<string, (manifest: any) => unknown[]> = { Gateway: gatewayProblems, HTTPRoute: httpRouteProblems, ReferenceGrant: referenceGrantProblems };

describe('example app, Gateway API', () => {
  test('the cluster file holds the v1.5.1 standard CRDs and safe-upgrades policy exactly as upstream publishes them', () => {
    const cluster = perFile.find((f) => f.file.endsWith('cluster.k8s.yaml'))!;
    const crds = cluster.objects.filter((o) => o.metadata?.annotations?.['gateway.networking.k8s.io/bundle-version'] !== undefined || o.metadata?.name === 'safe-upgrades.gateway.networking.k8s.io');
    expect(crds).toEqual(bundleObjects('v1.5.1'));
  });

  test.each(GATEWAY_API_VERSIONS)('every Gateway, HTTPRoute and ReferenceGrant is valid against the %s CRD schema and its CEL rules', (version) => {
    expect(routed.length).toBeGreaterThanOrEqual(11);
    for (const object of routed) {
      expect({ object: `${object.kind}/${object.metadata.name}`, errors: crdSchemaErrors(object, version), problems: PROBLEMS[object.kind](object) })
        .toEqual({ object: `${object.kind}/${object.metadata.name}`, errors: [], problems: [] });
    }
  });

  test('dev: nginx and tomcat hosts over HTTP and HTTPS with the self-signed certificate', () => {
    const gateway = find('Gateway', 'dev-gateway', 'dev');
    expect(gateway.spec.gatewayClassName).toBe('nginx');
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.port, l.protocol, l.tls?.certificateRefs?.[0]?.name])).toEqual([
      ['http', 80, 'HTTP', undefined], ['https', 443, 'HTTPS', 'tls-secret'],
    ]);
    for (const [host, port] of [['nginx', 80], ['tomcat', 8080]] as const) {
      const route = find('HTTPRoute', host, 'dev');
      expect(route.spec.parentRefs).toEqual([{ name: 'dev-gateway', sectionName: 'http' }, { name: 'dev-gateway', sectionName: 'https' }]);
      expect(route.spec.hostnames).toEqual([`${host}.xiaohan.com`]);
      expect(route.spec.rules).toEqual([{ backendRefs: [{ name: `${host}-service`, port }] }]);
    }
  });

  test('default: web01 under *.cluster.example.com with the wildcard certificate, HTTP redirected', () => {
    const gateway = find('Gateway', 'apps', 'default');
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.hostname, l.port])).toEqual([['http', '*.cluster.example.com', 80], ['https', '*.cluster.example.com', 443]]);
    expect(gateway.spec.listeners[1].tls.certificateRefs[0].name).toBe('wildcard-tls');
    expect(gateway.metadata.annotations['netkit.io/external-secrets']).toBe('wildcard-tls');
    expect(find('HTTPRoute', 'apps-web01', 'default').spec.hostnames).toEqual(['web01.cluster.example.com']);
    expect(find('HTTPRoute', 'apps-https-redirect', 'default').spec.rules[0].filters[0].requestRedirect).toEqual({ scheme: 'https', statusCode: 301 });
  });

  test('cbuc: dev over HTTP, pro over HTTPS with its Secret and HTTP redirected', () => {
    expect(find('Gateway', 'cbuc-web', 'cbuc-dev').spec.listeners.map((l: any) => l.name)).toEqual(['http']);
    expect(find('HTTPRoute', 'cbuc-web', 'cbuc-dev').spec.parentRefs).toEqual([{ name: 'cbuc-web', sectionName: 'http' }]);
    expect(find('HTTPRoute', 'cbuc-web-https-redirect', 'cbuc-dev')).toBeUndefined();
    const pro = find('Gateway', 'cbuc-web', 'cbuc-pro');
    expect(pro.spec.listeners.map((l: any) => [l.name, l.hostname])).toEqual([['http', 'pro.cbuc.cn'], ['https', 'pro.cbuc.cn']]);
    expect(pro.spec.listeners[1].tls.certificateRefs[0].name).toBe('pro-cbuc-cn-tls');
    expect(find('HTTPRoute', 'cbuc-web', 'cbuc-pro').spec.parentRefs).toEqual([{ name: 'cbuc-web', sectionName: 'https' }]);
    expect(find('HTTPRoute', 'cbuc-web-https-redirect', 'cbuc-pro').spec.parentRefs).toEqual([{ name: 'cbuc-web', sectionName: 'http' }]);
  });

  test('no ReferenceGrant, as no reference crosses a namespace', () => {
    expect(routed.filter((o) => o.kind === 'ReferenceGrant')).toEqual([]);
  });
});
