import { Problem } from '../core/errors';
import { HttpRouteBackend } from './backend';
import type { HeaderModifier, HttpMethod, HttpPathModifier, HttpRouteFilter, HttpRouteMatch, HttpRouteRule } from './types';

/** One way a request can match a rule; all given fields must hold. */
export interface HttpRouteMatchOptions {
  /** @default '/' (with pathType PathPrefix: everything) */
  readonly path?: string;
  /**
   * `PathPrefix` matches whole path elements (`/api` matches `/api` and `/api/x`, not `/apix`), like
   * Ingress `Prefix`; `Exact` matches the path only.
   * @default 'PathPrefix'
   */
  readonly pathType?: 'PathPrefix' | 'Exact';
  /** Headers that must have these exact values. @default - none */
  readonly headers?: Record<string, string>;
  /** Query parameters that must have these exact values. @default - none */
  readonly queryParams?: Record<string, string>;
  /** @default - any method */
  readonly method?: HttpMethod;
}

/** Headers to set (replace), add (append) or remove. */
export interface HeaderModifierOptions {
  /** @default - none */
  readonly set?: Record<string, string>;
  /** @default - none */
  readonly add?: Record<string, string>;
  /** @default - none */
  readonly remove?: string[];
}

/** Where a RequestRedirect sends the client; unset parts stay as in the request. */
export interface HttpRedirectOptions {
  /** @default - the request's scheme */
  readonly scheme?: 'http' | 'https';
  /** @default - the request's host */
  readonly hostname?: string;
  /** @default - the scheme's well-known port when scheme is set, else the listener's port */
  readonly port?: number;
  /** 301 and 302 are core; 303, 307 and 308 extended. @default 302 (the API's default; not written) */
  readonly statusCode?: 301 | 302 | 303 | 307 | 308;
  /** Replace the whole path. @default - keep the path */
  readonly replaceFullPath?: string;
  /** Replace the matched PathPrefix (the rule needs exactly one PathPrefix match). @default - keep the path */
  readonly replacePrefixMatch?: string;
}

/** How a URLRewrite changes the request before it reaches the backend. */
export interface HttpRewriteOptions {
  /** The Host header sent to the backend. @default - unchanged */
  readonly hostname?: string;
  /** @default - unchanged */
  readonly replaceFullPath?: string;
  /** Replace the matched PathPrefix (the rule needs exactly one PathPrefix match). @default - unchanged */
  readonly replacePrefixMatch?: string;
}

/** A copy of the requests sent to another backend, whose answers are ignored. */
export interface HttpMirrorOptions {
  readonly backend: HttpRouteBackend;
  /** @default - every request (100) */
  readonly percent?: number;
}

export interface HttpRouteRuleOptions {
  /** The rule's name (a section name other policies can target). @default - none */
  readonly name?: string;
  /** Shorthand for one match on this path. @default - every path (unless `matches` is given) */
  readonly path?: string;
  /** @default 'PathPrefix' */
  readonly pathType?: 'PathPrefix' | 'Exact';
  /** Alternatives (OR-ed), each a set of conditions (AND-ed). Not together with `path`. @default - every request */
  readonly matches?: HttpRouteMatchOptions[];
  /** Where requests go, with their weights. Required unless the rule redirects. @default - none */
  readonly backends?: HttpRouteBackend[];
  /** Answer with a redirect instead of forwarding (no backends then). @default - none */
  readonly redirect?: HttpRedirectOptions;
  /** Rewrite host or path before forwarding. @default - none */
  readonly rewrite?: HttpRewriteOptions;
  /** @default - none */
  readonly requestHeaders?: HeaderModifierOptions;
  /** @default - none */
  readonly responseHeaders?: HeaderModifierOptions;
  /** @default - none */
  readonly mirrors?: HttpMirrorOptions[];
}

/** What is wrong with a rule's options before it is rendered (contradictions the CRD words less clearly). */
export function ruleOptionProblems(field: string, rule: HttpRouteRuleOptions): Problem[] {
  const problems: Problem[] = [];
  if (rule.matches !== undefined && (rule.path !== undefined || rule.pathType !== undefined)) {
    problems.push({ field: `${field}.path`, message: 'is set together with matches.', fix: 'put the path into one of the matches, or drop matches.' });
  }
  const backends = rule.backends ?? [];
  if (backends.length === 0 && !rule.redirect) {
    problems.push({ field: `${field}.backends`, message: 'is empty and the rule does not redirect: every request it matches would get a 500.', fix: 'add a backend (HttpRouteBackend.fromService), or a redirect.' });
  }
  // The route names the port, so a port the Service lacks is reported here, at the route and rule.
  // The field's path is made only for a backend whose Service lacks the port (every route's rules are checked here).
  backends.forEach((backend, i) => {
    if (!backend.hasPort()) problems.push(backend.portProblem(`${field}.backends[${i}].port`)!);
  });
  (rule.mirrors ?? []).forEach((mirror, i) => {
    if (!mirror.backend.hasPort()) problems.push(mirror.backend.portProblem(`${field}.mirrors[${i}].backend.port`)!);
  });
  if (rule.redirect && backends.length > 0) {
    problems.push({ field: `${field}.redirect`, message: 'is set together with backends; a redirect answers the client, so the backends would never be used.', fix: 'put the redirect in a rule of its own.' });
  }
  for (const [key, value] of [['redirect', rule.redirect], ['rewrite', rule.rewrite]] as const) {
    if (value?.replaceFullPath !== undefined && value.replacePrefixMatch !== undefined) {
      problems.push({ field: `${field}.${key}`, message: 'sets both replaceFullPath and replacePrefixMatch.', fix: 'keep one of the two.' });
    }
  }
  return problems;
}

