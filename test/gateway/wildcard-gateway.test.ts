import { App, Testing } from 'cdk8s';
import { ExistingTlsSecret, HttpRouteBackend, NetkitChart, NetkitError, WebApp, WildcardGateway } from '../../lib';
import { crdSchemaErrors, GATEWAY_API_VERSIONS } from './crd-schema';

function setup(namespace = 'default') {
  const app = new App();
  const chart = new NetkitChart(app, namespace, { namespace });
  const web = new WebApp(chart, 'web01', { image: 'nginx:1.27.3', port: 80 });
  const service = web.expose('web01', { name: 'web01', port: 80 });
  const certificate = new ExistingTlsSecret(chart, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'] });
  return { app, chart, service, certificate };
}

describe('WildcardGateway', () => {
  test('one *.<domain> HTTPS listener with the certificate, an HTTP listener that only redirects, a route per app', () => {
    const { chart, service, certificate } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', { domain: 'cluster.example.com', certificate, routes: [{ host: 'web01', service, port: 80 }] });
    const objects = Testing.synth(chart).filter((o) => o.apiVersion.startsWith('gateway.networking.k8s.io/'));
    expect(objects).toEqual([
      {
        apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
        metadata: { name: 'apps', namespace: 'default', annotations: { 'netkit.io/external-secrets': 'wildcard-tls' } },
        spec: {
          gatewayClassName: 'nginx',
          listeners: [
            { name: 'http', hostname: '*.cluster.example.com', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } },
            {
              name: 'https', hostname: '*.cluster.example.com', port: 443, protocol: 'HTTPS',
              tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'wildcard-tls' }] }, allowedRoutes: { namespaces: { from: 'Same' } },
            },
          ],
        },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'apps-https-redirect', namespace: 'default' },
        spec: { parentRefs: [{ name: 'apps', sectionName: 'http' }], rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }] },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'apps-web01', namespace: 'default' },
        spec: {
          parentRefs: [{ name: 'apps', sectionName: 'https' }], hostnames: ['web01.cluster.example.com'],
          rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web01', port: 80 }] }],
        },
      },
    ]);
    expect(wildcard.hosts).toEqual(['web01.cluster.example.com']);
    expect(wildcard.urls).toEqual(['https://web01.cluster.example.com/']);
    expect(wildcard.routes[0].route.name).toBe('apps-web01');
    for (const object of objects) for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(object, version)).toEqual([]);
  });

  test('options reach the YAML: name, namespace, class, ports, allowed namespaces, path, no redirect', () => {
    const { chart, service, certificate } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', {
      domain: 'Cluster.Example.com.', certificate, name: 'edge', namespace: 'default', gatewayClassName: 'envoy',
      httpsRedirect: false, httpsPort: 8443, allowedNamespaces: 'All',
    });
    wildcard.addRoute({ host: 'web01.cluster.example.com', service, port: 80, path: '/app', pathType: 'Exact' });
    const [gateway, route] = Testing.synth(chart).filter((o) => o.apiVersion.startsWith('gateway.networking.k8s.io/'));
    expect(wildcard.redirectRoute).toBeUndefined();
    expect(gateway.metadata.name).toBe('edge');
    expect(gateway.spec.gatewayClassName).toBe('envoy');
    expect(gateway.spec.listeners.map((l: any) => [l.name, l.port, l.allowedRoutes.namespaces.from])).toEqual([['https', 8443, 'All']]);
    expect(route.metadata.name).toBe('edge-web01');
    expect(route.spec.rules[0].matches).toEqual([{ path: { type: 'Exact', value: '/app' } }]);
    expect(wildcard.urls).toEqual(['https://web01.cluster.example.com/app']);
    const other = setup();
    new WildcardGateway(other.chart, 'apps', { domain: 'cluster.example.com', certificate: other.certificate, httpPort: 8080 });
    expect(Testing.synth(other.chart).find((o) => o.kind === 'Gateway').spec.listeners[0].port).toBe(8080);
  });

  test('a Service in another namespace is routed with a ReferenceGrant in that namespace', () => {
    const { app, chart: apps, service } = setup('apps');
    const edge = new NetkitChart(app, 'edge', { namespace: 'edge' });
    const certificate = new ExistingTlsSecret(edge, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'] });
    new WildcardGateway(edge, 'apps', { domain: 'cluster.example.com', certificate, routes: [{ host: 'web01', service, port: 80 }] });
    const route = Testing.synth(edge).find((o) => o.metadata.name === 'apps-web01');
    expect(route.spec.rules[0].backendRefs).toEqual([{ name: 'web01', namespace: 'apps', port: 80 }]);
    const grant = Testing.synth(apps).find((o) => o.kind === 'ReferenceGrant');
    expect(grant.metadata).toEqual({ name: 'allow-httproutes-from-edge', namespace: 'apps' });
  });

  test.each<[string, string, RegExp]>([
    ['a host two labels down', 'a.web01', /route\.host: is outside \*\.cluster\.example\.com: .*more than one label down.*Got: "a\.web01"/],
    ['a host of another domain', 'web01.other.com', /route\.host: is outside \*\.cluster\.example\.com.*Got: "web01\.other\.com".*Fix: use a single label such as "web01" \(published as web01\.cluster\.example\.com\)/],
    ['the apex', 'cluster.example.com', /route\.host: cluster\.example\.com is not matched by the listener \*\.cluster\.example\.com/],
    ['a wildcard', '*', /route\.host: is not a valid Gateway API hostname/],
    ['an IP', '10.0.0.1', /route\.host: is not covered|route\.host: is an IP address/],
    ['a host with "_"', 'web_01', /route\.host: is not a valid Gateway API hostname\. Got: "web_01"/],
  ])('refuses %s', (_, host, message) => {
    const { chart, service, certificate } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', { domain: 'cluster.example.com', certificate });
    expect(() => wildcard.addRoute({ host, service, port: 80 })).toThrow(NetkitError);
    expect(() => wildcard.addRoute({ host, service, port: 80 })).toThrow(message);
    expect(wildcard.hosts).toEqual([]);
  });

  test('refuses a host twice, a bad domain, and a port the Service lacks', () => {
    const { chart, service, certificate } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', { domain: 'cluster.example.com', certificate, routes: [{ host: 'web01', service, port: 80 }] });
    expect(() => wildcard.addRoute({ host: 'WEB01', service, port: 80 })).toThrow(/route\.host: is already published as web01\.cluster\.example\.com/);
    expect(() => wildcard.addRoute({ host: 'web02', service, port: 81 })).toThrow(/^\[default\/apps\] route\.port: Service "web01" \(default\/web01\/web01\) has no such port\. Got: 81\./);
    expect(() => new WildcardGateway(chart, 'bad', { domain: '*.example.com', certificate })).toThrow(/\[default\/bad\] domain: is not a DNS domain/);
  });

  test('a certificate whose names are unknown lets deeper hosts through', () => {
    const { chart, service } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', { domain: 'cluster.example.com', certificate: { secretName: 'wild' } });
    expect(wildcard.addRoute({ host: 'a.web01', service, port: 80 }).host).toBe('a.web01.cluster.example.com');
  });

  // Each route is checked once, as it is made; its synth does not check the same manifest again, which holds only while nothing changes it unseen.
  test('the rule of a route cannot be changed behind its back, and a rule added later is checked again at synth', () => {
    const { chart, service } = setup();
    const wildcard = new WildcardGateway(chart, 'apps', { domain: 'cluster.example.com', certificate: { secretName: 'wild' } });
    const { route, backend } = wildcard.addRoute({ host: 'web01', service, port: 80 });
    const [rule] = route.rules;
    expect(() => (rule.backends as HttpRouteBackend[]).push(backend)).toThrow(TypeError);
    expect(() => { (rule as { path?: string }).path = '/x'; }).toThrow(TypeError);
    expect(() => Testing.synth(chart)).not.toThrow();
    const later = { path: '/api', backends: [backend] };
    route.addRule(later);
    for (let i = 0; i < 16; i++) later.backends.push(backend.withWeight(i));
    expect(() => Testing.synth(chart)).toThrow("[default/apps/Route-web01.cluster.example.com] spec.rules[1].backendRefs: has 17 items");
  });
});
