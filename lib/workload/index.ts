export * from './container-ports';
export * from './probe';
export * from './security';
export * from './web-app';
