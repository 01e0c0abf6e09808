export * from './certificate-ref';
export * from './host-coverage';
