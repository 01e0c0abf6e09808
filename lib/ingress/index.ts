export * from './ingress-validation';
