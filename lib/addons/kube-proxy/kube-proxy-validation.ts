import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { parseDocument } from 'yaml';
import { Problem } from '../../core/errors';
import { ipFamily, isCidr, isIpAddress, isIpPort } from '../../core/net';
import { formatGoDurationNanos, parseGoDuration } from '../../core/go-duration';
import {
  KUBE_PROXY_CONFIGURATION_FIELDS,
  DETECT_LOCAL_MODES, IPVS_SCHEDULERS, KUBE_PROXY_CONFIG_API_VERSION, KUBE_PROXY_CONFIG_KEY, KUBE_PROXY_CONFIG_KIND,
  KUBE_PROXY_KUBECONFIG_KEY, KUBE_PROXY_KUBECONFIG_PATH, KUBE_PROXY_MODES, KubeProxyConfiguration,
} from './kube-proxy-configuration';
import { atLeast, DEFAULT_KUBE_PROXY_KUBERNETES_VERSION, kubernetesVersionProblem, parseKubernetesVersion } from './kubernetes-version';

export interface KubeProxyValidationOptions {
  /**
   * The Kubernetes release the nodes run: it decides which modes, feature
   * gates and nodePortAddresses keywords exist.
   * @default DEFAULT_KUBERNETES_VERSION ('1.35')
   */
  readonly kubernetesVersion?: string;
}

/** Schedulers the Linux kernel has besides the ten kube-proxy names (net/netfilter/ipvs). */
const OTHER_KERNEL_SCHEDULERS = ['mh', 'fo', 'ovf', 'twos'];

/** kube-proxy's defaults for the sync periods of each mode, in nanoseconds (v1alpha1 defaults.go, 1.36). */
const SYNC_DEFAULTS: Record<string, { syncPeriod: number; minSyncPeriod: number }> = {
  iptables: { syncPeriod: 30e9, minSyncPeriod: 1e9 },
  ipvs: { syncPeriod: 30e9, minSyncPeriod: 0 },
  nftables: { syncPeriod: 30e9, minSyncPeriod: 1e9 },
};

const CIDR_EXAMPLE = 'a CIDR such as "10.244.0.0/16" or "fd00:10:244::/56"';

/**
 * The checks kube-proxy runs on its configuration before it starts
 * (pkg/proxy/apis/config/validation, 1.36, on the defaulted configuration), plus
 * what makes it exit right after: a mode or feature gate the release does not
 * have, an IPVS scheduler the kernel does not have. Pure: KubeProxyConfig
 * runs it on the configuration it renders, the policy engine on any manifest.
 */
