// The field types Gateway API CRDs share (apis/v1/shared_types.go, v1.6.1 and
// v1.5.1 alike), as their openAPIV3Schema states them: one check per type,
// used by every per-object validation here.
import { Problem } from '../../core/errors';
import { metadataProblems } from '../../core/metadata-validation';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../../core/names';
import { isIpAddress } from '../../core/net';
import { kindSpellingProblem } from './kinds';

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PRECISE_HOSTNAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECTION_NAME = PRECISE_HOSTNAME;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GROUP = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

export const HOSTNAME_RULE = 'a lowercase DNS name of at most 253 characters, optionally with "*." as the whole first label; no port, no trailing dot, no IP address';
export const PRECISE_HOSTNAME_RULE = 'a lowercase DNS name of at most 253 characters, without wildcard, port or trailing dot';
export const SECTION_NAME_RULE = 'dot-separated labels of lowercase letters, digits and "-", at most 253 characters';
export const NAMESPACE_RULE = 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters';
export const GROUP_RULE = '"" (the core group) or a DNS subdomain such as "gateway.networking.k8s.io", at most 253 characters';
export const KIND_RULE = 'letters, digits and "-", starting with a letter, at most 63 characters';
export const HEADER_NAME_RULE = 'an HTTP token (letters, digits and !#$%&\'*+-.^_`|~), at most 256 characters';
export const DURATION_RULE = '1 to 4 groups of up to 5 digits and a unit h, m, s or ms, such as "10s", "500ms" or "1m30s"';

/** `value` is a string (not undefined, not another type). */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** One empty list for every absent list field: `items` is called on each optional list of every route. */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** The items of a list field; anything that is not a list (absent, or a mistake in YAML) gives none. */
export function items<T = any>(value: unknown): readonly T[] {
  return Array.isArray(value) ? value : NO_ITEMS;
}

/** Pushes a check's problem, if any, without the array `defined` makes (the checks run on thousands of routes). */
export function add(problems: Problem[], problem: Problem | undefined): void {
  if (problem !== undefined) problems.push(problem);
}

/** The `maxItems`/`minItems` of a list field. */
export function countProblem(field: string, list: unknown, max: number, min = 0, fix?: string): Problem | undefined {
  const n = items(list).length;
  if (n > max) {
    return { field, message: `has ${n} items; at most ${max} are allowed.`, value: n, allowed: `${min}-${max} items`, fix: fix ?? `remove items until at most ${max} are left.` };
  }
  if (n < min) {
    return { field, message: `has ${n} items; at least ${min} ${min === 1 ? 'is' : 'are'} required.`, value: n, allowed: `${min}-${max} items`, fix: fix ?? `add at least ${min}.` };
  }
  return undefined;
}

/** A field the schema requires. */
export function requiredProblem(field: string, value: unknown, fix: string): Problem | undefined {
  if (value !== undefined && value !== null && value !== '') return undefined;
  // An empty string was given: show it, so the user sees which value is empty.
  return value === '' ? { field, message: 'is required.', value, fix } : { field, message: 'is required.', fix };
}

/** The schema's `Hostname` syntax alone (it accepts IP-looking strings). */
export function isHostnameSyntax(value: unknown): value is string {
  // The patterns here need at least one character, so no minimum length is tested beside them.
  return isString(value) && value.length <= 253 && HOSTNAME.test(value);
}

/** A valid Gateway API `Hostname` (see {@link hostnameProblem}). */
export function isHostname(value: unknown): boolean {
  return isHostnameSyntax(value) && !isIpAddress(value);
}

/**
 * A Gateway API `Hostname` (listener and route hostnames). The schema accepts
 * IP-looking strings, but the spec forbids IPs and implementations never
 * match them, so they are a problem too.
 */
