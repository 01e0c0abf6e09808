/**
 * The JSON shape of `KubeProxyConfiguration` (`kubeproxy.config.k8s.io/v1alpha1`),
 * as in k8s.io/kube-proxy/config/v1alpha1/types.go at v0.36.3 (Kubernetes 1.36).
 * kubernetes-models has no type for component configuration, so it is written
 * here. Durations are Go duration strings (`30s`, `15m0s`). Every field is
 * optional: kube-proxy defaults what is absent or zero.
 */
export interface KubeProxyConfiguration {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly featureGates?: Record<string, boolean>;
  readonly clientConnection?: KubeProxyClientConnection;
  readonly logging?: Record<string, unknown>;
  readonly hostnameOverride?: string;
  readonly bindAddress?: string;
  readonly healthzBindAddress?: string;
  readonly metricsBindAddress?: string;
  readonly bindAddressHardFail?: boolean;
  readonly enableProfiling?: boolean;
  readonly showHiddenMetricsForVersion?: string;
  readonly mode?: string;
  readonly iptables?: KubeProxyIptablesConfiguration;
  readonly ipvs?: KubeProxyIpvsConfiguration;
  readonly nftables?: KubeProxyNftablesConfiguration;
  readonly winkernel?: Record<string, unknown>;
  readonly detectLocalMode?: string;
  readonly detectLocal?: KubeProxyDetectLocalConfiguration;
  readonly clusterCIDR?: string;
  readonly nodePortAddresses?: readonly string[] | null;
  readonly oomScoreAdj?: number | null;
  readonly conntrack?: KubeProxyConntrackConfiguration;
  readonly configSyncPeriod?: string;
  readonly portRange?: string;
  readonly windowsRunAsService?: boolean;
}

/** component-base ClientConnectionConfiguration. */
export interface KubeProxyClientConnection {
  readonly kubeconfig?: string;
  readonly acceptContentTypes?: string;
  readonly contentType?: string;
  readonly qps?: number;
  readonly burst?: number;
}

export interface KubeProxyIptablesConfiguration {
  readonly masqueradeBit?: number | null;
  readonly masqueradeAll?: boolean;
  readonly localhostNodePorts?: boolean | null;
  readonly syncPeriod?: string;
  readonly minSyncPeriod?: string;
}

export interface KubeProxyIpvsConfiguration {
  readonly syncPeriod?: string;
  readonly minSyncPeriod?: string;
  readonly scheduler?: string;
  readonly excludeCIDRs?: readonly string[] | null;
  readonly strictARP?: boolean;
  readonly tcpTimeout?: string;
  readonly tcpFinTimeout?: string;
  readonly udpTimeout?: string;
}

export interface KubeProxyNftablesConfiguration {
  readonly masqueradeBit?: number | null;
  readonly masqueradeAll?: boolean;
  readonly syncPeriod?: string;
  readonly minSyncPeriod?: string;
}

export interface KubeProxyDetectLocalConfiguration {
  readonly bridgeInterface?: string;
  readonly interfaceNamePrefix?: string;
}

export interface KubeProxyConntrackConfiguration {
  readonly maxPerCore?: number | null;
  readonly min?: number | null;
  readonly tcpEstablishedTimeout?: string | null;
  readonly tcpCloseWaitTimeout?: string | null;
  readonly tcpBeLiberal?: boolean;
  readonly udpTimeout?: string;
  readonly udpStreamTimeout?: string;
}

/** `kubeproxy.config.k8s.io/v1alpha1`: the only released version of the API. */
export const KUBE_PROXY_CONFIG_API_VERSION = 'kubeproxy.config.k8s.io/v1alpha1';
export const KUBE_PROXY_CONFIG_KIND = 'KubeProxyConfiguration';

/** The Linux proxy modes (kube-proxy 1.36; `userspace` was removed in 1.26). */
export const KUBE_PROXY_MODES = ['iptables', 'ipvs', 'nftables'] as const;
export type KubeProxyMode = typeof KUBE_PROXY_MODES[number];

/** The schedulers kube-proxy names (pkg/proxy/ipvs, IPVSSchedulerMethod constants); `rr` is its default. */
export const IPVS_SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'] as const;
export type IpvsScheduler = typeof IPVS_SCHEDULERS[number];

/** How kube-proxy tells local traffic from the rest (LocalMode, types.go v0.36.3). */
export const DETECT_LOCAL_MODES = ['ClusterCIDR', 'NodeCIDR', 'BridgeInterface', 'InterfaceNamePrefix'] as const;
export type DetectLocalMode = typeof DETECT_LOCAL_MODES[number];

/** kubeadm's layout of the `kube-proxy` ConfigMap (cmd/kubeadm/app/constants, phases/addons/proxy). */
export const KUBE_PROXY_CONFIG_KEY = 'config.conf';
export const KUBE_PROXY_KUBECONFIG_KEY = 'kubeconfig.conf';
/** Where kubeadm's DaemonSet mounts the ConfigMap, so where config.conf finds kubeconfig.conf. */
export const KUBE_PROXY_KUBECONFIG_PATH = '/var/lib/kube-proxy/kubeconfig.conf';

/**
 * The JSON field names of KubeProxyConfiguration v1alpha1 and its blocks
 * (k8s.io/kube-proxy/config/v1alpha1/types.go, v0.36.3). kube-proxy decodes
 * leniently when strict decoding fails: an unknown or misspelt field
 * (`strictArp`) is dropped with a log line, so the setting silently does not apply.
 */
export const KUBE_PROXY_CONFIGURATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': ['apiVersion', 'kind', 'featureGates', 'clientConnection', 'logging', 'hostnameOverride', 'bindAddress',
    'healthzBindAddress', 'metricsBindAddress', 'bindAddressHardFail', 'enableProfiling', 'showHiddenMetricsForVersion',
    'mode', 'iptables', 'ipvs', 'nftables', 'winkernel', 'detectLocalMode', 'detectLocal', 'clusterCIDR',
    'nodePortAddresses', 'oomScoreAdj', 'conntrack', 'configSyncPeriod', 'portRange', 'windowsRunAsService'],
  clientConnection: ['kubeconfig', 'acceptContentTypes', 'contentType', 'qps', 'burst'],
  iptables: ['masqueradeBit', 'masqueradeAll', 'localhostNodePorts', 'syncPeriod', 'minSyncPeriod'],
  ipvs: ['syncPeriod', 'minSyncPeriod', 'scheduler', 'excludeCIDRs', 'strictARP', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout'],
  nftables: ['masqueradeBit', 'masqueradeAll', 'syncPeriod', 'minSyncPeriod'],
  detectLocal: ['bridgeInterface', 'interfaceNamePrefix'],
  conntrack: ['maxPerCore', 'min', 'tcpEstablishedTimeout', 'tcpCloseWaitTimeout', 'tcpBeLiberal', 'udpTimeout', 'udpStreamTimeout'],
};
