import { Problem } from '../../core/errors';
import { GATEWAY_API_GROUP, HttpBackendRef, HttpRouteManifest, HttpRouteMatch, HttpRouteRule, ParentReference } from '../types';
import {
  add, ObjectCheckOptions, countProblem, pushObjectProblems, durationMillis, durationProblem, enumProblem, groupProblem, headerNameProblem, hostnameProblem,
  integerProblem, isHostname, isObjectName, isPortNumber, isSectionName, isString, items, kindProblem, lengthProblem, namespaceRefProblem,
  objectNameProblem, portNumberProblem, requiredProblem, sectionNameProblem,
} from './fields';
import { pushFilterListProblems } from './http-route-filters';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
/** The most matches one HTTPRoute may hold across its rules (CEL on spec.rules). */
export const MAX_HTTP_ROUTE_MATCHES = 128;

// HTTPRoute path CEL (apis/v1/httproute_types.go): for Exact and PathPrefix.
const FORBIDDEN_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F', '#'];
const FORBIDDEN_PATH_SUFFIXES = ['/..', '/.'];
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const PATH_CEL_TYPES = "when type one of ['Exact', 'PathPrefix']";

/**
 * Every rule the HTTPRoute CRD (standard channel, v1.6.1) applies to an
 * HTTPRoute: the schema's limits (parentRefs, hostnames, rules, matches,
 * filters, backendRefs) and its CEL rules, in upstream's wording. Pure: the
 * route constructs call it on what they build, the policy engine on any
 * manifest. Whether parents, listeners and backends exist is a cross-object
 * check, not here.
 */
export function httpRouteProblems(route: HttpRouteManifest, options?: ObjectCheckOptions): Problem[] {
  const problems: Problem[] = [];
  pushHttpRouteProblems(problems, route, options);
  return problems;
}

/** {@link httpRouteProblems}, pushed into `problems`: a policy rule checking thousands of routes keeps one list for the clean ones. */
export function pushHttpRouteProblems(problems: Problem[], route: HttpRouteManifest, options?: ObjectCheckOptions): void {
  // The checks run on every route at construction and again at synth (thousands per app), and find nothing
  // on almost all: each problem's field path is built only when it is pushed, and every check pushes into one list.
  const hasSpec = pushObjectProblems(problems, 'HTTPRoute', route, 'shop', 'set spec.parentRefs and spec.rules.', options);
  const spec = route.spec;
  // Stryker disable next-line LogicalOperator: equivalent, hasSpec is false whenever spec is falsy; `!spec` only narrows the type.
  if (!hasSpec || !spec) return;
  // A null item (YAML "- ~") in any list here is the schema walk's finding alone, as the API server reports it
  // ("must be of type object": its CEL rules are then not run); it is never read through.
  const parents = items<ParentReference>(spec.parentRefs);
  // A speed guard: countProblem finds nothing in 32 parentRefs or fewer (its mutants made true or >= are equivalent).
  if (parents.length > 32) add(problems, countProblem('spec.parentRefs', spec.parentRefs, 32, 0, 'attach the route to at most 32 parents; split it into several HTTPRoutes.'));
  for (let i = 0; i < parents.length; i++) if (parents[i] !== null) pushParentRefProblems(problems, 'spec.parentRefs', i, parents[i]);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a speed guard: one parent is never named twice.
  if (parents.length > 1) pushParentRefSetProblems(problems, parents);
  const hostnames = items(spec.hostnames);
  // A speed guard: countProblem finds nothing in 16 hostnames or fewer (its mutants made true or >= are equivalent).
  if (hostnames.length > 16) add(problems, countProblem('spec.hostnames', spec.hostnames, 16, 0, 'a route holds at most 16 hostnames; split it into one HTTPRoute per group of hosts.'));
  for (let i = 0; i < hostnames.length; i++) {
    // Stryker disable next-line ConditionalExpression: equivalent, a speed guard: hostnameProblem finds nothing in a valid hostname.
    if (hostnames[i] !== null && !isHostname(hostnames[i])) add(problems, hostnameProblem(`spec.hostnames[${i}]`, hostnames[i]));
  }
  // A null rules list is dropped and defaulted by the API server, like a missing one (kube-apiserver 1.36.2).
  if (spec.rules != null) {
    add(problems, countProblem('spec.rules', spec.rules, 16, 1, 'a route holds 1-16 rules; split the rest into another HTTPRoute with the same parents and hostnames.'));
    const rules = items<HttpRouteRule>(spec.rules);
    let totalMatches = 0;
    // The CEL counts after defaulting: a rule without matches holds the default PathPrefix "/" match (an explicit [] stays empty).
    for (let i = 0; i < rules.length && i < 16; i++) totalMatches += rules[i]?.matches == null ? 1 : items(rules[i].matches).length;
    if (totalMatches > MAX_HTTP_ROUTE_MATCHES) {
      problems.push({
        field: 'spec.rules', message: 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128.',
        value: totalMatches, allowed: `at most ${MAX_HTTP_ROUTE_MATCHES} matches`, fix: 'split the rules into several HTTPRoutes with the same parents and hostnames.',
      });
    }
    // Stryker disable next-line EqualityOperator: equivalent, `i <= rules.length` reads one undefined rule past the end, which holds nothing to report.
    for (let i = 0; i < rules.length; i++) pushRuleProblems(problems, i < RULE_FIELDS.length ? RULE_FIELDS[i] : `spec.rules[${i}]`, rules[i]);
  }
}

