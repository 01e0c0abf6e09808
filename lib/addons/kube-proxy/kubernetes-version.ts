// The version helpers are shared by every construct that picks fields by release (WebApp too); they live in core.
export { atLeast, kubernetesVersionProblem, parseKubernetesVersion } from '../../core/kubernetes-version';
export type { KubernetesMinorVersion } from '../../core/kubernetes-version';

/**
 * The Kubernetes release KubeProxyConfig targets when none is given: 1.36, the
 * newest release whose kube-proxy types (k8s.io/kube-proxy v0.36.3) this
 * library was checked against.
 */
export const DEFAULT_KUBE_PROXY_KUBERNETES_VERSION = '1.36';
