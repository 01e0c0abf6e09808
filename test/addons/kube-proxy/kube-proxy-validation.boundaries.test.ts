import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import {
  KubeProxyConfiguration, kubeProxyConfigMapProblems, kubeProxyConfigurationProblems, kubeProxyConfigurationWarnings,
} from '../../../lib/addons/kube-proxy';
import { Problem } from '../../../lib/core/errors';
import { DEFAULT_KUBERNETES_VERSION } from '../../../lib/core/kubernetes-version';

// The inclusive edges of kube-proxy's ranges and the exact texts of each problem (field, value, allowed,
// fix), so that loosening a comparison, dropping a check or blanking a text fails a test (issue 17).

const base = { apiVersion: 'kubeproxy.config.k8s.io/v1alpha1', kind: 'KubeProxyConfiguration' };
const problemsOf = (config: Record<string, unknown>, kubernetesVersion?: string) =>
  kubeProxyConfigurationProblems({ ...base, ...config } as KubeProxyConfiguration, { kubernetesVersion });
const problem = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string): Problem => ({ field, message, value, allowed, fix });
const MASQUERADE_FIX = 'pick a free bit of the packet mark, 0-31 (default 14).';

describe('inclusive integer ranges', () => {
  test.each([0, 14, 31])('iptables.masqueradeBit %p is accepted', (masqueradeBit) => {
    expect(problemsOf({ iptables: { masqueradeBit } })).toEqual([]);
  });

  test.each([32, -1, 1.5, '14'])('iptables.masqueradeBit %p is refused', (masqueradeBit) => {
    expect(problemsOf({ iptables: { masqueradeBit } })).toEqual([
      problem('iptables.masqueradeBit', 'must be an integer within [0, 31].', masqueradeBit, '0 to 31', MASQUERADE_FIX),
    ]);
  });

  test('nftables.masqueradeBit is judged in nftables mode only, with the same edges', () => {
    expect(problemsOf({ mode: 'nftables', nftables: { masqueradeBit: 31 } })).toEqual([]);
    expect(problemsOf({ mode: 'nftables', nftables: { masqueradeBit: 32 } })).toEqual([
      problem('nftables.masqueradeBit', 'must be an integer within [0, 31].', 32, '0 to 31', MASQUERADE_FIX),
    ]);
    expect(problemsOf({ mode: 'iptables', nftables: { masqueradeBit: 32 } })).toEqual([]);
  });

  test.each([-1000, -999, 0, 1000])('oomScoreAdj %p is accepted', (oomScoreAdj) => {
    expect(problemsOf({ oomScoreAdj })).toEqual([]);
  });

  test.each([-1001, 1001])('oomScoreAdj %p is refused', (oomScoreAdj) => {
    expect(problemsOf({ oomScoreAdj })).toEqual([
      problem('oomScoreAdj', 'must be an integer within [-1000, 1000].', oomScoreAdj, '-1000 to 1000', 'use a value from -1000 to 1000 (default -999).'),
    ]);
  });

  test('conntrack counts run from 0 to 2^31-1', () => {
    const max = 2 ** 31 - 1;
    expect(problemsOf({ conntrack: { maxPerCore: 0, min: 0 } })).toEqual([]);
    expect(problemsOf({ conntrack: { maxPerCore: max, min: max } })).toEqual([]);
    expect(problemsOf({ conntrack: { maxPerCore: null, min: null } })).toEqual([]);
    expect(problemsOf({ conntrack: { maxPerCore: -1, min: max + 1 } })).toEqual([
      problem('conntrack.maxPerCore', `must be an integer within [0, ${max}].`, -1, `0 to ${max}`, 'use 0 to leave nf_conntrack_max alone, or a positive count (default 32768).'),
      problem('conntrack.min', `must be an integer within [0, ${max}].`, max + 1, `0 to ${max}`, 'use a positive count (default 131072).'),
    ]);
  });

  test('clientConnection.burst is 0 or more', () => {
    expect(problemsOf({ clientConnection: { burst: 0 } })).toEqual([]);
    for (const burst of [-1, '10']) {
      expect(problemsOf({ clientConnection: { burst } })).toEqual([
        problem('clientConnection.burst', 'must be greater than or equal to 0.', burst, '0 or more', 'use a non-negative burst (default 10).'),
      ]);
    }
  });
});

