import { Testing } from 'cdk8s';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ExposedService } from '../../lib/service/exposed-service';
import { EXTERNAL_SECRETS_ANNOTATION } from '../../lib/core/annotations';
import { HttpIngress, IngressBackend } from '../../lib/ingress';
import { NetkitChart } from '../../lib/core/chart';
import { collectWarnings } from '../../lib/core/warnings';
import { fakeCertificate, fixture } from './fakes';

const ingresses = (chart: any) => Testing.synth(chart).filter((o: any) => o.kind === 'Ingress');

describe('HttpIngress output', () => {
  test('host and path rules, grouped by host, with defaults Prefix, "/" and class nginx', () => {
    const { chart, web, api } = fixture();
    const ing = new HttpIngress(chart, 'site', {
      rules: [
        { host: 'a.example.com', backend: IngressBackend.fromService(web, 80) },
        { host: 'b.example.com', path: '/b', pathType: 'Exact', backend: IngressBackend.fromService(api, 8080) },
      ],
    });
    ing.addRule({ host: 'a.example.com', path: '/api', pathType: 'ImplementationSpecific', backend: IngressBackend.fromService(api, 'metrics') });
    ing.addRule({ path: '/any', backend: IngressBackend.fromService(web, 'http') });
    const [manifest] = ingresses(chart);
    expect(manifest.metadata.name).toBe('site');
    expect(manifest.metadata.namespace).toBe('dev');
    expect(manifest.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'site', 'app.kubernetes.io/instance': 'site',
      'app.kubernetes.io/component': 'ingress', 'app.kubernetes.io/managed-by': 'cdk8s-netkit',
    });
    expect(manifest.spec.ingressClassName).toBe('nginx');
    expect(manifest.spec.rules).toEqual([
      { host: 'a.example.com', http: { paths: [
        { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
        { path: '/api', pathType: 'ImplementationSpecific', backend: { service: { name: 'api', port: { name: 'metrics' } } } },
      ] } },
      { host: 'b.example.com', http: { paths: [{ path: '/b', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 8080 } } } }] } },
      { http: { paths: [{ path: '/any', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } },
    ]);
    expect(ing.hosts).toEqual(['a.example.com', 'b.example.com']);
    expect(ing.rules).toHaveLength(4);
    expect(manifest.spec.tls).toBeUndefined();
    expect(manifest.metadata.annotations).toBeUndefined();
  });

  test('name, namespace, class, annotations, labels and default backend', () => {
    const app = Testing.app();
    const chart = new NetkitChart(app, 'shop', { namespace: 'shop', createNamespace: false });
    const svc = ExposedService.clusterIp(chart, 'front', { selector: { app: 'front' }, port: 80 });
    const ing = new HttpIngress(chart, 'id', {
      name: 'front-ingress', ingressClassName: 'internal',
      annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
      labels: { team: 'shop' },
      defaultBackend: IngressBackend.fromService(svc, 80),
    });
    const [manifest] = ingresses(chart);
    expect(manifest.metadata.name).toBe('front-ingress');
    expect(manifest.metadata.namespace).toBe('shop');
    expect(manifest.metadata.labels.team).toBe('shop');
    expect(manifest.metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/rewrite-target': '/' });
    expect(manifest.spec).toEqual({ ingressClassName: 'internal', defaultBackend: { service: { name: 'front', port: { number: 80 } } } });
    expect(ing.defaultBackend?.serviceName).toBe('front');
    // toManifest() is what the checks see: the same object as the synthesized one.
    expect(ing.toManifest()).toEqual(manifest);
  });

  test('a Service defined elsewhere, by name and port', () => {
    const { chart } = fixture();
    new HttpIngress(chart, 'ext', { rules: [{ host: 'x.example.com', backend: IngressBackend.fromServiceName('legacy', 'web') }] });
    expect(ingresses(chart)[0].spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'legacy', port: { name: 'web' } } });
  });

  test('TLS from a certificate and from a bare Secret name; same Secret merged; external Secrets annotated', () => {
    const { chart, web } = fixture();
    const cert = fakeCertificate('wild-tls', ['*.example.com']);
    const ing = new HttpIngress(chart, 'tls', {
      rules: [{ host: 'a.example.com', backend: IngressBackend.fromService(web, 80) }],
      tls: [{ hosts: ['a.example.com'], certificate: cert }],
    });
    ing.addTls({ hosts: ['b.example.com'], certificate: cert });
    ing.addTls({ hosts: ['legacy.example.org'], secretName: 'legacy-tls' });
    ing.addTls({ hosts: ['sealed.example.com'], certificate: fakeCertificate('sealed-tls', undefined, { managedOutside: true }) });
    const [manifest] = ingresses(chart);
    expect(manifest.spec.tls).toEqual([
      { hosts: ['a.example.com', 'b.example.com'], secretName: 'wild-tls' },
      { hosts: ['legacy.example.org'], secretName: 'legacy-tls' },
      { hosts: ['sealed.example.com'], secretName: 'sealed-tls' },
    ]);
    expect(manifest.metadata.annotations[EXTERNAL_SECRETS_ANNOTATION]).toBe('legacy-tls,sealed-tls');
    expect(ing.tls.map((t) => t.external)).toEqual([false, false, true, true]);
  });

  test('a certificate made in the manifests leaves no external-secrets annotation', () => {
    const { chart, web } = fixture();
    new HttpIngress(chart, 'tls', {
      rules: [{ host: 'a.example.com', backend: IngressBackend.fromService(web, 80) }],
      tls: [{ hosts: ['a.example.com'], certificate: fakeCertificate('a-tls') }],
    });
    expect(ingresses(chart)[0].metadata.annotations).toBeUndefined();
  });

  test('snapshot', () => {
    const { chart, web, api } = fixture();
    new HttpIngress(chart, 'snap', {
      rules: [
        { host: 'a.example.com', backend: IngressBackend.fromService(web, 80) },
        { host: 'a.example.com', path: '/api', backend: IngressBackend.fromService(api, 'http') },
      ],
      tls: [{ hosts: ['a.example.com'], certificate: fakeCertificate('a-tls', ['a.example.com']) }],
    });
    expect(ingresses(chart)).toMatchSnapshot();
  });

  test('the output passes the Kubernetes JSON schema (kubernetes-models), and a misplaced field would not', () => {
    const { chart, web } = fixture();
    new HttpIngress(chart, 'schema', {
      rules: [{ host: 'a.example.com', backend: IngressBackend.fromService(web, 'http') }],
      defaultBackend: IngressBackend.fromService(web, 80),
      tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }],
    });
    const [manifest] = ingresses(chart);
    expect(() => new Ingress(manifest).validate()).not.toThrow();
    expect(() => new Ingress({ ...manifest, spec: { ...manifest.spec, tls: 'a-tls' } }).validate()).toThrow();
  });
});

