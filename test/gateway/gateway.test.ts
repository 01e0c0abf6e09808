import { App, Testing } from 'cdk8s';
import { EXTERNAL_SECRETS_ANNOTATION, ExistingTlsSecret, Gateway, NetkitChart, NetkitError } from '../../lib';
import { crdSchemaErrors, GATEWAY_API_VERSIONS, gatewayApiObjects } from './crd-schema';

function chart(namespace = 'gateway'): NetkitChart {
  return new NetkitChart(new App(), namespace, { namespace, createNamespace: false });
}
const certificate = { secretName: 'shop-tls', dnsNames: ['shop.example.com'] };

describe('Gateway', () => {
  test('writes the class, both listeners with ports, hostname, certificate and allowedRoutes', () => {
    const c = chart();
    const gateway = new Gateway(c, 'public', {
      gatewayClassName: 'envoy',
      labels: { team: 'platform' },
      annotations: { 'example.com/owner': 'platform' },
      listeners: [
        { protocol: 'HTTP', allowedNamespaces: 'All' },
        { protocol: 'HTTPS', hostname: 'shop.example.com', certificate, allowedNamespaces: { selector: { matchLabels: { gateway: 'public' } } } },
        { protocol: 'HTTPS', name: 'alt', port: 8443, hostname: 'shop.example.com', certificate },
      ],
    });
    const [manifest] = Testing.synth(c);
    expect(manifest).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
      metadata: { name: 'public', namespace: 'gateway', labels: { team: 'platform' }, annotations: { 'example.com/owner': 'platform' } },
      spec: {
        gatewayClassName: 'envoy',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
          {
            name: 'https-shop-example-com', hostname: 'shop.example.com', port: 443, protocol: 'HTTPS',
            tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'shop-tls' }] },
            allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { gateway: 'public' } } } },
          },
          {
            name: 'alt', hostname: 'shop.example.com', port: 8443, protocol: 'HTTPS',
            tls: { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'shop-tls' }] },
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
        ],
      },
    });
    expect(gateway.listener('alt').port).toBe(8443);
    for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(manifest, version)).toEqual([]);
  });

  test('defaults: the class nginx, the chart namespace, names http/https and a wildcard listener named after its domain', () => {
    const c = chart();
    const gateway = new Gateway(c, 'g', { listeners: [{ protocol: 'HTTPS', hostname: '*.example.com', certificate: { secretName: 'w', dnsNames: ['*.example.com'] } }] });
    expect(gateway.gatewayClassName).toBe('nginx');
    expect(gateway.namespace).toBe('gateway');
    expect(gateway.listeners.map((l) => l.name)).toEqual(['https-wildcard-example-com']);
  });

  test('a certificate in another namespace is referenced with its namespace and granted there, once', () => {
    const app = new App();
    const certs = new NetkitChart(app, 'certs', { namespace: 'certs', createNamespace: false });
    const gw = new NetkitChart(app, 'gw', { namespace: 'gateway', createNamespace: false });
    const secret = new ExistingTlsSecret(certs, 'wildcard', { dnsNames: ['*.example.com'] });
    const gateway = new Gateway(gw, 'public', {
      listeners: [
        { protocol: 'HTTPS', hostname: '*.example.com', certificate: secret },
        { protocol: 'HTTPS', name: 'alt', port: 8443, hostname: '*.example.com', certificate: secret },
      ],
    });
    const [manifest] = Testing.synth(gw);
    expect(manifest.spec.listeners[0].tls.certificateRefs).toEqual([{ group: '', kind: 'Secret', name: 'wildcard', namespace: 'certs' }]);
    expect(manifest.metadata.annotations[EXTERNAL_SECRETS_ANNOTATION]).toBe('certs/wildcard');
    const grants = Testing.synth(certs);
    expect(grants).toEqual([{
      apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant',
      metadata: { name: 'allow-gateways-from-gateway', namespace: 'certs' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'gateway' }], to: [{ group: '', kind: 'Secret', name: 'wildcard' }] },
    }]);
    expect(gateway.referenceGrants).toHaveLength(1);
    for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(grants[0], version)).toEqual([]);
  });

  test('a certificate in the same namespace gets no ReferenceGrant; a Secret managed outside is declared in the annotation', () => {
    const c = chart();
    const gateway = new Gateway(c, 'public', { listeners: [{ protocol: 'HTTPS', certificate: new ExistingTlsSecret(c, 'tls') }] });
    const objects = Testing.synth(c);
    expect(objects.map((o) => o.kind)).toEqual(['Gateway']);
    expect(objects[0].metadata.annotations).toEqual({ [EXTERNAL_SECRETS_ANNOTATION]: 'tls' });
    expect(gateway.referenceGrants).toEqual([]);
  });

  test.each<[string, any, RegExp]>([
    ['HTTPS without a certificate', { protocol: 'HTTPS' }, /listener\(https\)\.certificate: is required for an HTTPS listener/],
    ['HTTP with a certificate', { protocol: 'HTTP', certificate }, /listener\(http\)\.certificate: is set on an HTTP listener/],
    ['a hostname the certificate does not cover', { protocol: 'HTTPS', hostname: 'blog.example.com', certificate }, /listener\(https-blog-example-com\)\.hostname: is not covered by the certificate in Secret "shop-tls".*Got: "blog\.example\.com"/],
    ['an upper-case hostname', { protocol: 'HTTP', name: 'h', hostname: 'Shop.example.com' }, /\[gateway\/g\] listener\(h\)\.hostname: is not a valid Gateway API hostname\. Got: "Shop\.example\.com"\. Allowed: .* Fix: write it in lowercase: "shop\.example\.com"\./],
    ['port 0', { protocol: 'HTTP', port: 0 }, /listener\(http\)\.port: is not a port number\./],
    ['a listener name with "_"', { protocol: 'HTTP', name: 'web_http' }, /listener\(web_http\)\.name: is not a valid section name\./],
  ])('refuses %s, naming construct, field, value and fix', (_, listener, message) => {
    const gateway = new Gateway(chart(), 'g');
    expect(() => gateway.addListener(listener)).toThrow(NetkitError);
    expect(() => gateway.addListener(listener)).toThrow(message);
    expect(gateway.listeners).toEqual([]);
  });

  test('refuses a second listener with the same name, or port, protocol and hostname, and keeps the first', () => {
    const gateway = new Gateway(chart(), 'g', { listeners: [{ protocol: 'HTTP' }] });
    expect(() => gateway.addListener({ protocol: 'HTTP', port: 8080 })).toThrow(/Listener name must be unique within the Gateway/);
    expect(() => gateway.addListener({ protocol: 'HTTP', name: 'other' })).toThrow(/Combination of port, protocol and hostname must be unique/);
    expect(gateway.listeners).toHaveLength(1);
  });

  test('refuses a bad name or class at once, and a Gateway left without listeners at synth', () => {
    expect(() => new Gateway(chart(), 'g', { name: 'Public' })).toThrow(/metadata\.name: is not a valid Gateway name/);
    expect(() => new Gateway(chart(), 'g', { gatewayClassName: '' })).toThrow(/spec\.gatewayClassName: is required/);
    const c = chart();
    new Gateway(c, 'g');
    expect(() => Testing.synth(c)).toThrow(/spec\.listeners: has 0 items; at least 1 is required/);
  });

  test('listener() names the listeners there are when asked for another', () => {
    const gateway = new Gateway(chart(), 'g', { listeners: [{ protocol: 'HTTP' }] });
    expect(() => gateway.listener('https')).toThrow(/listener: Gateway "g" has no such listener\. Got: "https"\. Allowed: http\./);
  });

  test('Gateway.fromName refers to a Gateway made elsewhere', () => {
    expect(Gateway.fromName('shared', 'infra')).toEqual({ name: 'shared', namespace: 'infra' });
    expect(gatewayApiObjects([{ apiVersion: 'v1', kind: 'Service' }])).toEqual([]);
  });
});
