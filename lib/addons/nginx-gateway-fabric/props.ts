import type { AddonImage } from '../common/image';
import type { AddonIsolation } from '../common/isolation-props';
import type { NodePortRange } from '../../service/service-validation';

/**
 * The type of the Service NGF provisions in front of each Gateway's nginx pods
 * (NginxProxy `spec.kubernetes.service.type`).
 * - `NodePort`: upstream deploy/nodeport; every node answers on the node ports.
 * - `LoadBalancer`: upstream deploy/default; a cloud or MetalLB/kube-vip load balancer in front.
 */
export type NginxGatewayFabricExposure = 'NodePort' | 'LoadBalancer';

/** The data-plane image: NginxProxy names it by repository and tag only (no digest field). */
export interface NginxGatewayFabricNginxImage {
  /**
   * The registry host.
   * @default - `imageRegistry`, else ghcr.io
   */
  readonly registry?: string;
  /**
   * The repository path inside the registry.
   * @default 'nginx/nginx-gateway-fabric/nginx'
   */
  readonly repository?: string;
  /**
   * The tag.
   * @default '2.6.7'
   */
  readonly tag?: string;
}

export interface NginxGatewayFabricProps {
  /**
   * Base of every object name (`<name>`, `<name>-cert-generator`, `<name>-config`,
   * `<name>-proxy-config`) and the `app.kubernetes.io/instance` label, like
   * upstream's Helm release name. The nginx agents find the control plane by
   * `<name>.<namespace>.svc`.
   * @default 'nginx-gateway'
   */
  readonly name?: string;
  /**
   * The namespace of the control plane and of the install's NginxProxy.
   * @default 'nginx-gateway'
   */
  readonly namespace?: string;
  /**
   * Whether to declare the Namespace object. Turn off when the namespace is managed elsewhere.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * The GatewayClass name, and `--gatewayclass`: what Gateways put in `gatewayClassName`.
   * The nginx objects NGF provisions for a Gateway are named `<gateway>-<class>`.
   * @default 'nginx'
   */
  readonly gatewayClassName?: string;
  /**
   * GatewayClass `spec.controllerName` and `--gateway-ctlr-name`; give each of several
   * NGF installs in one cluster its own. Must start with `gateway.nginx.org/`.
   * @default 'gateway.nginx.org/nginx-gateway-controller'
   */
  readonly controllerName?: string;
  /**
   * The type of the Service provisioned for each Gateway.
   * @default 'NodePort' (upstream deploy/nodeport; 'LoadBalancer' is deploy/default)
   */
  readonly exposure?: NginxGatewayFabricExposure;
  /**
   * Fixed node ports for the Gateway listeners on port 80 (`http`) and 443
   * (`https`) (NginxProxy `nodePorts`). A node port whose listener port no
   * Gateway of the class listens on is ignored by NGF. Bare-metal tutorials use 30080 and 30443.
   * @default - allocated by the cluster
   */
  readonly nodePorts?: { readonly http?: number; readonly https?: number };
  /**
   * The API server's `--service-node-port-range`, to check `nodePorts` against.
   * @default { min: 30000, max: 32767 }
   */
  readonly nodePortRange?: NodePortRange;
  /**
   * `Local` keeps the client source IP but only nodes running an nginx pod answer;
   * `Cluster` makes every node answer (as ingress-nginx's bare-metal Service does).
   * @default 'Local' (upstream)
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * LoadBalancer: client CIDRs allowed through the load balancer.
   * @default - any source
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * LoadBalancer: `spec.loadBalancerClass` of the provisioned Services.
   * @default - the cluster's default load balancer
   */
  readonly loadBalancerClass?: string;
  /**
   * nginx pods per Gateway (NginxProxy `deployment.replicas`).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Control-plane pods (the `<name>` Deployment); more than one elect a leader.
   * @default 1
   */
  readonly controllerReplicas?: number;
  /**
   * Registry for every image, for mirrors of ghcr.io.
   * @default 'ghcr.io'
   */
  readonly imageRegistry?: string;
  /**
   * The control-plane image, also used by the cert generator Job and, through
   * `IMAGE_NAME`, as the `init` container of every nginx pod.
   * @default - ghcr.io/nginx/nginx-gateway-fabric:2.6.7 (upstream pins no digest)
   */
  readonly controllerImage?: AddonImage;
  /**
   * The nginx (data plane) image, written into the NginxProxy.
   * @default - ghcr.io/nginx/nginx-gateway-fabric/nginx:2.6.7
   */
  readonly nginxImage?: NginxGatewayFabricNginxImage;
  /**
   * The control plane's log level (NginxGateway `spec.logging.level`), changeable without a restart.
   * @default 'info'
   */
  readonly logLevel?: 'info' | 'debug' | 'error';
  /**
   * Isolate the install's namespace with NetworkPolicies: default-deny ingress (and egress
   * with `egress: true`), plus allows for the data planes of the app's Gateways → the control
   * plane (agent gRPC 8443), `metricsFrom` → metrics 9113, and with egress denied the control
   * plane and the cert generator → kube-dns and the API server (`apiServerCidrs`).
   * @default - no NetworkPolicy
   */
  readonly isolation?: AddonIsolation;
}