describe('HttpIngress errors', () => {
  const rule = (web: ExposedService, extra: object) => ({ backend: IngressBackend.fromService(web, 80), ...extra });

  test.each([
    [{ path: 'api' }, /\[dev\/bad\] spec\.rules\[0\]\.http\.paths\[0\]\.path: must be an absolute path for pathType Prefix\. Got: "api"\./],
    [{ path: '/a//b' }, /must not contain "\/\/"/],
    [{ path: '/a/./b' }, /must not contain "\/\.\/"/],
    [{ path: '/a/../b' }, /must not contain "\/\.\.\/"/],
    [{ path: '/a/..' }, /must not end with "\/\.\."/],
    [{ host: '10.1.2.3' }, /spec\.rules\[0\]\.host: is an IP address; Ingress hosts must be DNS names\. Got: "10\.1\.2\.3"/],
    [{ host: 'Web.Example.com' }, /spec\.rules\[0\]\.host: is not a valid host name\./],
    [{ host: 'a.*.example.com' }, /has a wildcard that is not the whole first label/],
  ])('rule %j is rejected eagerly with the construct path', (extra, message) => {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'bad');
    expect(() => ing.addRule(rule(web, extra))).toThrow(message);
    expect(ing.rules).toHaveLength(0);
  });

  test('an annotation added through the escape hatch is checked with the next rule', () => {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'bad', { rules: [rule(web, { path: '/a' })] });
    ing.ingress.metadata.addAnnotation('kubernetes.io/ingress.class', 'traefik');
    expect(() => ing.addRule(rule(web, { path: '/b' }))).toThrow(/\[dev\/bad\] metadata\.annotations\.kubernetes\.io\/ingress\.class: disagrees with spec\.ingressClassName\. Got: "traefik"/);
    expect(ing.toManifest().metadata?.annotations).toEqual({ 'kubernetes.io/ingress.class': 'traefik' });
  });

  test('the same error from props', () => {
    const { chart, web } = fixture();
    expect(() => new HttpIngress(chart, 'bad', { rules: [rule(web, { path: 'x' })] })).toThrow(/\[dev\/bad\].*must be an absolute path/);
  });

  test('a duplicate host and path', () => {
    const { chart, web, api } = fixture();
    const ing = new HttpIngress(chart, 'dup', { rules: [rule(web, { host: 'a.example.com', path: '/x' })] });
    expect(() => ing.addRule({ host: 'a.example.com', path: '/x', pathType: 'Exact', backend: IngressBackend.fromService(api, 8080) }))
      .toThrow('[dev/dup] rule: routes host "a.example.com" and path "/x" a second time.');
  });

  test('a backend port the Service does not expose is refused at the Ingress, naming the rule, the Service and its ports', () => {
    const { chart, api } = fixture();
    const shop = new HttpIngress(chart, 'shop', { rules: [{ host: 'shop.example.com', path: '/', backend: IngressBackend.fromService(api, 8080) }] });
    expect(() => shop.addRule({ host: 'shop.example.com', path: '/api', backend: IngressBackend.fromService(api, 8081) })).toThrow(
      '[dev/shop] rule(shop.example.com/api).backend.port: Service "api" (dev/api) has no such port. Got: 8081. Allowed: http (8080), metrics (9090). Fix: use one of the Service\'s ports, or add port 8081 to the Service.',
    );
    expect(shop.rules).toHaveLength(1);
    expect(() => new HttpIngress(chart, 'any-host', { rules: [{ backend: IngressBackend.fromService(api, 'grpc') }] })).toThrow(
      '[dev/any-host] rule(*/).backend.port: Service "api" (dev/api) has no such port. Got: "grpc". Allowed: http (8080), metrics (9090). Fix: use one of the Service\'s ports, or add port "grpc" to the Service.',
    );
    expect(() => new HttpIngress(chart, 'fallback', { defaultBackend: IngressBackend.fromService(api, 81) })).toThrow(
      /^\[dev\/fallback\] defaultBackend\.port: Service "api" \(dev\/api\) has no such port\. Got: 81\. Allowed: http \(8080\), metrics \(9090\)\./,
    );
    // Made alone, the backend is not refused: the Ingress that uses it is where the mistake is.
    expect(IngressBackend.fromService(api, 8081).toString()).toBe('api:8081');
    new HttpIngress(chart, 'ok', { rules: [{ backend: IngressBackend.fromService(api, 'metrics') }], defaultBackend: IngressBackend.fromService(api, 8080) });
  });

  test('a Service port name longer than 15 characters cannot be used by name', () => {
    const { chart } = fixture();
    const svc = ExposedService.clusterIp(chart, 'long', { selector: { app: 'x' }, ports: [{ port: 80, name: 'very-long-port-name' }] });
    const ing = new HttpIngress(chart, 'long-ing');
    expect(() => ing.addRule({ backend: IngressBackend.fromService(svc, 'very-long-port-name') })).toThrow(/backend\.service\.port\.name: is not a valid port name for an Ingress backend/);
  });

  test('a backend in another namespace', () => {
    const { app, web } = fixture();
    const other = new NetkitChart(app, 'prod', { namespace: 'prod', createNamespace: false });
    const ing = new HttpIngress(other, 'cross');
    expect(() => ing.addRule({ backend: IngressBackend.fromService(web, 80) }))
      .toThrow('[prod/cross] rule.backend: Service "web" is in namespace "dev"; an Ingress can only route to Services in its own namespace ("prod").');
    expect(() => ing.setDefaultBackend(IngressBackend.fromServiceName('x', 80, { namespace: 'dev' }))).toThrow(/defaultBackend: Service "x" is in namespace "dev"/);
  });

  test('a default backend set twice', () => {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'twice', { defaultBackend: IngressBackend.fromService(web, 80) });
    expect(() => ing.setDefaultBackend(IngressBackend.fromService(web, 'http'))).toThrow('[dev/twice] defaultBackend: is already set.');
  });

  test('invalid labels, annotation keys and namespace', () => {
    const { chart } = fixture();
    expect(() => new HttpIngress(chart, 'a', { labels: { tier: 'front end' } })).toThrow(/\[dev\/a\] labels\["tier"\]: is not a valid label value/);
    expect(() => new HttpIngress(chart, 'b', { annotations: { 'bad key': 'x' } })).toThrow(/\[dev\/b\] annotations: has a key that is not a valid annotation key\. Got: "bad key"/);
    expect(() => new HttpIngress(chart, 'c', { namespace: 'Bad_NS' })).toThrow(/\[dev\/c\] namespace: is not a valid Namespace name/);
  });

  test('invalid name and class name', () => {
    const { chart } = fixture();
    expect(() => new HttpIngress(chart, 'Bad_Name')).toThrow(/\[dev\/Bad_Name\] metadata\.name: is not a valid Ingress name/);
    expect(() => new HttpIngress(chart, 'ok', { ingressClassName: 'NGINX' })).toThrow(/spec\.ingressClassName: is not a valid IngressClass name/);
  });

  test('neither rules nor default backend fails at synth', () => {
    const { app, chart } = fixture();
    new HttpIngress(chart, 'empty');
    expect(() => app.synth()).toThrow(/\[dev\/empty\] spec: has neither rules nor a default backend\./);
  });

  test('TLS: a certificate that does not cover a host', () => {
    const { chart } = fixture();
    const ing = new HttpIngress(chart, 'cov');
    expect(() => ing.addTls({ hosts: ['a.b.example.com'], certificate: fakeCertificate('wild', ['*.example.com']) }))
      .toThrow('[dev/cov] tls(wild).hosts[0]: is not covered by the certificate in Secret "wild"; clients would reject the connection. Got: "a.b.example.com". Allowed: *.example.com.');
    expect(() => ing.addTls({ hosts: ['example.com'], certificate: fakeCertificate('wild', ['*.example.com']) })).toThrow(/is not covered/);
    expect(ing.tls).toHaveLength(0);
  });

  test('TLS: exactly one of certificate and secretName, hosts non-empty and valid, same namespace', () => {
    const { chart } = fixture();
    const ing = new HttpIngress(chart, 't');
    expect(() => ing.addTls({ hosts: ['a.example.com'] })).toThrow(/tls: needs exactly one of certificate and secretName/);
    expect(() => ing.addTls({ hosts: ['a.example.com'], secretName: 'x', certificate: fakeCertificate('y') })).toThrow(/needs exactly one/);
    expect(() => ing.addTls({ hosts: [], secretName: 'x' })).toThrow(/tls\(x\)\.hosts: is empty/);
    expect(() => ing.addTls({ hosts: ['a_b.com'], secretName: 'x' })).toThrow(/tls\(x\)\.hosts\[0\]: is not a valid host name/);
    expect(() => ing.addTls({ hosts: ['a.example.com'], secretName: 'Bad_Secret' })).toThrow(/spec\.tls\[0\]\.secretName: is not a valid Secret name/);
    expect(() => ing.addTls({ hosts: ['a.example.com'], certificate: fakeCertificate('c', undefined, { namespace: 'prod' }) }))
      .toThrow(/tls\.certificate: is in namespace "prod"; an Ingress can only use Secrets in its own namespace \("dev"\)/);
  });

  test('two Ingresses of one class routing the same host and path fail at synth (ingress-nginx webhook)', () => {
    const { app, chart, web } = fixture();
    new HttpIngress(chart, 'first', { rules: [rule(web, { host: 'a.example.com' })] });
    new HttpIngress(chart, 'second', { rules: [rule(web, { host: 'a.example.com' })] });
    expect(() => app.synth()).toThrow(/\[dev\/second\] spec\.rules\[0\]\.http\.paths\[0\]\.path: routes host "a\.example\.com" and path "\/", which Ingress dev\/first already routes in class "nginx"; ingress-nginx's admission webhook rejects the second one\./);
  });

  test('a conflict added after an earlier synth is still found (the app-wide check is recomputed on change)', () => {
    const { app, chart, web } = fixture();
    new HttpIngress(chart, 'first', { rules: [rule(web, { host: 'a.example.com' })] });
    const second = new HttpIngress(chart, 'second', { rules: [rule(web, { host: 'b.example.com' })] });
    expect(() => app.synthYaml()).not.toThrow();
    second.addRule(rule(web, { host: 'a.example.com' }));
    expect(() => app.synthYaml()).toThrow(/\[dev\/second\] spec\.rules\[1\]\.http\.paths\[0\]\.path: routes host "a\.example\.com"/);
  });

  test('the written spec and the app-wide route check render each Ingress\'s routes once per change, not once per pair', () => {
    const { app, chart, web } = fixture();
    const count = 200;
    const all = Array.from({ length: count }, (_, i) => new HttpIngress(chart, `ing-${i}`, { rules: [rule(web, { host: `h${i}.example.com` })] }));
    const render = jest.spyOn(HttpIngress.prototype as any, 'renderRoutes');
    try {
      app.synthYaml();
      // Comparing every pair would take count * count / 2 renders.
      expect(render).toHaveBeenCalledTimes(count);
      app.synthYaml();
      expect(render).toHaveBeenCalledTimes(count);
      all[7].addRule(rule(web, { host: 'h7.example.com', path: '/new' }));
      const yaml = app.synthYaml();
      expect(render).toHaveBeenCalledTimes(count + 1);
      expect(yaml).toContain('path: /new');
    } finally {
      render.mockRestore();
    }
  });

  test('an annotation added through the escape hatch after the last rule is checked at synth', () => {
    const { app, chart, web } = fixture();
    const ing = new HttpIngress(chart, 'late', { rules: [rule(web, { path: '/a' })] });
    expect(() => app.synthYaml()).not.toThrow();
    ing.ingress.metadata.addAnnotation('kubernetes.io/ingress.class', 'traefik');
    expect(() => app.synthYaml()).toThrow(/\[dev\/late\] metadata\.annotations\.kubernetes\.io\/ingress\.class: disagrees with spec\.ingressClassName\. Got: "traefik"/);
  });

  test('toManifest gives a new object each time: changing it changes nothing written', () => {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'own', { rules: [rule(web, { host: 'a.example.com' })], tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }] });
    const before = ingresses(chart)[0];
    const manifest = ing.toManifest();
    manifest.spec!.rules![0].http!.paths.push({ path: '/x', pathType: 'Prefix', backend: { service: { name: 'x', port: { number: 1 } } } });
    manifest.spec!.tls![0].hosts!.push('b.example.com');
    expect(ing.toManifest()).not.toEqual(manifest);
    expect(ingresses(chart)[0]).toEqual(before);
  });

  test('the same host and path in different classes, or different paths, are fine', () => {
    const { chart, web } = fixture();
    new HttpIngress(chart, 'first', { rules: [rule(web, { host: 'a.example.com' })] });
    new HttpIngress(chart, 'other-class', { ingressClassName: 'internal', rules: [rule(web, { host: 'a.example.com' })] });
    new HttpIngress(chart, 'other-path', { rules: [rule(web, { host: 'a.example.com', path: '/b' })] });
    expect(ingresses(chart)).toHaveLength(3);
  });
});

describe('HttpIngress warnings', () => {
  test('a Prefix or Exact path ingress-nginx\'s strict path validation rejects', () => {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'warn');
    ing.addRule({ path: '/v1.0', backend: IngressBackend.fromService(web, 80) });
    ing.addRule({ path: '/api_v2/x-y', pathType: 'Exact', backend: IngressBackend.fromService(web, 80) });
    ing.addRule({ path: '/(.*)', pathType: 'ImplementationSpecific', backend: IngressBackend.fromService(web, 80) });
    expect(collectWarnings(chart)).toEqual([{
      path: 'dev/warn',
      message: 'path "/v1.0" (pathType Prefix) has characters other than letters, digits, "/", "_" and "-": ingress-nginx rejects it with its default strict-validate-path-type: true. Use pathType ImplementationSpecific for regex or dotted paths.',
    }]);
  });
});

