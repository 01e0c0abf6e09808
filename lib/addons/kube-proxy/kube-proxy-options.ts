import { Duration } from 'cdk8s';
import { IpvsScheduler } from './kube-proxy-configuration';

/** The `ipvs:` block; read by kube-proxy only in mode `ipvs`. */
export interface KubeProxyIpvsOptions {
  /**
   * The IPVS scheduling algorithm for every virtual server. Other than `rr`
   * each needs its `ip_vs_<scheduler>` kernel module on the nodes.
   * @default - not written: kube-proxy uses 'rr'
   */
  readonly scheduler?: IpvsScheduler;
  /**
   * Sets `arp_ignore=1` and `arp_announce=2` so nodes stop answering ARP for
   * addresses on `kube-ipvs0`; MetalLB and kube-vip in L2 mode need it.
   * @default - not written: false
   */
  readonly strictARP?: boolean;
  /**
   * How often the rules are fully resynchronized; more than zero.
   * @default - not written: 30s
   */
  readonly syncPeriod?: Duration;
  /**
   * The shortest time between two resyncs; at most `syncPeriod`. Zero resyncs on every change.
   * @default - not written: 0s
   */
  readonly minSyncPeriod?: Duration;
  /**
   * CIDRs whose IPVS virtual servers kube-proxy leaves alone when it cleans up
   * (addresses managed by something else on the nodes).
   * @default - not written: none
   */
  readonly excludeCIDRs?: string[];
  /**
   * IPVS timeout for idle TCP sessions. Zero keeps the node's value.
   * @default - not written: the node's value
   */
  readonly tcpTimeout?: Duration;
  /**
   * IPVS timeout for TCP sessions after a FIN. Zero keeps the node's value.
   * @default - not written: the node's value
   */
  readonly tcpFinTimeout?: Duration;
  /**
   * IPVS timeout for UDP packets. Zero keeps the node's value.
   * @default - not written: the node's value
   */
  readonly udpTimeout?: Duration;
}

/** The `iptables:` block. Its masquerade settings also apply in mode `ipvs`; its sync periods only in mode `iptables`. */
export interface KubeProxyIptablesOptions {
  /**
   * The bit of the packet mark (0-31) that flags packets to masquerade.
   * @default - not written: 14
   */
  readonly masqueradeBit?: number;
  /**
   * SNAT all traffic sent to Service cluster IPs.
   * @default - not written: false
   */
  readonly masqueradeAll?: boolean;
  /**
   * Mode `iptables`: whether NodePort Services answer on 127.0.0.1 (needs `route_localnet`).
   * @default - not written: true
   */
  readonly localhostNodePorts?: boolean;
  /**
   * Mode `iptables`: how often the rules are fully resynchronized; more than zero.
   * @default - not written: 30s
   */
  readonly syncPeriod?: Duration;
  /**
   * Mode `iptables`: the shortest time between two resyncs; at most `syncPeriod`.
   * @default - not written: 1s
   */
  readonly minSyncPeriod?: Duration;
}

/** The `nftables:` block; read by kube-proxy only in mode `nftables`. */
export interface KubeProxyNftablesOptions {
  /**
   * The bit of the packet mark (0-31) that flags packets to masquerade.
   * @default - not written: 14
   */
  readonly masqueradeBit?: number;
  /**
   * SNAT all traffic sent to Service cluster IPs.
   * @default - not written: false
   */
  readonly masqueradeAll?: boolean;
  /**
   * How often the rules are fully resynchronized; more than zero.
   * @default - not written: kube-proxy's default (30s)
   */
  readonly syncPeriod?: Duration;
  /**
   * The shortest time between two resyncs; at most `syncPeriod`.
   * @default - not written: kube-proxy's default (1s)
   */
  readonly minSyncPeriod?: Duration;
}

/** The `conntrack:` block: the node's connection-tracking sysctls kube-proxy sets at start. */
export interface KubeProxyConntrackOptions {
  /**
   * Tracked connections per CPU core (`nf_conntrack_max` = this × cores, at least `min`). Zero leaves the limit alone.
   * @default - not written: 32768
   */
  readonly maxPerCore?: number;
  /**
   * The lowest `nf_conntrack_max` kube-proxy sets.
   * @default - not written: 131072
   */
  readonly min?: number;
  /**
   * Idle timeout of established TCP connections. Zero leaves the node's value.
   * @default - not written: 24h0m0s
   */
  readonly tcpEstablishedTimeout?: Duration;
  /**
   * How long a TCP connection stays in CLOSE_WAIT. Zero leaves the node's value.
   * @default - not written: 1h0m0s
   */
  readonly tcpCloseWaitTimeout?: Duration;
  /**
   * Accept out-of-window TCP packets (`nf_conntrack_tcp_be_liberal`).
   * @default - not written: false
   */
  readonly tcpBeLiberal?: boolean;
  /**
   * Idle timeout of unreplied UDP flows. Zero leaves the node's value.
   * @default - not written: the node's value
   */
  readonly udpTimeout?: Duration;
  /**
   * Idle timeout of UDP streams (flows with replies). Zero leaves the node's value.
   * @default - not written: the node's value
   */
  readonly udpStreamTimeout?: Duration;
}

/** The `detectLocal:` block: the interface that `detectLocalMode` needs. */
export interface KubeProxyDetectLocalOptions {
  /**
   * Mode `BridgeInterface`: the bridge the pods are attached to, e.g. `cni0`.
   * @default - not written
   */
  readonly bridgeInterface?: string;
  /**
   * Mode `InterfaceNamePrefix`: the prefix of the pods' host-side interfaces, e.g. `veth`.
   * @default - not written
   */
  readonly interfaceNamePrefix?: string;
}
