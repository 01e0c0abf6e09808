import { Problem } from '../../core/errors';
import type { HeaderModifier, HttpPathModifier, HttpRouteFilter } from '../types';
import {
  add, countProblem, defined, enumProblem, headerNameProblem, integerProblem, items, lengthProblem, portNumberProblem,
  preciseHostnameProblem,
} from './fields';

/** HTTPRoute filter types (standard channel); each names the field that holds its settings. */
export const HTTP_ROUTE_FILTER_FIELDS = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
} as const;

/** Filters that may appear once per list; RequestMirror and ExtensionRef may repeat. */
const SINGLE_FILTERS = ['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'];

const CORS_ORIGIN = /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/;
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', '*'];

/**
 * The CRD's rules on one `filters` list (a rule's, or a backendRef's): at most
 * 16, each type at most once except RequestMirror and ExtensionRef, never a
 * redirect with a rewrite, and each filter's own settings. `backendRefProblems`
 * checks a mirror's backendRef (it is passed in to keep one implementation).
 */
export function filterListProblems(
  field: string, filters: unknown, backendRefProblems: (field: string, ref: any) => Problem[],
): Problem[] {
  const problems: Problem[] = [];
  pushFilterListProblems(problems, field, filters, backendRefProblems);
  return problems;
}

/** {@link filterListProblems}, pushed into `problems`. */
export function pushFilterListProblems(
  problems: Problem[], field: string, filters: unknown, backendRefProblems: (field: string, ref: any) => Problem[],
): void {
  const list = items<HttpRouteFilter>(filters);
  add(problems, countProblem(field, filters, 16));
  // Most rules and backendRefs have no filters: nothing more to check, and nothing to allocate for it.
  // Stryker disable next-line ConditionalExpression: equivalent, a speed guard: the checks below find nothing in an empty list.
  if (list.length === 0) return;
  const types = list.map((f) => f?.type);
  if (types.includes('RequestRedirect') && types.includes('URLRewrite')) {
    problems.push({ field, message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both.', fix: 'a redirect answers the client and never reaches a backend: keep one of the two filters, or split them into two rules.' });
  }
  for (const type of SINGLE_FILTERS) {
    if (types.filter((t) => t === type).length > 1) {
      problems.push({ field, message: `${type} filter cannot be repeated.`, value: type, fix: `merge the ${type} filters into one.` });
    }
  }
  // A null filter is the schema walk's finding alone (the API server runs no CEL rule on it).
  list.forEach((filter, i) => { if (filter !== null) problems.push(...filterProblems(`${field}[${i}]`, filter, backendRefProblems)); });
}

function filterProblems(field: string, filter: HttpRouteFilter, backendRefProblems: (field: string, ref: any) => Problem[]): Problem[] {
  const type = filter?.type;
  const known = Object.keys(HTTP_ROUTE_FILTER_FIELDS);
  if (type === undefined) return [{ field: `${field}.type`, message: 'is required.', allowed: known.join(', '), fix: 'set the filter type.' }];
  const typeProblem = enumProblem(`${field}.type`, type, known, 'use one of the standard filter types.');
  if (typeProblem) return [typeProblem];
  const problems: Problem[] = [];
  for (const [other, key] of Object.entries(HTTP_ROUTE_FILTER_FIELDS)) {
    const present = (filter as any)[key] !== undefined;
    if (present && other !== type) {
      problems.push({ field: `${field}.${key}`, message: `filter.${key} must be nil if the filter.type is not ${other}.`, value: type, fix: `remove ${key}, or set type ${other}.` });
    } else if (!present && other === type) {
      problems.push({ field: `${field}.${key}`, message: `filter.${key} must be specified for ${other} filter.type.`, fix: `add the ${key} settings.` });
    }
  }
  if (filter.requestHeaderModifier) problems.push(...headerModifierProblems(`${field}.requestHeaderModifier`, filter.requestHeaderModifier));
  if (filter.responseHeaderModifier) problems.push(...headerModifierProblems(`${field}.responseHeaderModifier`, filter.responseHeaderModifier));
  const redirect = filter.requestRedirect;
  if (redirect) {
    problems.push(...defined(
      redirect.scheme === undefined ? undefined : enumProblem(`${field}.requestRedirect.scheme`, redirect.scheme, ['http', 'https'], 'use "https" to send clients to TLS.'),
      redirect.hostname === undefined ? undefined : preciseHostnameProblem(`${field}.requestRedirect.hostname`, redirect.hostname),
      redirect.port === undefined ? undefined : portNumberProblem(`${field}.requestRedirect.port`, redirect.port),
      redirect.statusCode === undefined ? undefined : enumProblem(`${field}.requestRedirect.statusCode`, redirect.statusCode, [301, 302, 303, 307, 308], 'use 301 (permanent) or 302 (the default); 303, 307 and 308 are extended features.'),
    ));
    if (redirect.path) problems.push(...pathModifierProblems(`${field}.requestRedirect.path`, redirect.path));
  }
  const rewrite = filter.urlRewrite;
  if (rewrite) {
    problems.push(...defined(rewrite.hostname === undefined ? undefined : preciseHostnameProblem(`${field}.urlRewrite.hostname`, rewrite.hostname)));
    if (rewrite.path) problems.push(...pathModifierProblems(`${field}.urlRewrite.path`, rewrite.path));
  }
  const mirror = filter.requestMirror;
  if (mirror) {
    if (mirror.backendRef === undefined) {
      problems.push({ field: `${field}.requestMirror.backendRef`, message: 'is required.', fix: 'name the Service (and port) that receives the copies.' });
    } else {
      problems.push(...backendRefProblems(`${field}.requestMirror.backendRef`, mirror.backendRef));
    }
    if (mirror.percent !== undefined && mirror.fraction !== undefined) {
      problems.push({ field: `${field}.requestMirror`, message: 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter.', fix: 'keep percent or fraction.' });
    }
    problems.push(...defined(mirror.percent === undefined ? undefined : integerProblem(`${field}.requestMirror.percent`, mirror.percent, 0, 100, 'use a percentage from 0 to 100.')));
    if (mirror.fraction) {
      const { numerator, denominator = 100 } = mirror.fraction;
      problems.push(...defined(
        integerProblem(`${field}.requestMirror.fraction.numerator`, numerator, 0, 2 ** 31 - 1, 'use a whole number of requests.'),
        integerProblem(`${field}.requestMirror.fraction.denominator`, denominator, 1, 2 ** 31 - 1, 'use a denominator of at least 1 (default 100).'),
      ));
      if (numerator > denominator) {
        problems.push({ field: `${field}.requestMirror.fraction`, message: 'numerator must be less than or equal to denominator.', value: mirror.fraction, fix: 'mirror at most every request.' });
      }
    }
  }
  const extension = filter.extensionRef;
  if (extension) {
    for (const key of ['group', 'kind', 'name'] as const) {
      if (extension[key] === undefined) problems.push({ field: `${field}.extensionRef.${key}`, message: 'is required.', fix: 'name the extension resource by group, kind and name.' });
    }
  }
  if (filter.cors) problems.push(...corsProblems(`${field}.cors`, filter.cors as any));
  return problems;
}

function headerModifierProblems(field: string, modifier: HeaderModifier): Problem[] {
  const problems: Problem[] = [];
  for (const op of ['set', 'add'] as const) {
    const list = items(modifier[op]);
    problems.push(...defined(countProblem(`${field}.${op}`, modifier[op], 16)));
    list.forEach((header, i) => {
      // A null header is the schema walk's finding alone (the API server refuses it as "must be of type object").
      if (header === null) return;
      problems.push(...defined(
        headerNameProblem(`${field}.${op}[${i}].name`, header?.name),
        lengthProblem(`${field}.${op}[${i}].value`, header?.value, 1, 4096, 'set a value of 1-4096 characters; to drop a header use remove.'),
      ));
      if (list.findIndex((other) => other !== null && other?.name === header?.name) !== i) {
        problems.push({ field: `${field}.${op}[${i}].name`, message: `is listed twice in ${op}.`, value: header?.name, fix: 'keep one entry per header name.' });
      }
    });
  }
  problems.push(...defined(countProblem(`${field}.remove`, modifier.remove, 16)));
  // `remove` is a set of plain strings in the CRD: no name pattern, but no repeats.
  const remove = items(modifier.remove);
  remove.forEach((name, i) => {
    if (name !== null && remove.indexOf(name) !== i) problems.push({ field: `${field}.remove[${i}]`, message: 'is listed twice in remove.', value: name, fix: 'list each header once.' });
  });
  return problems;
}

function pathModifierProblems(field: string, path: HttpPathModifier): Problem[] {
  const problems: Problem[] = [];
  const typeProblem = enumProblem(`${field}.type`, path.type, ['ReplaceFullPath', 'ReplacePrefixMatch'], 'use ReplaceFullPath or ReplacePrefixMatch.');
  if (typeProblem) problems.push(typeProblem);
  for (const kind of ['ReplaceFullPath', 'ReplacePrefixMatch'] as const) {
    const key = kind === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
    if (path.type === kind && path[key] === undefined) {
      problems.push({ field: `${field}.${key}`, message: `${key} must be specified when type is set to '${kind}'.`, fix: `set ${key}, e.g. "/".` });
    }
    if (path[key] !== undefined && path.type !== kind) {
      problems.push({ field: `${field}.type`, message: `type must be '${kind}' when ${key} is set.`, value: path.type, fix: `set type ${kind}, or remove ${key}.` });
    }
    if (path[key] !== undefined) problems.push(...defined(lengthProblem(`${field}.${key}`, path[key], 0, 1024, 'shorten the path.')));
  }
  return problems;
}

function corsProblems(field: string, cors: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const lists: [string, number, (f: string, v: unknown) => Problem | undefined][] = [
    ['allowOrigins', 64, (f, v) => (typeof v === 'string' && v.length <= 253 && CORS_ORIGIN.test(v) ? undefined
      : { field: f, message: 'is not a valid CORS origin.', value: v, allowed: '"*", or http(s)://host[:port] with an optional "*." wildcard', fix: 'write the origin as "https://app.example.com".' })],
    ['allowMethods', 9, (f, v) => enumProblem(f, v, CORS_METHODS, 'use HTTP method names or "*".')],
    ['allowHeaders', 64, headerNameProblem],
    ['exposeHeaders', 64, headerNameProblem],
  ];
  for (const [key, max, check] of lists) {
    const list = items(cors[key]);
    problems.push(...defined(countProblem(`${field}.${key}`, cors[key], max)));
    list.forEach((value, i) => value !== null && problems.push(...defined(check(`${field}.${key}[${i}]`, value))));
    if (key !== 'exposeHeaders' && list.includes('*') && list.length > 1) {
      const what = key === 'allowOrigins' ? 'origins' : 'methods'; // upstream's wording, "methods" for headers too
      problems.push({ field: `${field}.${key}`, message: `${key.charAt(0).toUpperCase()}${key.slice(1)} cannot contain '*' alongside other ${what}.`, value: list, fix: 'keep "*" alone, or list the values.' });
    }
  }
  if (cors.maxAge !== undefined) problems.push(...defined(integerProblem(`${field}.maxAge`, cors.maxAge, 1, 2 ** 31 - 1, 'use a number of seconds of at least 1.')));
  return problems;
}
