// The public API of cdk8s-netkit, and nothing else.
export * from './core';
export * from './workload';
export * from './service';
export * from './tls';
export * from './traffic';
export * from './gitops';
export * from './app';
export * from './ingress';
export * from './policy';
export * from './addons/kube-proxy';
export * from './addons/ingress-nginx';
export * from './addons/gateway-api';
export * from './gateway';
export * from './gateway/migrate';
export * from './addons/nginx-gateway-fabric';
export * from './isolation';
