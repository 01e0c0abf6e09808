import { Testing } from 'cdk8s';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { EXTERNAL_SECRETS_ANNOTATION } from '../../lib/core/annotations';
import { NGINX_SSL_REDIRECT_ANNOTATION, WildcardIngress } from '../../lib/ingress';
import { fakeCertificate, fixture } from './fakes';

const wildcard = fakeCertificate('wildcard-tls', ['*.cluster.example.com']);
const ingresses = (chart: any) => Testing.synth(chart).filter((o: any) => o.kind === 'Ingress');

describe('WildcardIngress', () => {
  test('qualifies short hosts, lists every host in one TLS block, redirects to HTTPS', () => {
    const { chart, web, api } = fixture();
    const apps = new WildcardIngress(chart, 'apps', {
      domain: 'cluster.example.com', certificate: wildcard,
      routes: [{ host: 'web01', service: web, port: 80 }],
    });
    apps.addRoute({ host: 'api.cluster.example.com', service: api, port: 'http', path: '/v1', pathType: 'Exact' });
    const [manifest] = ingresses(chart);
    expect(manifest.metadata.name).toBe('apps');
    expect(manifest.metadata.namespace).toBe('dev');
    expect(manifest.metadata.annotations).toEqual({ [NGINX_SSL_REDIRECT_ANNOTATION]: 'true' });
    expect(manifest.spec.ingressClassName).toBe('nginx');
    expect(manifest.spec.tls).toEqual([{ hosts: ['web01.cluster.example.com', 'api.cluster.example.com'], secretName: 'wildcard-tls' }]);
    expect(manifest.spec.rules).toEqual([
      { host: 'web01.cluster.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
      { host: 'api.cluster.example.com', http: { paths: [{ path: '/v1', pathType: 'Exact', backend: { service: { name: 'api', port: { name: 'http' } } } }] } },
    ]);
    expect(apps.hosts).toEqual(['web01.cluster.example.com', 'api.cluster.example.com']);
    expect(apps.urls).toEqual(['https://web01.cluster.example.com/', 'https://api.cluster.example.com/v1']);
    expect(apps.certificate).toBe(wildcard);
    expect(apps.ingress).toBe(apps.httpIngress.ingress);
    expect(() => new Ingress(manifest).validate()).not.toThrow();
    expect(manifest).toMatchSnapshot();
  });

  test('name, namespace-free options, class, annotations and redirect off', () => {
    const { chart, web } = fixture();
    new WildcardIngress(chart, 'apps', {
      domain: 'Cluster.Example.com.', certificate: wildcard, name: 'public', ingressClassName: 'public',
      httpsRedirect: false, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
      routes: [{ host: 'web01', service: web, port: 80 }],
    });
    const [manifest] = ingresses(chart);
    expect(manifest.metadata.name).toBe('public');
    expect(manifest.spec.ingressClassName).toBe('public');
    expect(manifest.metadata.annotations).toEqual({ [NGINX_SSL_REDIRECT_ANNOTATION]: 'false', 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' });
    expect(manifest.spec.rules[0].host).toBe('web01.cluster.example.com');
  });

  test('a certificate managed outside the manifests is annotated', () => {
    const { chart, web } = fixture();
    new WildcardIngress(chart, 'apps', {
      domain: 'cluster.example.com', certificate: fakeCertificate('ext-tls', undefined, { managedOutside: true }),
      routes: [{ host: 'web01', service: web, port: 80 }],
    });
    expect(ingresses(chart)[0].metadata.annotations[EXTERNAL_SECRETS_ANNOTATION]).toBe('ext-tls');
  });

  test('nested hosts and the apex are allowed when the certificate lists them', () => {
    const { chart, web, api } = fixture();
    const cert = fakeCertificate('multi', ['*.cluster.example.com', 'cluster.example.com', 'a.b.cluster.example.com']);
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: cert });
    apps.addRoute({ host: 'cluster.example.com', service: web, port: 80 });
    apps.addRoute({ host: 'a.b', service: api, port: 8080 });
    expect(apps.hosts).toEqual(['cluster.example.com', 'a.b.cluster.example.com']);
  });

  test.each([
    ['a.b', /\[dev\/apps\] route\.host: is outside \*\.cluster\.example\.com: it does not end in \.cluster\.example\.com, and read as a name under the domain it is more than one label down, which a \*\.cluster\.example\.com certificate does not cover\. Got: "a\.b"\. Allowed: <name> or <name>\.cluster\.example\.com, or a name the certificate lists \(\*\.cluster\.example\.com\)/],
    // A name of another domain: said to be outside the domain, and the fix invents no name for the certificate.
    ['web01.other.com', /\[dev\/apps\] route\.host: is outside \*\.cluster\.example\.com.*Got: "web01\.other\.com"\..*Fix: use a single label such as "web01" \(published as web01\.cluster\.example\.com\); a host of another domain needs its own HttpIngress or Gateway listener and certificate; a nested name needs a certificate that lists it\.$/],
    ['cluster.example.com', /cluster\.example\.com is not exactly one label under cluster\.example\.com/],
    ['x.y.cluster.example.com', /x\.y\.cluster\.example\.com is not exactly one label/],
    ['web_01', /\[dev\/apps\] route\.host: is not a valid host name\. Got: "web_01"/],
    ['10.0.0.1', /\[dev\/apps\] route\.host: is an IP address; Ingress hosts must be DNS names\. Got: "10\.0\.0\.1"/],
    ['*', /route\.host: has a wildcard that is not the whole first label/],
  ])('host %s is rejected', (host, message) => {
    const { chart, web } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: wildcard });
    expect(() => apps.addRoute({ host, service: web, port: 80 })).toThrow(message);
  });

  test('a nested host is an error when the certificate\'s names are unknown', () => {
    const { chart, web } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: fakeCertificate('unknown') });
    apps.addRoute({ host: 'web01', service: web, port: 80 });
    expect(() => apps.addRoute({ host: 'a.b', service: web, port: 80 })).toThrow(/its names are unknown/);
  });

  test('hosts are unique', () => {
    const { chart, web, api } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: wildcard, routes: [{ host: 'web01', service: web, port: 80 }] });
    expect(() => apps.addRoute({ host: 'web01.cluster.example.com', service: api, port: 8080 }))
      .toThrow('[dev/apps] route.host: is already published as web01.cluster.example.com. Got: "web01.cluster.example.com". Allowed: each host once.');
  });

  test('a certificate for another domain does not cover the hosts', () => {
    const { chart, web } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: fakeCertificate('other', ['*.example.org']) });
    expect(() => apps.addRoute({ host: 'web01', service: web, port: 80 }))
      .toThrow('[dev/apps] route.host: is not covered by the certificate in Secret "other"; clients would reject the connection. Got: "web01". Allowed: *.example.org.');
    expect(apps.routes).toHaveLength(0);
    expect(apps.httpIngress.rules).toHaveLength(0);
  });

  test('a port the Service does not expose', () => {
    const { chart, web } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: wildcard });
    expect(() => apps.addRoute({ host: 'web01', service: web, port: 8080 })).toThrow('[dev/apps] route.port: Service "web" (dev/web) has no such port. Got: 8080. Allowed: http (80). Fix: use one of the Service\'s ports, or add port 8080 to the Service.');
  });

  test('an invalid domain', () => {
    const { chart } = fixture();
    expect(() => new WildcardIngress(chart, 'apps', { domain: '*.cluster.example.com', certificate: wildcard }))
      .toThrow('[dev/apps] domain: is not a DNS domain. Got: "*.cluster.example.com".');
  });

  test('no routes at all fails at synth', () => {
    const { app, chart } = fixture();
    new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: wildcard });
    expect(() => app.synth()).toThrow(/\[dev\/apps\/Ingress\] spec: has neither rules nor a default backend/);
  });

  test('an ssl-redirect annotation that contradicts httpsRedirect is an error, not silently overwritten', () => {
    const { chart } = fixture();
    expect(() => new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: wildcard, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } }))
      .toThrow(/\[dev\/apps\] annotations: set nginx\.ingress\.kubernetes\.io\/ssl-redirect: "false", which contradicts httpsRedirect \(true\)\..*httpsRedirect: false/);
    const agreeing = new WildcardIngress(chart, 'ok', { domain: 'cluster.example.com', certificate: wildcard, httpsRedirect: false, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } });
    expect(agreeing.ingress.toJson().metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']).toBe('false');
  });

  test('a certificate in another namespace is refused at the first route, and leaves no rule behind', () => {
    const { chart, web } = fixture();
    const apps = new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: fakeCertificate('wildcard-tls', ['*.cluster.example.com'], { namespace: 'certs' }) });
    expect(() => apps.addRoute({ host: 'web01', service: web, port: 80 }))
      .toThrow(/\[dev\/apps\/Ingress\] tls\.certificate: is in namespace "certs"; an Ingress can only use Secrets in its own namespace \("dev"\)\./);
    expect(apps.httpIngress.rules).toHaveLength(0);
    expect(apps.routes).toHaveLength(0);
  });
});

