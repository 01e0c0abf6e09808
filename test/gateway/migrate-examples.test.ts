import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, Chart } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { checkPolicies, HttpIngress, IngressBackend, migrateIngresses, readManifests, routeTable } from '../../lib';
import { synthMainApp } from '../helpers/synth-main';
import { named, ofKind } from './migrate-fixtures';

const fixtures = join(__dirname, 'fixtures', 'ingress-nginx');
const without = (objects: readonly any[], ...kinds: string[]) => objects.filter((o) => !kinds.includes(o.kind));

/**
 * The table of the Ingresses, and of what replaces them (the same Services, which resolve named ports, on
 * both sides; the HTTPRoutes the example app already has are left out of both).
 */
function tables(manifests: readonly any[], result: { objects: readonly any[] }) {
  return { before: routeTable(without(manifests, 'HTTPRoute')), after: routeTable([...without(manifests, 'Ingress', 'HTTPRoute'), ...result.objects]) };
}

describe('migrate: the example app', () => {
  const files = synthMainApp();
  const manifests = Object.values(files).filter((_, i) => Object.keys(files)[i].endsWith('.yaml'))
    .flatMap((text) => parseAllDocuments(text).map((d) => d.toJSON())).filter((o) => o);
  const result = migrateIngresses(manifests);

  test('yields the same host/path -> Service:port table as its Ingresses', () => {
    const { before, after } = tables(manifests, result);
    expect(before.length).toBe(5);
    expect(after).toEqual(before);
  });

  test('its own Gateway API objects and what migrate writes pass every Gateway API rule', () => {
    const findings = (objects: readonly any[]) => checkPolicies(objects).filter((f) => f.rule.startsWith('gw-'));
    expect(ofKind(manifests, 'HTTPRoute').length).toBeGreaterThan(0);
    expect(findings(manifests)).toEqual([]);
    expect(findings([...without(manifests, 'Ingress', 'HTTPRoute', 'Gateway'), ...result.objects])).toEqual([]);
  });

  test('every Ingress converts fully; only the HTTPS-only hosts get a redirect route', () => {
    expect(result.ingresses.map((i) => [`${i.namespace}/${i.name}`, i.notConverted.length])).toEqual([
      // In the order the files are read: dist/cbuc-dev.k8s.yaml, cbuc-pro, default, dev.
      ['cbuc-dev/cbuc-web', 0], ['cbuc-pro/cbuc-web', 0], ['default/apps', 0], ['dev/ingress-https', 0],
    ]);
    expect(ofKind(result.objects, 'HTTPRoute').map((r) => `${r.metadata.namespace}/${r.metadata.name}`)).toEqual([
      'cbuc-dev/cbuc-web-dev-cbuc-cn',
      'cbuc-pro/cbuc-web-pro-cbuc-cn', 'cbuc-pro/cbuc-web-pro-cbuc-cn-redirect',
      'default/apps-web01-cluster-example-com', 'default/apps-web01-cluster-example-com-redirect',
      'dev/ingress-https-nginx-xiaohan-com', 'dev/ingress-https-tomcat-xiaohan-com',
    ]);
  });

  test('ssl-redirect "false" (dev) keeps the route on both listeners; the external Secrets stay declared on the Gateway', () => {
    const route = named(result.objects.filter((o) => o.metadata.namespace === 'dev'), 'HTTPRoute', 'ingress-https-nginx-xiaohan-com');
    expect(route.spec.parentRefs).toEqual([{ name: 'nginx', sectionName: 'http' }, { name: 'nginx', sectionName: 'https-nginx-xiaohan-com' }]);
    const gateway = result.objects.find((o) => o.kind === 'Gateway' && o.metadata.namespace === 'dev');
    expect(gateway.metadata.annotations).toEqual({ 'netkit.io/external-secrets': 'tls-secret' });
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.hostname, l.port, l.protocol, l.tls?.certificateRefs[0].name])).toEqual([
      ['http', undefined, 80, 'HTTP', undefined],
      ['https-nginx-xiaohan-com', 'nginx.xiaohan.com', 443, 'HTTPS', 'tls-secret'],
      ['https-tomcat-xiaohan-com', 'tomcat.xiaohan.com', 443, 'HTTPS', 'tls-secret'],
    ]);
  });
});

