import type { NetworkPeer } from '../../isolation/peers';

/**
 * NetworkPolicies for the install's namespace (docs/isolation.md, "Isolating the
 * ingress controller's namespace"): default-deny, and the paths its pods need.
 */
export interface IngressNginxIsolation {
  /**
   * Whether egress is denied too. The controller may then reach kube-dns (UDP and TCP 53),
   * the API server, and the backend pods of every Ingress of its class in the app;
   * the admission Jobs kube-dns and the API server.
   * @default false - only ingress is denied
   */
  readonly egress?: boolean;
  /**
   * The API server's addresses, as CIDRs (`kubectl get endpoints kubernetes -n default`
   * lists them; on a managed control plane, use its published range). The API server is
   * not a pod, so no pod selector matches it: it calls the admission webhook from these
   * addresses, and with `egress` the controller and the Jobs send to them.
   * @default - none; required when the admission webhook is on (the default) or `egress` is true
   */
  readonly apiServerCidrs?: string[];
  /**
   * The API server ports the pods may send to, as NetworkPolicy sees them: the
   * `kubernetes` Service's endpoint port (6443 on kubeadm clusters, 443 on most managed ones).
   * @default [443, 6443]
   */
  readonly apiServerPorts?: number[];
  /**
   * The node addresses, for a LoadBalancer Service with externalTrafficPolicy Cluster
   * and `loadBalancerSourceRanges`: its clients arrive SNATed to a node address.
   * @default - none: such an install fails with an error that says so
   */
  readonly nodeCidrs?: string[];
  /**
   * Who may scrape the controller's metrics port (with `metrics` set), e.g.
   * `NetworkPeer.pods('monitoring', { 'app.kubernetes.io/name': 'prometheus' })`.
   * @default - nobody: the metrics port stays closed to other pods (the kubelet's probes still pass)
   */
  readonly metricsFrom?: NetworkPeer[];
}