export function kubeProxyConfigurationProblems(config: KubeProxyConfiguration, options: KubeProxyValidationOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string) =>
    problems.push({ field, message, value, allowed, fix });
  /** Nanoseconds of a Go duration field, reporting text Go cannot parse. */
  const duration = (field: string, value: unknown): number | undefined => {
    if (value === undefined || value === null) return undefined;
    const nanos = typeof value === 'string' ? parseGoDuration(value) : undefined;
    if (nanos === undefined) {
      add(field, 'is not a Go duration.', value, 'a number with a unit: "30s", "1m30s", "500ms", "24h0m0s"', 'write the duration with its unit, e.g. "30s".');
    }
    return nanos;
  };
  for (const [block, known] of Object.entries(KUBE_PROXY_CONFIGURATION_FIELDS)) {
    const value = block === '' ? config : (config as any)[block];
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
      const field = block === '' ? key : `${block}.${key}`;
      add(field, `is not a KubeProxyConfiguration field${near ? ` (did you mean "${near}"?)` : ''}; kube-proxy drops unknown fields, so the setting would silently not apply.`,
        key, known.join(', '), near ? `rename it to "${near}".` : 'remove it, or fix its name (kubeproxy.config.k8s.io/v1alpha1).');
    }
  }
  const nonNegativeDuration = (field: string, value: unknown) => {
    const nanos = duration(field, value);
    if (nanos !== undefined && nanos < 0) add(field, 'must be greater than or equal to 0.', value, '0s or more', 'use a positive duration, or 0s to keep the default.');
  };
  const integerIn = (field: string, value: unknown, min: number, max: number, fix: string) => {
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      add(field, `must be an integer within [${min}, ${max}].`, value, `${min} to ${max}`, fix);
    }
  };

  const versionText = options.kubernetesVersion ?? DEFAULT_KUBE_PROXY_KUBERNETES_VERSION;
  const versionProblem = kubernetesVersionProblem('kubernetesVersion', versionText);
  if (versionProblem) problems.push(versionProblem);
  const version = versionProblem ? undefined : parseKubernetesVersion(versionText);

  if (config.apiVersion !== undefined && config.apiVersion !== KUBE_PROXY_CONFIG_API_VERSION) {
    add('apiVersion', 'is not the kube-proxy configuration API.', config.apiVersion, KUBE_PROXY_CONFIG_API_VERSION, `set apiVersion: ${KUBE_PROXY_CONFIG_API_VERSION}.`);
  }
  if (config.kind !== undefined && config.kind !== KUBE_PROXY_CONFIG_KIND) {
    add('kind', 'is not KubeProxyConfiguration.', config.kind, KUBE_PROXY_CONFIG_KIND, `set kind: ${KUBE_PROXY_CONFIG_KIND}.`);
  }

  const gates = config.featureGates ?? {};
  for (const [gate, enabled] of Object.entries(gates)) {
    if (typeof enabled !== 'boolean') add(`featureGates.${gate}`, 'must be true or false.', enabled, 'true, false', 'write the gate as a boolean.');
  }

  // Mode: empty means iptables on Linux (server_linux.go platformApplyDefaults).
  const mode = config.mode === undefined || config.mode === '' ? 'iptables' : config.mode;
  if (!(KUBE_PROXY_MODES as readonly string[]).includes(mode)) {
    add('mode', 'is not a Linux proxy mode.', config.mode, `${KUBE_PROXY_MODES.join(', ')} or blank (blank means iptables)`,
      'use "nftables" (recommended from 1.33), "iptables" or "ipvs"; "kernelspace" is for Windows nodes, "userspace" was removed in 1.26.');
  }
  if (version && mode === 'nftables') {
    if (!atLeast(version, 29)) {
      add('mode', `"nftables" does not exist in Kubernetes ${versionText}; it arrived as alpha in 1.29.`, mode, 'iptables, ipvs', 'use "iptables", or upgrade to 1.31+ (beta, on by default) or 1.33+ (GA).');
    } else if (!atLeast(version, 31) && gates.NFTablesProxyMode !== true) {
      add('featureGates.NFTablesProxyMode', `must be true for mode "nftables" in Kubernetes ${versionText} (alpha, off by default until 1.31).`, gates.NFTablesProxyMode, 'true', 'set featureGates: { NFTablesProxyMode: true }, or upgrade to 1.31+.');
    } else if (gates.NFTablesProxyMode === false) {
      add('featureGates.NFTablesProxyMode', 'is false, which turns mode "nftables" off (and from 1.33 the gate is locked to true).', false, 'true or unset', 'drop the NFTablesProxyMode gate.');
    }
  }
  if (version && gates.KubeProxyIPVS !== undefined && !atLeast(version, 37)) {
    add('featureGates.KubeProxyIPVS', `does not exist in Kubernetes ${versionText} (added in 1.37); kube-proxy refuses unknown gates.`, gates.KubeProxyIPVS, 'unset before 1.37', 'drop the KubeProxyIPVS gate.');
  } else if (mode === 'ipvs' && gates.KubeProxyIPVS === false) {
    add('featureGates.KubeProxyIPVS', 'is false, which turns mode "ipvs" off.', false, 'true or unset', 'drop the gate, or move to mode "nftables".');
  }

  // Masquerade bits: iptables' always (ipvs uses it too), nftables' in nftables mode.
  integerIn('iptables.masqueradeBit', config.iptables?.masqueradeBit, 0, 31, 'pick a free bit of the packet mark, 0-31 (default 14).');
  if (mode === 'nftables') integerIn('nftables.masqueradeBit', config.nftables?.masqueradeBit, 0, 31, 'pick a free bit of the packet mark, 0-31 (default 14).');

  // The sync periods kube-proxy uses are the ones of its mode's section (conversion.go, 1.31+); zero means the default.
  for (const section of ['iptables', 'ipvs', 'nftables'] as const) {
    const block = config[section];
    const sync = duration(`${section}.syncPeriod`, block?.syncPeriod);
    const minSync = duration(`${section}.minSyncPeriod`, block?.minSyncPeriod);
    if (section !== (mode === 'ipvs' || mode === 'nftables' ? mode : 'iptables')) continue;
    const defaults = SYNC_DEFAULTS[section];
    if (sync !== undefined && sync < 0) add(`${section}.syncPeriod`, 'must be greater than 0.', block?.syncPeriod, 'more than 0s', 'use a positive duration such as "30s".');
    if (minSync !== undefined && minSync < 0) add(`${section}.minSyncPeriod`, 'must be greater than or equal to 0.', block?.minSyncPeriod, '0s or more', 'use "0s" or a positive duration such as "1s".');
    const effectiveSync = sync ? sync : defaults.syncPeriod;
    const effectiveMin = minSync ? minSync : defaults.minSyncPeriod;
    if ((sync ?? 0) >= 0 && (minSync ?? 0) >= 0 && effectiveMin > effectiveSync) {
      add(`${section}.minSyncPeriod`, `must not be longer than ${section}.syncPeriod (${minSync ? 'as given' : 'kube-proxy\'s default'} ${formatGoDurationNanos(effectiveMin)} > ${formatGoDurationNanos(effectiveSync)}).`,
        block?.minSyncPeriod ?? formatGoDurationNanos(effectiveMin), `0s to ${formatGoDurationNanos(effectiveSync)}`, `shorten ${section}.minSyncPeriod or lengthen ${section}.syncPeriod.`);
    }
  }

  if (mode === 'ipvs') {
    for (const field of ['tcpTimeout', 'tcpFinTimeout', 'udpTimeout'] as const) nonNegativeDuration(`ipvs.${field}`, config.ipvs?.[field]);
    (config.ipvs?.excludeCIDRs ?? []).forEach((cidr, i) => {
      if (!isCidr(cidr)) add(`ipvs.excludeCIDRs[${i}]`, 'must be a valid CIDR.', cidr, CIDR_EXAMPLE, 'write the range with its prefix length, e.g. "10.0.0.0/8".');
    });
    const scheduler = config.ipvs?.scheduler;
    if (scheduler && !(IPVS_SCHEDULERS as readonly string[]).includes(scheduler) && !OTHER_KERNEL_SCHEDULERS.includes(scheduler)) {
      add('ipvs.scheduler', 'is not an IPVS scheduler; kube-proxy exits at start when the kernel cannot create a virtual server with it.', scheduler,
        `${IPVS_SCHEDULERS.join(', ')} (or the kernel's ${OTHER_KERNEL_SCHEDULERS.join(', ')}); blank means rr`, 'use one of the allowed schedulers, e.g. "rr".');
    }
  }

  const configSync = duration('configSyncPeriod', config.configSyncPeriod);
  if (configSync !== undefined && configSync < 0) add('configSyncPeriod', 'must be greater than 0.', config.configSyncPeriod, 'more than 0s', 'use a positive duration such as "15m0s", or leave it out.');

  const conntrack = config.conntrack ?? {};
  integerIn('conntrack.maxPerCore', conntrack.maxPerCore, 0, 2 ** 31 - 1, 'use 0 to leave nf_conntrack_max alone, or a positive count (default 32768).');
  integerIn('conntrack.min', conntrack.min, 0, 2 ** 31 - 1, 'use a positive count (default 131072).');
  for (const field of ['tcpEstablishedTimeout', 'tcpCloseWaitTimeout', 'udpTimeout', 'udpStreamTimeout'] as const) {
    nonNegativeDuration(`conntrack.${field}`, conntrack[field]);
  }
  integerIn('oomScoreAdj', config.oomScoreAdj, -1000, 1000, 'use a value from -1000 to 1000 (default -999).');
  const burst = config.clientConnection?.burst;
  if (burst !== undefined && (typeof burst !== 'number' || burst < 0)) add('clientConnection.burst', 'must be greater than or equal to 0.', burst, '0 or more', 'use a non-negative burst (default 10).');

  if (config.bindAddress !== undefined && config.bindAddress !== '' && !isIpAddress(config.bindAddress)) {
    add('bindAddress', 'is not a valid textual representation of an IP address.', config.bindAddress, 'an IP address such as "0.0.0.0" or "::"', 'give an IP address, without a port.');
  }
  // A bare IP is fine: kube-proxy's defaulting appends the default port (proxyutil.AppendPortIfNeeded).
  for (const field of ['healthzBindAddress', 'metricsBindAddress'] as const) {
    const value = config[field];
    if (value !== undefined && value !== '' && !isIpPort(value) && !isIpAddress(value)) {
      add(field, 'must be IP:port.', value, '"IP:port" with a port from 1 to 65535, IPv6 in brackets ("0.0.0.0:10256", "[::]:10249"), or an IP alone for the default port', 'write the address and the port, e.g. "0.0.0.0:10249".');
    }
  }

  const addresses = config.nodePortAddresses ?? [];
  const keywords = version && atLeast(version, 37) ? ['primary', 'localhost', 'all'] : ['primary'];
  addresses.forEach((address, i) => {
    const field = `nodePortAddresses[${i}]`;
    if (['primary', 'localhost', 'all'].includes(address)) {
      if (!keywords.includes(address) || (address === 'primary' && version && !atLeast(version, 29))) {
        add(field, `is not a keyword in Kubernetes ${versionText}.`, address, version && atLeast(version, 29) ? `CIDRs or ${keywords.map((k) => `"${k}"`).join(', ')}` : 'CIDRs', 'list CIDRs of node addresses instead.');
      } else if (addresses.length !== 1) {
        add(field, `can't use both '${address}' and CIDRs.`, addresses, `["${address}"] alone, or only CIDRs`, `keep either ["${address}"] or the CIDRs.`);
      }
    } else if (!isCidr(address)) {
      add(field, 'must be a valid CIDR.', address, `${CIDR_EXAMPLE}, or ["primary"] alone`, 'write the range of node addresses with its prefix length, e.g. "192.168.1.0/24".');
    }
  });

  // Split as kube-proxy's conversion does: on commas, with no trimming.
  const clusterCIDRs = config.clusterCIDR ? config.clusterCIDR.split(',') : [];
  if (clusterCIDRs.length > 2) {
    add('clusterCIDR', 'must be a single CIDR or a dual-stack pair.', config.clusterCIDR, 'one CIDR, or an IPv4 and an IPv6 CIDR separated by a comma', 'keep one CIDR per IP family.');
  } else {
    clusterCIDRs.forEach((cidr, i) => {
      if (!isCidr(cidr)) add('clusterCIDR', `entry ${i} must be a valid CIDR block.`, cidr, `${CIDR_EXAMPLE}; two separated by a comma without spaces`, 'give the pod network CIDR (kubeadm\'s networking.podSubnet).');
    });
    if (clusterCIDRs.length === 2 && clusterCIDRs.every(isCidr) && cidrFamily(clusterCIDRs[0]) === cidrFamily(clusterCIDRs[1])) {
      add('clusterCIDR', 'must be a single CIDR or a dual-stack pair (one IPv4, one IPv6).', config.clusterCIDR, 'one CIDR per IP family', 'drop one of the two CIDRs of the same family.');
    }
  }

  const detectLocalMode = config.detectLocalMode ?? '';
  if (detectLocalMode !== '' && !(DETECT_LOCAL_MODES as readonly string[]).includes(detectLocalMode)) {
    add('detectLocalMode', 'is not a local traffic detection mode.', detectLocalMode, `${DETECT_LOCAL_MODES.join(', ')} or blank (blank means ClusterCIDR)`, 'use one of the allowed modes.');
  }
  if (detectLocalMode === 'BridgeInterface' && !config.detectLocal?.bridgeInterface) {
    add('detectLocal.bridgeInterface', 'must not be empty when detectLocalMode is BridgeInterface.', config.detectLocal?.bridgeInterface, 'the bridge the pods are attached to, e.g. "cni0"', 'set detectLocal.bridgeInterface.');
  }
  if (detectLocalMode === 'InterfaceNamePrefix' && !config.detectLocal?.interfaceNamePrefix) {
    add('detectLocal.interfaceNamePrefix', 'must not be empty when detectLocalMode is InterfaceNamePrefix.', config.detectLocal?.interfaceNamePrefix, 'the prefix of the pods\' host-side interfaces, e.g. "veth"', 'set detectLocal.interfaceNamePrefix.');
  }
  return problems;
}

