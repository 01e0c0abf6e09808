export * from './model';
export * from './traffic-map';
export * from './markdown';
export * from './mermaid';
export * from './write';
