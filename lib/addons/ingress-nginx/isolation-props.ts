import type { AddonIsolation } from '../common/isolation-props';

/**
 * NetworkPolicies for the ingress-nginx namespace (docs/isolation.md, "Isolating the
 * ingress controller's namespace"): default-deny, and the paths its pods need.
 */
export interface IngressNginxIsolation extends AddonIsolation {
  /**
   * The node addresses, for a LoadBalancer Service with externalTrafficPolicy Cluster
   * and `loadBalancerSourceRanges`: its clients arrive SNATed to a node address.
   * @default - none: such an install fails with an error that says so
   */
  readonly nodeCidrs?: string[];
}
