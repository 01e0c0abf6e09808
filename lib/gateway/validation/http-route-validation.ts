import { Problem } from '../../core/errors';
import { GATEWAY_API_GROUP, HttpBackendRef, HttpRouteManifest, HttpRouteMatch, HttpRouteRule, ParentReference } from '../types';
import {
  countProblem, defined, objectProblems, durationMillis, durationProblem, enumProblem, groupProblem, headerNameProblem, hostnameProblem,
  integerProblem, isString, items, kindProblem, lengthProblem, namespaceRefProblem, objectNameProblem, portNumberProblem,
  requiredProblem, sectionNameProblem,
} from './fields';
import { filterListProblems } from './http-route-filters';

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
export function httpRouteProblems(route: HttpRouteManifest): Problem[] {
  const { problems, hasSpec } = objectProblems('HTTPRoute', route, 'shop', 'set spec.parentRefs and spec.rules.');
  const spec = route.spec;
  if (!hasSpec || !spec) return problems;
  problems.push(...defined(countProblem('spec.parentRefs', spec.parentRefs, 32, 0, 'attach the route to at most 32 parents; split it into several HTTPRoutes.')));
  const parents = items<ParentReference>(spec.parentRefs);
  parents.forEach((ref, i) => problems.push(...parentRefProblems(`spec.parentRefs[${i}]`, ref)));
  problems.push(...parentRefSetProblems(parents));
  problems.push(...defined(countProblem('spec.hostnames', spec.hostnames, 16, 0, 'a route holds at most 16 hostnames; split it into one HTTPRoute per group of hosts.')));
  items(spec.hostnames).forEach((host, i) => problems.push(...defined(hostnameProblem(`spec.hostnames[${i}]`, host))));
  if (spec.rules !== undefined) {
    problems.push(...defined(countProblem('spec.rules', spec.rules, 16, 1, 'a route holds 1-16 rules; split the rest into another HTTPRoute with the same parents and hostnames.')));
    const rules = items<HttpRouteRule>(spec.rules);
    const totalMatches = rules.slice(0, 16).reduce((sum, rule) => sum + items(rule?.matches).length, 0);
    if (totalMatches > MAX_HTTP_ROUTE_MATCHES) {
      problems.push({
        field: 'spec.rules', message: 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128.',
        value: totalMatches, allowed: `at most ${MAX_HTTP_ROUTE_MATCHES} matches`, fix: 'split the rules into several HTTPRoutes with the same parents and hostnames.',
      });
    }
    rules.forEach((rule, i) => problems.push(...httpRouteRuleProblems(`spec.rules[${i}]`, rule)));
  }
  return problems;
}

/** The checks of {@link httpRouteProblems} on one parentRef. */
export function parentRefProblems(field: string, ref: ParentReference): Problem[] {
  return defined(
    requiredProblem(`${field}.name`, ref?.name, 'set the name of the Gateway.') ?? objectNameProblem(`${field}.name`, ref.name),
    groupProblem(`${field}.group`, ref?.group),
    kindProblem(`${field}.kind`, ref?.kind, ref?.group ?? GATEWAY_API_GROUP),
    namespaceRefProblem(`${field}.namespace`, ref?.namespace),
    ref?.sectionName === undefined ? undefined : sectionNameProblem(`${field}.sectionName`, ref.sectionName),
    ref?.port === undefined ? undefined : portNumberProblem(`${field}.port`, ref.port),
  );
}

