import type { Problem } from '../core/errors';
import { labelProblems, namespaceProblems } from '../core/metadata-validation';
import { isCidr } from '../core/net';
import type { IsolationPort } from './peers';

/** Pods that route traffic to the app, where the app cannot tell them itself. */
export interface RouterPods {
  /**
   * The namespace the pods run in.
   * @default - for a Gateway data plane, the Gateway's namespace (where Gateway API implementations that provision one per Gateway run it)
   */
  readonly namespace?: string;
  /**
   * The pods' labels.
   * @default - for a Gateway data plane, `gateway.networking.k8s.io/gateway-name: <gateway>` (the label Gateway API asks provisioned data planes to carry, GEP-1762); required for an ingress controller
   */
  readonly podLabels?: Record<string, string>;
}

/**
 * Isolation of a NetkitChart's namespace: a default-deny NetworkPolicy plus one
 * allow policy per path the app declares (docs/isolation.md).
 */
export interface IsolationOptions {
  /**
   * Whether egress is denied too. The pods may then reach kube-dns (UDP and TCP 53),
   * what they are declared to call (`allowTo`, and the consumers' side of `allowFrom`),
   * and a Gateway data plane in the namespace its backends and its control plane.
   * @default false - only ingress is denied
   */
  readonly egress?: boolean;
  /**
   * The controller pods of IngressClasses this app does not install, by class name.
   * @default - the IngressNginx installs in the app; class "nginx" without one is the upstream install (namespace ingress-nginx, labels app.kubernetes.io/name=ingress-nginx, app.kubernetes.io/component=controller)
   */
  readonly ingressControllers?: Record<string, RouterPods>;
  /**
   * The data-plane pods of GatewayClasses other than NGINX Gateway Fabric's, by class name
   * (`{ istio: {} }` accepts the defaults of {@link RouterPods}).
   * @default - the classes of the NginxGatewayFabric installs in the app, and "nginx"
   */
  readonly gatewayDataPlanes?: Record<string, RouterPods>;
  /**
   * The node addresses, for NodePort and LoadBalancer Services with externalTrafficPolicy
   * Cluster and loadBalancerSourceRanges: such traffic arrives SNATed to a node address,
   * which the source ranges do not match.
   * @default - none: a warning says that such a Service's clients are blocked
   */
  readonly nodeCidrs?: string[];
}

/** Options of `allowFrom` and `allowTo`. */
export interface AllowOptions {
  /**
   * The ports of the receiving pods the peer may use.
   * @default - every port the receiving pods declare (a WebApp's container ports, a Service's target ports); every port when they declare none
   */
  readonly ports?: IsolationPort[];
}

/**
 * What the API server would refuse in the NetworkPolicies built from these
 * options: node CIDRs become ipBlocks, router pods namespace and pod selectors.
 * `at` prefixes the fields (`isolation.` on a NetkitChart).
 */
export function isolationOptionProblems(at: string, options: IsolationOptions): Problem[] {
  const problems: Problem[] = [];
  (options.nodeCidrs ?? []).forEach((cidr, i) => {
    if (typeof cidr !== 'string' || !isCidr(cidr)) {
      problems.push({
        field: `${at}nodeCidrs[${i}]`, message: 'is not a CIDR; it becomes a NetworkPolicy ipBlock, which needs one.', value: cidr,
        allowed: 'an IPv4 or IPv6 CIDR such as 192.168.1.0/24', fix: 'give the node network as address/prefix length, e.g. "192.168.1.0/24".',
      });
    }
  });
  for (const key of ['ingressControllers', 'gatewayDataPlanes'] as const) {
    for (const [name, pods] of Object.entries(options[key] ?? {})) {
      problems.push(...namespaceProblems(`${at}${key}.${name}.namespace`, pods?.namespace), ...labelProblems(`${at}${key}.${name}.podLabels`, pods?.podLabels));
    }
  }
  return problems;
}
