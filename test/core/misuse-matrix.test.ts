/**
 * The misuse matrix: for every prop of every public construct,
 * invalid values that must be refused at construct time with a message naming
 * the construct path, the prop, the value, what is allowed and the fix; and
 * valid edge values that must be accepted. The props come from the generated
 * table (lib/core/prop-shapes.generated.ts): a prop added to a props interface
 * without a row here fails the suite, and so does a public construct's props
 * interface without a row. Rows live in test/core/misuse-matrix/, one module per area.
 */
import { rmSync } from 'node:fs';
import { App, Duration } from 'cdk8s';
import {
  Gateway, HttpIngress, HttpRoute, HttpRouteBackend, IngressBackend, IngressNginx, KubeProxyConfig, NetkitChart, NetkitError, Probe, WebApp, WildcardIngress,
} from '../../lib';
import { showValue } from '../../lib/core/errors';
import { PROP_SHAPES, PropShapeName } from '../../lib/core/prop-shapes.generated';
import { CERT, ConstructRow, field, service } from './misuse-matrix/rows';
import { NETKIT_APP_ROW } from './misuse-matrix/app-rows';
import { CLUSTER_ADDON_CHART_ROW, NAMESPACE_ISOLATION_ROW, NETKIT_CHART_ROW } from './misuse-matrix/chart-rows';
import { GATEWAY_API_CRDS_ROW, NGINX_GATEWAY_FABRIC_ROW } from './misuse-matrix/addon-rows';
import { HTTPS_REDIRECT_ROW, REFERENCE_GRANT_ROW, WILDCARD_GATEWAY_ROW } from './misuse-matrix/gateway-rows';
import {
  CERT_MANAGER_CERTIFICATE_ROW, CERT_MANAGER_ISSUER_ROW, EXISTING_TLS_SECRET_ROW, PEM_FILE_ROW, SELF_SIGNED_ROW, TLS_CERTIFICATE_ROW, TLS_TEMP_DIR,
} from './misuse-matrix/tls-rows';
import { EXPOSE_BUILD, EXPOSE_ROWS, EXPOSED_SERVICE_ROW, SERVICE_FACTORY_ROW } from './misuse-matrix/service-rows';

