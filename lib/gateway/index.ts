export * from './types';
export * from './validation';
export * from './backend';
export * from './reference-grant';
export * from './gateway';
export type {
  HeaderModifierOptions, HttpMirrorOptions, HttpRedirectOptions, HttpRewriteOptions, HttpRouteMatchOptions, HttpRouteRuleOptions,
} from './http-route-rules';
export * from './http-route';
export * from './wildcard-gateway';
