export * from './output-layout';
export * from './kustomization';
