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

/** Per check: release → apiVersion → kind → {@link servedProblem}'s answer. */
const servedAnswers = (_context: PolicyContext) => new Map<string, Map<string, Map<string, string | undefined>>>();

/**
 * Why a release's CRDs do not serve an object's kind and version, or
 * undefined when they do. Asked once per kind and version in a check, not once per object.
 */
export function servedProblem(context: PolicyContext, object: PolicyObject, version: string, release: GatewayApiVersion): string | undefined {
  const byRelease = context.shared(servedAnswers);
  let byApiVersion = byRelease.get(release);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byApiVersion) byRelease.set(release, (byApiVersion = new Map()));
  let byKind = byApiVersion.get(object.apiVersion);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (!byKind) byApiVersion.set(object.apiVersion, (byKind = new Map()));
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: recomputed, the same answer.
  if (byKind.has(object.kind)) return byKind.get(object.kind);
  const answer = findServedProblem(object, version, release);
  byKind.set(object.kind, answer);
  return answer;
}

function findServedProblem(object: PolicyObject, version: string, release: GatewayApiVersion): string | undefined {
  // From the generated table: decoding a bundle to read its CRDs' versions cost a large synth memory at its peak.
  const kinds = SERVED_VERSIONS[release];
  const served = Object.prototype.hasOwnProperty.call(kinds, object.kind) ? kinds[object.kind] : undefined;
  if (!served) return `${object.kind} is not a kind of the Gateway API ${release} standard channel`;
  if (served.includes(version)) return undefined;
  return `${object.apiVersion} is not served by the Gateway API ${release} CRD of ${object.kind} (it serves ${served.join(', ')})`;
}
