import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { stringify } from 'yaml';
import {
  isKubeProxyConfigMap, KubeProxyConfiguration, kubeProxyConfigMapProblems, kubeProxyConfigurationProblems,
} from '../../../lib/addons/kube-proxy';

const base = { apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration' };

/** The fields and messages of every problem, for one configuration. */
function problems(config: Record<string, unknown>, kubernetesVersion?: string) {
  return kubeProxyConfigurationProblems({ ...base, ...config } as KubeProxyConfiguration, { kubernetesVersion })
    .map((p) => ({ field: p.field, message: p.message }));
}

/** kubeadm's own config.conf (every field printed with its zero value, v1.36 layout), which must pass. */
const KUBEADM_ZERO_VALUES = `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: 10.244.0.0/16
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
metricsBindAddress: ""
mode: ""
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;

function configMap(data: Record<string, string>): IConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' }, data };
}

describe('kubeProxyConfigurationProblems', () => {
  test('an empty configuration and a typical ipvs one pass', () => {
    expect(problems({})).toEqual([]);
    expect(problems({
      mode: 'ipvs', clusterCIDR: '10.244.0.0/16,fd00:10:244::/56', bindAddress: '0.0.0.0', metricsBindAddress: '[::]:10249',
      healthzBindAddress: '0.0.0.0:10256', ipvs: { scheduler: 'rr', strictARP: true, syncPeriod: '30s', minSyncPeriod: '5s', excludeCIDRs: ['10.0.0.0/8'] },
      nodePortAddresses: ['primary'], oomScoreAdj: -999, conntrack: { maxPerCore: 0, min: 131072, tcpEstablishedTimeout: '24h0m0s' },
      detectLocalMode: 'InterfaceNamePrefix', detectLocal: { interfaceNamePrefix: 'veth' },
    })).toEqual([]);
  });

  test('wrong apiVersion and kind', () => {
    expect(problems({ apiVersion: 'kubeproxy.config.k8s.io/v1beta1', kind: 'KubeletConfiguration' })).toEqual([
      { field: 'apiVersion', message: 'is not the kube-proxy configuration API.' },
      { field: 'kind', message: 'is not KubeProxyConfiguration.' },
    ]);
  });

  test('mode values', () => {
    expect(problems({ mode: '' })).toEqual([]);
    expect(problems({ mode: 'userspace' })).toEqual([{ field: 'mode', message: 'is not a Linux proxy mode.' }]);
    const [problem] = kubeProxyConfigurationProblems({ mode: 'kernelspace' });
    expect(problem.allowed).toBe('iptables, ipvs, nftables or blank (blank means iptables)');
    expect(problem.fix).toContain('"kernelspace" is for Windows nodes');
  });

  test('nftables needs 1.29, its gate before 1.31, and the gate not turned off', () => {
    expect(problems({ mode: 'nftables' }, '1.28')).toEqual([
      { field: 'mode', message: '"nftables" does not exist in Kubernetes 1.28; it arrived as alpha in 1.29.' },
    ]);
    expect(problems({ mode: 'nftables' }, '1.29')).toEqual([{
      field: 'featureGates.NFTablesProxyMode',
      message: 'must be true for mode "nftables" in Kubernetes 1.29 (alpha, off by default until 1.31).',
    }]);
    expect(problems({ mode: 'nftables', featureGates: { NFTablesProxyMode: true } }, 'v1.30.4')).toEqual([]);
    expect(problems({ mode: 'nftables' }, '1.31')).toEqual([]);
    expect(problems({ mode: 'nftables', featureGates: { NFTablesProxyMode: false } }, '1.33')).toEqual([{
      field: 'featureGates.NFTablesProxyMode',
      message: 'is false, which turns mode "nftables" off (and from 1.33 the gate is locked to true).',
    }]);
  });

  test('the KubeProxyIPVS gate exists from 1.37, and false turns ipvs off', () => {
    expect(problems({ mode: 'ipvs', featureGates: { KubeProxyIPVS: true } }, '1.36')).toEqual([{
      field: 'featureGates.KubeProxyIPVS',
      message: 'does not exist in Kubernetes 1.36 (added in 1.37); kube-proxy refuses unknown gates.',
    }]);
    expect(problems({ mode: 'ipvs', featureGates: { KubeProxyIPVS: false } }, '1.37')).toEqual([
      { field: 'featureGates.KubeProxyIPVS', message: 'is false, which turns mode "ipvs" off.' },
    ]);
    expect(problems({ mode: 'ipvs', featureGates: { KubeProxyIPVS: true } }, '1.37')).toEqual([]);
  });

  test('feature gates are booleans', () => {
    expect(problems({ featureGates: { Foo: 'yes' } })).toEqual([{ field: 'featureGates.Foo', message: 'must be true or false.' }]);
  });

  test('an unparseable kubernetesVersion', () => {
    expect(problems({}, '1.x')).toEqual([{ field: 'kubernetesVersion', message: 'is not a Kubernetes release.' }]);
    expect(problems({}, '2.0')).toEqual([{ field: 'kubernetesVersion', message: 'is not a Kubernetes release.' }]);
  });

  test('masquerade bits are 0..31; the nftables one counts in nftables mode only', () => {
    expect(problems({ iptables: { masqueradeBit: 32 } })).toEqual([{ field: 'iptables.masqueradeBit', message: 'must be an integer within [0, 31].' }]);
    expect(problems({ iptables: { masqueradeBit: -1 } })).toHaveLength(1);
    expect(problems({ iptables: { masqueradeBit: 14 }, nftables: { masqueradeBit: 40 } })).toEqual([]);
    expect(problems({ mode: 'nftables', nftables: { masqueradeBit: 40 } })).toEqual([{ field: 'nftables.masqueradeBit', message: 'must be an integer within [0, 31].' }]);
  });

  test('durations must be Go durations, in every section', () => {
    expect(problems({ ipvs: { syncPeriod: '30' }, conntrack: { udpTimeout: 30 } })).toEqual([
      { field: 'ipvs.syncPeriod', message: 'is not a Go duration.' },
      { field: 'conntrack.udpTimeout', message: 'is not a Go duration.' },
    ]);
  });

  test('the sync periods of the active mode: syncPeriod > 0, minSyncPeriod >= 0 and <= syncPeriod', () => {
    expect(problems({ mode: 'ipvs', ipvs: { syncPeriod: '-1s' } })).toEqual([{ field: 'ipvs.syncPeriod', message: 'must be greater than 0.' }]);
    expect(problems({ mode: 'ipvs', ipvs: { minSyncPeriod: '-1s' } })).toEqual([{ field: 'ipvs.minSyncPeriod', message: 'must be greater than or equal to 0.' }]);
    expect(problems({ mode: 'ipvs', ipvs: { syncPeriod: '10s', minSyncPeriod: '1m0s' } })).toEqual([
      { field: 'ipvs.minSyncPeriod', message: 'must not be longer than ipvs.syncPeriod (as given 1m0s > 10s).' },
    ]);
    // A zero (kubeadm's "0s") means kube-proxy's default, 30s.
    expect(problems({ mode: 'ipvs', ipvs: { syncPeriod: '0s', minSyncPeriod: '20s' } })).toEqual([]);
    expect(problems({ mode: 'ipvs', ipvs: { syncPeriod: '0s', minSyncPeriod: '45s' } })).toEqual([
      { field: 'ipvs.minSyncPeriod', message: 'must not be longer than ipvs.syncPeriod (as given 45s > 30s).' },
    ]);
    // iptables' minSyncPeriod defaults to 1s, longer than a 500ms syncPeriod.
    expect(problems({ iptables: { syncPeriod: '500ms' } })).toEqual([
      { field: 'iptables.minSyncPeriod', message: 'must not be longer than iptables.syncPeriod (kube-proxy\'s default 1s > 500ms).' },
    ]);
    // Sections of other modes are not used, so not checked beyond their syntax.
    expect(problems({ mode: 'ipvs', iptables: { syncPeriod: '10s', minSyncPeriod: '1m' } })).toEqual([]);
    expect(problems({ mode: 'nftables', nftables: { syncPeriod: '1s', minSyncPeriod: '2s' } })).toHaveLength(1);
  });

  test('ipvs timeouts, excludeCIDRs and scheduler (ipvs mode only)', () => {
    expect(problems({ mode: 'ipvs', ipvs: { tcpTimeout: '-1s', tcpFinTimeout: '-1s', udpTimeout: '-1s', excludeCIDRs: ['10.0.0.0/8', '10.0.0.1'] } })).toEqual([
      { field: 'ipvs.tcpTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'ipvs.tcpFinTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'ipvs.udpTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'ipvs.excludeCIDRs[1]', message: 'must be a valid CIDR.' },
    ]);
    expect(problems({ mode: 'ipvs', ipvs: { scheduler: 'mh' } })).toEqual([]);
    expect(problems({ mode: 'ipvs', ipvs: { scheduler: 'roundrobin' } })).toEqual([{
      field: 'ipvs.scheduler',
      message: 'is not an IPVS scheduler; kube-proxy exits at start when the kernel cannot create a virtual server with it.',
    }]);
    expect(problems({ mode: 'iptables', ipvs: { scheduler: 'roundrobin', excludeCIDRs: ['x'] } })).toEqual([]);
  });

  test('configSyncPeriod, conntrack, oomScoreAdj and clientConnection.burst ranges', () => {
    expect(problems({
      configSyncPeriod: '-1m', oomScoreAdj: 1001, clientConnection: { burst: -1 },
      conntrack: { maxPerCore: -1, min: -1, tcpEstablishedTimeout: '-1h', tcpCloseWaitTimeout: '-1h', udpTimeout: '-1s', udpStreamTimeout: '-1s' },
    })).toEqual([
      { field: 'configSyncPeriod', message: 'must be greater than 0.' },
      { field: 'conntrack.maxPerCore', message: 'must be an integer within [0, 2147483647].' },
      { field: 'conntrack.min', message: 'must be an integer within [0, 2147483647].' },
      { field: 'conntrack.tcpEstablishedTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'conntrack.tcpCloseWaitTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'conntrack.udpTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'conntrack.udpStreamTimeout', message: 'must be greater than or equal to 0.' },
      { field: 'oomScoreAdj', message: 'must be an integer within [-1000, 1000].' },
      { field: 'clientConnection.burst', message: 'must be greater than or equal to 0.' },
    ]);
    expect(problems({ oomScoreAdj: -1000 })).toEqual([]);
  });

  test('addresses: bindAddress an IP, healthz and metrics IP:port', () => {
    expect(problems({ bindAddress: '0.0.0.0:80', healthzBindAddress: '0.0.0.0:', metricsBindAddress: '[::1]:70000' })).toEqual([
      { field: 'bindAddress', message: 'is not a valid textual representation of an IP address.' },
      { field: 'healthzBindAddress', message: 'must be IP:port.' },
      { field: 'metricsBindAddress', message: 'must be IP:port.' },
    ]);
    expect(problems({ bindAddress: '::', healthzBindAddress: '[::]:10256', metricsBindAddress: '127.0.0.1:10249' })).toEqual([]);
    // kube-proxy appends the default port to a bare IP.
    expect(problems({ healthzBindAddress: '::', metricsBindAddress: '0.0.0.0' })).toEqual([]);
    expect(problems({ metricsBindAddress: '::1:10249' })).toEqual([{ field: 'metricsBindAddress', message: 'must be IP:port.' }]);
  });

  test('nodePortAddresses: CIDRs, or one keyword alone, keywords by release', () => {
    expect(problems({ nodePortAddresses: ['192.168.1.0/24', '10.0.0.1'] })).toEqual([{ field: 'nodePortAddresses[1]', message: 'must be a valid CIDR.' }]);
    expect(problems({ nodePortAddresses: ['primary', '10.0.0.0/8'] })).toEqual([{ field: 'nodePortAddresses[0]', message: "can't use both 'primary' and CIDRs." }]);
    expect(problems({ nodePortAddresses: ['primary'] }, '1.28')).toEqual([{ field: 'nodePortAddresses[0]', message: 'is not a keyword in Kubernetes 1.28.' }]);
    expect(problems({ nodePortAddresses: ['localhost'] }, '1.36')).toEqual([{ field: 'nodePortAddresses[0]', message: 'is not a keyword in Kubernetes 1.36.' }]);
    expect(problems({ nodePortAddresses: ['localhost'] }, '1.37')).toEqual([]);
    expect(problems({ nodePortAddresses: ['all'] }, '1.37')).toEqual([]);
  });

  test('clusterCIDR: one CIDR or a dual-stack pair', () => {
    expect(problems({ clusterCIDR: '10.244.0.0' })).toEqual([{ field: 'clusterCIDR', message: 'entry 0 must be a valid CIDR block.' }]);
    expect(problems({ clusterCIDR: '10.244.0.0/16,10.245.0.0/16' })).toEqual([{ field: 'clusterCIDR', message: 'must be a single CIDR or a dual-stack pair (one IPv4, one IPv6).' }]);
    expect(problems({ clusterCIDR: '10.0.0.0/16, fd00::/64' })).toEqual([{ field: 'clusterCIDR', message: 'entry 1 must be a valid CIDR block.' }]);
    expect(problems({ clusterCIDR: '10.0.0.0/16,fd00::/64' })).toEqual([]);
    expect(problems({ clusterCIDR: '10.0.0.0/16,fd00::/64,10.1.0.0/16' })).toEqual([{ field: 'clusterCIDR', message: 'must be a single CIDR or a dual-stack pair.' }]);
  });

  test('detectLocalMode values and the interface each mode needs', () => {
    expect(problems({ detectLocalMode: 'PodCIDR' })).toEqual([{ field: 'detectLocalMode', message: 'is not a local traffic detection mode.' }]);
    expect(problems({ detectLocalMode: 'BridgeInterface' })).toEqual([{ field: 'detectLocal.bridgeInterface', message: 'must not be empty when detectLocalMode is BridgeInterface.' }]);
    expect(problems({ detectLocalMode: 'InterfaceNamePrefix', detectLocal: { interfaceNamePrefix: '' } })).toEqual([
      { field: 'detectLocal.interfaceNamePrefix', message: 'must not be empty when detectLocalMode is InterfaceNamePrefix.' },
    ]);
    expect(problems({ detectLocalMode: 'BridgeInterface', detectLocal: { bridgeInterface: 'cni0' } })).toEqual([]);
  });

  test('a problem names the value, what is allowed and the fix', () => {
    const [problem] = kubeProxyConfigurationProblems({ metricsBindAddress: 'localhost:10249' });
    expect(problem).toEqual({
      field: 'metricsBindAddress', message: 'must be IP:port.', value: 'localhost:10249',
      allowed: '"IP:port" with a port from 1 to 65535, IPv6 in brackets ("0.0.0.0:10256", "[::]:10249"), or an IP alone for the default port',
      fix: 'write the address and the port, e.g. "0.0.0.0:10249".',
    });
  });
});

describe('kubeProxyConfigMapProblems', () => {
  test('kubeadm\'s own ConfigMap, every field at its zero value, passes', () => {
    expect(kubeProxyConfigMapProblems(configMap({ 'kubeconfig.conf': 'apiVersion: v1', 'config.conf': KUBEADM_ZERO_VALUES }))).toEqual([]);
  });

  test('problems in config.conf are reported with the data key in the field', () => {
    const found = kubeProxyConfigMapProblems(configMap({
      'config.conf': stringify({ ...base, mode: 'ipvs', ipvs: { syncPeriod: '10s', minSyncPeriod: '20s' } }),
    }));
    expect(found.map((p) => p.field)).toEqual(['data["config.conf"].ipvs.minSyncPeriod']);
  });

  test('the version option reaches the configuration checks', () => {
    const found = kubeProxyConfigMapProblems(configMap({ 'config.conf': stringify({ ...base, mode: 'nftables' }) }), { kubernetesVersion: '1.27' });
    expect(found.map((p) => p.field)).toEqual(['data["config.conf"].mode']);
  });

  test('missing config.conf', () => {
    expect(kubeProxyConfigMapProblems(configMap({}))).toEqual([expect.objectContaining({
      field: 'data["config.conf"]', message: 'is missing: kube-proxy reads its configuration from this key.',
    })]);
  });

  test('config.conf that is not YAML, or not a mapping', () => {
    const [broken] = kubeProxyConfigMapProblems(configMap({ 'config.conf': 'mode: ipvs\nmode: iptables' }));
    expect(broken.field).toBe('data["config.conf"]');
    expect(broken.message).toMatch(/^is not valid YAML: Map keys must be unique/);
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': '- a\n- b' }))).toEqual([expect.objectContaining({
      field: 'data["config.conf"]', message: 'is not a YAML mapping.', value: ['a', 'b'],
    })]);
  });

  test('kubeconfig.conf missing while the configuration points at it', () => {
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': KUBEADM_ZERO_VALUES }))).toEqual([expect.objectContaining({
      field: 'data["kubeconfig.conf"]', message: 'is missing, but clientConnection.kubeconfig points at /var/lib/kube-proxy/kubeconfig.conf.',
    })]);
  });

  test('isKubeProxyConfigMap picks kubeadm\'s ConfigMap by name or by key', () => {
    expect(isKubeProxyConfigMap(configMap({}))).toBe(true);
    expect(isKubeProxyConfigMap({ kind: 'ConfigMap', metadata: { name: 'proxy' }, data: { 'config.conf': '' } })).toBe(true);
    expect(isKubeProxyConfigMap({ kind: 'ConfigMap', metadata: { name: 'other' }, data: {} })).toBe(false);
    expect(isKubeProxyConfigMap({ kind: 'Secret', metadata: { name: 'kube-proxy' } })).toBe(false);
  });
});

describe('unknown fields (kube-proxy drops them, so the setting silently does not apply)', () => {
  const ipvs = (extra: object) => kubeProxyConfigurationProblems({ apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration', mode: 'ipvs', ...extra } as any);

  test('a misspelt field is reported with the right name', () => {
    expect(ipvs({ ipvs: { strictArp: true } })).toEqual([expect.objectContaining({
      field: 'ipvs.strictArp', value: 'strictArp', fix: 'rename it to "strictARP".',
      message: expect.stringContaining('is not a KubeProxyConfiguration field (did you mean "strictARP"?)'),
    })]);
    expect(ipvs({ clustercidr: '10.244.0.0/16' })).toEqual([expect.objectContaining({ field: 'clustercidr', fix: 'rename it to "clusterCIDR".' })]);
  });

  test('an unknown field without a near name', () => {
    expect(ipvs({ conntrack: { frobnicate: 1 } })).toEqual([expect.objectContaining({ field: 'conntrack.frobnicate', fix: expect.stringContaining('remove it') })]);
  });

  test('every known field passes', () => {
    expect(ipvs({ ipvs: { strictARP: true, scheduler: 'rr', syncPeriod: '30s', minSyncPeriod: '0s' }, conntrack: { maxPerCore: 32768 } })).toEqual([]);
  });
});