/** The rule as written in `spec.rules[]`, with backendRefs relative to the route's namespace. */
export function renderRule(rule: HttpRouteRuleOptions, routeNamespace: string): HttpRouteRule {
  const matchList = rule.matches ?? (rule.path !== undefined || rule.pathType !== undefined ? [{ path: rule.path, pathType: rule.pathType }] : []);
  const filters: HttpRouteFilter[] = [];
  if (rule.requestHeaders) filters.push({ type: 'RequestHeaderModifier', requestHeaderModifier: renderHeaders(rule.requestHeaders) });
  if (rule.responseHeaders) filters.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: renderHeaders(rule.responseHeaders) });
  if (rule.redirect) {
    const { scheme, hostname, port, statusCode } = rule.redirect;
    const path = renderPathModifier(rule.redirect);
    filters.push({ type: 'RequestRedirect', requestRedirect: { ...(scheme ? { scheme } : {}), ...(hostname ? { hostname } : {}), ...(path ? { path } : {}), ...(port !== undefined ? { port } : {}), ...(statusCode !== undefined ? { statusCode } : {}) } });
  }
  if (rule.rewrite) {
    const path = renderPathModifier(rule.rewrite);
    filters.push({ type: 'URLRewrite', urlRewrite: { ...(rule.rewrite.hostname ? { hostname: rule.rewrite.hostname } : {}), ...(path ? { path } : {}) } });
  }
  for (const mirror of rule.mirrors ?? []) {
    const { weight: _weight, ...backendRef } = mirror.backend.toBackendRef(routeNamespace);
    filters.push({ type: 'RequestMirror', requestMirror: { backendRef, ...(mirror.percent !== undefined ? { percent: mirror.percent } : {}) } });
  }
  // Assigned in the order of the spec's keys (rendered for every route at construction and at synth: no object spreads).
  const rendered: { -readonly [K in keyof HttpRouteRule]: HttpRouteRule[K] } = {};
  if (rule.name !== undefined) rendered.name = rule.name;
  if (matchList.length > 0) rendered.matches = matchList.map(renderMatch);
  if (filters.length > 0) rendered.filters = filters;
  if (rule.backends !== undefined && rule.backends.length > 0) rendered.backendRefs = rule.backends.map((b) => b.toBackendRef(routeNamespace));
  return rendered;
}

/** Every backend a rule refers to: its backends and its mirrors'. */
export function ruleBackends(rule: HttpRouteRuleOptions): HttpRouteBackend[] {
  return [...(rule.backends ?? []), ...(rule.mirrors ?? []).map((m) => m.backend)];
}

function renderMatch(match: HttpRouteMatchOptions): HttpRouteMatch {
  const rendered: { -readonly [K in keyof HttpRouteMatch]: HttpRouteMatch[K] } = { path: { type: match.pathType ?? 'PathPrefix', value: match.path ?? '/' } };
  const headers = match.headers === undefined ? [] : Object.entries(match.headers).map(([name, value]) => ({ name, value }));
  if (headers.length > 0) rendered.headers = headers;
  const queryParams = match.queryParams === undefined ? [] : Object.entries(match.queryParams).map(([name, value]) => ({ name, value }));
  if (queryParams.length > 0) rendered.queryParams = queryParams;
  if (match.method) rendered.method = match.method;
  return rendered;
}

function renderHeaders(options: HeaderModifierOptions): HeaderModifier {
  const list = (record?: Record<string, string>) => Object.entries(record ?? {}).map(([name, value]) => ({ name, value }));
  return {
    ...(options.set ? { set: list(options.set) } : {}),
    ...(options.add ? { add: list(options.add) } : {}),
    ...(options.remove ? { remove: [...options.remove] } : {}),
  };
}

function renderPathModifier(options: { replaceFullPath?: string; replacePrefixMatch?: string }): HttpPathModifier | undefined {
  if (options.replaceFullPath !== undefined) return { type: 'ReplaceFullPath', replaceFullPath: options.replaceFullPath };
  if (options.replacePrefixMatch !== undefined) return { type: 'ReplacePrefixMatch', replacePrefixMatch: options.replacePrefixMatch };
  return undefined;
}