/** The paths of the 16 rules a route may hold, made once: every rule of every route passes its own down. */
const RULE_FIELDS = Array.from({ length: 16 }, (_, i) => `spec.rules[${i}]`);

/** The checks of {@link httpRouteProblems} on one parentRef. */
export function parentRefProblems(field: string, ref: ParentReference): Problem[] {
  const problems: Problem[] = [];
  pushRefProblems(problems, field, ref, 'set the name of the Gateway.', GATEWAY_API_GROUP);
  // A null sectionName or port is left out to create (it drops them); server-side apply's refusal is the schema walk's.
  if (ref?.sectionName != null && !isSectionName(ref.sectionName)) add(problems, sectionNameProblem(`${field}.sectionName`, ref.sectionName));
  if (ref?.port != null && !isPortNumber(ref.port)) add(problems, portNumberProblem(`${field}.port`, ref.port));
  return problems;
}

/** {@link parentRefProblems} on `list[i]`, whose path is built only for a problem. */
function pushParentRefProblems(problems: Problem[], list: string, i: number, ref: ParentReference): void {
  if (ref?.name === undefined || !isObjectName(ref.name) || ref.group !== undefined || ref.kind !== undefined || ref.namespace !== undefined
    || (ref.sectionName != null && !isSectionName(ref.sectionName)) || (ref.port != null && !isPortNumber(ref.port))) {
    for (const problem of parentRefProblems(`${list}[${i}]`, ref)) problems.push(problem);
  }
}

/**
 * The name, group, kind and namespace of a reference (a parentRef's or a
 * backendRef's), whose kind defaults in `defaultGroup` when no group is given.
 */
function pushRefProblems(problems: Problem[], field: string, ref: { name?: unknown; group?: unknown; kind?: unknown; namespace?: unknown } | undefined, nameFix: string, defaultGroup: string): void {
  add(problems, requiredProblem(`${field}.name`, ref?.name, nameFix) ?? objectNameProblem(`${field}.name`, ref!.name));
  if (ref?.group !== undefined) add(problems, groupProblem(`${field}.group`, ref.group));
  if (ref?.kind !== undefined) add(problems, kindProblem(`${field}.kind`, ref.kind, ref.group ?? defaultGroup));
  if (ref?.namespace !== undefined) add(problems, namespaceRefProblem(`${field}.namespace`, ref.namespace));
}

