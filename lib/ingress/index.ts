export * from './ingress-validation';
export * from './backend';
export * from './ingress-tls';
export * from './conflicts';
export * from './http-ingress';
export * from './wildcard-ingress';
