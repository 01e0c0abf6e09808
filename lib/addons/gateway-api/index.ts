export * from './gateway-api-crds';
export {
  DEFAULT_GATEWAY_API_VERSION, GATEWAY_API_BUNDLE_VERSION_ANNOTATION, GATEWAY_API_CHANNEL_ANNOTATION, GATEWAY_API_VERSIONS,
  gatewayApiBundle, gatewayApiCrd, gatewayApiObjects, gatewayApiSchema, isGatewayApiVersion,
} from './bundles';
export type { GatewayApiVersion } from './bundles';
export type { VendoredBundle } from './vendored-bundle';
