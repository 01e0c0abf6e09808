import { Problem } from '../../core/errors';
import { GATEWAY_API_GROUP } from '../types';
import { ObjectCheckOptions } from './fields';
import { gatewayProblems } from './gateway-validation';
import { pushHttpRouteProblems } from './http-route-validation';
import { referenceGrantProblems } from './reference-grant-validation';

type PushProblems = (problems: Problem[], manifest: any, options?: ObjectCheckOptions) => void;

/** A kind's problems function, made to push into a caller's list. */
const pushing = (problemsOf: (manifest: any, options?: ObjectCheckOptions) => Problem[]): PushProblems => (problems, manifest, options) => {
  const found = problemsOf(manifest, options);
  for (let i = 0; i < found.length; i++) problems.push(found[i]);
};

// A Map, not an object literal: a kind such as "constructor" or "toString" must not find Object.prototype's functions.
// HTTPRoute pushes itself: thousands of routes per app, nearly all without a problem, need no list of their own.
const BY_KIND = new Map<unknown, PushProblems>([
  ['Gateway', pushing(gatewayProblems)],
  ['HTTPRoute', pushHttpRouteProblems],
  ['ReferenceGrant', pushing(referenceGrantProblems)],
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
  const push = pushOf(manifest);
  if (push === undefined) return undefined;
  const problems: Problem[] = [];
  push(problems, manifest, options);
  return problems;
}

/** {@link gatewayApiObjectProblems}, pushed into `problems` (nothing for other kinds and groups). */
export function pushGatewayApiObjectProblems(
  problems: Problem[], manifest: { readonly apiVersion?: unknown; readonly kind?: unknown; readonly [field: string]: unknown }, options?: ObjectCheckOptions,
): void {
  pushOf(manifest)?.(problems, manifest, options);
}

function pushOf(manifest: { readonly apiVersion?: unknown; readonly kind?: unknown }): PushProblems | undefined {
  if (typeof manifest?.apiVersion !== 'string' || !manifest.apiVersion.startsWith(GROUP_PREFIX)) return undefined;
  return BY_KIND.get(manifest.kind);
}
