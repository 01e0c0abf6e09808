import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { stringify } from 'yaml';
import { Problem, throwIfProblems } from '../../core/errors';
import { recommendedLabels } from '../../core/labels';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain } from '../../core/names';
import { addWarning } from '../../core/warnings';
import { formatGoDuration } from '../../core/go-duration';
import {
  DetectLocalMode, KUBE_PROXY_CONFIG_API_VERSION, KUBE_PROXY_CONFIG_KEY, KUBE_PROXY_CONFIG_KIND, KUBE_PROXY_KUBECONFIG_KEY,
  KUBE_PROXY_KUBECONFIG_PATH, KubeProxyConfiguration, KubeProxyMode,
} from './kube-proxy-configuration';
import { declareClusterChange } from '../../core/addon-chart';
import { apiServerEndpointProblems, renderKubeProxyKubeconfig } from './kube-proxy-kubeconfig';
import {
  KubeProxyConntrackOptions, KubeProxyDetectLocalOptions, KubeProxyIptablesOptions, KubeProxyIpvsOptions, KubeProxyNftablesOptions,
} from './kube-proxy-options';
import { kubeProxyConfigurationProblems, kubeProxyConfigurationWarnings } from './kube-proxy-validation';
import { targetKubernetesVersionText } from '../../core/kubernetes-version';
import { checkProps } from '../../core/props';

export interface KubeProxyConfigProps {
  /**
   * The API server URL kube-proxy connects to, written as `server` in
   * `kubeconfig.conf` (kubeadm's control plane endpoint).
   */
  readonly apiServerEndpoint: string;
  /**
   * The proxy mode. `nftables` is the recommended one from Kubernetes 1.33;
   * `ipvs` is deprecated from 1.35.
   * @default 'iptables' (kube-proxy's own default, written explicitly)
   */
  readonly mode?: KubeProxyMode;
  /**
   * Say that ipvs is chosen knowing it is deprecated (a cluster that must
   * keep it for now): synth then prints no deprecation warning for it.
   * @default false - mode "ipvs" on Kubernetes 1.35 or later prints a warning recommending nftables
   */
  readonly acknowledgeIpvsDeprecation?: boolean;
  /**
   * The Kubernetes release of the nodes: decides which modes, feature gates
   * and keywords are available, and the ipvs deprecation warning.
   * @default - the app's target (`targetKubernetesVersion`: NetkitApp's `kubernetesVersion`, else DEFAULT_KUBERNETES_VERSION '1.35')
   */
  readonly kubernetesVersion?: string;
  /**
   * Mode `ipvs` settings.
   * @default - none written; kube-proxy's defaults (scheduler rr, syncPeriod 30s)
   */
  readonly ipvs?: KubeProxyIpvsOptions;
  /**
   * iptables settings (masquerading also in mode `ipvs`).
   * @default - none written; kube-proxy's defaults
   */
  readonly iptables?: KubeProxyIptablesOptions;
  /**
   * Mode `nftables` settings.
   * @default - none written; kube-proxy's defaults
   */
  readonly nftables?: KubeProxyNftablesOptions;
  /**
   * Connection-tracking sysctls kube-proxy sets at start.
   * @default - none written; kube-proxy's defaults
   */
  readonly conntrack?: KubeProxyConntrackOptions;
  /**
   * The pod network: one CIDR, or an IPv4 and an IPv6 CIDR separated by a
   * comma (kubeadm writes `networking.podSubnet` here). Used to tell pod
   * traffic from outside traffic (detectLocalMode ClusterCIDR).
   * @default - not written: kube-proxy cannot tell local traffic by CIDR and logs so
   */
  readonly clusterCIDR?: string;
  /**
   * The IP address that overrides the node's primary IP (`0.0.0.0` means "use the node IP").
   * @default '0.0.0.0' (what kubeadm writes)
   */
  readonly bindAddress?: string;
  /**
   * `IP:port` of the health check server.
   * @default - not written: 0.0.0.0:10256
   */
  readonly healthzBindAddress?: string;
  /**
   * `IP:port` of the metrics server; `0.0.0.0:10249` lets Prometheus scrape it from outside the node.
   * @default - not written: 127.0.0.1:10249
   */
  readonly metricsBindAddress?: string;
  /**
   * Node addresses NodePort Services answer on: CIDRs, or `['primary']` for the node's primary IPs.
   * @default - not written: all addresses in iptables/ipvs mode, primary in nftables mode
   */
  readonly nodePortAddresses?: string[];
  /**
   * kube-proxy feature gates, e.g. `{ NFTablesProxyMode: true }` on 1.29-1.30.
   * @default - none written
   */
  readonly featureGates?: Record<string, boolean>;
  /**
   * How kube-proxy tells traffic from local pods apart.
   * @default - not written: ClusterCIDR
   */
  readonly detectLocalMode?: DetectLocalMode;
  /**
   * The interface `detectLocalMode` BridgeInterface or InterfaceNamePrefix needs.
   * @default - not written
   */
  readonly detectLocal?: KubeProxyDetectLocalOptions;
  /**
   * The OOM score adjustment of the kube-proxy process, -1000 to 1000.
   * @default - not written: -999
   */
  readonly oomScoreAdj?: number;
  /**
   * How often kube-proxy refreshes its view of Services and EndpointSlices from the API server.
   * @default - not written: 15m0s
   */
  readonly configSyncPeriod?: Duration;
  /**
   * `metadata.name`. kubeadm's DaemonSet mounts `kube-proxy`; change it only for your own DaemonSet.
   * @default 'kube-proxy'
   */
  readonly name?: string;
  /**
   * `metadata.namespace`, always written so the ConfigMap can live in a chart without a namespace.
   * @default 'kube-system'
   */
  readonly namespace?: string;
}