const MATRIX: Partial<Record<PropShapeName, ConstructRow>> = {
  WebAppProps: {
    path: 'shop/web',
    build: (chart, o) => new WebApp(chart, 'web', { image: 'nginx:1.27.3', ...('ports' in o ? {} : { port: 8080 }), ...o } as any),
    props: {
      annotations: { refused: [{ 'bad key!': 'x' }], accepted: [{ 'example.com/a': '' }], noValueInMessage: 'the key is the value shown' },
      appName: { refused: ['Bad Name!', 'a'.repeat(64)], accepted: ['a'.repeat(63)] },
      args: { notRefusable: 'any list of strings; the image decides what they mean', accepted: [[]] },
      autoscaling: { refused: [field({ maxReplicas: 0 }, 'autoscaling.maxReplicas'), field({ maxReplicas: 4.5 }, 'autoscaling.maxReplicas')], accepted: [{ maxReplicas: 3 }] },
      command: { notRefusable: 'any list of strings; the image decides what they mean', accepted: [['nginx']] },
      component: { refused: ['a'.repeat(64), 'bad value!'], accepted: [''] },
      containerSecurityContext: { notRefusable: 'a kubernetes-models type written as given; pod-fields-valid checks its IDs at synth', accepted: [{ runAsNonRoot: true }] },
      disruptionBudget: { refused: [field({ maxUnavailable: '0%' }, 'disruptionBudget.maxUnavailable')], accepted: [false, { maxUnavailable: 1 }] },
      env: { refused: [{ 'A=B': 'x' }, { '': 'x' }], accepted: [{ LOG_LEVEL: 'debug', _X: '' }] },
      fsGroup: { refused: [-1, 2147483648, 1.5], accepted: [0, 2147483647] },
      gracefulShutdown: { refused: [field({ preStopDelay: Duration.millis(500) }, 'gracefulShutdown.preStopDelay')], accepted: [false] },
      hostname: { refused: ['Bad_Host', 'a'.repeat(64)], accepted: ['a'.repeat(63)] },
      image: { refused: ['Nginx:1.27', '', 'nginx 1.27', 'nginx:.1', 'nginx@sha256:abc', ' nginx'], accepted: ['nginx', 'localhost:5000/a/b:c', `nginx:${'a'.repeat(128)}`] },
      imagePullPolicy: { refused: ['always', 'Sometimes'], accepted: ['Always', 'Never'] },
      kubernetesVersion: { refused: ['latest', '2.0', ''], accepted: ['1.36', 'v1.31.2'] },
      labels: { refused: [{ team: 'bad value!' }, { 'app.kubernetes.io/name': 'x' }], accepted: [{ team: '' }], noValueInMessage: 'a label map: the value shown is the offending key or value' },
      liveness: { refused: [field(Probe.http('/', { failureThreshold: -1 }), 'liveness.failureThreshold'), field(Probe.tcp({ period: Duration.seconds(0) }), 'liveness.period'), field(Probe.tcp({ port: 9999 }), 'liveness.port')], accepted: [false, Probe.tcp({ failureThreshold: 1, period: Duration.seconds(1) })], noValueInMessage: 'a Probe object: the message shows the bad timing' },
      minReady: { refused: [Duration.millis(1500)], accepted: [Duration.seconds(0)], noValueInMessage: 'a Duration: the message shows it in seconds' },
      name: { refused: ['Bad_Name', 'a'.repeat(64)], accepted: ['a'.repeat(63)] },
      namespace: { refused: ['Bad_NS', 'a'.repeat(64)], accepted: ['a'.repeat(63)] },
      partOf: { refused: ['a'.repeat(64)], accepted: ['shop'] },
      podAnnotations: { refused: [{ 'bad key!': 'x' }], accepted: [{}], noValueInMessage: 'the key is the value shown' },
      port: { refused: [0, 65536, 1.5], accepted: [1, 65535] },
      ports: { refused: [field([{ port: 0 }], 'ports[0].port'), field([{ port: 80, name: 'a'.repeat(16) }], 'ports[0].name'), field([{ port: 80, protocol: 'tcp' }], 'ports[0].protocol')], accepted: [[{ port: 80, name: 'a'.repeat(15) }]] },
      readOnlyRootFilesystem: { notRefusable: 'a boolean: the type decides it', accepted: [true, false] },
      readiness: { refused: [field(Probe.tcp({ period: Duration.seconds(0) }), 'readiness.period'), field(Probe.http('/', { timeout: Duration.millis(1500) }), 'readiness.timeout'), field(Probe.exec(['true'], { failureThreshold: 0 }), 'readiness.failureThreshold')], accepted: [false, Probe.exec(['true'])], noValueInMessage: 'a Probe object: the message shows the bad timing' },
      replicas: { refused: [-1, 1.5], accepted: [0, 1] },
      resources: { refused: [field({ limits: { cpu: '-1' } }, 'resources.limits.cpu'), field({ requests: { memory: 'lots' } }, 'resources.requests.memory'), field({ requests: { cpu: '2' }, limits: { cpu: '1' } }, 'resources.requests.cpu')], accepted: [{ limits: { cpu: '50m' } }, { requests: { cpu: '0' } }] },
      rollingUpdate: { refused: [field({ maxSurge: 0, maxUnavailable: 0 }, 'rollingUpdate.maxUnavailable')], accepted: [{ maxSurge: 1, maxUnavailable: 0 }] },
      runAsGroup: { refused: [-1], accepted: [0] },
      runAsUser: { refused: [-1, 2147483648], accepted: [0, 2147483647] },
      securityProfile: { refused: ['privileged'], accepted: ['restricted'] },
      serviceAccountName: { refused: ['Web_SA'], accepted: ['web'] },
      spreadAcrossNodes: { refused: [field({ whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }, 'spreadAcrossNodes')], accepted: [false, true] },
      spreadAcrossZones: { refused: [field({ whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }, 'spreadAcrossZones')], accepted: [false, true] },
      subdomain: { refused: ['Bad_Sub'], accepted: ['web'] },
      version: { refused: ['a'.repeat(64), 'bad version!'], accepted: ['1.27.3'] },
      writablePaths: { refused: [field([''], 'writablePaths[0]')], accepted: [['/tmp', '/var/cache/nginx']] },
    },
  },
  ExposeOptions: { path: 'shop/web/svc', build: EXPOSE_BUILD, props: EXPOSE_ROWS },
  ExposedServiceProps: EXPOSED_SERVICE_ROW,
  ServiceFactoryProps: SERVICE_FACTORY_ROW,
  HttpsRedirectRouteProps: HTTPS_REDIRECT_ROW,
  WildcardGatewayProps: WILDCARD_GATEWAY_ROW,
  ReferenceGrantProps: REFERENCE_GRANT_ROW,
  NginxGatewayFabricProps: NGINX_GATEWAY_FABRIC_ROW,
  GatewayApiCrdsProps: GATEWAY_API_CRDS_ROW,
  TlsCertificateProps: TLS_CERTIFICATE_ROW,
  ExistingTlsSecretProps: EXISTING_TLS_SECRET_ROW,
  CertManagerTlsCertificateProps: CERT_MANAGER_CERTIFICATE_ROW,
  CertManagerIssuerProps: CERT_MANAGER_ISSUER_ROW,
  SelfSignedTlsCertificateProps: SELF_SIGNED_ROW,
  PemFileTlsCertificateProps: PEM_FILE_ROW,
  NetkitAppProps: NETKIT_APP_ROW,
  NetkitChartProps: NETKIT_CHART_ROW,
  ClusterAddonChartProps: CLUSTER_ADDON_CHART_ROW,
  NamespaceIsolationProps: NAMESPACE_ISOLATION_ROW,
  HttpIngressProps: {
    path: 'shop/ing',
    build: (chart, o) => new HttpIngress(chart, 'ing', { rules: [{ host: 'shop.example.com', backend: IngressBackend.fromService(service(chart), 80) }], ...o } as any),
    props: {
      annotations: { refused: [field({ 'bad key!': 'x' }, 'annotations')], accepted: [{}], noValueInMessage: 'the key is the value shown' },
      defaultBackend: { notRefusable: 'an IngressBackend instance, checked when it is made (IngressBackend.fromService)', accepted: [IngressBackend.fromServiceName('web', 80)] },
      ingressClassName: { refused: [field('Bad_Class', 'spec.ingressClassName')], accepted: ['nginx'] },
      labels: { refused: [field({ team: 'bad value!' }, 'labels')], accepted: [{ team: 'a' }], noValueInMessage: 'a label map: the value shown is the offending key or value' },
      name: { refused: [field('Bad_Name', 'metadata.name')], accepted: ['a.b-c'] },
      namespace: { refused: [field('Bad_NS', 'namespace')], accepted: ['shop'] },
      rules: { refused: [field([{ host: 'Bad_Host', backend: IngressBackend.fromServiceName('web', 80) }], 'spec.rules[0].host'), field([{ host: 'a.example.com', path: 'no-slash', backend: IngressBackend.fromServiceName('web', 80) }], 'spec.rules[0].http.paths[0].path'), field([{ host: '10.0.0.1', backend: IngressBackend.fromServiceName('web', 80) }], 'spec.rules[0].host')], accepted: [[{ host: '*.example.com', path: '/', backend: IngressBackend.fromServiceName('web', 80) }]] },
      tls: { refused: [field([{ hosts: ['Bad_Host'], secretName: 'shop-tls' }], 'tls(shop-tls).hosts[0]'), field([{ hosts: ['shop.example.com'], secretName: 'Bad_Secret' }], 'spec.tls[0].secretName')], accepted: [[{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]] },
    },
  },
  GatewayProps: {
    path: 'shop/gw',
    build: (chart, o) => new Gateway(chart, 'gw', { ...o } as any),
    props: {
      annotations: { refused: [field({ 'bad key!': 'x' }, 'metadata.annotations')], accepted: [{}], noValueInMessage: 'the key is the value shown' },
      gatewayClassName: { refused: ['Bad_Class', 'Nginx'], accepted: ['envoy', 'a.b-c'] },
      labels: { refused: [field({ team: 'bad value!' }, 'metadata.labels')], accepted: [{ team: 'a' }], noValueInMessage: 'a label map: the value shown is the offending key or value' },
      listeners: { refused: [field([{ protocol: 'HTTP', port: 0 }], 'listener(http).port'), field([{ protocol: 'http' }], 'listener(http).protocol'), field([{ protocol: 'HTTP', hostname: 'Bad_Host' }], 'listener(http-Bad_Host).hostname'), field([{ protocol: 'HTTP', allowedNamespaces: { selector: { matchLabels: { team: 'a b' } } } }], 'listener(http).allowedNamespaces.selector.matchLabels["team"]')], accepted: [[{ protocol: 'HTTP', port: 65535 }]] },
      name: { refused: [field('Bad_Name', 'metadata.name')], accepted: ['gw'] },
      namespace: { refused: [field('Bad_NS', 'metadata.namespace')], accepted: ['shop'] },
    },
  },
  HttpRouteProps: {
    path: 'shop/route',
    build: (chart, o) => {
      const gateway = new Gateway(chart, 'gw', { listeners: [{ protocol: 'HTTP' }] });
      // Parents are given as a function of the Gateway: a row cannot hold a construct of a chart made per case.
      const parents = typeof o.parents === 'function' ? o.parents(gateway) : [{ gateway, sectionName: 'http' }];
      new HttpRoute(chart, 'route', { rules: [{ backends: [HttpRouteBackend.fromServiceName('web', 80)] }], ...o, parents } as any);
    },
    props: {
      annotations: { refused: [field({ 'bad key!': 'x' }, 'metadata.annotations')], accepted: [{}], noValueInMessage: 'the key is the value shown' },
      hostnames: { refused: [field(['Bad_Host'], 'spec.hostnames[0]'), field(['10.0.0.1'], 'spec.hostnames[0]')], accepted: [['*.example.com']] },
      labels: { refused: [field({ team: 'bad value!' }, 'metadata.labels')], accepted: [{ team: 'a' }], noValueInMessage: 'a label map: the value shown is the offending key or value' },
      name: { refused: [field('Bad_Name', 'metadata.name')], accepted: ['route'] },
      namespace: { refused: [field('Bad_NS', 'metadata.namespace')], accepted: ['shop'] },
      parents: {
        refused: [field((gateway: Gateway) => [{ gateway, sectionName: 'https' }], 'parent.sectionName'), field((gateway: Gateway) => [{ gateway, sectionName: 'http', port: 443 }], 'parent.port'), field((gateway: Gateway) => [{ gateway, port: 8080 }], 'parent.port')],
        accepted: [(gateway: Gateway) => [{ gateway, port: 80 }]],
        noValueInMessage: 'Gateway references: the message shows the listener name or port that does not match',
      },
      rules: { refused: [field([{ path: 'no-slash', backends: [HttpRouteBackend.fromServiceName('web', 80)] }], 'spec.rules[0].matches[0].path.value')], accepted: [[{ path: '/', backends: [HttpRouteBackend.fromServiceName('web', 80)] }]] },
    },
  },
  WildcardIngressProps: {
    path: 'shop/apps',
    build: (chart, o) => new WildcardIngress(chart, 'apps', { domain: 'cluster.example.com', certificate: CERT, routes: [{ host: 'web01', service: service(chart), port: 80 }], ...o } as any),
    props: {
      annotations: { refused: [{ 'bad key!': 'x' }], accepted: [{}], noValueInMessage: 'the key is the value shown' },
      certificate: { refused: [field({ secretName: 'other-tls', dnsNames: ['other.example.com'] }, 'route.host')], accepted: [{ secretName: 'x', dnsNames: ['*.cluster.example.com'] }], noValueInMessage: 'the host the certificate does not cover is shown' },
      domain: { refused: ['*.cluster.example.com', 'Bad_Domain'], accepted: ['cluster.example.com.'] },
      httpsRedirect: { notRefusable: 'a boolean: the type decides it', accepted: [false] },
      ingressClassName: { refused: [field('Bad_Class', 'spec.ingressClassName')], accepted: ['nginx'] },
      name: { refused: [field('Bad_Name', 'metadata.name')], accepted: ['apps'] },
      namespace: { refused: [field('Bad_NS', 'namespace')], accepted: ['shop'] },
      routes: { refused: [field([{ host: 'web01.other.com', service: undefined, port: 80 }], 'route.host')], accepted: [[]] },
    },
  },
  IngressNginxProps: {
    path: 'shop/ingress-nginx',
    build: (chart, o) => new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true, ...o } as any),
    props: {
      acknowledgeRetirement: { notRefusable: 'a boolean: the type decides it (false prints the retirement warning)', accepted: [false] },
      admissionWebhook: { notRefusable: 'a boolean: the type decides it', accepted: [false] },
      certgenImage: { refused: [field({ tag: ':v1' }, 'certgenImage.tag'), field({ repository: 'Dyrnq/Certgen' }, 'certgenImage.repository')], accepted: [{ tag: 'v1.6.1' }] },
      config: { refused: [field({ 'bad key': '1' }, 'config["bad key"]')], accepted: [{ 'proxy-body-size': '8m' }] },
      controllerImage: { refused: [field({ digest: 'sha256:abc' }, 'controllerImage.digest'), field({ registry: 'https://docker.io' }, 'controllerImage.registry')], accepted: [{ registry: 'registry.example.com:5000' }] },
      controllerValue: { refused: ['ingress-nginx', '/x', `k8s.io/${'a'.repeat(250)}`], accepted: ['k8s.io/ingress-nginx-internal'] },
      createNamespace: { notRefusable: 'a boolean: the type decides it', accepted: [false] },
      defaultCertificate: { refused: [field({ secretName: 'Bad_Secret' }, 'defaultCertificate.secretName')], accepted: [{ secretName: 'default-tls' }] },
      defaultIngressClass: { notRefusable: 'a boolean: the type decides it', accepted: [true] },
      exposure: { refused: ['nodeport'], accepted: ['LoadBalancer', 'HostNetwork'] },
      externalTrafficPolicy: { refused: [field('local', 'service.spec.externalTrafficPolicy')], accepted: ['Local'] },
      extraArgs: { refused: [field({ '--enable-ssl-passthrough': '' }, 'extraArgs["--enable-ssl-passthrough"]'), field({ 'publish-service': 'x' }, 'extraArgs["publish-service"]')], accepted: [{ 'enable-ssl-passthrough': '' }] },
      imageRegistry: { refused: ['https://docker.io', 'Registry.Example.com'], accepted: ['registry.example.com:5000'] },
      ingressClassName: { refused: ['Bad_Class'], accepted: ['nginx-internal'] },
      isolation: { refused: [field({ apiServerCidrs: ['10.0.0.10'] }, 'isolation.apiServerCidrs[0]'), field({ apiServerCidrs: ['10.0.0.10/32'], apiServerPorts: [0] }, 'isolation.apiServerPorts[0]')], accepted: [{ apiServerCidrs: ['10.0.0.10/32'] }, { egress: true, apiServerCidrs: ['fd00::1/128'] }] },
      loadBalancerClass: { refused: [field('example.com/vip', 'service.spec.loadBalancerClass')], accepted: [undefined] },
      loadBalancerSourceRanges: { refused: [field(['10.0.0.0/8'], 'service.spec.loadBalancerSourceRanges')], accepted: [undefined] },
      metrics: { refused: [field({ port: 80 }, 'metrics.port'), field({ port: 70000 }, 'metrics.port')], accepted: [{ port: 10254 }] },
      name: { refused: ['Bad_Name', '1ingress', 'a'.repeat(64)], accepted: ['ingress-nginx'] },
      namespace: { refused: ['Bad_NS'], accepted: ['ingress-nginx'] },
      nodePortRange: { refused: [field({ min: 20000, max: 22767 }, 'service.spec.ports[0].nodePort', { nodePorts: { http: 30080 } })], accepted: [{ min: 20000, max: 22767 }] },
      nodePorts: { refused: [field({ http: 80 }, 'service.spec.ports[0].nodePort'), field({ http: 30080, https: 30080 }, 'service.spec.ports[1].nodePort')], accepted: [{ http: 30000, https: 32767 }] },
      nodeSelector: { refused: [field({ 'kubernetes.io/os': 'bad value!' }, 'nodeSelector')], accepted: [{ pool: 'edge' }] },
      provider: { refused: ['aws'], accepted: ['cloud'] },
      publishService: { notRefusable: 'a boolean: the type decides it', accepted: [true] },
      replicas: { refused: [0, 1.5], accepted: [1, 3] },
      resources: { refused: [field({ limits: { cpu: '-1' } }, 'resources.limits.cpu'), field({ limits: { memory: '64Mi' } }, 'resources.requests.memory')], accepted: [{ requests: { memory: '64Mi' }, limits: { memory: '64Mi' } }] },
      serviceAnnotations: { refused: [field({ 'bad key!': 'x' }, 'serviceAnnotations')], accepted: [{ 'example.com/a': 'b' }], noValueInMessage: 'the key is the value shown' },
      tolerations: { notRefusable: 'a kubernetes-models type written as given; schema-valid checks it at synth', accepted: [[]] },
      versionedJobNames: { notRefusable: 'a boolean: the type decides it', accepted: [false] },
      watchNamespace: { refused: ['Bad_NS'], accepted: ['shop'] },
      webhookChart: { notRefusable: 'a Chart instance: the type decides it', accepted: [undefined] },
      webhookFailurePolicy: { refused: ['fail', field('Fail', 'webhookFailurePolicy', { admissionWebhook: false })], accepted: ['Ignore'] },
    },
  },
  KubeProxyConfigProps: {
    path: 'shop/kube-proxy',
    build: (chart, o) => new KubeProxyConfig(chart, 'kube-proxy', { apiServerEndpoint: 'https://192.168.1.10:6443', ...o } as any),
    props: {
      acknowledgeIpvsDeprecation: { notRefusable: 'a boolean: the type decides it', accepted: [true] },
      apiServerEndpoint: { refused: ['http://192.168.1.10:6443', '192.168.1.10'], accepted: ['https://[fd00::1]:6443'] },
      bindAddress: { refused: ['not-an-ip'], accepted: ['0.0.0.0', '::'] },
      clusterCIDR: { refused: ['10.244.0.0/33', '10.244.0.0'], accepted: ['10.244.0.0/16'] },
      configSyncPeriod: { notRefusable: 'a Duration cannot be negative, and any positive period is valid', accepted: [Duration.millis(1), Duration.minutes(15)] },
      conntrack: { refused: [field({ maxPerCore: -1 }, 'conntrack.maxPerCore')], accepted: [{ maxPerCore: 0 }] },
      detectLocal: { refused: [field({ bridgeInterface: '' }, 'detectLocal.bridgeInterface', { detectLocalMode: 'BridgeInterface' })], accepted: [undefined] },
      detectLocalMode: { refused: ['clustercidr'], accepted: ['ClusterCIDR'] },
      featureGates: { refused: [field({ KubeProxyIPVS: true }, 'featureGates.KubeProxyIPVS')], accepted: [{}] },
      healthzBindAddress: { refused: ['0.0.0.0:99999'], accepted: ['0.0.0.0:10256'] },
      iptables: { refused: [field({ masqueradeBit: 32 }, 'iptables.masqueradeBit'), field({ masqueradeBit: -1 }, 'iptables.masqueradeBit')], accepted: [{ masqueradeBit: 31 }, { masqueradeBit: 0 }] },
      ipvs: { refused: [field({ scheduler: 'nope' }, 'ipvs.scheduler', { mode: 'ipvs', acknowledgeIpvsDeprecation: true })], accepted: [undefined] },
      kubernetesVersion: { refused: ['latest'], accepted: ['1.31'] },
      metricsBindAddress: { refused: ['nowhere:1'], accepted: ['0.0.0.0:10249'] },
      mode: { refused: ['userspace', 'IPTABLES'], accepted: ['nftables', 'iptables'] },
      name: { refused: ['Bad_Name'], accepted: ['kube-proxy'] },
      namespace: { refused: ['Bad_NS'], accepted: ['kube-system'] },
      nftables: { refused: [field({ masqueradeBit: 32 }, 'nftables.masqueradeBit', { mode: 'nftables' })], accepted: [undefined] },
      nodePortAddresses: { refused: [field(['not-a-cidr'], 'nodePortAddresses[0]')], accepted: [['primary'], ['10.0.0.0/8']] },
      oomScoreAdj: { refused: [1001, -1001], accepted: [1000, -1000] },
    },
  },
};