export function hostnameProblem(field: string, value: unknown): Problem | undefined {
  if (isHostnameSyntax(value)) {
    if (!isIpAddress(value)) return undefined;
    return { field, message: 'is an IP address; Gateway API hostnames must be DNS names.', value, allowed: HOSTNAME_RULE, fix: 'use a DNS name that resolves to the Gateway, or leave the hostname out to match every host.' };
  }
  const lower = isString(value) ? value.toLowerCase() : undefined;
  const fix = lower !== undefined && lower !== value && HOSTNAME.test(lower)
    ? `write it in lowercase: "${lower}".`
    : 'use a lowercase host name without scheme, port, path or trailing dot ("www.example.com" or "*.example.com").';
  return { field, message: 'is not a valid Gateway API hostname.', value, allowed: HOSTNAME_RULE, fix };
}

/** A `PreciseHostname` (redirect and rewrite hostnames): no wildcard. */
export function preciseHostnameProblem(field: string, value: unknown): Problem | undefined {
  if (isString(value) && value.length <= 253 && PRECISE_HOSTNAME.test(value)) return undefined;
  return { field, message: 'is not a valid precise hostname.', value, allowed: PRECISE_HOSTNAME_RULE, fix: 'use a lowercase host name such as "www.example.com", without "*.".' };
}

/** A valid `SectionName`: callers test this before they build the field's path. */
export function isSectionName(value: unknown): boolean {
  return isString(value) && value.length <= 253 && SECTION_NAME.test(value);
}

/** A `SectionName`: listener names, parentRef.sectionName, rule names. */
export function sectionNameProblem(field: string, value: unknown): Problem | undefined {
  if (isSectionName(value)) return undefined;
  return { field, message: 'is not a valid section name.', value, allowed: SECTION_NAME_RULE, fix: 'use lowercase letters, digits and "-", e.g. "https" or "http-80".' };
}

/** A valid `ObjectName`. */
export function isObjectName(value: unknown): boolean {
  return isString(value) && value.length >= 1 && value.length <= 253;
}

/** An `ObjectName`: 1-253 characters, no pattern in the CRD. */
export function objectNameProblem(field: string, value: unknown): Problem | undefined {
  if (isObjectName(value)) return undefined;
  return { field, message: 'must be an object name of 1-253 characters.', value, allowed: '1-253 characters', fix: 'set the name of the object referred to.' };
}

/** A `Namespace` in a reference. */
export function namespaceRefProblem(field: string, value: unknown): Problem | undefined {
  if (value === undefined) return undefined;
  if (isString(value) && value.length <= 63 && NAMESPACE.test(value)) return undefined;
  return { field, message: 'is not a valid namespace name.', value, allowed: NAMESPACE_RULE, fix: 'use the name of an existing namespace, or leave it out for the referring object\'s namespace.' };
}

/** A `Group`; undefined means the field's default. */
export function groupProblem(field: string, value: unknown): Problem | undefined {
  if (value === undefined || (isString(value) && value.length <= 253 && GROUP.test(value))) return undefined;
  return { field, message: 'is not a valid API group.', value, allowed: GROUP_RULE, fix: 'use "" for core kinds (Service, Secret) or the kind\'s API group.' };
}

/**
 * A `Kind`; undefined means the field's default. Given the reference's `group`
 * (its default applied), a kind the group does not have is a problem too
 * ({@link kindSpellingProblem}): the CRD accepts `service`, but it refers to nothing.
 */
export function kindProblem(field: string, value: unknown, group?: unknown): Problem | undefined {
  if (value === undefined) return undefined;
  if (isString(value) && value.length <= 63 && KIND.test(value)) {
    return isString(group) ? kindSpellingProblem(field, group, value) : undefined;
  }
  return { field, message: 'is not a valid kind.', value, allowed: KIND_RULE, fix: 'use a kind such as "Service", "Secret" or "Gateway".' };
}

