// filterListProblems at the HTTPRoute CRD's filter limits (v1.6.1), with the whole problem a user sees (field path at
// an index above 0, value, allowed, fix).
import { backendObjectRefProblems, filterListProblems } from '../../lib';

const problems = (filters: unknown) => filterListProblems('f', filters, backendObjectRefProblems);
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const backend = { name: 'shadow', port: 8080 };
const cors = (settings: any) => [{ type: 'CORS', cors: settings }];
const headers = (settings: any) => [{ type: 'RequestHeaderModifier', requestHeaderModifier: settings }];

describe('list limits: the last allowed count passes, one more is refused', () => {
  test('16 filters (RequestMirror and ExtensionRef may repeat)', () => {
    const mirrors = (n: number) => many(n, () => ({ type: 'RequestMirror', requestMirror: { backendRef: backend } }));
    expect(problems(mirrors(16))).toEqual([]);
    expect(problems(mirrors(17))).toEqual([{ field: 'f', message: 'has 17 items; at most 16 are allowed.', value: 17, allowed: '0-16 items', fix: 'remove items until at most 16 are left.' }]);
    expect(problems([{ type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Auth', name: 'a' } }, { type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Auth', name: 'b' } }])).toEqual([]);
  });
  test.each<[string, (n: number) => unknown, number, string]>([
    ['header modifier set', (n) => headers({ set: many(n, (i) => ({ name: `h${i}`, value: 'v' })) }), 16, 'f[0].requestHeaderModifier.set'],
    ['header modifier add', (n) => headers({ add: many(n, (i) => ({ name: `h${i}`, value: 'v' })) }), 16, 'f[0].requestHeaderModifier.add'],
    ['header modifier remove', (n) => headers({ remove: many(n, (i) => `h${i}`) }), 16, 'f[0].requestHeaderModifier.remove'],
    ['CORS allowOrigins', (n) => cors({ allowOrigins: many(n, (i) => `https://a${i}.example.com`) }), 64, 'f[0].cors.allowOrigins'],
    ['CORS allowMethods', (n) => cors({ allowMethods: many(n, (i) => ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'GET'][i]) }), 9, 'f[0].cors.allowMethods'],
    ['CORS allowHeaders', (n) => cors({ allowHeaders: many(n, (i) => `X-H${i}`) }), 64, 'f[0].cors.allowHeaders'],
    ['CORS exposeHeaders', (n) => cors({ exposeHeaders: many(n, (i) => `X-H${i}`) }), 64, 'f[0].cors.exposeHeaders'],
  ])('%s', (_, make, max, field) => {
    expect(problems(make(max))).toEqual([]);
    expect(problems(make(max + 1))).toEqual([{ field, message: `has ${max + 1} items; at most ${max} are allowed.`, value: max + 1, allowed: `0-${max} items`, fix: `remove items until at most ${max} are left.` }]);
  });
});

