export * from './target';
export * from './dns';
export * from './service-validation';
export * from './exposed-service';