function cidrFamily(cidr: string): number {
  return ipFamily(cidr.slice(0, cidr.indexOf('/')));
}

/**
 * What is legal but on its way out, for the release given: ipvs is deprecated
 * from 1.35 (KEP-5495: kube-proxy logs it at start; the plan turns ipvs off by
 * default in 1.40 and removes it in 1.43).
 */
export function kubeProxyConfigurationWarnings(config: KubeProxyConfiguration, options: KubeProxyValidationOptions = {}): string[] {
  const versionText = options.kubernetesVersion ?? DEFAULT_KUBE_PROXY_KUBERNETES_VERSION;
  const version = parseKubernetesVersion(versionText);
  if (config.mode !== 'ipvs' || !version || !atLeast(version, 35)) return [];
  return [
    `kube-proxy mode "ipvs" is deprecated since Kubernetes 1.35 (KEP-5495) and this configuration targets ${versionText}: `
    + 'kube-proxy logs a deprecation warning at start, and upstream plans to turn ipvs off by default in 1.40 and remove it in 1.43. '
    + 'Move to mode "nftables" (GA since 1.33); docs/kube-proxy.md, "Kubernetes releases, and moving from ipvs to nftables", shows how.',
  ];
}

/** True for the ConfigMap kube-proxy reads: kubeadm's name or its `config.conf` key. */
export function isKubeProxyConfigMap(manifest: { kind?: string; metadata?: { name?: string }; data?: Record<string, string> }): boolean {
  return manifest.kind === 'ConfigMap' && (manifest.metadata?.name === 'kube-proxy' || manifest.data?.[KUBE_PROXY_CONFIG_KEY] !== undefined);
}

