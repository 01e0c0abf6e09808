// The public API of the NGINX Gateway Fabric add-on; the manifest builders stay internal.
export * from './props';
export * from './nginx-gateway-fabric';
export { NGINX_GATEWAY_FABRIC_VERSION, NGF_GATEWAY_API_VERSION } from './upstream';
export { nginxGatewayFabricPropProblems } from './validation';
export type { AddonImage } from '../common/image';
export { NginxGatewayFabricCrds, NGF_CRDS_SOURCE } from './crds';
