import { bundle as v1_5_1 } from './bundles/v1-5-1';
import { bundle as v1_6_1 } from './bundles/v1-6-1';
import { bundleObjects, VendoredBundle } from './vendored-bundle';

/** The Gateway API standard-channel releases this package carries, newest first. */
export const GATEWAY_API_VERSIONS = ['v1.6.1', 'v1.5.1'] as const;

/** A Gateway API release whose standard-channel CRDs this package carries. */
export type GatewayApiVersion = typeof GATEWAY_API_VERSIONS[number];

/**
 * The bundle installed when none is named: v1.5.1. It is what NGINX Gateway
 * Fabric 2.6.7 builds against, and what the latest conformance reports of
 * Envoy Gateway, Cilium, Traefik and kgateway were run on. Upgrading later to
 * v1.6.1 is one `kubectl apply`; going back is not, because v1.6.1's
 * safe-upgrades ValidatingAdmissionPolicy denies CRDs of v1.5.x and older.
 */
export const DEFAULT_GATEWAY_API_VERSION: GatewayApiVersion = 'v1.5.1';

/** The annotation every Gateway API CRD carries with its release. */
export const GATEWAY_API_BUNDLE_VERSION_ANNOTATION = 'gateway.networking.k8s.io/bundle-version';

/** The annotation every Gateway API CRD carries with its channel (`standard` here). */
export const GATEWAY_API_CHANNEL_ANNOTATION = 'gateway.networking.k8s.io/channel';

const BUNDLES: Record<GatewayApiVersion, VendoredBundle> = { 'v1.6.1': v1_6_1, 'v1.5.1': v1_5_1 };

/** Whether `value` names a release this package carries. */
export function isGatewayApiVersion(value: unknown): value is GatewayApiVersion {
  return typeof value === 'string' && (GATEWAY_API_VERSIONS as readonly string[]).includes(value);
}

/** The vendored bundle of one release: its provenance, sha256 and compressed contents. */
export function gatewayApiBundle(version: GatewayApiVersion = DEFAULT_GATEWAY_API_VERSION): VendoredBundle {
  return BUNDLES[version];
}

/**
 * Every object of the release's `standard-install.yaml` (the CRDs, then the
 * safe-upgrades ValidatingAdmissionPolicy and its binding), in upstream's order.
 * A fresh copy each call: change it freely.
 */
export function gatewayApiObjects(version: GatewayApiVersion = DEFAULT_GATEWAY_API_VERSION): any[] {
  return bundleObjects(BUNDLES[version]);
}

const shared = new Map<GatewayApiVersion, readonly any[]>();

/**
 * The CustomResourceDefinition of one Gateway API kind (`HTTPRoute`) in a
 * release, or undefined when the release's standard channel has no such kind
 * (TCPRoute in v1.5.1). Decoded once per release and shared: read it, never change it.
 */
export function gatewayApiCrd(kind: string, version: GatewayApiVersion = DEFAULT_GATEWAY_API_VERSION): any | undefined {
  let objects = shared.get(version);
  if (!objects) {
    objects = gatewayApiObjects(version);
    shared.set(version, objects);
  }
  return objects.find((o) => o.kind === 'CustomResourceDefinition' && o.spec.names.kind === kind);
}

/**
 * The openAPIV3Schema a release's CRD declares for `kind` at `apiVersion`
 * (`v1`, `v1beta1`), or undefined when that version is not served. Shared: never change it.
 */
export function gatewayApiSchema(kind: string, apiVersion = 'v1', version: GatewayApiVersion = DEFAULT_GATEWAY_API_VERSION): any | undefined {
  const served = gatewayApiCrd(kind, version)?.spec.versions.find((v: any) => v.name === apiVersion && v.served);
  return served?.schema?.openAPIV3Schema;
}