/**
 * Parses `data["config.conf"]` of a kube-proxy ConfigMap (YAML, as kubeadm
 * writes it) and checks it with {@link kubeProxyConfigurationProblems}; field
 * paths are prefixed with `data["config.conf"].`. Also reports a missing or
 * unparseable `config.conf`, and a `kubeconfig.conf` that the configuration
 * points at but the ConfigMap lacks.
 */
export function kubeProxyConfigMapProblems(manifest: IConfigMap, options: KubeProxyValidationOptions = {}): Problem[] {
  const prefix = `data["${KUBE_PROXY_CONFIG_KEY}"]`;
  const text = manifest.data?.[KUBE_PROXY_CONFIG_KEY];
  if (text === undefined) {
    return [{
      field: prefix, message: 'is missing: kube-proxy reads its configuration from this key.', allowed: 'a KubeProxyConfiguration as YAML',
      fix: `add the ${KUBE_PROXY_CONFIG_KEY} key (kubeadm's DaemonSet runs kube-proxy --config=/var/lib/kube-proxy/${KUBE_PROXY_CONFIG_KEY}).`,
    }];
  }
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) {
    return [{
      field: prefix, message: `is not valid YAML: ${document.errors[0].message.split('\n')[0]}`, allowed: 'a KubeProxyConfiguration as YAML',
      fix: 'fix the YAML syntax; kube-proxy exits when it cannot decode its configuration.',
    }];
  }
  const config = document.toJS();
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    return [{
      field: prefix, message: 'is not a YAML mapping.', value: config, allowed: 'a KubeProxyConfiguration as YAML',
      fix: `write a mapping starting with apiVersion: ${KUBE_PROXY_CONFIG_API_VERSION} and kind: ${KUBE_PROXY_CONFIG_KIND}.`,
    }];
  }
  const problems = kubeProxyConfigurationProblems(config as KubeProxyConfiguration, options)
    .map((p) => (p.field === 'kubernetesVersion' ? p : { ...p, field: `${prefix}.${p.field}` }));
  const kubeconfig = (config as KubeProxyConfiguration).clientConnection?.kubeconfig;
  if (kubeconfig === KUBE_PROXY_KUBECONFIG_PATH && manifest.data?.[KUBE_PROXY_KUBECONFIG_KEY] === undefined) {
    problems.push({
      field: `data["${KUBE_PROXY_KUBECONFIG_KEY}"]`, message: `is missing, but clientConnection.kubeconfig points at ${KUBE_PROXY_KUBECONFIG_PATH}.`,
      allowed: 'a kubeconfig for the kube-proxy ServiceAccount', fix: `add the ${KUBE_PROXY_KUBECONFIG_KEY} key as kubeadm writes it, or point clientConnection.kubeconfig elsewhere.`,
    });
  }
  return problems;
}