describe('sync periods', () => {
  test('minSyncPeriod equal to syncPeriod is accepted; one millisecond longer is refused', () => {
    expect(problemsOf({ iptables: { syncPeriod: '2s', minSyncPeriod: '2s' } })).toEqual([]);
    expect(problemsOf({ iptables: { syncPeriod: '2s', minSyncPeriod: '2001ms' } })).toEqual([
      problem('iptables.minSyncPeriod', 'must not be longer than iptables.syncPeriod (as given 2.001s > 2s).', '2001ms', '0s to 2s',
        'shorten iptables.minSyncPeriod or lengthen iptables.syncPeriod.'),
    ]);
  });

  test("a short syncPeriod is judged against kube-proxy's default minSyncPeriod of its mode", () => {
    expect(problemsOf({ iptables: { syncPeriod: '500ms' } })).toEqual([
      problem('iptables.minSyncPeriod', "must not be longer than iptables.syncPeriod (kube-proxy's default 1s > 500ms).", '1s', '0s to 500ms',
        'shorten iptables.minSyncPeriod or lengthen iptables.syncPeriod.'),
    ]);
    expect(problemsOf({ iptables: { syncPeriod: '1s' } })).toEqual([]);
    // ipvs defaults minSyncPeriod to 0.
    expect(problemsOf({ mode: 'ipvs', ipvs: { syncPeriod: '500ms' } }, '1.34')).toEqual([]);
    expect(problemsOf({ mode: 'nftables', nftables: { syncPeriod: '500ms' } })).toHaveLength(1);
  });

  test('zero means the default: a 0s syncPeriod is 30s, a 0s minSyncPeriod the default', () => {
    expect(problemsOf({ iptables: { syncPeriod: '0s', minSyncPeriod: '30s' } })).toEqual([]);
    expect(problemsOf({ iptables: { syncPeriod: '0s', minSyncPeriod: '31s' } })[0]).toMatchObject({
      message: 'must not be longer than iptables.syncPeriod (as given 31s > 30s).', allowed: '0s to 30s',
    });
    expect(problemsOf({ iptables: { syncPeriod: '1s', minSyncPeriod: '0s' } })).toEqual([]);
  });

  test('negative periods are refused, and then not compared', () => {
    expect(problemsOf({ iptables: { syncPeriod: '-1s' } })).toEqual([
      problem('iptables.syncPeriod', 'must be greater than 0.', '-1s', 'more than 0s', 'use a positive duration such as "30s".'),
    ]);
    expect(problemsOf({ iptables: { minSyncPeriod: '-1s' } })).toEqual([
      problem('iptables.minSyncPeriod', 'must be greater than or equal to 0.', '-1s', '0s or more', 'use "0s" or a positive duration such as "1s".'),
    ]);
  });

  test("only the mode's own section is compared, though every section must parse", () => {
    expect(problemsOf({ mode: 'iptables', nftables: { syncPeriod: '1ms', minSyncPeriod: '-1s' } })).toEqual([]);
    expect(problemsOf({ mode: 'nftables', iptables: { syncPeriod: '1ms' } })).toEqual([]);
    expect(problemsOf({ mode: 'iptables', ipvs: { syncPeriod: 'soon' } })).toEqual([
      problem('ipvs.syncPeriod', 'is not a Go duration.', 'soon', 'a number with a unit: "30s", "1m30s", "500ms", "24h0m0s"', 'write the duration with its unit, e.g. "30s".'),
    ]);
  });

  test('configSyncPeriod is not negative', () => {
    expect(problemsOf({ configSyncPeriod: '0s' })).toEqual([]);
    expect(problemsOf({ configSyncPeriod: '-1m' })).toEqual([
      problem('configSyncPeriod', 'must be greater than 0.', '-1m', 'more than 0s', 'use a positive duration such as "15m0s", or leave it out.'),
    ]);
  });

  test('conntrack and ipvs timeouts are not negative (ipvs ones in ipvs mode)', () => {
    expect(problemsOf({ conntrack: { tcpEstablishedTimeout: '0s', udpTimeout: '-1s' } })).toEqual([
      problem('conntrack.udpTimeout', 'must be greater than or equal to 0.', '-1s', '0s or more', 'use a positive duration, or 0s to keep the default.'),
    ]);
    expect(problemsOf({ mode: 'ipvs', ipvs: { tcpTimeout: '-1s' } }, '1.34')).toEqual([
      problem('ipvs.tcpTimeout', 'must be greater than or equal to 0.', '-1s', '0s or more', 'use a positive duration, or 0s to keep the default.'),
    ]);
    expect(problemsOf({ mode: 'iptables', ipvs: { tcpTimeout: '-1s' } })).toEqual([]);
  });
});

