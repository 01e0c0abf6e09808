import { Duration, Testing, Yaml } from 'cdk8s';
import { parse } from 'yaml';
import { collectWarnings, KubeProxyConfig, KubeProxyConfigProps, kubeProxyConfigMapProblems, NetkitChart, NetkitError } from '../../../lib';

const ENDPOINT = 'https://192.168.1.10:6443';

function build(props: Partial<KubeProxyConfigProps> = {}, chartNamespace?: string) {
  const app = Testing.app();
  const chart = new NetkitChart(app, 'cluster', { namespace: chartNamespace });
  const kubeProxy = new KubeProxyConfig(chart, 'kube-proxy', { apiServerEndpoint: ENDPOINT, ...props });
  return { app, chart, kubeProxy };
}

/** The synthesized ConfigMap and its config.conf parsed back. */
function synth(props: Partial<KubeProxyConfigProps> = {}, chartNamespace?: string) {
  const { chart, kubeProxy } = build(props, chartNamespace);
  const configMap = Testing.synth(chart).find((o) => o.kind === 'ConfigMap');
  return { configMap, config: parse(configMap.data['config.conf']), kubeProxy };
}

/** The message of the error building these props throws. */
function errorOf(props: Partial<KubeProxyConfigProps>): string {
  try {
    build(props);
  } catch (e) {
    expect(e).toBeInstanceOf(NetkitError);
    return (e as Error).message;
  }
  throw new Error('expected a NetkitError');
}

const KUBEADM_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
    server: https://192.168.1.10:6443
  name: default
contexts:
- context:
    cluster: default
    namespace: default
    user: default
  name: default
