import { join } from 'node:path';
import { Construct } from 'constructs';
import * as netkit from '../../lib';
import {
  CertManagerIssuer, CertManagerTlsCertificate, ExistingTlsSecret, ExposedService, HttpIngress, IngressBackend, IngressNginx,
  ClusterAddonChart, KubeProxyConfig, NetkitApp, NetkitChart, NginxGatewayFabric, PemFileTlsCertificate, Probe, SelfSignedTlsCertificate, TlsSecretOutput,
  unknownPropProblems, WebApp, WildcardIngress, Gateway, GatewayApiCrds, GatewayListenerOptions, HttpRoute, HttpRouteBackend, ReferenceGrant, WildcardGateway,
} from '../../lib';
import { errorOf as netkitError } from '../helpers/errors';
import { devChart, makeCertificate, NOW, tempDir, writePemFiles } from '../tls/fixtures';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

const pem = () => writePemFiles(dir, makeCertificate({ dnsNames: ['web.example.com'] }));

/**
 * Per public construct or factory: a valid call with `extra` spread into its
 * props, the path its error names, a misspelt key and the key it should suggest.
 * A construct added to lib/index.ts must get a row (see the last test).
 */
interface Case {
  readonly make: (extra: object) => unknown;
  readonly path: string;
  readonly typo: string;
  readonly suggestion: string;
}