describe('modes, gates and releases', () => {
  test('an unknown mode names the Linux modes', () => {
    expect(problemsOf({ mode: 'userspace' })).toEqual([
      problem('mode', 'is not a Linux proxy mode.', 'userspace', 'iptables, ipvs, nftables or blank (blank means iptables)',
        'use "nftables" (recommended from 1.33), "iptables" or "ipvs"; "kernelspace" is for Windows nodes, "userspace" was removed in 1.26.'),
    ]);
    expect(problemsOf({ mode: '' })).toEqual([]);
  });

  test('nftables: absent before 1.29, behind its gate in 1.29-1.30, on from 1.31 unless the gate is false', () => {
    expect(problemsOf({ mode: 'nftables' }, '1.28')).toEqual([
      problem('mode', '"nftables" does not exist in Kubernetes 1.28; it arrived as alpha in 1.29.', 'nftables', 'iptables, ipvs', 'use "iptables", or upgrade to 1.31+ (beta, on by default) or 1.33+ (GA).'),
    ]);
    expect(problemsOf({ mode: 'nftables' }, '1.30')).toEqual([
      problem('featureGates.NFTablesProxyMode', 'must be true for mode "nftables" in Kubernetes 1.30 (alpha, off by default until 1.31).', undefined, 'true',
        'set featureGates: { NFTablesProxyMode: true }, or upgrade to 1.31+.'),
    ]);
    expect(problemsOf({ mode: 'nftables', featureGates: { NFTablesProxyMode: true } }, '1.29')).toEqual([]);
    expect(problemsOf({ mode: 'nftables' }, '1.31')).toEqual([]);
    expect(problemsOf({ mode: 'nftables', featureGates: { NFTablesProxyMode: false } }, '1.31')).toEqual([
      problem('featureGates.NFTablesProxyMode', 'is false, which turns mode "nftables" off (and from 1.33 the gate is locked to true).', false, 'true or unset', 'drop the NFTablesProxyMode gate.'),
    ]);
  });

  test('the KubeProxyIPVS gate exists from 1.37, and false there turns ipvs off', () => {
    expect(problemsOf({ featureGates: { KubeProxyIPVS: true } }, '1.36')).toEqual([
      problem('featureGates.KubeProxyIPVS', 'does not exist in Kubernetes 1.36 (added in 1.37); kube-proxy refuses unknown gates.', true, 'unset before 1.37', 'drop the KubeProxyIPVS gate.'),
    ]);
    expect(problemsOf({ mode: 'ipvs', featureGates: { KubeProxyIPVS: true } }, '1.37')).toEqual([]);
    expect(problemsOf({ mode: 'iptables', featureGates: { KubeProxyIPVS: false } }, '1.37')).toEqual([]);
    expect(problemsOf({ mode: 'ipvs', featureGates: { KubeProxyIPVS: false } }, '1.37')).toEqual([
      problem('featureGates.KubeProxyIPVS', 'is false, which turns mode "ipvs" off.', false, 'true or unset', 'drop the gate, or move to mode "nftables".'),
    ]);
  });

  test('a gate must be a boolean', () => {
    expect(problemsOf({ featureGates: { SomeGate: 'true' } })).toEqual([
      problem('featureGates.SomeGate', 'must be true or false.', 'true', 'true, false', 'write the gate as a boolean.'),
    ]);
  });

  test('apiVersion and kind must be the kube-proxy configuration API', () => {
    expect(problemsOf({ apiVersion: 'kubeproxy.config.k8s.io/v1', kind: 'KubeletConfiguration' })).toEqual([
      problem('apiVersion', 'is not the kube-proxy configuration API.', 'kubeproxy.config.k8s.io/v1', 'kubeproxy.config.k8s.io/v1alpha1', 'set apiVersion: kubeproxy.config.k8s.io/v1alpha1.'),
      problem('kind', 'is not KubeProxyConfiguration.', 'KubeletConfiguration', 'KubeProxyConfiguration', 'set kind: KubeProxyConfiguration.'),
    ]);
  });

  test('ipvs: excluded CIDRs and schedulers (the kernel-only ones too)', () => {
    expect(problemsOf({ mode: 'ipvs', ipvs: { scheduler: 'mh', excludeCIDRs: ['10.0.0.0/8'] } }, '1.34')).toEqual([]);
    expect(problemsOf({ mode: 'ipvs', ipvs: { scheduler: 'rr' } }, '1.34')).toEqual([]);
    expect(problemsOf({ mode: 'ipvs', ipvs: { scheduler: 'round-robin', excludeCIDRs: ['10.0.0.0/8', '10.0.0.1'] } }, '1.34')).toEqual([
      problem('ipvs.excludeCIDRs[1]', 'must be a valid CIDR.', '10.0.0.1', 'a CIDR such as "10.244.0.0/16" or "fd00:10:244::/56"', 'write the range with its prefix length, e.g. "10.0.0.0/8".'),
      problem('ipvs.scheduler', 'is not an IPVS scheduler; kube-proxy exits at start when the kernel cannot create a virtual server with it.', 'round-robin',
        "rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq (or the kernel's mh, fo, ovf, twos); blank means rr", 'use one of the allowed schedulers, e.g. "rr".'),
    ]);
  });

  test('ipvs is deprecated from 1.35: a warning there, none before nor for other modes', () => {
    const config = { ...base, mode: 'ipvs' } as KubeProxyConfiguration;
    expect(kubeProxyConfigurationWarnings(config, { kubernetesVersion: '1.34' })).toEqual([]);
    expect(kubeProxyConfigurationWarnings({ ...base, mode: 'nftables' } as KubeProxyConfiguration, { kubernetesVersion: '1.36' })).toEqual([]);
    expect(kubeProxyConfigurationWarnings(config, { kubernetesVersion: 'one' })).toEqual([]);
    expect(kubeProxyConfigurationWarnings(config, { kubernetesVersion: '1.36' })).toEqual([
      'kube-proxy mode "ipvs" is deprecated since Kubernetes 1.35 (KEP-5495) and this configuration targets 1.36: '
      + 'kube-proxy logs a deprecation warning at start, and upstream plans to turn ipvs off by default in 1.40 and remove it in 1.43. '
      + 'Move to mode "nftables" (GA since 1.33); docs/kube-proxy.md, "Kubernetes releases, and moving from ipvs to nftables", shows how.',
    ]);
    expect(kubeProxyConfigurationWarnings(config, { kubernetesVersion: '1.35' })).toHaveLength(1);
    // Without a version, the app-wide default target (DEFAULT_KUBERNETES_VERSION) is judged.
    expect(kubeProxyConfigurationWarnings(config)[0]).toContain(`targets ${DEFAULT_KUBERNETES_VERSION}: `);
  });
});