const KUBEADM_BIND_ADDRESS = '0.0.0.0';

/**
 * The `kube-proxy` ConfigMap as kubeadm lays it out (`kubeconfig.conf` and
 * `config.conf`, label `app: kube-proxy`), so `kubectl apply` replaces the one
 * kubeadm created. kube-proxy reads it only at start: restart its pods after
 * applying.
 */
export class KubeProxyConfig extends Construct {
  /** The ConfigMap. */
  public readonly configMap: ApiObject;
  /** The KubeProxyConfiguration written as `config.conf`. */
  public readonly configuration: KubeProxyConfiguration;
  /** The text of `kubeconfig.conf`. */
  public readonly kubeconfig: string;
  /** The proxy mode written. */
  public readonly mode: KubeProxyMode;
  /** The Kubernetes release the configuration was checked against. */
  public readonly kubernetesVersion: string;

  constructor(scope: Construct, id: string, props: KubeProxyConfigProps) {
    super(scope, id);
    checkProps(this, 'KubeProxyConfigProps', props);
    const name = props.name ?? 'kube-proxy';
    const namespace = props.namespace ?? 'kube-system';
    this.mode = props.mode ?? 'iptables';
    this.kubernetesVersion = props.kubernetesVersion ?? targetKubernetesVersionText(this);

    const problems: Problem[] = [...propsProblems(props, this.mode, name, namespace), ...apiServerEndpointProblems(props.apiServerEndpoint)];
    this.configuration = renderConfiguration(props, this.mode);
    problems.push(...kubeProxyConfigurationProblems(this.configuration, { kubernetesVersion: this.kubernetesVersion }));
    throwIfProblems(this, problems);

    this.kubeconfig = renderKubeProxyKubeconfig(props.apiServerEndpoint);
    const manifest: IConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name,
        namespace,
        labels: { app: 'kube-proxy', ...recommendedLabels({ name: 'kube-proxy', instance: name, component: 'config' }) },
      },
      data: {
        [KUBE_PROXY_KUBECONFIG_KEY]: this.kubeconfig,
        // Keys sorted as kubeadm's marshaller (sigs.k8s.io/yaml) prints them; no trailing newline, as kubeadm's `|-`.
        [KUBE_PROXY_CONFIG_KEY]: stringify(this.configuration, { sortMapEntries: true, lineWidth: 0 }).replace(/\n$/, ''),
      },
    };
    this.configMap = new ApiObject(this, 'ConfigMap', manifest);
    // For the add-on file's header: a wrong endpoint or mode breaks Service routing on every node once kube-proxy restarts.
    declareClusterChange(this, {
      changes: `replaces ConfigMap ${namespace}/${name}, read by kube-proxy on every node when it restarts `
        + `(kubectl -n ${namespace} rollout restart daemonset/kube-proxy): mode "${this.mode}", API server ${props.apiServerEndpoint}. `
        + 'Check both against your cluster first: a wrong endpoint stops Service routing on every node.',
    });

    const warnings = props.acknowledgeIpvsDeprecation ? [] : kubeProxyConfigurationWarnings(this.configuration, { kubernetesVersion: this.kubernetesVersion });
    for (const warning of warnings) addWarning(this, warning);
  }
}

const go = (duration: Duration | undefined) => (duration === undefined ? undefined : formatGoDuration(duration.toMilliseconds()));

/**
 * Only what the user set, plus what kubeadm itself fills in (bindAddress and
 * the kubeconfig path): kube-proxy defaults absent and zero fields alike, so
 * kubeadm's every-field-at-zero layout and this one configure the same proxy,
 * and this one shows in a diff exactly what was chosen.
 */