const cases: Record<string, Case> = {
  NetkitApp: { make: (extra) => new NetkitApp({ outdir: join(dir, 'out'), ...extra }), path: 'app', typo: 'outDir', suggestion: 'outdir' },
  NetkitChart: { make: (extra) => new NetkitChart(new NetkitApp(), 'dev', { namespace: 'dev', ...extra }), path: 'dev', typo: 'namespaces', suggestion: 'namespace' },
  WebApp: { make: (extra) => new WebApp(devChart().chart, 'web', { image: 'nginx:1.27', ...extra }), path: 'dev/web', typo: 'replica', suggestion: 'replicas' },
  'WebApp.expose': {
    make: (extra) => new WebApp(devChart().chart, 'web', { image: 'nginx:1.27', port: 80 }).expose('svc', { port: 80, ...extra }),
    path: 'dev/web/svc', typo: 'sessionAffinty', suggestion: 'sessionAffinity',
  },
  ExposedService: { make: (extra) => new ExposedService(devChart().chart, 'svc', { port: 80, ...extra }), path: 'dev/svc', typo: 'clusterIp', suggestion: 'clusterIP' },
  'ExposedService.clusterIp': { make: (extra) => ExposedService.clusterIp(devChart().chart, 'svc', { port: 80, ...extra }), path: 'dev/svc', typo: 'prot', suggestion: 'port' },
  'ExposedService.headless': { make: (extra) => ExposedService.headless(devChart().chart, 'svc', { port: 80, ...extra }), path: 'dev/svc', typo: 'prot', suggestion: 'port' },
  'ExposedService.nodePort': { make: (extra) => ExposedService.nodePort(devChart().chart, 'svc', { port: 80, ...extra }), path: 'dev/svc', typo: 'nodeportRange', suggestion: 'nodePortRange' },
  'ExposedService.loadBalancer': {
    make: (extra) => ExposedService.loadBalancer(devChart().chart, 'svc', { port: 80, ...extra }), path: 'dev/svc', typo: 'loadBalancerClas', suggestion: 'loadBalancerClass',
  },
  'ExposedService.externalName': {
    make: (extra) => ExposedService.externalName(devChart().chart, 'svc', { externalName: 'db.example.com', ...extra }), path: 'dev/svc', typo: 'externalname', suggestion: 'externalName',
  },
  HttpIngress: { make: (extra) => new HttpIngress(devChart().chart, 'ing', { ingressClassName: 'nginx', ...extra }), path: 'dev/ing', typo: 'rule', suggestion: 'rules' },
  'HttpIngress.addRule': {
    make: (extra) => new HttpIngress(devChart().chart, 'ing', {}).addRule({ path: '/', backend: IngressBackend.fromServiceName('web', 80), ...extra }),
    path: 'dev/ing', typo: 'hosts', suggestion: 'host',
  },
  'HttpIngress.addTls': {
    make: (extra) => new HttpIngress(devChart().chart, 'ing', {}).addTls({ hosts: ['web.example.com'], secretName: 'web-tls', ...extra }),
    path: 'dev/ing', typo: 'secretname', suggestion: 'secretName',
  },
  WildcardIngress: {
    make: (extra) => new WildcardIngress(devChart().chart, 'apps', { domain: 'example.com', certificate: new ExistingTlsSecret(devChart().chart, 'tls', { secretName: 'wild' }), ...extra }),
    path: 'dev/apps', typo: 'domian', suggestion: 'domain',
  },
  'WildcardIngress.addRoute': {
    make: (extra) => {
      const { chart } = devChart();
      const svc = new ExposedService(chart, 'web', { port: 80 });
      return new WildcardIngress(chart, 'apps', { domain: 'example.com', certificate: new ExistingTlsSecret(chart, 'tls', {}) }).addRoute({ host: 'web', service: svc, port: 80, ...extra });
    },
    path: 'dev/apps', typo: 'paths', suggestion: 'path',
  },
  ClusterAddonChart: { make: (extra) => new ClusterAddonChart(new NetkitApp(), 'addons', { stage: 'crds', ...extra }), path: 'addons', typo: 'stages', suggestion: 'stage' },
  NginxGatewayFabric: { make: (extra) => new NginxGatewayFabric(devChart().chart, 'ngf', { replicas: 1, ...extra }), path: 'dev/ngf', typo: 'replica', suggestion: 'replicas' },
  NamespaceIsolation: { make: (extra) => new netkit.NamespaceIsolation(devChart().chart, 'isolation', { namespace: 'dev', ...extra }), path: 'dev/isolation', typo: 'egres', suggestion: 'egress' },
  IngressNginx: { make: (extra) => new IngressNginx(devChart().chart, 'ingress-nginx', { acknowledgeRetirement: true, ...extra }), path: 'dev/ingress-nginx', typo: 'replica', suggestion: 'replicas' },
  KubeProxyConfig: {
    make: (extra) => new KubeProxyConfig(devChart().chart, 'kube-proxy', { apiServerEndpoint: 'https://10.0.0.1:6443', ...extra }), path: 'dev/kube-proxy', typo: 'mod', suggestion: 'mode',
  },
  CertManagerIssuer: { make: (extra) => new CertManagerIssuer(devChart().chart, 'issuer', { selfSigned: true, ...extra }), path: 'dev/issuer', typo: 'selfsigned', suggestion: 'selfSigned' },
  CertManagerTlsCertificate: {
    make: (extra) => new CertManagerTlsCertificate(devChart().chart, 'cert', { dnsNames: ['web.example.com'], issuer: CertManagerIssuer.fromName('ca'), ...extra }),
    path: 'dev/cert', typo: 'dnsName', suggestion: 'dnsNames',
  },
  SelfSignedTlsCertificate: {
    make: (extra) => new SelfSignedTlsCertificate(devChart().chart, 'tls', {
      dnsNames: ['web.example.com'], keyAlgorithm: 'ecdsa-p256', now: NOW, keyPairDirectory: join(dir, 'keys'), secretOutput: TlsSecretOutput.none(), ...extra,
    }),
    path: 'dev/tls', typo: 'comonName', suggestion: 'commonName',
  },
  PemFileTlsCertificate: {
    make: (extra) => new PemFileTlsCertificate(devChart().chart, 'tls', { ...pem(), now: NOW, secretOutput: TlsSecretOutput.none(), ...extra }),
    path: 'dev/tls', typo: 'certificatefile', suggestion: 'certificateFile',
  },
  ExistingTlsSecret: { make: (extra) => new ExistingTlsSecret(devChart().chart, 'tls', { secretName: 'tls', ...extra }), path: 'dev/tls', typo: 'secretname', suggestion: 'secretName' },
  'Probe.http': { make: (extra) => Probe.http('/healthz', { port: 80, ...extra }), path: 'Probe.http()', typo: 'schema', suggestion: 'scheme' },
  'Probe.tcp': { make: (extra) => Probe.tcp({ port: 80, ...extra }), path: 'Probe.tcp()', typo: 'perod', suggestion: 'period' },
  'Probe.exec': { make: (extra) => Probe.exec(['true'], { failureThreshold: 3, ...extra }), path: 'Probe.exec()', typo: 'timeOut', suggestion: 'timeout' },
  'IngressBackend.fromServiceName': {
    make: (extra) => IngressBackend.fromServiceName('web', 80, { namespace: 'dev', ...extra }), path: 'IngressBackend.fromServiceName()', typo: 'namespac', suggestion: 'namespace',
  },
  Gateway: { make: (extra) => new Gateway(devChart().chart, 'gw', { listeners: [{ protocol: 'HTTP' }], ...extra }), path: 'dev/gw', typo: 'listener', suggestion: 'listeners' },
  'Gateway.addListener': {
    make: (extra) => new Gateway(devChart().chart, 'gw').addListener({ protocol: 'HTTP', ...extra } as GatewayListenerOptions), path: 'dev/gw', typo: 'hostName', suggestion: 'hostname',
  },
  HttpRoute: {
    make: (extra) => new HttpRoute(devChart().chart, 'route', { hostnames: ['web.example.com'], ...extra }), path: 'dev/route', typo: 'hostname', suggestion: 'hostnames',
  },
  'HttpRoute.httpsRedirect': {
    make: (extra) => HttpRoute.httpsRedirect(devChart().chart, 'redirect', { parent: { gateway: Gateway.fromName('gw', 'infra'), sectionName: 'http' }, ...extra }),
    path: 'dev/redirect', typo: 'statuscode', suggestion: 'statusCode',
  },
  'HttpRoute.addParent': {
    make: (extra) => new HttpRoute(devChart().chart, 'route').addParent({ gateway: Gateway.fromName('gw', 'infra'), ...extra }), path: 'dev/route', typo: 'sectionname', suggestion: 'sectionName',
  },
  'HttpRoute.addRule': {
    make: (extra) => new HttpRoute(devChart().chart, 'route').addRule({ backends: [HttpRouteBackend.fromServiceName('web', 80)], ...extra }), path: 'dev/route', typo: 'backend', suggestion: 'backends',
  },
  'HttpRouteBackend.fromService': {
    make: (extra) => HttpRouteBackend.fromService(new ExposedService(devChart().chart, 'svc', { port: 80 }), 80, { weight: 1, ...extra }),
    path: 'HttpRouteBackend.fromService()', typo: 'weigth', suggestion: 'weight',
  },
  'HttpRouteBackend.fromServiceName': {
    make: (extra) => HttpRouteBackend.fromServiceName('web', 80, { namespace: 'dev', ...extra }), path: 'HttpRouteBackend.fromServiceName()', typo: 'namespce', suggestion: 'namespace',
  },
  ReferenceGrant: { make: (extra) => new ReferenceGrant(devChart().chart, 'grant', { from: [{ kind: 'HTTPRoute', namespace: 'shop' }], ...extra }), path: 'dev/grant', typo: 'form', suggestion: 'from' },
  'ReferenceGrant.addFrom': {
    make: (extra) => new ReferenceGrant(devChart().chart, 'grant').addFrom({ kind: 'HTTPRoute', namespace: 'shop', ...extra }), path: 'dev/grant', typo: 'namespaces', suggestion: 'namespace',
  },
  'ReferenceGrant.addTo': {
    make: (extra) => new ReferenceGrant(devChart().chart, 'grant').addTo({ kind: 'Service', ...extra }), path: 'dev/grant', typo: 'nmae', suggestion: 'name',
  },
  WildcardGateway: {
    make: (extra) => new WildcardGateway(devChart().chart, 'apps', { domain: 'example.com', certificate: { secretName: 'wild', dnsNames: ['*.example.com'] }, ...extra }),
    path: 'dev/apps', typo: 'httpsPorts', suggestion: 'httpsPort',
  },
  'WildcardGateway.addRoute': {
    make: (extra) => {
      const { chart } = devChart();
      const svc = new ExposedService(chart, 'web', { port: 80 });
      return new WildcardGateway(chart, 'apps', { domain: 'example.com', certificate: { secretName: 'wild', dnsNames: ['*.example.com'] } }).addRoute({ host: 'web', service: svc, port: 80, ...extra });
    },
    path: 'dev/apps', typo: 'pathtype', suggestion: 'pathType',
  },
  GatewayApiCrds: { make: (extra) => new GatewayApiCrds(devChart().chart, 'crds', { ...extra }), path: 'dev/crds', typo: 'versions', suggestion: 'version' },
};

