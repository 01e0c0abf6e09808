export * from './selectors';
export * from './cidr';
export * from './ports';
export * from './reachability';
export * from './pod-security';