describe('fields and addresses', () => {
  test('an unknown field names the known ones, and the near miss when the case differs', () => {
    const [typo] = problemsOf({ iptables: { masqueradebit: 14 } });
    expect(typo).toEqual(problem('iptables.masqueradebit',
      'is not a KubeProxyConfiguration field (did you mean "masqueradeBit"?); kube-proxy drops unknown fields, so the setting would silently not apply.',
      'masqueradebit', 'masqueradeBit, masqueradeAll, localhostNodePorts, syncPeriod, minSyncPeriod', 'rename it to "masqueradeBit".'));
    const [unknown] = problemsOf({ proxyMode: 'ipvs' });
    expect(unknown).toMatchObject({
      field: 'proxyMode', value: 'proxyMode',
      message: 'is not a KubeProxyConfiguration field; kube-proxy drops unknown fields, so the setting would silently not apply.',
      fix: 'remove it, or fix its name (kubeproxy.config.k8s.io/v1alpha1).',
    });
  });

  test('bindAddress is an IP; the bind addresses take IP:port or a bare IP', () => {
    expect(problemsOf({ bindAddress: '::', healthzBindAddress: '0.0.0.0:10256', metricsBindAddress: '127.0.0.1' })).toEqual([]);
    expect(problemsOf({ bindAddress: '', healthzBindAddress: '', metricsBindAddress: '' })).toEqual([]);
    expect(problemsOf({ bindAddress: '0.0.0.0:10249', metricsBindAddress: 'localhost:10249' })).toEqual([
      problem('bindAddress', 'is not a valid textual representation of an IP address.', '0.0.0.0:10249', 'an IP address such as "0.0.0.0" or "::"', 'give an IP address, without a port.'),
      problem('metricsBindAddress', 'must be IP:port.', 'localhost:10249',
        '"IP:port" with a port from 1 to 65535, IPv6 in brackets ("0.0.0.0:10256", "[::]:10249"), or an IP alone for the default port', 'write the address and the port, e.g. "0.0.0.0:10249".'),
    ]);
  });

  test('nodePortAddresses: CIDRs, or one keyword alone, as the release knows them', () => {
    expect(problemsOf({ nodePortAddresses: ['primary'] }, '1.29')).toEqual([]);
    expect(problemsOf({ nodePortAddresses: ['all'] }, '1.37')).toEqual([]);
    expect(problemsOf({ nodePortAddresses: ['primary'] }, '1.28')).toEqual([
      problem('nodePortAddresses[0]', 'is not a keyword in Kubernetes 1.28.', 'primary', 'CIDRs', 'list CIDRs of node addresses instead.'),
    ]);
    expect(problemsOf({ nodePortAddresses: ['localhost'] }, '1.36')).toEqual([
      problem('nodePortAddresses[0]', 'is not a keyword in Kubernetes 1.36.', 'localhost', 'CIDRs or "primary"', 'list CIDRs of node addresses instead.'),
    ]);
    expect(problemsOf({ nodePortAddresses: ['localhost'] }, '1.37')).toEqual([]);
    expect(problemsOf({ nodePortAddresses: ['primary', '10.0.0.0/8'] })).toEqual([
      problem('nodePortAddresses[0]', "can't use both 'primary' and CIDRs.", ['primary', '10.0.0.0/8'], '["primary"] alone, or only CIDRs', 'keep either ["primary"] or the CIDRs.'),
    ]);
    expect(problemsOf({ nodePortAddresses: ['10.0.0.1'] })).toEqual([
      problem('nodePortAddresses[0]', 'must be a valid CIDR.', '10.0.0.1', 'a CIDR such as "10.244.0.0/16" or "fd00:10:244::/56", or ["primary"] alone',
        'write the range of node addresses with its prefix length, e.g. "192.168.1.0/24".'),
    ]);
  });

  test('clusterCIDR: one CIDR or a dual-stack pair', () => {
    expect(problemsOf({ clusterCIDR: '10.244.0.0/16,fd00:10:244::/56' })).toEqual([]);
    expect(problemsOf({ clusterCIDR: '10.244.0.0/16' })).toEqual([]);
    expect(problemsOf({ clusterCIDR: '10.0.0.0/8,fd00::/56,10.1.0.0/16' })).toEqual([
      problem('clusterCIDR', 'must be a single CIDR or a dual-stack pair.', '10.0.0.0/8,fd00::/56,10.1.0.0/16', 'one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma', 'keep one CIDR per IP family.'),
    ]);
    expect(problemsOf({ clusterCIDR: '10.244.0.0/16, fd00::/56' })).toEqual([
      problem('clusterCIDR', 'entry 1 must be a valid CIDR block.', ' fd00::/56', 'a CIDR such as "10.244.0.0/16" or "fd00:10:244::/56"; two separated by a comma without spaces',
        "give the pod network CIDR (kubeadm's networking.podSubnet)."),
    ]);
    expect(problemsOf({ clusterCIDR: '10.244.0.0/16,10.245.0.0/16' })).toEqual([
      problem('clusterCIDR', 'must be a single CIDR or a dual-stack pair (one IPv4, one IPv6).', '10.244.0.0/16,10.245.0.0/16', 'one CIDR per IP family', 'drop one of the two CIDRs of the same family.'),
    ]);
  });

  test('detectLocalMode and the field each mode needs', () => {
    expect(problemsOf({ detectLocalMode: 'NodeCIDR' })).toEqual([]);
    expect(problemsOf({ detectLocalMode: 'BridgeInterface', detectLocal: { bridgeInterface: 'cni0' } })).toEqual([]);
    expect(problemsOf({ detectLocalMode: 'InterfaceNamePrefix', detectLocal: { interfaceNamePrefix: 'veth' } })).toEqual([]);
    expect(problemsOf({ detectLocalMode: 'PodCIDR' })).toEqual([
      problem('detectLocalMode', 'is not a local traffic detection mode.', 'PodCIDR', 'ClusterCIDR, NodeCIDR, BridgeInterface, InterfaceNamePrefix or blank (blank means ClusterCIDR)', 'use one of the allowed modes.'),
    ]);
    expect(problemsOf({ detectLocalMode: 'BridgeInterface' })).toEqual([
      problem('detectLocal.bridgeInterface', 'must not be empty when detectLocalMode is BridgeInterface.', undefined, 'the bridge the pods are attached to, e.g. "cni0"', 'set detectLocal.bridgeInterface.'),
    ]);
    expect(problemsOf({ detectLocalMode: 'InterfaceNamePrefix', detectLocal: { interfaceNamePrefix: '' } })).toEqual([
      problem('detectLocal.interfaceNamePrefix', 'must not be empty when detectLocalMode is InterfaceNamePrefix.', '', 'the prefix of the pods\' host-side interfaces, e.g. "veth"', 'set detectLocal.interfaceNamePrefix.'),
    ]);
  });
});

