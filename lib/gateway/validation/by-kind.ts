import { Problem } from '../../core/errors';
import { GATEWAY_API_GROUP } from '../types';
import { ObjectCheckOptions } from './fields';
import { gatewayProblems } from './gateway-validation';
import { httpRouteProblems } from './http-route-validation';
import { referenceGrantProblems } from './reference-grant-validation';

// A Map, not an object literal: a kind such as "constructor" or "toString" must not find Object.prototype's functions.
const BY_KIND = new Map<unknown, (manifest: any, options?: ObjectCheckOptions) => Problem[]>([
  ['Gateway', gatewayProblems],
  ['HTTPRoute', httpRouteProblems],
  ['ReferenceGrant', referenceGrantProblems],
]);

/** The apiVersion prefix of the group, written once: this is asked for every Gateway API object of every synth. */
const GROUP_PREFIX = `${GATEWAY_API_GROUP}/`;

/**
 * The per-object problems of any Gateway API manifest this library checks
 * (Gateway, HTTPRoute, ReferenceGrant, in any served version), or undefined
 * for other kinds and groups: one entry point for a policy rule over YAML.
 */
export function gatewayApiObjectProblems(
  manifest: { readonly apiVersion?: unknown; readonly kind?: unknown; readonly [field: string]: unknown }, options?: ObjectCheckOptions,
): Problem[] | undefined {
  if (typeof manifest?.apiVersion !== 'string' || !manifest.apiVersion.startsWith(GROUP_PREFIX)) return undefined;
  return BY_KIND.get(manifest.kind)?.(manifest, options);
}
