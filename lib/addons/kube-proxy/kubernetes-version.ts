// The version helpers are shared by every construct that picks fields by release (WebApp too); they live in core.
export { atLeast, kubernetesVersionProblem, parseKubernetesVersion } from '../../core/kubernetes-version';
export type { KubernetesMinorVersion } from '../../core/kubernetes-version';

import { DEFAULT_KUBERNETES_VERSION } from '../../core/kubernetes-version';

/**
 * The Kubernetes release a kube-proxy configuration is checked against when
 * neither the configuration nor its app names one: the app-wide default
 * (the kube-proxy types were checked up to k8s.io/kube-proxy v0.36.3).
 */
export const DEFAULT_KUBE_PROXY_KUBERNETES_VERSION = DEFAULT_KUBERNETES_VERSION;
