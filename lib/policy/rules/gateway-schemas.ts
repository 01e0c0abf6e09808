import { GATEWAY_API_VERSIONS, GatewayApiVersion } from '../../addons/gateway-api/bundles';
import { SERVED_VERSIONS } from '../../addons/gateway-api/served.generated';
import { GATEWAY_API_GROUP } from '../../gateway/types';
import { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** The newest Gateway API release this package carries: what "valid in some release" is judged against. */
export const NEWEST_GATEWAY_API_VERSION: GatewayApiVersion = GATEWAY_API_VERSIONS[0];

/** The Gateway API objects of the manifests (group gateway.networking.k8s.io), with their API version (`v1`). Shared: never change it. */
export function gatewayApiObjects(context: PolicyContext): ReadonlyArray<{ object: PolicyObject; version: string }> {
  return context.shared(findGatewayApiObjects);
}

function findGatewayApiObjects(context: PolicyContext): Array<{ object: PolicyObject; version: string }> {
  const prefix = `${GATEWAY_API_GROUP}/`;
  const out: Array<{ object: PolicyObject; version: string }> = [];
  const objects = context.objects;
  // The version of the last apiVersion split: thousands of objects in a row share it (the routes).
  // Stryker disable next-line StringLiteral: equivalent, any first value no apiVersion of the group has only splits the first one
  let lastApiVersion = '';
  let lastVersion: string | undefined;
  // An indexed loop: this runs over every object of every synth, mostly before V8 optimizes it.
  for (let i = 0; i < objects.length; i++) {
    const object = objects[i];
    const apiVersion = object.apiVersion;
    // Most objects are of other groups: no split for them.
    if (!apiVersion.startsWith(prefix)) continue;
    // Stryker disable next-line ConditionalExpression: equivalent, a cache: split again, the same answer.
    if (apiVersion !== lastApiVersion) {
      lastApiVersion = apiVersion;
      lastVersion = apiVersion.split('/')[1];
    }
    if (lastVersion) out.push({ object, version: lastVersion });
  }
  return out;
}

/**
 * Why a release's CRDs do not serve an object's kind and version, or
 * undefined when they do. A lookup in a generated table (decoding a bundle
 * to read its CRDs' versions cost a large synth memory at its peak), as
 * cheap as a cache in front of it would be: asked for every object.
 */
export function servedProblem(object: PolicyObject, version: string, release: GatewayApiVersion): string | undefined {
  const kinds = SERVED_VERSIONS[release];
  const served = Object.prototype.hasOwnProperty.call(kinds, object.kind) ? kinds[object.kind] : undefined;
  if (!served) return `${object.kind} is not a kind of the Gateway API ${release} standard channel`;
  if (served.includes(version)) return undefined;
  return `${object.apiVersion} is not served by the Gateway API ${release} CRD of ${object.kind} (it serves ${served.join(', ')})`;
}