/** The two CEL rules on parentRefs that name one parent more than once. */
function parentRefSetProblems(parents: readonly ParentReference[]): Problem[] {
  const problems: Problem[] = [];
  // The CEL runs after defaulting (group, kind); an explicit namespace and none are different parents to it.
  const parentKey = (p: ParentReference) => `${p?.group ?? GATEWAY_API_GROUP}/${p?.kind ?? 'Gateway'}/${p?.namespace ?? ''}/${p?.name}`;
  const section = (p: ParentReference) => p?.sectionName ?? '';
  parents.forEach((ref, i) => {
    const same = parents.map((p, j) => ({ p, j })).filter(({ p, j }) => j !== i && parentKey(p) === parentKey(ref));
    if (same.length === 0) return;
    if (same.some(({ p }) => (section(p) === '') !== (section(ref) === ''))) {
      problems.push({ field: `spec.parentRefs[${i}].sectionName`, message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent.', value: ref.sectionName, fix: 'name the listener (e.g. "http" and "https") in every reference to this Gateway.' });
    } else if (same.some(({ p, j }) => j < i && section(p) === section(ref))) {
      problems.push({ field: `spec.parentRefs[${i}].sectionName`, message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent.', value: ref.sectionName, fix: 'reference each listener of the Gateway once.' });
    }
  });
  return problems;
}

/** The checks of {@link httpRouteProblems} on one rule (`field` is `spec.rules[i]`). */
export function httpRouteRuleProblems(field: string, rule: HttpRouteRule): Problem[] {
  const problems: Problem[] = [];
  if (rule?.name !== undefined) problems.push(...defined(sectionNameProblem(`${field}.name`, rule.name)));
  problems.push(...defined(countProblem(`${field}.matches`, rule?.matches, 64, 0, 'a rule holds at most 64 matches; split it into several rules.')));
  const matches = items<HttpRouteMatch>(rule?.matches);
  matches.forEach((match, j) => problems.push(...matchProblems(`${field}.matches[${j}]`, match)));
  problems.push(...filterListProblems(`${field}.filters`, rule?.filters, backendObjectRefProblems));
  problems.push(...defined(countProblem(`${field}.backendRefs`, rule?.backendRefs, 16, 0, 'a rule sends to at most 16 backends.')));
  const backends = items<HttpBackendRef>(rule?.backendRefs);
  backends.forEach((ref, j) => {
    const at = `${field}.backendRefs[${j}]`;
    problems.push(...backendObjectRefProblems(at, ref));
    if (ref?.weight !== undefined) problems.push(...defined(integerProblem(`${at}.weight`, ref.weight, 0, 1_000_000, 'use a weight from 0 (no traffic) to 1,000,000; shares are weight / sum of weights.')));
    problems.push(...filterListProblems(`${at}.filters`, ref?.filters, backendObjectRefProblems));
  });
  const filters = items(rule?.filters);
  if (backends.length > 0 && filters.some((f) => f?.requestRedirect !== undefined)) {
    problems.push({ field: `${field}.filters`, message: 'RequestRedirect filter must not be used together with backendRefs.', fix: 'put the redirect in a rule of its own, without backendRefs.' });
  }
  // With no matches the API server defaults one PathPrefix "/" match, which satisfies the rule.
  const onePrefixMatch = matches.length === 0 || (matches.length === 1 && matches[0]?.path !== undefined && (matches[0].path.type ?? 'PathPrefix') === 'PathPrefix');
  const replacesPrefix = (list: unknown, key: 'requestRedirect' | 'urlRewrite') => items(list).some((f) => f?.[key]?.path?.type === 'ReplacePrefixMatch' && f[key].path.replacePrefixMatch !== undefined);
  if (!onePrefixMatch) {
    if (replacesPrefix(rule?.filters, 'requestRedirect')) problems.push(prefixProblem(field, 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (replacesPrefix(rule?.filters, 'urlRewrite')) problems.push(prefixProblem(field, 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (backends.some((b) => replacesPrefix(b?.filters, 'requestRedirect'))) problems.push(prefixProblem(field, 'Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
    if (backends.some((b) => replacesPrefix(b?.filters, 'urlRewrite'))) problems.push(prefixProblem(field, 'Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'));
  }
  const timeouts = rule?.timeouts;
  if (timeouts) {
    const request = durationProblem(`${field}.timeouts.request`, timeouts.request);
    const backend = durationProblem(`${field}.timeouts.backendRequest`, timeouts.backendRequest);
    problems.push(...defined(request, backend));
    if (!request && !backend && timeouts.request !== undefined && timeouts.backendRequest !== undefined
      && durationMillis(timeouts.request) !== 0 && durationMillis(timeouts.backendRequest) > durationMillis(timeouts.request)) {
      problems.push({ field: `${field}.timeouts`, message: 'backendRequest timeout cannot be longer than request timeout.', value: timeouts, fix: 'shorten backendRequest, or lengthen request.' });
    }
  }
  return problems;
}

function prefixProblem(field: string, message: string): Problem {
  return { field: `${field}.matches`, message, fix: 'give the rule exactly one match, of type PathPrefix: the prefix it replaces.' };
}

/** A backendRef or a mirror's backendRef: name, group, kind, namespace, and the port a Service needs. */
export function backendObjectRefProblems(field: string, ref: HttpBackendRef): Problem[] {
  const problems = defined(
    requiredProblem(`${field}.name`, ref?.name, 'set the name of the Service.') ?? objectNameProblem(`${field}.name`, ref.name),
    groupProblem(`${field}.group`, ref?.group),
    kindProblem(`${field}.kind`, ref?.kind, ref?.group ?? ''),
    namespaceRefProblem(`${field}.namespace`, ref?.namespace),
    ref?.port === undefined ? undefined : portNumberProblem(`${field}.port`, ref.port),
  );
  if ((ref?.group ?? '') === '' && (ref?.kind ?? 'Service') === 'Service' && ref?.port === undefined) {
    problems.push({ field: `${field}.port`, message: 'Must have port for Service reference.', fix: 'set the Service port number; a port name must be resolved to its number through the Service.' });
  }
  return problems;
}

/** The checks on one match: path CEL, header and query-parameter lists, method. */
export function matchProblems(field: string, match: HttpRouteMatch): Problem[] {
  const problems: Problem[] = [];
  const path = match?.path;
  if (path) problems.push(...httpPathProblems(`${field}.path`, path.type ?? 'PathPrefix', path.value ?? '/'));
  for (const key of ['headers', 'queryParams'] as const) {
    const list = items(match?.[key]);
    problems.push(...defined(countProblem(`${field}.${key}`, match?.[key], 16)));
    list.forEach((entry, k) => {
      const at = `${field}.${key}[${k}]`;
      problems.push(...defined(
        headerNameProblem(`${at}.name`, entry?.name),
        lengthProblem(`${at}.value`, entry?.value, 1, key === 'headers' ? 4096 : 1024, 'set the value to match.'),
        entry?.type === undefined ? undefined : enumProblem(`${at}.type`, entry.type, ['Exact', 'RegularExpression'], 'use Exact (the default) or RegularExpression.'),
      ));
      if (list.findIndex((other) => other?.name === entry?.name) !== k) {
        problems.push({ field: `${at}.name`, message: `is listed twice in ${key}.`, value: entry?.name, fix: 'keep one entry per name; a match needs all its entries to hold.' });
      }
    });
  }
  if (match?.method !== undefined) problems.push(...defined(enumProblem(`${field}.method`, match.method, HTTP_METHODS, 'use an upper-case HTTP method such as GET.')));
  return problems;
}

/** The CEL rules on an HTTPRoute path match of the given type. */
export function httpPathProblems(field: string, type: string, value: string): Problem[] {
  const problems: Problem[] = [];
  if (!['Exact', 'PathPrefix', 'RegularExpression'].includes(type)) {
    return [{ field: `${field}.type`, message: "type must be one of ['Exact', 'PathPrefix', 'RegularExpression'].", value: type, allowed: 'Exact, PathPrefix, RegularExpression', fix: 'use PathPrefix (Ingress "Prefix") or Exact.' }];
  }
  problems.push(...defined(lengthProblem(`${field}.value`, value, 0, 1024, 'shorten the path.')));
  if (type === 'RegularExpression' || !isString(value)) return problems;
  const add = (message: string, fix: string) => problems.push({ field: `${field}.value`, message, value, fix });
  if (!value.startsWith('/')) add(`value must be an absolute path and start with '/' ${PATH_CEL_TYPES}.`, `write it as "/${value}".`);
  for (const sequence of FORBIDDEN_PATH_SEQUENCES) {
    if (value.includes(sequence)) add(`must not contain '${sequence}' ${PATH_CEL_TYPES}.`, 'normalize the path (collapse "//", resolve "." and "..", decode "%2f", drop the fragment).');
  }
  for (const suffix of FORBIDDEN_PATH_SUFFIXES) {
    if (value.endsWith(suffix)) add(`must not end with '${suffix}' ${PATH_CEL_TYPES}.`, 'resolve the trailing "." or "..".');
  }
  if (!PATH_CHARACTERS.test(value)) {
    add("must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix'].",
      'percent-encode spaces and other characters ("%20"); a query string ("?") is matched with queryParams, not the path.');
  }
  return problems;
}