describe('each filter at its index, with value, allowed and fix', () => {
  test('a filter without type, or of an unknown type, names the standard types', () => {
    const types = 'RequestHeaderModifier, ResponseHeaderModifier, RequestMirror, RequestRedirect, URLRewrite, ExtensionRef, CORS';
    expect(problems([{ type: 'CORS', cors: {} }, {}])).toEqual([{ field: 'f[1].type', message: 'is required.', allowed: types, fix: 'set the filter type.' }]);
    expect(problems([{ type: 'CORS', cors: {} }, { type: 'cors', cors: {} }])).toEqual([{ field: 'f[1].type', message: 'is not one of the allowed values.', value: 'cors', allowed: types, fix: 'use one of the standard filter types.' }]);
  });
  test('settings of another type, and missing settings, say which to add or remove', () => {
    expect(problems([{ type: 'URLRewrite', requestRedirect: {} }])).toEqual([
      { field: 'f[0].requestRedirect', message: 'filter.requestRedirect must be nil if the filter.type is not RequestRedirect.', value: 'URLRewrite', fix: 'remove requestRedirect, or set type RequestRedirect.' },
      { field: 'f[0].urlRewrite', message: 'filter.urlRewrite must be specified for URLRewrite filter.type.', fix: 'add the urlRewrite settings.' },
    ]);
  });
  test('a repeated filter type and a redirect beside a rewrite name their fixes', () => {
    expect(problems([{ type: 'RequestRedirect', requestRedirect: {} }, { type: 'URLRewrite', urlRewrite: {} }, { type: 'URLRewrite', urlRewrite: {} }])).toEqual([
      { field: 'f', message: 'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both.', fix: 'a redirect answers the client and never reaches a backend: keep one of the two filters, or split them into two rules.' },
      { field: 'f', message: 'URLRewrite filter cannot be repeated.', value: 'URLRewrite', fix: 'merge the URLRewrite filters into one.' },
    ]);
  });
  test('redirect fields', () => {
    expect(problems([{ type: 'RequestRedirect', requestRedirect: { scheme: 'ftp', hostname: 'A.example.com', port: 65536, statusCode: 304 } }])).toEqual([
      { field: 'f[0].requestRedirect.scheme', message: 'is not one of the allowed values.', value: 'ftp', allowed: 'http, https', fix: 'use "https" to send clients to TLS.' },
      expect.objectContaining({ field: 'f[0].requestRedirect.hostname', value: 'A.example.com', fix: 'use a lowercase host name such as "www.example.com", without "*.".' }),
      expect.objectContaining({ field: 'f[0].requestRedirect.port', value: 65536 }),
      { field: 'f[0].requestRedirect.statusCode', message: 'is not one of the allowed values.', value: 304, allowed: '301, 302, 303, 307, 308', fix: 'use 301 (permanent) or 302 (the default); 303, 307 and 308 are extended features.' },
    ]);
    expect(problems([{ type: 'RequestRedirect', requestRedirect: { scheme: 'http', hostname: 'a.example.com', port: 65535, statusCode: 308, path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }])).toEqual([]);
  });
  test('path modifiers: the pair of fields and types, and a value of 1024 characters', () => {
    const rewrite = (path: any) => [{ type: 'URLRewrite', urlRewrite: { path } }];
    expect(problems(rewrite({ type: 'ReplacePrefixMatch', replacePrefixMatch: `/${'a'.repeat(1023)}` }))).toEqual([]);
    expect(problems(rewrite({ type: 'ReplaceFullPath', replaceFullPath: `/${'a'.repeat(1024)}` }))).toEqual([
      expect.objectContaining({ field: 'f[0].urlRewrite.path.replaceFullPath', allowed: '0-1024 characters', fix: 'shorten the path.' }),
    ]);
    expect(problems(rewrite({ type: 'ReplacePrefixMatch', replaceFullPath: '/' }))).toEqual([
      { field: 'f[0].urlRewrite.path.type', message: "type must be 'ReplaceFullPath' when replaceFullPath is set.", value: 'ReplacePrefixMatch', fix: 'set type ReplaceFullPath, or remove replaceFullPath.' },
      { field: 'f[0].urlRewrite.path.replacePrefixMatch', message: "replacePrefixMatch must be specified when type is set to 'ReplacePrefixMatch'.", fix: 'set replacePrefixMatch, e.g. "/".' },
    ]);
    expect(problems(rewrite({ type: 'Full', replaceFullPath: '/' }))[0]).toEqual({
      field: 'f[0].urlRewrite.path.type', message: 'is not one of the allowed values.', value: 'Full', allowed: 'ReplaceFullPath, ReplacePrefixMatch', fix: 'use ReplaceFullPath or ReplacePrefixMatch.',
    });
  });
  test('header modifiers: a value of 4096 passes, 4097 and a repeat at index 2 are refused with the fix', () => {
    expect(problems(headers({ set: [{ name: 'a', value: 'v'.repeat(4096) }] }))).toEqual([]);
    expect(problems(headers({ set: [{ name: 'a', value: 'v'.repeat(4097) }], remove: ['x', 'y', 'x'] }))).toEqual([
      { field: 'f[0].requestHeaderModifier.set[0].value', message: 'must be a string of 1-4096 characters.', value: `${'v'.repeat(80)}…`, allowed: '1-4096 characters', fix: 'set a value of 1-4096 characters; to drop a header use remove.' },
      { field: 'f[0].requestHeaderModifier.remove[2]', message: 'is listed twice in remove.', value: 'x', fix: 'list each header once.' },
    ]);
    expect(problems(headers({ set: [{ name: 'a', value: '1' }, { name: 'b', value: '1' }, { name: 'a', value: '2' }] }))).toEqual([
      { field: 'f[0].requestHeaderModifier.set[2].name', message: 'is listed twice in set.', value: 'a', fix: 'keep one entry per header name.' },
    ]);
    expect(problems(headers({ add: [{ name: 'a b', value: '1' }] })).map((p) => [p.field, p.value])).toEqual([['f[0].requestHeaderModifier.add[0].name', 'a b']]);
  });
  test('mirrors: percent 0 and 100, fraction 0/1 and n/n pass; a missing backendRef and percent with fraction name their fixes', () => {
    const mirror = (settings: any) => [{ type: 'RequestMirror', requestMirror: { backendRef: backend, ...settings } }];
    for (const ok of [{ percent: 0 }, { percent: 100 }, { fraction: { numerator: 0, denominator: 1 } }, { fraction: { numerator: 7, denominator: 7 } }, { fraction: { numerator: 100 } }]) {
      expect(problems(mirror(ok))).toEqual([]);
    }
    expect(problems(mirror({ percent: -1 }))).toEqual([{ field: 'f[0].requestMirror.percent', message: 'must be an integer from 0 to 100.', value: -1, allowed: '0-100', fix: 'use a percentage from 0 to 100.' }]);
    expect(problems([{ type: 'RequestMirror', requestMirror: { percent: 1, fraction: { numerator: 1 } } }])).toEqual([
      { field: 'f[0].requestMirror.backendRef', message: 'is required.', fix: 'name the Service (and port) that receives the copies.' },
      { field: 'f[0].requestMirror', message: 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter.', fix: 'keep percent or fraction.' },
    ]);
    expect(problems(mirror({ fraction: { numerator: -1, denominator: 2 } }))).toEqual([
      { field: 'f[0].requestMirror.fraction.numerator', message: 'must be an integer from 0 to 2147483647.', value: -1, allowed: '0-2147483647', fix: 'use a whole number of requests.' },
    ]);
    expect(problems(mirror({ fraction: { numerator: 3, denominator: 2 } }))).toEqual([
      { field: 'f[0].requestMirror.fraction', message: 'numerator must be less than or equal to denominator.', value: { numerator: 3, denominator: 2 }, fix: 'mirror at most every request.' },
    ]);
    expect(problems(mirror({ fraction: { numerator: 0, denominator: 0 } }))[0]).toMatchObject({ fix: 'use a denominator of at least 1 (default 100).' });
  });
  test('an extensionRef needs group, kind and name', () => {
    expect(problems([{ type: 'ExtensionRef', extensionRef: {} }])).toEqual(['group', 'kind', 'name'].map((key) => ({
      field: `f[0].extensionRef.${key}`, message: 'is required.', fix: 'name the extension resource by group, kind and name.',
    })));
  });
});

describe('CORS', () => {
  test('origins: "*", a wildcard host with a port, an origin of 253 characters pass; 254 characters and a path are refused', () => {
    const origin253 = `https://${'a'.repeat(245)}`;
    expect(origin253).toHaveLength(253);
    expect(problems(cors({ allowOrigins: ['*'] }))).toEqual([]);
    expect(problems(cors({ allowOrigins: ['http://*.example.com:8080', origin253] }))).toEqual([]);
    expect(problems(cors({ allowOrigins: ['https://ok.example.com', `${origin253}a`] }))).toEqual([{
      field: 'f[0].cors.allowOrigins[1]', message: 'is not a valid CORS origin.', value: `${origin253}a`,
      allowed: '"*", or http(s)://host[:port] with an optional "*." wildcard', fix: 'write the origin as "https://app.example.com".',
    }]);
    expect(problems(cors({ allowOrigins: [42] }))[0]).toMatchObject({ field: 'f[0].cors.allowOrigins[0]', value: 42 });
  });
  test('"*" alone passes in each list; beside others it is refused with the values and the fix; exposeHeaders may hold "*" with others', () => {
    expect(problems(cors({ allowMethods: ['*'], allowHeaders: ['*'], exposeHeaders: ['*', 'X-A'] }))).toEqual([]);
    expect(problems(cors({ allowMethods: ['GET', '*'] }))).toEqual([{
      field: 'f[0].cors.allowMethods', message: "AllowMethods cannot contain '*' alongside other methods.", value: ['GET', '*'], fix: 'keep "*" alone, or list the values.',
    }]);
    expect(problems(cors({ allowMethods: ['get'] }))).toEqual([{
      field: 'f[0].cors.allowMethods[0]', message: 'is not one of the allowed values.', value: 'get', allowed: 'GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH, *', fix: 'use HTTP method names or "*".',
    }]);
    expect(problems(cors({ allowHeaders: ['X-A', 'a b'] })).map((p) => p.field)).toEqual(['f[0].cors.allowHeaders[1]']);
    expect(problems(cors({ exposeHeaders: ['X-A', 'a b'] })).map((p) => p.field)).toEqual(['f[0].cors.exposeHeaders[1]']);
  });
  test('maxAge 1 passes, 0 is refused with the fix', () => {
    expect(problems(cors({ maxAge: 1 }))).toEqual([]);
    expect(problems(cors({ maxAge: 0 }))).toEqual([{ field: 'f[0].cors.maxAge', message: 'must be an integer from 1 to 2147483647.', value: 0, allowed: '1-2147483647', fix: 'use a number of seconds of at least 1.' }]);
  });
});
