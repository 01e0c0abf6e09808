export * from './go-duration';
export * from './kube-proxy-configuration';
export * from './kubernetes-version';
export * from './kube-proxy-validation';
export * from './kube-proxy-options';
export * from './kube-proxy-kubeconfig';
export * from './kube-proxy-config';
