export * from './ingress-validation';
export * from './backend';
export * from './tls';
export * from './conflicts';
export * from './http-ingress';
export * from './wildcard-ingress';
