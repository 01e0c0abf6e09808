// filterListProblems on each filter's settings (HTTPRoute CRD v1.6.1): the field path of each setting, the types that
// may not repeat, limits at their last allowed value and one past it, null entries; written from the first mutation run
// over http-route-filters.ts (docs/testing.md).
import { backendObjectRefProblems, filterListProblems } from '../../lib';

const problems = (filters: unknown) => filterListProblems('f', filters, backendObjectRefProblems);
const backend = { name: 'shadow', port: 8080 };
const cors = (settings: any) => [{ type: 'CORS', cors: settings }];
const fieldsAndValues = (filters: unknown) => problems(filters).map((p) => [p.field, p.value]);

describe('filter types', () => {
  test.each(['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect'])('%s may appear once', (type) => {
    const key = { CORS: 'cors', RequestHeaderModifier: 'requestHeaderModifier', ResponseHeaderModifier: 'responseHeaderModifier', RequestRedirect: 'requestRedirect' }[type]!;
    expect(problems([{ type, [key]: {} }])).toEqual([]);
    expect(problems([{ type, [key]: {} }, { type, [key]: {} }])).toEqual([{ field: 'f', message: `${type} filter cannot be repeated.`, value: type, fix: `merge the ${type} filters into one.` }]);
  });
  test('a list that is not a list holds no filters', () => {
    expect(problems('RequestRedirect')).toEqual([]);
  });
});

describe('the settings of each filter, at their own path', () => {
  test('response header modifier and rewrite hostname', () => {
    expect(fieldsAndValues([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'a b', value: '1' }] } }])).toEqual([['f[0].responseHeaderModifier.set[0].name', 'a b']]);
    expect(fieldsAndValues([{ type: 'URLRewrite', urlRewrite: { hostname: '*.example.com' } }])).toEqual([['f[0].urlRewrite.hostname', '*.example.com']]);
    expect(problems([{ type: 'URLRewrite', urlRewrite: { hostname: 'www.example.com', path: { type: 'ReplaceFullPath', replaceFullPath: '/' } } }])).toEqual([]);
  });
  test('a redirect path is checked at requestRedirect.path', () => {
    expect(problems([{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath' } } }])).toEqual([
      { field: 'f[0].requestRedirect.path.replaceFullPath', message: "replaceFullPath must be specified when type is set to 'ReplaceFullPath'.", fix: 'set replaceFullPath, e.g. "/".' },
    ]);
  });
  test('a mirror\'s backendRef is checked as a backendRef; percent 101 is refused', () => {
    expect(fieldsAndValues([{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 0 } } }])).toEqual([['f[0].requestMirror.backendRef.port', 0]]);
    expect(fieldsAndValues([{ type: 'RequestMirror', requestMirror: { backendRef: backend, percent: 101 } }])).toEqual([['f[0].requestMirror.percent', 101]]);
  });
  test('a fraction\'s denominator defaults to 100: numerator 100 passes, 101 is above it', () => {
    const mirror = (fraction: any) => [{ type: 'RequestMirror', requestMirror: { backendRef: backend, fraction } }];
    expect(problems(mirror({ numerator: 100 }))).toEqual([]);
    expect(problems(mirror({ numerator: 101 }))).toEqual([
      { field: 'f[0].requestMirror.fraction', message: 'numerator must be less than or equal to denominator.', value: { numerator: 101 }, fix: 'mirror at most every request.' },
    ]);
    expect(fieldsAndValues(mirror({ numerator: 2 ** 31, denominator: 2 ** 31 }))).toEqual([
      ['f[0].requestMirror.fraction.numerator', 2 ** 31], ['f[0].requestMirror.fraction.denominator', 2 ** 31],
    ]);
    expect(problems(mirror({ numerator: 2 ** 31 - 1, denominator: 2 ** 31 - 1 }))).toEqual([]);
  });
  test('an extensionRef with group, kind and name passes; each missing key is named', () => {
    expect(problems([{ type: 'ExtensionRef', extensionRef: { group: 'example.com', kind: 'Auth', name: 'a' } }])).toEqual([]);
    expect(problems([{ type: 'ExtensionRef', extensionRef: { group: 'example.com', name: 'a' } }]).map((p) => p.field)).toEqual(['f[0].extensionRef.kind']);
  });
  // A null entry is the CRD schema walk's finding (the API server refuses it as "must be of type object"), never read through.
  test('null entries in header lists are left to the schema walk, never a crash; the next entries are still checked for repeats', () => {
    expect(problems([{ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [null, { name: 'a', value: '1' }, { name: 'a', value: '2' }], remove: [null, null, 'x', 'x'] } }]).map((p) => p.field)).toEqual([
      'f[0].requestHeaderModifier.add[2].name', 'f[0].requestHeaderModifier.remove[3]',
    ]);
    expect(problems([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [null, null] } }])).toEqual([]);
    expect(problems([{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{}] } }]).map((p) => [p.field, p.message, p.value])).toEqual([
      ['f[0].responseHeaderModifier.set[0].name', 'is not a valid HTTP header or parameter name.', undefined], ['f[0].responseHeaderModifier.set[0].value', 'must be a string of 1-4096 characters.', undefined],
    ]);
  });
});

describe('CORS', () => {
  test('"*" beside other origins or headers is refused in upstream\'s words', () => {
    expect(problems(cors({ allowOrigins: ['*', 'https://a.example.com'] }))).toEqual([{
      field: 'f[0].cors.allowOrigins', message: "AllowOrigins cannot contain '*' alongside other origins.", value: ['*', 'https://a.example.com'], fix: 'keep "*" alone, or list the values.',
    }]);
    expect(problems(cors({ allowHeaders: ['X-A', '*'] }))).toEqual([{
      field: 'f[0].cors.allowHeaders', message: "AllowHeaders cannot contain '*' alongside other methods.", value: ['X-A', '*'], fix: 'keep "*" alone, or list the values.',
    }]);
  });
  test('maxAge 2147483647 passes, 2147483648 is refused', () => {
    expect(problems(cors({ maxAge: 2 ** 31 - 1 }))).toEqual([]);
    expect(fieldsAndValues(cors({ maxAge: 2 ** 31 }))).toEqual([['f[0].cors.maxAge', 2 ** 31]]);
  });
  test('origins: http and https, a port of up to 5 digits; another scheme, a path or 6 port digits are refused', () => {
    expect(problems(cors({ allowOrigins: ['http://a.example.com', 'https://a.example.com:65535', 'https://*'] }))).toEqual([]);
    // A list item that is itself a list reads as its text in a pattern: refused by type first.
    expect(fieldsAndValues(cors({ allowOrigins: [['https://a.example.com']] }))).toEqual([['f[0].cors.allowOrigins[0]', ['https://a.example.com']]]);
    expect(fieldsAndValues(cors({ allowOrigins: ['ftp://a.example.com', 'https://a.example.com/x', 'https://a.example.com:123456'] })).map(([field]) => field)).toEqual([
      'f[0].cors.allowOrigins[0]', 'f[0].cors.allowOrigins[1]', 'f[0].cors.allowOrigins[2]',
    ]);
  });
});