/** The two CEL rules on parentRefs that name one parent more than once. */
function pushParentRefSetProblems(problems: Problem[], parents: readonly ParentReference[]): void {
  // The CEL runs after defaulting (group, kind); an explicit namespace and none are different parents to it.
  const parentKey = (p: ParentReference) => `${p?.group ?? GATEWAY_API_GROUP}/${p?.kind ?? 'Gateway'}/${p?.namespace ?? ''}/${p?.name}`;
  const section = (p: ParentReference) => p?.sectionName ?? '';
  parents.forEach((ref, i) => {
    if (ref === null) return;
    // The references to the same parent, this one included: its own sectionName never differs from itself, and the
    // unique rule looks at the earlier ones only.
    const key = parentKey(ref);
    const same = parents.map((p, j) => ({ p, j })).filter(({ p }) => p !== null && parentKey(p) === key);
    if (same.some(({ p }) => (section(p) === '') !== (section(ref) === ''))) {
      problems.push({ field: `spec.parentRefs[${i}].sectionName`, message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent.', value: ref?.sectionName, fix: 'name the listener (e.g. "http" and "https") in every reference to this Gateway.' });
    } else if (same.some(({ p, j }) => j < i && section(p) === section(ref))) {
      problems.push({ field: `spec.parentRefs[${i}].sectionName`, message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent.', value: ref?.sectionName, fix: 'reference each listener of the Gateway once.' });
    }
  });
}

/** The checks of {@link httpRouteProblems} on one rule (`field` is `spec.rules[i]`). */
export function httpRouteRuleProblems(field: string, rule: HttpRouteRule): Problem[] {
  const problems: Problem[] = [];
  pushRuleProblems(problems, field, rule);
  return problems;
}

function pushRuleProblems(problems: Problem[], field: string, rule: HttpRouteRule): void {
  if (rule?.name !== undefined && !isSectionName(rule.name)) add(problems, sectionNameProblem(`${field}.name`, rule.name));
  const matches = items<HttpRouteMatch>(rule?.matches);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a speed guard: countProblem finds nothing in 64 matches or fewer.
  if (matches.length > 64) add(problems, countProblem(`${field}.matches`, rule.matches, 64, 0, 'a rule holds at most 64 matches; split it into several rules.'));
  // Stryker disable next-line EqualityOperator: equivalent, `j <= matches.length` reads one undefined match past the end, which holds nothing to report.
  for (let j = 0; j < matches.length; j++) pushMatchProblems(problems, field, j, matches[j]);
  if (rule?.filters !== undefined) pushFilterListProblems(problems, `${field}.filters`, rule.filters, backendObjectRefProblems);
  const backends = items<HttpBackendRef>(rule?.backendRefs);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a speed guard: countProblem finds nothing in 16 backendRefs or fewer.
  if (backends.length > 16) add(problems, countProblem(`${field}.backendRefs`, rule.backendRefs, 16, 0, 'a rule sends to at most 16 backends.'));
  for (let j = 0; j < backends.length; j++) {
    const ref = backends[j];
    if (ref !== null && (!isPlainServiceRef(ref) || ref.weight != null || ref.filters !== undefined)) pushBackendRefProblems(problems, `${field}.backendRefs[${j}]`, ref);
  }
  const filters = items(rule?.filters);
  // Speed guards (no closure per rule): an empty list holds no redirect.
  if (backends.length > 0 && filters.length > 0 && filters.some((f) => f?.requestRedirect !== undefined)) {
    problems.push({ field: `${field}.filters`, message: 'RequestRedirect filter must not be used together with backendRefs.', fix: 'put the redirect in a rule of its own, without backendRefs.' });
  }
  // The CEL runs after defaulting: absent matches become one PathPrefix "/" match, and a match without path gets the
  // path PathPrefix "/"; both satisfy the rule. An explicit empty list is not defaulted and holds no match.
  const onePrefixMatch = rule?.matches == null || (matches.length === 1 && (matches[0]?.path?.type ?? 'PathPrefix') === 'PathPrefix');
  if (!onePrefixMatch) {
    if (replacesPrefix(rule.filters, 'requestRedirect')) problems.push(prefixProblem(field, 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (replacesPrefix(rule.filters, 'urlRewrite')) problems.push(prefixProblem(field, 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (backends.some((b) => replacesPrefix(b?.filters, 'requestRedirect'))) problems.push(prefixProblem(field, 'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (backends.some((b) => replacesPrefix(b?.filters, 'urlRewrite'))) problems.push(prefixProblem(field, 'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
  }
  const timeouts = rule?.timeouts;
  if (timeouts) {
    const request = durationProblem(`${field}.timeouts.request`, timeouts.request);
    const backend = durationProblem(`${field}.timeouts.backendRequest`, timeouts.backendRequest);
    add(problems, request);
    add(problems, backend);
    if (!request && !backend && timeouts.request !== undefined && timeouts.backendRequest !== undefined
      && durationMillis(timeouts.request) !== 0 && durationMillis(timeouts.backendRequest) > durationMillis(timeouts.request)) {
      problems.push({ field: `${field}.timeouts`, message: 'backendRequest timeout cannot be longer than request timeout.', value: timeouts, fix: 'shorten backendRequest, or lengthen request.' });
    }
  }
}

/** A filter of `list` replaces the matched prefix. */
function replacesPrefix(list: unknown, key: 'requestRedirect' | 'urlRewrite'): boolean {
  return items(list).some((f) => f?.[key]?.path?.type === 'ReplacePrefixMatch' && f[key].path.replacePrefixMatch !== undefined);
}

/** A backendRef to a Service by a valid name and port, in the route's namespace: what a route almost always holds, with nothing to report. */
// Stryker disable next-line BlockStatement: equivalent, an emptied shortcut returns undefined and sends every backendRef to the full check, which finds the same.
function isPlainServiceRef(ref: HttpBackendRef): boolean {
  return ref?.name !== undefined && isObjectName(ref.name) && ref.group === undefined && ref.kind === undefined && ref.namespace === undefined
    && ref.port !== undefined && isPortNumber(ref.port);
}

/** The backendRef checks of a rule: the reference, its weight and its filters. */
function pushBackendRefProblems(problems: Problem[], at: string, ref: HttpBackendRef): void {
  for (const problem of backendObjectRefProblems(at, ref)) problems.push(problem);
  // A null weight is dropped and defaulted to 1 by the API server on every path (the schema has a default).
  if (ref?.weight != null) add(problems, integerProblem(`${at}.weight`, ref.weight, 0, 1_000_000, 'use a weight from 0 (no traffic) to 1,000,000; shares are weight / sum of weights.'));
  if (ref?.filters !== undefined) pushFilterListProblems(problems, `${at}.filters`, ref.filters, backendObjectRefProblems);
}

function prefixProblem(field: string, message: string): Problem {
  return { field: `${field}.matches`, message, fix: 'give the rule exactly one match, of type PathPrefix: the prefix it replaces.' };
}

/** A backendRef or a mirror's backendRef: name, group, kind, namespace, and the port a Service needs. */
export function backendObjectRefProblems(field: string, ref: HttpBackendRef): Problem[] {
  const problems: Problem[] = [];
  pushRefProblems(problems, field, ref, 'set the name of the Service.', '');
  // A null port is dropped by create (then the CEL rule below refuses the Service reference) and refused by server-side apply.
  if (ref?.port != null) add(problems, portNumberProblem(`${field}.port`, ref.port));
  if ((ref?.group ?? '') === '' && (ref?.kind ?? 'Service') === 'Service' && ref?.port == null) {
    problems.push({ field: `${field}.port`, message: 'Must have port for Service reference.', fix: 'set the Service port number; a port name must be resolved to its number through the Service.' });
  }
  return problems;
}

/** The checks on one match: path CEL, header and query-parameter lists, method. */
export function matchProblems(field: string, match: HttpRouteMatch): Problem[] {
  const problems: Problem[] = [];
  pushMatchProblems(problems, field, undefined, match);
  return problems;
}

const MATCH_LISTS = ['headers', 'queryParams'] as const;

/** The checks on match `j` of the rule at `rule` (on the match at `rule` itself when j is undefined). */
function pushMatchProblems(problems: Problem[], rule: string, j: number | undefined, match: HttpRouteMatch): void {
  const path = match?.path;
  const type = path?.type ?? 'PathPrefix';
  const value = path?.value ?? '/';
  // Runs for every match of every route: a path match alone with a clean path (nearly every match) has nothing to report, and its path string is not built.
  // A speed guard: a match it does not clear goes through the checks below, which find nothing more.
  if ((!path || isCleanPath(type, value)) && match?.headers === undefined && match?.queryParams === undefined && match?.method === undefined) return;
  const field = j === undefined ? rule : `${rule}.matches[${j}]`;
  // Without a path the defaults (PathPrefix "/") apply, which pass.
  if (path) pushPathProblems(problems, field, '.path', type, value);
  // Stryker disable next-line EqualityOperator: equivalent, one step past the end reads an undefined key, whose list is undefined.
  for (let m = 0; m < MATCH_LISTS.length; m++) {
    const key = MATCH_LISTS[m];
    // Stryker disable next-line OptionalChaining: equivalent, a null match returned above.
    if (match?.[key] !== undefined) pushMatchListProblems(problems, field, key, match[key]);
  }
  // Stryker disable next-line OptionalChaining: equivalent, a null match returned above.
  if (match?.method !== undefined) add(problems, enumProblem(`${field}.method`, match.method, HTTP_METHODS, 'use an upper-case HTTP method such as GET.'));
}

/** The checks on a match's `headers` or `queryParams` (apart: its closures would make every match's call allocate their context). */
function pushMatchListProblems(problems: Problem[], field: string, key: typeof MATCH_LISTS[number], value: unknown): void {
  const list = items(value);
  add(problems, countProblem(`${field}.${key}`, value, 16));
  list.forEach((entry, k) => {
    if (entry === null) return;
    const at = `${field}.${key}[${k}]`;
    add(problems, headerNameProblem(`${at}.name`, entry?.name));
    add(problems, lengthProblem(`${at}.value`, entry?.value, 1, key === 'headers' ? 4096 : 1024, 'set the value to match.'));
    if (entry?.type !== undefined) add(problems, enumProblem(`${at}.type`, entry.type, MATCH_TYPES, 'use Exact (the default) or RegularExpression.'));
    if (list.findIndex((other) => other !== null && other?.name === entry?.name) !== k) {
      problems.push({ field: `${at}.name`, message: `is listed twice in ${key}.`, value: entry?.name, fix: 'keep one entry per name; a match needs all its entries to hold.' });
    }
  });
}

const MATCH_TYPES = ['Exact', 'RegularExpression'];
const PATH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'];

/** The CEL rules on an HTTPRoute path match of the given type. */
export function httpPathProblems(field: string, type: string, value: string): Problem[] {
  const problems: Problem[] = [];
  pushPathProblems(problems, field, '', type, value);
  return problems;
}

/**
 * A path with nothing to report, told by one test of the type, the length, the characters and the start, before any
 * message is made: "/" and "/api", nearly every path of every route ("#" is not a path character, so the character
 * test already sends a path with "#" on). A path it does not clear goes through {@link pushPathProblems}' full check.
 */
// The tests below may be made stricter (a path not cleared goes through the full check, which finds the same) but not
// looser (a path cleared wrongly would hide its problem): their mutants are not marked, since one mark would hide both.
// Stryker disable next-line BlockStatement: equivalent, an emptied shortcut clears nothing: every path goes through the full check, which finds the same.
function isCleanPath(type: unknown, value: unknown): boolean {
  if (!isString(value) || value.length > 1024) return false;
  // Stryker disable next-line StringLiteral,BooleanLiteral: equivalent, a regular expression not cleared here goes through the full check, which finds nothing more.
  if (type === 'RegularExpression') return true;
  if (type !== 'PathPrefix' && type !== 'Exact') return false;
  return value.startsWith('/') && PATH_CHARACTERS.test(value) && !value.includes('//') && !value.includes('/.') && !value.includes('%2');
}

/** {@link httpPathProblems} for the path at `field + suffix`, a string made only for a problem. */
function pushPathProblems(problems: Problem[], field: string, suffix: string, type: string, value: string): void {
  if (isCleanPath(type, value)) return;
  if (!PATH_TYPES.includes(type)) {
    problems.push({ field: `${field}${suffix}.type`, message: "type must be one of ['Exact', 'PathPrefix', 'RegularExpression'].", value: type, allowed: 'Exact, PathPrefix, RegularExpression', fix: 'use PathPrefix (Ingress "Prefix") or Exact.' });
    return;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a speed guard: lengthProblem finds nothing in a string of 1024 characters or fewer.
  if (!isString(value) || value.length > 1024) add(problems, lengthProblem(`${field}${suffix}.value`, value, 0, 1024, 'shorten the path.'));
  if (type === 'RegularExpression' || !isString(value)) return;
  const at = `${field}${suffix}.value`;
  if (!value.startsWith('/')) problems.push({ field: at, message: `value must be an absolute path and start with '/' ${PATH_CEL_TYPES}.`, value, fix: `write it as "/${value}".` });
  for (const sequence of FORBIDDEN_PATH_SEQUENCES) {
    if (value.includes(sequence)) problems.push({ field: at, message: `must not contain '${sequence}' ${PATH_CEL_TYPES}.`, value, fix: 'normalize the path (collapse "//", resolve "." and "..", decode "%2f", drop the fragment).' });
  }
  for (const suffixText of FORBIDDEN_PATH_SUFFIXES) {
    if (value.endsWith(suffixText)) problems.push({ field: at, message: `must not end with '${suffixText}' ${PATH_CEL_TYPES}.`, value, fix: 'resolve the trailing "." or "..".' });
  }
  if (!PATH_CHARACTERS.test(value)) {
    problems.push({
      field: at, value,
      message: "must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix'].",
      fix: 'percent-encode spaces and other characters ("%20"); a query string ("?") is matched with queryParams, not the path.',
    });
  }
}