describe('migrate: ingress-nginx documentation examples', () => {
  const read = (file: string) => readManifests([join(fixtures, file), join(fixtures, 'http-svc.yaml')]);

  test.each(['multi-tls.yaml', 'tls-termination.yaml', 'configuration-snippets.yaml', 'affinity-cookie.yaml', 'auth-basic.yaml', 'app-root.yaml', 'canary.yaml'])(
    '%s: the same host/path -> Service:port table', (file) => {
      const input = read(file);
      const manifests = input.map((i) => i.manifest);
      const { before, after } = tables(manifests, migrateIngresses(input));
      expect(before.length).toBeGreaterThan(0);
      expect(after).toEqual(before);
    });

  test('every fixture is read (a new file must be added to a test above)', () => {
    expect(readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).sort()).toEqual([
      'affinity-cookie.yaml', 'app-root.yaml', 'auth-basic.yaml', 'canary.yaml', 'configuration-snippets.yaml', 'http-svc.yaml',
      'multi-tls.yaml', 'rewrite.yaml', 'tls-termination.yaml',
    ]);
  });

  test('rewrite: the documented prefix-strip becomes PathPrefix + ReplacePrefixMatch, reported as changed', () => {
    const result = migrateIngresses(read('rewrite.yaml'));
    const route = named(result.objects, 'HTTPRoute', 'rewrite-rewrite-bar-com');
    expect(route.spec.rules).toEqual([{
      matches: [{ path: { type: 'PathPrefix', value: '/something' } }],
      filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      backendRefs: [{ name: 'http-svc', port: 80 }],
    }]);
    expect(result.ingresses[0].notConverted).toEqual([]);
    expect(result.ingresses[0].changed.map((c) => c.field)).toContain('spec.rules[0].http.paths[0].path');
  });

  test('app-root: a 302 of exact "/" before the backend rule', () => {
    const route = named(migrateIngresses(read('app-root.yaml')).objects, 'HTTPRoute', 'approot-approot-bar-com');
    expect(route.spec.rules[0]).toEqual({
      matches: [{ path: { type: 'Exact', value: '/' } }],
      filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: '/app1' }, statusCode: 302 } }],
    });
  });

  test('canary: the canary backend joins the production rule by weight', () => {
    const result = migrateIngresses(read('canary.yaml'));
    expect(ofKind(result.objects, 'HTTPRoute')).toHaveLength(1);
    expect(ofKind(result.objects, 'HTTPRoute')[0].spec.rules[0].backendRefs).toEqual([{ name: 'production', port: 80, weight: 50 }, { name: 'canary', port: 80, weight: 50 }]);
    expect(result.ingresses.find((i) => i.name === 'canary')!.wrote).toEqual(['Gateway default/nginx', 'HTTPRoute default/production-echo-prod-mydomain-com']);
  });

  test('snippets, authentication and affinity are reported as not converted, with the reason', () => {
    const messages = (file: string) => migrateIngresses(read(file)).ingresses[0].notConverted.map((p) => `${p.field}: ${p.message}`);
    expect(messages('configuration-snippets.yaml')).toEqual([
      'metadata.annotations["nginx.ingress.kubernetes.io/configuration-snippet"]: not converted: injects raw NGINX configuration, which Gateway API has no equivalent for.',
    ]);
    expect(messages('auth-basic.yaml')[0]).toMatch(/auth-type"\]: not converted: authentication is not in the Gateway API standard channel/);
    expect(messages('affinity-cookie.yaml')).toHaveLength(4);
  });
});

describe('migrate: from code', () => {
  test('an HttpIngress converts through toManifest()', () => {
    const chart = new Chart(new App(), 'c', { namespace: 'web' });
    const ingress = new HttpIngress(chart, 'site', {
      rules: [{ host: 'a.example.com', path: '/', backend: IngressBackend.fromServiceName('site', 8080) }],
    });
    const result = migrateIngresses([ingress.toManifest()], { gatewayClassName: 'envoy' });
    expect(ofKind(result.objects, 'Gateway')[0].spec.gatewayClassName).toBe('envoy');
    expect(routeTable(result.objects)).toEqual([{ host: 'a.example.com', pathType: 'Prefix', path: '/', backends: ['web/site:8080'] }]);
  });
});
