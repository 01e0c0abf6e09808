export * from './go-duration';
export * from './kube-proxy-configuration';
export * from './kubernetes-version';
export * from './kube-proxy-validation';
