export * from './certificate-ref';
export * from './host-coverage';
export * from './tls-secret-validation';
