// The public API of the ingress-nginx add-on; the manifest builders stay internal.
export * from './props';
export * from './isolation-props';
export * from '../common/isolation-props';
export * from './ingress-nginx';
export { INGRESS_NGINX_VERSION } from './upstream';
export { ingressNginxPropProblems } from './validation';