describe('unknown props are rejected at run time (apps synthesized without a type check)', () => {
  describe.each(Object.entries(cases))('%s', (_name, c) => {
    test('valid props pass', () => {
      expect(() => c.make({})).not.toThrow();
    });
    test('a misspelt prop fails, naming the construct path, the key and the closest known key', () => {
      const error = netkitError(() => c.make({ [c.typo]: 1 }));
      expect(error.path).toBe(c.path);
      expect(error.message.startsWith(`[${c.path}] ${c.typo}: is not a prop of `)).toBe(true);
      expect(error.problems[0].fix).toBe(`did you mean \`${c.suggestion}\`?`);
    });
  });

  test('web.expose with targetPort beside port (the reported bug) fails and says where targetPort belongs', () => {
    const web = new WebApp(devChart().chart, 'web', { image: 'nginx:1.27', ports: [{ port: 8080, name: 'http' }, { port: 80, name: 'other' }] });
    const error = netkitError(() => web.expose('svc', { port: 80, targetPort: 8080 } as object));
    expect(error.message).toContain('[dev/web/svc] targetPort: is not a prop of ExposeOptions. Got: 8080.');
    expect(error.problems[0].fix).toBe('`targetPort` is a prop of `ports` (ServicePortOptions): move it inside `ports`.');
  });

  test('a key nobody declares gets no suggestion, only the list of known keys', () => {
    const error = netkitError(() => new ExistingTlsSecret(devChart().chart, 'tls', { colour: 'blue' } as object));
    expect(error.problems[0]).toMatchObject({ field: 'colour', value: 'blue', allowed: 'dnsNames, namespace, secretName', fix: 'remove it; it would be ignored.' });
  });

  test('nested props objects and lists of them are checked, with the path to the key', () => {
    const chart = devChart().chart;
    const error = netkitError(() => new WebApp(chart, 'web', {
      image: 'nginx:1.27', ports: [{ port: 80 }, { port: 81, nme: 'x' }], resources: { limits: { cpu: '1', memroy: '1Gi' } },
    } as object as netkit.WebAppProps));
    expect(error.problems.map((p) => [p.field, p.fix])).toEqual([
      ['ports[1].nme', 'did you mean `name`?'],
      ['resources.limits.memroy', 'did you mean `memory`?'],
    ]);
    expect(error.message).toContain('ports[1].nme: is not a prop of ContainerPort; the closest one is `name`.');
  });

  test('nested in a Service, an Ingress, an add-on and a kube-proxy config', () => {
    expect(unknownPropProblems('ExposedServiceProps', { ports: [{ port: 80, targetPot: 8080 }], nodePortRange: { min: 1, maks: 2 } }).map((p) => p.field))
      .toEqual(['ports[0].targetPot', 'nodePortRange.maks']);
    expect(unknownPropProblems('HttpIngressProps', { rules: [{ path: '/' }], tls: [{ host: ['a'] }] }).map((p) => [p.field, p.fix]))
      .toEqual([['tls[0].host', 'did you mean `hosts`?']]);
    expect(unknownPropProblems('IngressNginxProps', { nodePorts: { http: 30080, htps: 30443 }, controllerImage: { tag: 'v1', digst: 'x' } }).map((p) => p.field))
      .toEqual(['nodePorts.htps', 'controllerImage.digst']);
    expect(unknownPropProblems('KubeProxyConfigProps', { ipvs: { scheduler: 'rr', shceduler: 'rr' } }).map((p) => p.field)).toEqual(['ipvs.shceduler']);
    expect(unknownPropProblems('CertManagerIssuerProps', { acme: { email: 'a@b', solvers: [{ dns01: {}, dnsZone: [] }] } }).map((p) => p.field))
      .toEqual(['acme.solvers[0].dnsZone']);
  });

  test('class instances and maps are not looked into: a Probe, a Duration, labels and env are values, not props', () => {
    expect(unknownPropProblems('WebAppProps', {
      image: 'nginx:1.27', readiness: Probe.http('/'), labels: { anything: 'x' }, env: { ANY_NAME: 'x' }, containerSecurityContext: { runAsNonRoot: true },
    })).toEqual([]);
  });

  test('a user\'s NetkitChart subclass may pass its own, wider props to super', () => {
    class ShopChart extends NetkitChart {
      constructor(scope: NetkitApp, id: string, props: { namespace: string; replicas: number }) {
        super(scope, id, props);
      }
    }
    expect(() => new ShopChart(new NetkitApp(), 'shop', { namespace: 'shop', replicas: 3 })).not.toThrow();
  });

  test('every construct class of the public API has a row above', () => {
    const constructClasses = Object.entries(netkit)
      .filter(([, value]) => typeof value === 'function' && (value.prototype instanceof Construct))
      .map(([name]) => name)
      // Abstract: each subclass checks its own props. NginxGatewayFabricCrds takes none.
      .filter((name) => name !== 'TlsCertificate' && name !== 'NginxGatewayFabricCrds');
    expect(constructClasses.filter((name) => !(name in cases))).toEqual([]);
  });
});
