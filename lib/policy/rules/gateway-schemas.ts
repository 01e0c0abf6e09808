import { GATEWAY_API_VERSIONS, GatewayApiVersion, gatewayApiCrd, gatewayApiSchema } from '../../addons/gateway-api/bundles';
import { GATEWAY_API_GROUP } from '../../gateway/types';
import { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** The newest Gateway API release this package carries: what "valid in some release" is judged against. */
export const NEWEST_GATEWAY_API_VERSION: GatewayApiVersion = GATEWAY_API_VERSIONS[0];

/** The Gateway API objects of the manifests (group gateway.networking.k8s.io), with their API version (`v1`). */
export function gatewayApiObjects(context: PolicyContext): Array<{ object: PolicyObject; version: string }> {
  return context.objects.flatMap((object) => {
    const [group, version] = object.apiVersion.split('/');
    return group === GATEWAY_API_GROUP && version ? [{ object, version }] : [];
  });
}

/**
 * Why a release's CRDs do not serve an object's kind and version, or
 * undefined when they do.
 */
export function servedProblem(object: PolicyObject, version: string, release: GatewayApiVersion): string | undefined {
  const crd = gatewayApiCrd(object.kind, release);
  if (!crd) return `${object.kind} is not a kind of the Gateway API ${release} standard channel`;
  if (gatewayApiSchema(object.kind, version, release)) return undefined;
  const served = crd.spec.versions.filter((v: any) => v.served).map((v: any) => v.name).join(', ');
  return `${object.apiVersion} is not served by the Gateway API ${release} CRD of ${object.kind} (it serves ${served})`;
}