function renderConfiguration(props: KubeProxyConfigProps, mode: KubeProxyMode): KubeProxyConfiguration {
  const { ipvs, iptables, nftables, conntrack } = props;
  return prune({
    apiVersion: KUBE_PROXY_CONFIG_API_VERSION,
    kind: KUBE_PROXY_CONFIG_KIND,
    featureGates: props.featureGates,
    clientConnection: { kubeconfig: KUBE_PROXY_KUBECONFIG_PATH },
    bindAddress: props.bindAddress ?? KUBEADM_BIND_ADDRESS,
    healthzBindAddress: props.healthzBindAddress,
    metricsBindAddress: props.metricsBindAddress,
    mode,
    iptables: iptables && {
      masqueradeBit: iptables.masqueradeBit, masqueradeAll: iptables.masqueradeAll, localhostNodePorts: iptables.localhostNodePorts,
      syncPeriod: go(iptables.syncPeriod), minSyncPeriod: go(iptables.minSyncPeriod),
    },
    ipvs: ipvs && {
      syncPeriod: go(ipvs.syncPeriod), minSyncPeriod: go(ipvs.minSyncPeriod), scheduler: ipvs.scheduler, excludeCIDRs: ipvs.excludeCIDRs,
      strictARP: ipvs.strictARP, tcpTimeout: go(ipvs.tcpTimeout), tcpFinTimeout: go(ipvs.tcpFinTimeout), udpTimeout: go(ipvs.udpTimeout),
    },
    nftables: nftables && {
      masqueradeBit: nftables.masqueradeBit, masqueradeAll: nftables.masqueradeAll,
      syncPeriod: go(nftables.syncPeriod), minSyncPeriod: go(nftables.minSyncPeriod),
    },
    detectLocalMode: props.detectLocalMode,
    detectLocal: props.detectLocal && { ...props.detectLocal },
    clusterCIDR: props.clusterCIDR,
    nodePortAddresses: props.nodePortAddresses,
    oomScoreAdj: props.oomScoreAdj,
    conntrack: conntrack && {
      maxPerCore: conntrack.maxPerCore, min: conntrack.min, tcpEstablishedTimeout: go(conntrack.tcpEstablishedTimeout),
      tcpCloseWaitTimeout: go(conntrack.tcpCloseWaitTimeout), tcpBeLiberal: conntrack.tcpBeLiberal,
      udpTimeout: go(conntrack.udpTimeout), udpStreamTimeout: go(conntrack.udpStreamTimeout),
    },
    configSyncPeriod: go(props.configSyncPeriod),
  });
}

/** Drops undefined values and the blocks left empty by that. */
function prune<T>(value: T): T {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const pruned = prune(v);
    if (pruned === undefined) continue;
    if (typeof pruned === 'object' && pruned !== null && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue;
    out[key] = pruned;
  }
  return out as T;
}

/** What only the props can get wrong: settings kube-proxy would silently ignore or default. */
function propsProblems(props: KubeProxyConfigProps, mode: KubeProxyMode, name: string, namespace: string): Problem[] {
  const problems: Problem[] = [];
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'name', message: 'is not a valid ConfigMap name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'leave it out to get "kube-proxy".' });
  }
  if (!isDns1123Label(namespace)) {
    problems.push({ field: 'namespace', message: 'is not a valid Namespace name.', value: namespace, allowed: DNS1123_LABEL_RULE, fix: 'leave it out to get "kube-system".' });
  }
  const ignored = (field: string, usedBy: string, fix: string) => problems.push({
    field, message: `is ignored by kube-proxy in mode "${mode}"; it is read only in ${usedBy}.`, allowed: `unset in mode "${mode}"`, fix,
  });
  if (props.ipvs && mode !== 'ipvs') ignored('ipvs', 'mode "ipvs"', 'set mode: \'ipvs\', or drop ipvs.');
  if (props.nftables && mode !== 'nftables') ignored('nftables', 'mode "nftables"', 'set mode: \'nftables\', or drop nftables.');
  if (mode !== 'iptables') {
    for (const field of ['syncPeriod', 'minSyncPeriod'] as const) {
      if (props.iptables?.[field] !== undefined) ignored(`iptables.${field}`, 'mode "iptables"', `set ${mode}.${field} instead.`);
    }
    if (props.iptables?.localhostNodePorts !== undefined) {
      ignored('iptables.localhostNodePorts', 'mode "iptables"', 'drop it: NodePorts on 127.0.0.1 exist only in mode iptables.');
    }
  }
  if (mode === 'nftables') {
    for (const field of ['masqueradeBit', 'masqueradeAll'] as const) {
      if (props.iptables?.[field] !== undefined) ignored(`iptables.${field}`, 'modes "iptables" and "ipvs"', `set nftables.${field} instead.`);
    }
  }
  // A zero sync period is read as "unset" and becomes 30s, never what a user writing zero meant.
  for (const [field, duration] of [
    ['ipvs.syncPeriod', props.ipvs?.syncPeriod], ['iptables.syncPeriod', props.iptables?.syncPeriod],
    ['nftables.syncPeriod', props.nftables?.syncPeriod], ['configSyncPeriod', props.configSyncPeriod],
  ] as const) {
    if (duration !== undefined && duration.toMilliseconds() <= 0) {
      problems.push({ field, message: 'must be greater than 0 (kube-proxy replaces zero with its default).', value: '0s', allowed: 'more than 0s', fix: `use a positive duration such as Duration.seconds(30), or leave ${field} out.` });
    }
  }
  return problems;
}
