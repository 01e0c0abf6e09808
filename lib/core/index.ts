export * from './errors';
export * from './names';
export * from './net';
export * from './labels';
export * from './protocol';
export * from './cluster-scoped';
export * from './chart';
