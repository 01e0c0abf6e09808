import type { NetworkPeer } from '../../isolation/peers';

/**
 * NetworkPolicies for an add-on's namespace (docs/isolation.md, "Isolating the
 * ingress controller's namespace"): default-deny, and the paths its pods need.
 */
export interface AddonIsolation {
  /**
   * Whether egress is denied too. The add-on's pods may then reach kube-dns (UDP and TCP 53),
   * the API server, and what they route to (ingress-nginx: the backend pods of every
   * Ingress of its class in the app).
   * @default false - only ingress is denied
   */
  readonly egress?: boolean;
  /**
   * The API server's addresses, as CIDRs (`kubectl get endpoints kubernetes -n default`
   * lists them; on a managed control plane, use its published range). The API server is
   * not a pod, so no pod selector matches it: with `egress` the add-on's pods send to these
   * addresses, and it calls ingress-nginx's admission webhook from them.
   * @default - none; required when `egress` is true, and for ingress-nginx with its admission webhook (the default)
   */
  readonly apiServerCidrs?: string[];
  /**
   * The API server ports the pods may send to, as NetworkPolicy sees them: the
   * `kubernetes` Service's endpoint port (6443 on kubeadm clusters, 443 on most managed ones).
   * @default [443, 6443]
   */
  readonly apiServerPorts?: number[];
  /**
   * Who may scrape the controller's metrics port, e.g.
   * `NetworkPeer.pods('monitoring', { 'app.kubernetes.io/name': 'prometheus' })`.
   * @default - nobody: the metrics port stays closed to other pods (the kubelet's probes still pass)
   */
  readonly metricsFrom?: NetworkPeer[];
}