/** A valid `PortNumber`. */
export function isPortNumber(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** A `PortNumber` (int32, 1-65535). */
export function portNumberProblem(field: string, value: unknown): Problem | undefined {
  if (isPortNumber(value)) return undefined;
  return { field, message: 'is not a port number.', value, allowed: 'an integer 1-65535', fix: 'use a number such as 80 or 443.' };
}

/** An integer in `[min, max]`, for weights, percentages and the like. */
export function integerProblem(field: string, value: unknown, min: number, max: number, fix: string): Problem | undefined {
  if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return undefined;
  return { field, message: `must be an integer from ${min} to ${max}.`, value, allowed: `${min}-${max}`, fix };
}

/** An HTTP header or query-parameter name. */
export function headerNameProblem(field: string, value: unknown): Problem | undefined {
  if (isString(value) && value.length <= 256 && HEADER_NAME.test(value)) return undefined;
  return { field, message: 'is not a valid HTTP header or parameter name.', value, allowed: HEADER_NAME_RULE, fix: 'use a name such as "X-Canary" or "version", without spaces or ":".' };
}

/** A string of `min`-`max` characters (header values and the like). */
export function lengthProblem(field: string, value: unknown, min: number, max: number, fix: string): Problem | undefined {
  if (isString(value) && value.length >= min && value.length <= max) return undefined;
  return { field, message: `must be a string of ${min}-${max} characters.`, value: isString(value) && value.length > 80 ? `${value.slice(0, 80)}…` : value, allowed: `${min}-${max} characters`, fix };
}

/** One of an enum's values. */
export function enumProblem(field: string, value: unknown, allowed: readonly (string | number)[], fix: string): Problem | undefined {
  if (allowed.includes(value as string | number)) return undefined;
  return { field, message: 'is not one of the allowed values.', value, allowed: allowed.join(', '), fix };
}

/** A Gateway API `Duration` (HTTPRoute timeouts). */
export function durationProblem(field: string, value: unknown): Problem | undefined {
  if (value === undefined || (isString(value) && DURATION.test(value))) return undefined;
  return { field, message: 'is not a Gateway API duration.', value, allowed: DURATION_RULE, fix: 'write it as "10s", "500ms" or "1m30s" (no decimals, no "us").' };
}

/** Milliseconds of a valid Gateway API duration. */
export function durationMillis(value: string): number {
  let ms = 0;
  for (const [, n, unit] of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    ms += Number(n) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[unit as 'h' | 'm' | 's' | 'ms'];
  }
  return ms;
}

/** Collects the defined problems of a list of checks. */
export function defined(...problems: (Problem | undefined)[]): Problem[] {
  return problems.filter((p): p is Problem => p !== undefined);
}

/** How much of a Gateway API object the per-kind problem functions check. */
export interface ObjectCheckOptions {
  /**
   * Whether `metadata` (the name, labels, annotations) is checked. The policy
   * rule gw-spec-valid leaves it out: name-valid and label-values-valid
   * report metadata once for every kind, and checking it again for each of
   * thousands of routes only to drop the findings cost a synth time.
   * @default true
   */
  readonly metadata?: boolean;
}

/**
 * What every Gateway API object shares: a DNS-subdomain name, valid metadata
 * (unless `options.metadata` is false), and a `spec` object (required by
 * each CRD). `hasSpec` says whether the caller can go on checking the spec.
 */
export function objectProblems(
  kind: string, manifest: { metadata?: any; spec?: unknown }, exampleName: string, specFix: string, options?: ObjectCheckOptions,
): { problems: Problem[]; hasSpec: boolean } {
  const problems: Problem[] = [];
  const hasSpec = pushObjectProblems(problems, kind, manifest, exampleName, specFix, options);
  return { problems, hasSpec };
}

/** {@link objectProblems}, pushed into `problems` (no list and no answer object per route): answers `hasSpec`. */
export function pushObjectProblems(
  problems: Problem[], kind: string, manifest: { metadata?: any; spec?: unknown }, exampleName: string, specFix: string, options?: ObjectCheckOptions,
): boolean {
  if (options?.metadata !== false) {
    const name = manifest.metadata?.name;
    if (!isString(name) || !isDns1123Subdomain(name)) {
      problems.push({ field: 'metadata.name', message: `is not a valid ${kind} name.`, value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: `use a lowercase name such as "${exampleName}".` });
    }
    for (const problem of metadataProblems(manifest.metadata)) problems.push(problem);
  }
  const hasSpec = !!manifest.spec && typeof manifest.spec === 'object';
  if (!hasSpec) problems.push({ field: 'spec', message: 'is required.', fix: specFix });
  return hasSpec;
}
