import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { UpstreamImage } from '../common/image';

/**
 * Facts of the upstream install this construct reproduces. Every value here
 * comes from deploy/static/provider/{baremetal,cloud}/deploy.yaml of
 * kubernetes/ingress-nginx at tag controller-v1.15.1 (chart 4.15.1) unless
 * its comment says otherwise.
 */

/** The controller release (controller-v1.15.1, the last upstream release line). */
export const INGRESS_NGINX_VERSION = '1.15.1';

/** Where upstream publishes both images (chart 4.15.1 `global.image.registry`). */
export const UPSTREAM_REGISTRY = 'registry.k8s.io';


/** registry.k8s.io/ingress-nginx/controller, controller-v1.15.1. */
export const CONTROLLER_IMAGE: UpstreamImage = {
  registry: UPSTREAM_REGISTRY,
  repository: 'ingress-nginx/controller',
  tag: 'v1.15.1',
  digest: 'sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1',
};

/** registry.k8s.io/ingress-nginx/kube-webhook-certgen, as pinned by controller-v1.15.1. */
export const CERTGEN_IMAGE: UpstreamImage = {
  registry: UPSTREAM_REGISTRY,
  repository: 'ingress-nginx/kube-webhook-certgen',
  tag: 'v1.6.9',
  digest: 'sha256:01038e7de14b78d702d2849c3aad72fd25903c4765af63cf16aa3398f5d5f2dd',
};

/** The `app.kubernetes.io/name` and `part-of` of every object (the chart's name). */
export const APP_NAME = 'ingress-nginx';

/** Default IngressClass name and `--ingress-class` (chart 4.15.1 `controller.ingressClassResource.name`). */
export const DEFAULT_INGRESS_CLASS = 'nginx';

/** Default IngressClass `spec.controller` and `--controller-class` (chart 4.15.1 `controllerValue`). */
export const DEFAULT_CONTROLLER_VALUE = 'k8s.io/ingress-nginx';

/** The healthz (and metrics) port the probes use (controller `--healthz-port` default, v1.15.1). */
export const DEFAULT_HEALTHZ_PORT = 10254;

/** The port the admission webhook listens on in the pod (chart 4.15.1 `admissionWebhooks.port`). */
export const WEBHOOK_PORT = 8443;

/** Where the webhook certificate Secret is mounted (chart 4.15.1 `admissionWebhooks.certificate`). */
export const WEBHOOK_CERT_DIR = '/usr/local/certificates/';

/** Controller requests (chart 4.15.1 `controller.resources`); upstream sets no limits. */
export const DEFAULT_REQUESTS = { cpu: '100m', memory: '90Mi' };

/** Controller container securityContext (controller-v1.15.1 static manifests). */
export const CONTROLLER_SECURITY_CONTEXT: ISecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
  readOnlyRootFilesystem: false,
  runAsGroup: 82,
  runAsNonRoot: true,
  runAsUser: 101,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** kube-webhook-certgen container securityContext (controller-v1.15.1 static manifests). */
export const CERTGEN_SECURITY_CONTEXT: ISecurityContext = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsGroup: 65532,
  runAsNonRoot: true,
  runAsUser: 65532,
  seccompProfile: { type: 'RuntimeDefault' },
};

const rule = (apiGroup: string, resources: string[], verbs: string[], resourceNames?: string[]): IPolicyRule => ({
  apiGroups: [apiGroup],
  ...(resourceNames ? { resourceNames } : {}),
  resources,
  verbs,
});

/** Role `ingress-nginx` rules, in upstream order (controller-v1.15.1); `leaderElectionId` is `<name>-leader`. */
export function controllerRoleRules(leaderElectionId: string): IPolicyRule[] {
  return [
    rule('', ['namespaces'], ['get']),
    rule('', ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
    rule('', ['services'], ['get', 'list', 'watch']),
    rule('networking.k8s.io', ['ingresses'], ['get', 'list', 'watch']),
    rule('networking.k8s.io', ['ingresses/status'], ['update']),
    rule('networking.k8s.io', ['ingressclasses'], ['get', 'list', 'watch']),
    rule('coordination.k8s.io', ['leases'], ['get', 'update'], [leaderElectionId]),
    rule('coordination.k8s.io', ['leases'], ['create']),
    rule('', ['events'], ['create', 'patch']),
    rule('discovery.k8s.io', ['endpointslices'], ['list', 'watch', 'get']),
  ];
}

/** ClusterRole `ingress-nginx` rules, in upstream order (controller-v1.15.1). */
export function controllerClusterRoleRules(): IPolicyRule[] {
  return [
    rule('', ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
    rule('coordination.k8s.io', ['leases'], ['list', 'watch']),
    rule('', ['nodes'], ['get']),
    rule('', ['services'], ['get', 'list', 'watch']),
    rule('networking.k8s.io', ['ingresses'], ['get', 'list', 'watch']),
    rule('', ['events'], ['create', 'patch']),
    rule('networking.k8s.io', ['ingresses/status'], ['update']),
    rule('networking.k8s.io', ['ingressclasses'], ['get', 'list', 'watch']),
    rule('discovery.k8s.io', ['endpointslices'], ['list', 'watch', 'get']),
  ];
}

/** Role `ingress-nginx-admission` rules (controller-v1.15.1). */
export function admissionRoleRules(): IPolicyRule[] {
  return [rule('', ['secrets'], ['get', 'create'])];
}

/** ClusterRole `ingress-nginx-admission` rules (controller-v1.15.1). */
export function admissionClusterRoleRules(): IPolicyRule[] {
  return [rule('admissionregistration.k8s.io', ['validatingwebhookconfigurations'], ['get', 'update'])];
}
