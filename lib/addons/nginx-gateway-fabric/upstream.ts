import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { UpstreamImage } from '../common/image';

/**
 * Facts of the upstream install this construct reproduces. Every value here
 * comes from deploy/nodeport/deploy.yaml and deploy/default/deploy.yaml of
 * nginx/nginx-gateway-fabric at tag v2.6.7 (commit 5e34a17a) unless its
 * comment says otherwise.
 */

/** The NGINX Gateway Fabric release (v2.6.7, 2026-07-15). */
export const NGINX_GATEWAY_FABRIC_VERSION = '2.6.7';

/** The Gateway API bundle NGF 2.6.7 is built against (go.mod, CHANGELOG); its GatewayClass reports other minors as unsupported. */
export const NGF_GATEWAY_API_VERSION = 'v1.5.1';

/** Where upstream publishes its images. Upstream pins tags only: no digests to carry. */
export const UPSTREAM_REGISTRY = 'ghcr.io';

/** The control plane, cert generator and nginx `init` container image. */
export const CONTROLLER_IMAGE: UpstreamImage = { registry: UPSTREAM_REGISTRY, repository: 'nginx/nginx-gateway-fabric', tag: NGINX_GATEWAY_FABRIC_VERSION };

/** The data plane (NGINX OSS) image, set in the NginxProxy. */
export const NGINX_IMAGE: UpstreamImage = { registry: UPSTREAM_REGISTRY, repository: 'nginx/nginx-gateway-fabric/nginx', tag: NGINX_GATEWAY_FABRIC_VERSION };

/** The Helm release name upstream renders with: base of the object names and the `instance` label. */
export const DEFAULT_NAME = 'nginx-gateway';

/** The GatewayClass name and `--gatewayclass`. */
export const DEFAULT_GATEWAY_CLASS = 'nginx';

/** GatewayClass `spec.controllerName` and `--gateway-ctlr-name`; the chart requires the `gateway.nginx.org/` prefix. */
export const DEFAULT_CONTROLLER_NAME = 'gateway.nginx.org/nginx-gateway-controller';
export const CONTROLLER_NAME_PREFIX = 'gateway.nginx.org/';

/** The control-plane ports: the agents' gRPC (behind Service port 443), metrics and health. */
export const AGENT_GRPC_PORT = 8443;
export const METRICS_PORT = 9113;
export const HEALTH_PORT = 8081;

/** The two Secrets the cert generator Job writes: the control plane's server certificate and the agents' client certificate. */
export const SERVER_TLS_SECRET = 'server-tls';
export const AGENT_TLS_SECRET = 'agent-tls';

/** The container securityContext of the controller and the cert generator. */
export const CONTAINER_SECURITY_CONTEXT: ISecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsGroup: 1001,
  runAsUser: 101,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The pod securityContext of the controller and the cert generator. */
export const POD_SECURITY_CONTEXT: IPodSecurityContext = { fsGroup: 1001, runAsNonRoot: true };

const rule = (apiGroups: string[], resources: string[], verbs: string[]): IPolicyRule => ({ apiGroups, resources, verbs });
const CRUD = ['create', 'update', 'delete', 'list', 'get', 'watch'];

/** Role `<name>-cert-generator`: the Job writes the two TLS Secrets. */
export function certGeneratorRoleRules(): IPolicyRule[] {
  return [rule([''], ['secrets'], ['create', 'update', 'get'])];
}

/** ClusterRole `<name>` rules, verbatim and in upstream order (standard channel: no tcproutes/udproutes, no snippets). */
export function controllerClusterRoleRules(): IPolicyRule[] {
  return [
    rule([''], ['namespaces'], ['get', 'list', 'watch']),
    rule([''], ['nodes'], ['list']),
    rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
    rule(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['list', 'watch']),
    rule(['gateway.networking.k8s.io'], ['gatewayclasses'], ['list', 'watch']),
    rule(['gateway.networking.k8s.io'], ['gatewayclasses/status'], ['update']),
    rule([''], ['secrets', 'configmaps', 'serviceaccounts', 'services'], CRUD),
    rule([''], ['pods'], ['get', 'list', 'watch']),
    rule(['events.k8s.io', ''], ['events'], ['create', 'patch']),
    rule(['apps'], ['deployments', 'daemonsets'], CRUD),
    rule(['apps'], ['replicasets'], ['get', 'list']),
    rule(['autoscaling'], ['horizontalpodautoscalers'], CRUD),
    rule(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch']),
    rule(['gateway.networking.k8s.io'], ['gateways', 'httproutes', 'referencegrants', 'grpcroutes', 'backendtlspolicies', 'tlsroutes', 'listenersets'], ['list', 'watch']),
    rule(['gateway.networking.k8s.io'], [
      'httproutes/status', 'gateways/status', 'gateways/finalizers', 'gatewayclasses/status', 'grpcroutes/status',
      'backendtlspolicies/status', 'tlsroutes/status', 'listenersets/status',
    ], ['update']),
    rule(['gateway.nginx.org'], ['nginxgateways'], ['get', 'list', 'watch']),
    rule(['gateway.nginx.org'], [
      'nginxproxies', 'clientsettingspolicies', 'observabilitypolicies', 'upstreamsettingspolicies', 'authenticationfilters',
      'proxysettingspolicies', 'ratelimitpolicies', 'wafpolicies',
    ], ['list', 'watch']),
    rule(['gateway.nginx.org'], [
      'nginxgateways/status', 'clientsettingspolicies/status', 'observabilitypolicies/status', 'upstreamsettingspolicies/status',
      'authenticationfilters/status', 'proxysettingspolicies/status', 'ratelimitpolicies/status', 'wafpolicies/status',
    ], ['update']),
    rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update']),
  ];
}