current-context: default
users:
- name: default
  user:
    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token`;

describe('KubeProxyConfig defaults', () => {
  test('kubeadm\'s ConfigMap: name, namespace, app label, both keys', () => {
    const { configMap } = synth();
    expect(configMap.kind).toBe('ConfigMap');
    expect(configMap.metadata.name).toBe('kube-proxy');
    expect(configMap.metadata.namespace).toBe('kube-system');
    expect(configMap.metadata.labels).toEqual({
      'app': 'kube-proxy',
      'app.kubernetes.io/component': 'config',
      'app.kubernetes.io/instance': 'kube-proxy',
      'app.kubernetes.io/managed-by': 'cdk8s-netkit',
      'app.kubernetes.io/name': 'kube-proxy',
    });
    expect(Object.keys(configMap.data).sort()).toEqual(['config.conf', 'kubeconfig.conf']);
  });

  test('kubeconfig.conf is kubeadm\'s template with the endpoint as server, as a |- block', () => {
    const { configMap, kubeProxy } = synth();
    expect(configMap.data['kubeconfig.conf']).toBe(KUBEADM_KUBECONFIG);
    expect(kubeProxy.kubeconfig).toBe(KUBEADM_KUBECONFIG);
    expect(Yaml.stringify(configMap)).toContain('  kubeconfig.conf: |-\n    apiVersion: v1\n    kind: Config\n');
  });

  test('config.conf holds only what kubeadm fills in, plus the mode, keys sorted as kubeadm prints them', () => {
    const { configMap, config, kubeProxy } = synth();
    expect(config).toEqual({
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      bindAddress: '0.0.0.0',
      clientConnection: { kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf' },
      mode: 'iptables',
    });
    expect(configMap.data['config.conf']).toBe([
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
      'bindAddress: 0.0.0.0',
      'clientConnection:',
      '  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf',
      'kind: KubeProxyConfiguration',
      'mode: iptables',
    ].join('\n'));
    expect(kubeProxy.configuration).toEqual(config);
    expect(kubeProxy.mode).toBe('iptables');
    expect(kubeProxy.kubernetesVersion).toBe('1.35');
  });

  test('the synthesized ConfigMap passes the policy check the engine runs on manifests', () => {
    const { configMap } = synth({ mode: 'ipvs', clusterCIDR: '10.244.0.0/16', ipvs: { scheduler: 'sh', minSyncPeriod: Duration.seconds(5) } });
    expect(kubeProxyConfigMapProblems(configMap)).toEqual([]);
  });

  test('the namespace is explicit, in a chart without one and in a chart with another', () => {
    expect(synth({}, undefined).configMap.metadata.namespace).toBe('kube-system');
    expect(synth({}, 'dev').configMap.metadata.namespace).toBe('kube-system');
  });

  test('the escape hatch is the ConfigMap ApiObject', () => {
    const { chart, kubeProxy } = build();
    kubeProxy.configMap.metadata.addAnnotation('example.com/owner', 'platform');
    expect(Testing.synth(chart)[0].metadata.annotations).toEqual({ 'example.com/owner': 'platform' });
  });

  test('snapshot, and byte-identical on a second synth', () => {
    const props: Partial<KubeProxyConfigProps> = { mode: 'ipvs', clusterCIDR: '10.244.0.0/16', ipvs: { scheduler: 'rr', strictARP: true } };
    const first = Yaml.stringify(...Testing.synth(build(props).chart));
    expect(first).toMatchSnapshot();
    expect(Yaml.stringify(...Testing.synth(build(props).chart))).toBe(first);
  });
});

describe('every option reaches config.conf', () => {
  test('ipvs mode and its block, Go durations as kubeadm prints them', () => {
    const { config } = synth({
      mode: 'ipvs',
      kubernetesVersion: '1.34',
      ipvs: {
        scheduler: 'wrr', strictARP: true, syncPeriod: Duration.seconds(30), minSyncPeriod: Duration.seconds(2),
        excludeCIDRs: ['10.0.0.0/8', 'fd00::/8'], tcpTimeout: Duration.minutes(15), tcpFinTimeout: Duration.seconds(120),
        udpTimeout: Duration.millis(300),
      },
      iptables: { masqueradeBit: 15, masqueradeAll: true },
    });
    expect(config.mode).toBe('ipvs');
    expect(config.ipvs).toEqual({
      scheduler: 'wrr', strictARP: true, syncPeriod: '30s', minSyncPeriod: '2s', excludeCIDRs: ['10.0.0.0/8', 'fd00::/8'],
      tcpTimeout: '15m0s', tcpFinTimeout: '2m0s', udpTimeout: '300ms',
    });
    expect(config.iptables).toEqual({ masqueradeBit: 15, masqueradeAll: true });
  });

  test('strictARP false is written when given', () => {
    expect(synth({ mode: 'ipvs', ipvs: { strictARP: false } }).config.ipvs).toEqual({ strictARP: false });
  });

  test('iptables block in iptables mode', () => {
    const { config } = synth({
      iptables: { masqueradeBit: 0, masqueradeAll: false, localhostNodePorts: false, syncPeriod: Duration.minutes(1), minSyncPeriod: Duration.seconds(10) },
    });
    expect(config.iptables).toEqual({ masqueradeBit: 0, masqueradeAll: false, localhostNodePorts: false, syncPeriod: '1m0s', minSyncPeriod: '10s' });
  });

  test('nftables mode and its block', () => {
    const { config } = synth({
      mode: 'nftables',
      nftables: { masqueradeBit: 13, masqueradeAll: true, syncPeriod: Duration.hours(1), minSyncPeriod: Duration.seconds(1) },
    });
    expect(config.mode).toBe('nftables');
    expect(config.nftables).toEqual({ masqueradeBit: 13, masqueradeAll: true, syncPeriod: '1h0m0s', minSyncPeriod: '1s' });
  });

  test('top-level fields, conntrack and feature gates', () => {
    const { config } = synth({
      mode: 'nftables',
      kubernetesVersion: '1.30',
      featureGates: { NFTablesProxyMode: true },
      clusterCIDR: '10.244.0.0/16,fd00:10:244::/56',
      bindAddress: '192.168.1.10',
      healthzBindAddress: '0.0.0.0:10256',
      metricsBindAddress: '0.0.0.0:10249',
      nodePortAddresses: ['192.168.1.0/24'],
      detectLocalMode: 'BridgeInterface',
      detectLocal: { bridgeInterface: 'cni0' },
      oomScoreAdj: -998,
      configSyncPeriod: Duration.minutes(10),
      conntrack: {
        maxPerCore: 0, min: 262144, tcpEstablishedTimeout: Duration.hours(24), tcpCloseWaitTimeout: Duration.hours(1),
        tcpBeLiberal: true, udpTimeout: Duration.seconds(30), udpStreamTimeout: Duration.minutes(2),
      },
    });
    expect(config).toEqual({
      apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
      kind: 'KubeProxyConfiguration',
      featureGates: { NFTablesProxyMode: true },
      clientConnection: { kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf' },
      bindAddress: '192.168.1.10',
      healthzBindAddress: '0.0.0.0:10256',
      metricsBindAddress: '0.0.0.0:10249',
      mode: 'nftables',
      clusterCIDR: '10.244.0.0/16,fd00:10:244::/56',
      nodePortAddresses: ['192.168.1.0/24'],
      detectLocalMode: 'BridgeInterface',
      detectLocal: { bridgeInterface: 'cni0' },
      oomScoreAdj: -998,
      configSyncPeriod: '10m0s',
      conntrack: {
        maxPerCore: 0, min: 262144, tcpEstablishedTimeout: '24h0m0s', tcpCloseWaitTimeout: '1h0m0s',
        tcpBeLiberal: true, udpTimeout: '30s', udpStreamTimeout: '2m0s',
      },
    });
  });

  test('name and namespace', () => {
    const { configMap } = synth({ name: 'kube-proxy-canary', namespace: 'proxy' });
    expect(configMap.metadata.name).toBe('kube-proxy-canary');
    expect(configMap.metadata.namespace).toBe('proxy');
    expect(configMap.metadata.labels['app.kubernetes.io/instance']).toBe('kube-proxy-canary');
  });

  test('an IPv6 endpoint is written as given', () => {
    const { configMap } = synth({ apiServerEndpoint: 'https://[fd00::10]:6443' });
    expect(parse(configMap.data['kubeconfig.conf']).clusters[0].cluster.server).toBe('https://[fd00::10]:6443');
  });
});

describe('KubeProxyConfig errors', () => {
  test('they name the construct, the field, the value, what is allowed and the fix', () => {
    expect(errorOf({ mode: 'ipvs', ipvs: { syncPeriod: Duration.seconds(10), minSyncPeriod: Duration.minutes(1) } })).toBe(
      '[cluster/kube-proxy] ipvs.minSyncPeriod: must not be longer than ipvs.syncPeriod (as given 1m0s > 10s). Got: "1m0s". '
      + 'Allowed: 0s to 10s. Fix: shorten ipvs.minSyncPeriod or lengthen ipvs.syncPeriod.',
    );
  });

  test.each([
    ['http://192.168.1.10:6443'], ['192.168.1.10:6443'], ['https://192.168.1.10:6443/api'], ['https://'], ['https://a b:6443'],
    ['https://user:pw@host:6443'],
  ])('apiServerEndpoint %j', (endpoint) => {
    expect(errorOf({ apiServerEndpoint: endpoint })).toContain('apiServerEndpoint: is not an https URL of the API server.');
  });

  test('a mode block without its mode', () => {
    expect(errorOf({ ipvs: { scheduler: 'rr' } })).toContain('ipvs: is ignored by kube-proxy in mode "iptables"; it is read only in mode "ipvs".');
    expect(errorOf({ mode: 'ipvs', nftables: { masqueradeAll: true } })).toContain('nftables: is ignored by kube-proxy in mode "ipvs"; it is read only in mode "nftables".');
  });

  test('iptables settings another mode ignores', () => {
    const message = errorOf({ mode: 'ipvs', iptables: { syncPeriod: Duration.seconds(30), minSyncPeriod: Duration.seconds(1), localhostNodePorts: true } });
    expect(message).toContain('iptables.syncPeriod: is ignored by kube-proxy in mode "ipvs"; it is read only in mode "iptables". Allowed: unset in mode "ipvs". Fix: set ipvs.syncPeriod instead.');
    expect(message).toContain('iptables.minSyncPeriod: is ignored by kube-proxy in mode "ipvs"');
    expect(message).toContain('iptables.localhostNodePorts: is ignored by kube-proxy in mode "ipvs"');
    expect(errorOf({ mode: 'nftables', iptables: { masqueradeBit: 14 } })).toContain('iptables.masqueradeBit: is ignored by kube-proxy in mode "nftables"; it is read only in modes "iptables" and "ipvs". Allowed: unset in mode "nftables". Fix: set nftables.masqueradeBit instead.');
  });

  test('a zero sync period, which kube-proxy would turn into its default', () => {
    expect(errorOf({ mode: 'ipvs', ipvs: { syncPeriod: Duration.seconds(0) } })).toContain('ipvs.syncPeriod: must be greater than 0 (kube-proxy replaces zero with its default).');
    expect(errorOf({ configSyncPeriod: Duration.seconds(0) })).toContain('configSyncPeriod: must be greater than 0');
    expect(errorOf({ iptables: { syncPeriod: Duration.seconds(0) } })).toContain('iptables.syncPeriod: must be greater than 0');
    expect(errorOf({ mode: 'nftables', nftables: { syncPeriod: Duration.seconds(0) } })).toContain('nftables.syncPeriod: must be greater than 0');
  });

  test('name and namespace', () => {
    expect(errorOf({ name: 'Kube_Proxy' })).toContain('name: is not a valid ConfigMap name. Got: "Kube_Proxy".');
    expect(errorOf({ namespace: 'kube.system' })).toContain('namespace: is not a valid Namespace name. Got: "kube.system".');
  });

  test('kube-proxy\'s own checks run on the rendered configuration', () => {
    const message = errorOf({
      mode: 'ipvs', clusterCIDR: '10.244.0.0', bindAddress: 'node1', metricsBindAddress: 'node1:10249', healthzBindAddress: '[::]:0',
      nodePortAddresses: ['primary', '10.0.0.0/8'], oomScoreAdj: -1001, iptables: { masqueradeBit: 32 },
      ipvs: { excludeCIDRs: ['10.0.0.0'] }, conntrack: { maxPerCore: -1, min: 1.5 },
      detectLocalMode: 'InterfaceNamePrefix',
    });
    for (const expected of [
      'clusterCIDR: entry 0 must be a valid CIDR block. Got: "10.244.0.0".',
      'bindAddress: is not a valid textual representation of an IP address. Got: "node1".',
      'metricsBindAddress: must be IP:port. Got: "node1:10249".',
      'healthzBindAddress: must be IP:port. Got: "[::]:0".',
      'nodePortAddresses[0]: can\'t use both \'primary\' and CIDRs.',
      'oomScoreAdj: must be an integer within [-1000, 1000]. Got: -1001.',
      'iptables.masqueradeBit: must be an integer within [0, 31]. Got: 32.',
      'ipvs.excludeCIDRs[0]: must be a valid CIDR. Got: "10.0.0.0".',
      'conntrack.maxPerCore: must be an integer within [0, 2147483647]. Got: -1.',
      'conntrack.min: must be an integer within [0, 2147483647]. Got: 1.5.',
      'detectLocal.interfaceNamePrefix: must not be empty when detectLocalMode is InterfaceNamePrefix.',
    ]) {
      expect(message).toContain(expected);
    }
  });

  test('nftables by release: missing before 1.29, gated before 1.31', () => {
    expect(errorOf({ mode: 'nftables', kubernetesVersion: '1.28' })).toContain('mode: "nftables" does not exist in Kubernetes 1.28; it arrived as alpha in 1.29.');
    expect(errorOf({ mode: 'nftables', kubernetesVersion: '1.30' })).toContain('featureGates.NFTablesProxyMode: must be true for mode "nftables" in Kubernetes 1.30');
    expect(() => build({ mode: 'nftables', kubernetesVersion: '1.30', featureGates: { NFTablesProxyMode: true } })).not.toThrow();
    expect(() => build({ mode: 'nftables', kubernetesVersion: '1.31' })).not.toThrow();
  });

  test('a kubernetesVersion that is not one', () => {
    expect(errorOf({ kubernetesVersion: 'latest' })).toContain('kubernetesVersion: is not a Kubernetes release. Got: "latest".');
  });
});

describe('the ipvs deprecation warning', () => {
  const ipvsWarning = (props: Partial<KubeProxyConfigProps>) => collectWarnings(build(props).app).map((w) => w.message);

  test('ipvs on 1.35 or later (the default 1.35 included) recommends nftables', () => {
    for (const kubernetesVersion of ['1.35', 'v1.35.0', '1.37', undefined]) {
      const warnings = ipvsWarning({ mode: 'ipvs', kubernetesVersion });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('kube-proxy mode "ipvs" is deprecated since Kubernetes 1.35 (KEP-5495)');
      expect(warnings[0]).toContain(`targets ${kubernetesVersion ?? '1.35'}`);
      expect(warnings[0]).toContain('Move to mode "nftables" (GA since 1.33)');
    }
  });

  test('acknowledgeIpvsDeprecation: a cluster that keeps ipvs knowingly gets no warning; the ConfigMap is the same', () => {
    expect(ipvsWarning({ mode: 'ipvs', acknowledgeIpvsDeprecation: true })).toEqual([]);
    expect(ipvsWarning({ mode: 'ipvs', acknowledgeIpvsDeprecation: false })).toHaveLength(1);
    expect(build({ mode: 'ipvs', acknowledgeIpvsDeprecation: true }).kubeProxy.configMap.toJson())
      .toEqual(build({ mode: 'ipvs' }).kubeProxy.configMap.toJson());
  });

  test('no warning before 1.35, nor for the other modes', () => {
    expect(ipvsWarning({ mode: 'ipvs', kubernetesVersion: '1.34' })).toEqual([]);
    expect(ipvsWarning({ mode: 'iptables' })).toEqual([]);
    expect(ipvsWarning({ mode: 'nftables' })).toEqual([]);
  });

  test('it is recorded on the construct and printed once at synth, never fatal', () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => { writes.push(String(chunk)); return true; });
    try {
      const { app, chart } = build({ mode: 'ipvs', kubernetesVersion: '1.35.1' });
      Testing.synth(chart);
      Testing.synth(chart);
      expect(collectWarnings(app).map((w) => w.path)).toEqual(['cluster/kube-proxy']);
    } finally {
      spy.mockRestore();
    }
    const printed = writes.filter((w) => w.includes('targets 1.35.1'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^\[WARNING\] \[cluster\/kube-proxy\] kube-proxy mode "ipvs" is deprecated/);
  });
});