describe('the kube-proxy ConfigMap', () => {
  const configMap = (data?: Record<string, string>): IConfigMap => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy' }, data });

  test('a missing, unparseable or non-mapping config.conf', () => {
    expect(kubeProxyConfigMapProblems(configMap({}))).toEqual([{
      field: 'data["config.conf"]', message: 'is missing: kube-proxy reads its configuration from this key.', allowed: 'a KubeProxyConfiguration as YAML',
      fix: "add the config.conf key (kubeadm's DaemonSet runs kube-proxy --config=/var/lib/kube-proxy/config.conf).",
    }]);
    expect(kubeProxyConfigMapProblems(configMap())).toHaveLength(1);
    const [bad] = kubeProxyConfigMapProblems(configMap({ 'config.conf': 'mode: [' }));
    expect(bad).toMatchObject({ field: 'data["config.conf"]', allowed: 'a KubeProxyConfiguration as YAML', fix: 'fix the YAML syntax; kube-proxy exits when it cannot decode its configuration.' });
    expect(bad.message).toMatch(/^is not valid YAML: \S/);
    expect(bad.message).not.toContain('\n');
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': '- a' }))).toEqual([{
      field: 'data["config.conf"]', message: 'is not a YAML mapping.', value: ['a'], allowed: 'a KubeProxyConfiguration as YAML',
      fix: 'write a mapping starting with apiVersion: kubeproxy.config.k8s.io/v1alpha1 and kind: KubeProxyConfiguration.',
    }]);
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': '' }))[0].message).toBe('is not a YAML mapping.');
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': 'just text' }))[0]).toMatchObject({ message: 'is not a YAML mapping.', value: 'just text' });
    // kube-proxy's strict decoder refuses a key given twice.
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': 'mode: ipvs\nmode: nftables\n' }))[0].message).toMatch(/^is not valid YAML: /);
  });

  test('fields are prefixed with the key, except the version; a kubeconfig it points at must be there', () => {
    const conf = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\noomScoreAdj: 1001\nclientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\n';
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': conf }), { kubernetesVersion: 'latest' }).map((p) => p.field)).toEqual([
      'kubernetesVersion', 'data["config.conf"].oomScoreAdj', 'data["kubeconfig.conf"]',
    ]);
    const [missing] = kubeProxyConfigMapProblems(configMap({ 'config.conf': conf })).slice(-1);
    expect(missing).toEqual({
      field: 'data["kubeconfig.conf"]', message: 'is missing, but clientConnection.kubeconfig points at /var/lib/kube-proxy/kubeconfig.conf.',
      allowed: 'a kubeconfig for the kube-proxy ServiceAccount', fix: 'add the kubeconfig.conf key as kubeadm writes it, or point clientConnection.kubeconfig elsewhere.',
    });
    expect(kubeProxyConfigMapProblems(configMap({ 'config.conf': conf, 'kubeconfig.conf': 'apiVersion: v1' })).map((p) => p.field)).toEqual(['data["config.conf"].oomScoreAdj']);
  });
});