function refusedCase(entry: unknown): { value: unknown; field?: string; with?: Record<string, unknown> } {
  return entry !== null && typeof entry === 'object' && 'field' in (entry as object) && 'value' in (entry as object)
    ? entry as { value: unknown; field: string; with: Record<string, unknown> } : { value: entry };
}

function attempt(row: ConstructRow, override: Record<string, unknown>): unknown {
  const chart = new NetkitChart(new App({ outdir: '/tmp/netkit-unused' }), 'shop', { namespace: 'shop' });
  try {
    row.build(chart, override);
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('the misuse matrix', () => {
  afterAll(() => rmSync(TLS_TEMP_DIR, { recursive: true, force: true }));

  test('every prop of every covered props interface has a row (a new prop without one fails)', () => {
    for (const [shape, row] of Object.entries(MATRIX)) {
      expect([shape, Object.keys(row!.props).sort()]).toEqual([shape, [...PROP_SHAPES[shape as PropShapeName].keys].sort()]);
    }
  });

  test('every public construct\'s props interface is covered (a new construct without a row fails)', () => {
    const constructProps = (Object.keys(PROP_SHAPES) as PropShapeName[]).filter((name) => /Props$/.test(name) && !name.includes('.'));
    expect(constructProps.filter((name) => !(name in MATRIX))).toEqual([]);
  });

  describe.each(Object.entries(MATRIX))('%s', (_shape, row) => {
    const cases = Object.entries(row!.props).flatMap(([prop, entry]) =>
      ('refused' in entry ? entry.refused : []).map((e) => [prop, showValue(refusedCase(e).value)?.slice(0, 60), entry, refusedCase(e)] as const));
    test.each(cases)('%s = %s is refused with path, prop, value, allowed and fix', (prop, _label, entry, { value, field: expectedField, with: extra }) => {
      const error = attempt(row!, { ...extra, [prop]: value });
      expect(error).toBeInstanceOf(NetkitError);
      const e = error as NetkitError;
      expect(e.message.startsWith(`[${row!.path}] `)).toBe(true);
      const problem = e.problems.find((p) => (expectedField ? p.field === expectedField || p.field.startsWith(expectedField) : p.field === prop || p.field.startsWith(`${prop}.`) || p.field.startsWith(`${prop}[`) || p.field.startsWith(`${prop}:`)));
      expect([prop, problem?.field ?? e.problems.map((p) => p.field)]).toEqual([prop, expect.any(String)]);
      expect(problem!.fix.length).toBeGreaterThan(5);
      expect(e.message).toContain(`Fix: ${problem!.fix}`);
      if (!('noValueInMessage' in entry && entry.noValueInMessage)) {
        // A prop given whole is shown whole; a nested one shows the value inside it that is wrong.
        if (typeof value !== 'object' || value === null) expect(problem!.value).toEqual(value);
        else expect(problem!.value).toBeDefined();
        expect(e.message).toContain(`Got: ${showValue(problem!.value)}`);
      }
      expect([prop, problem!.allowed ?? problem!.message]).toEqual([prop, expect.stringMatching(/\S/)]);
    });
    const accepted = Object.entries(row!.props).flatMap(([prop, entry]) => (entry.accepted ?? []).map((value) => [prop, showValue(value)?.slice(0, 60), value] as const));
    test.each(accepted)('%s = %s is accepted', (prop, _label, value) => {
      expect(attempt(row!, { [prop]: value })).toBeUndefined();
    });
  });
});

