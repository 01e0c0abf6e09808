import { gatewayApiCrd, httpRouteProblems, referenceGrantProblems } from '../../lib';
import { crdSchemaErrors, GATEWAY_API_VERSIONS } from './crd-schema';

function route(spec: any, metadata: any = { name: 'shop', namespace: 'shop' }): any {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata, spec };
}
const parent = { name: 'public', namespace: 'gateway' };
const backend = { name: 'shop', port: 80 };
// The failing cases the openAPI schema alone lets through: CEL rules, list-map and set keys, the spec's MUSTs, metadata.
const SCHEMA_ACCEPTS = [
  'a bad name', 'one parent twice, one without sectionName', 'one parent twice by port only', 'one listener twice', 'an IP hostname',
  '129 matches in all', 'a relative path', 'a relative path ending with "/"', 'a path with //', 'a path with /./', 'a path with /../', 'a path with %2f', 'a path with %2F',
  'a path with #', 'a path ending /..', 'a path ending /.', 'a path with a space', 'a path with a bad escape', 'a repeated header match',
  'a Service backendRef without port', 'a redirect with backendRefs', 'a redirect and a rewrite', 'two header modifiers', 'two CORS filters',
  'a filter without its settings', 'a filter with settings of another type', 'ReplaceFullPath without the path',
  'replacePrefixMatch with type ReplaceFullPath', 'a prefix redirect with two matches', 'a prefix rewrite on an Exact match',
  'a backend prefix rewrite on an Exact match', 'a backend prefix redirect with two matches', 'a header modifier setting one header twice',
  'a header modifier removing one header twice', 'a mirror to a Service without port', 'a mirror with percent and fraction',
  'a mirror fraction over 1', 'a mirror fraction over the default 100', "a CORS * origin with others", 'a CORS * method with others',
  'a CORS * header with others', 'a backend timeout longer than the request timeout',
];
const valid = route({
  parentRefs: [{ ...parent, sectionName: 'https' }, { ...parent, sectionName: 'http', port: 80 }],
  hostnames: ['shop.example.com', '*.shop.example.com'],
  rules: [
    { name: 'api', matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'X-Canary', value: 'yes' }], queryParams: [{ name: 'v', value: '2', type: 'Exact' }], method: 'GET' }],
      filters: [{ type: 'URLRewrite', urlRewrite: { hostname: 'api.internal', path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
      backendRefs: [{ ...backend, weight: 90 }, { name: 'shop-canary', port: 80, weight: 10, filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-Version', value: 'canary' }] } }] }],
      timeouts: { request: '10s', backendRequest: '5s' } },
    { matches: [{ path: { type: 'Exact', value: '/healthz' } }, { path: { type: 'RegularExpression', value: '^/v[0-9]+//' } }],
      filters: [
        { type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'X-From', value: 'gw' }], remove: ['X-Debug'] } },
        { type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', port: 8080 }, percent: 10 } },
        { type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow2', port: 8080 }, fraction: { numerator: 1, denominator: 4 } } },
        { type: 'CORS', cors: { allowOrigins: ['https://app.example.com'], allowMethods: ['GET', 'POST'], allowHeaders: ['*'], maxAge: 60 } },
      ],
      backendRefs: [backend] },
    { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301, path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/new' } } }] },
  ],
});

function messages(manifest: any): string[] {
  return httpRouteProblems(manifest).map((p) => `${p.field}: ${p.message}`);
}
function withRule(rule: any): any {
  return route({ parentRefs: [parent], rules: [rule] });
}

describe('httpRouteProblems', () => {
  test('a route using every standard feature correctly has no problems', () => {
    expect(httpRouteProblems(valid)).toEqual([]);
    expect(httpRouteProblems(route({}))).toEqual([]);
  });

  const CASES: [string, any, string][] = [
    ['no spec', route(undefined), 'spec: is required.'],
    ['a bad name', route({}, { name: 'Shop' }), 'metadata.name: is not a valid HTTPRoute name.'],
    ['33 parentRefs', route({ parentRefs: Array.from({ length: 33 }, (_, i) => ({ name: `g${i}` })) }), 'spec.parentRefs: has 33 items; at most 32 are allowed.'],
    ['a parentRef without name', route({ parentRefs: [{ namespace: 'gateway' }] }), 'spec.parentRefs[0].name: is required.'],
    ['a parentRef with a bad sectionName', route({ parentRefs: [{ ...parent, sectionName: 'HTTPS' }] }), 'spec.parentRefs[0].sectionName: is not a valid section name.'],
    ['a parentRef with a bad port', route({ parentRefs: [{ ...parent, port: 70000 }] }), 'spec.parentRefs[0].port: is not a port number.'],
    ['a parentRef with a bad namespace', route({ parentRefs: [{ name: 'g', namespace: 'Gateway' }] }), 'spec.parentRefs[0].namespace: is not a valid namespace name.'],
    ['a parentRef with a bad kind', route({ parentRefs: [{ name: 'g', kind: 'gateway.v1' }] }), 'spec.parentRefs[0].kind: is not a valid kind.'],
    ['a parentRef with a bad group', route({ parentRefs: [{ name: 'g', group: 'Gateway' }] }), 'spec.parentRefs[0].group: is not a valid API group.'],
    ['one parent twice, one without sectionName', route({ parentRefs: [parent, { ...parent, sectionName: 'http' }] }), 'spec.parentRefs[0].sectionName: sectionName must be specified when parentRefs includes 2 or more references to the same parent.'],
    ['one parent twice by port only', route({ parentRefs: [{ ...parent, port: 80 }, { ...parent, port: 443 }] }), 'spec.parentRefs[1].sectionName: sectionName must be unique when parentRefs includes 2 or more references to the same parent.'],
    ['one listener twice', route({ parentRefs: [{ ...parent, sectionName: 'http' }, { ...parent, sectionName: 'http' }] }), 'spec.parentRefs[1].sectionName: sectionName must be unique when parentRefs includes 2 or more references to the same parent.'],
    ['17 hostnames', route({ hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) }), 'spec.hostnames: has 17 items; at most 16 are allowed.'],
    ['a hostname with a trailing dot', route({ hostnames: ['shop.example.com.'] }), 'spec.hostnames[0]: is not a valid Gateway API hostname.'],
    ['an IP hostname', route({ hostnames: ['192.168.1.1'] }), 'spec.hostnames[0]: is an IP address; Gateway API hostnames must be DNS names.'],
    ['empty rules', route({ rules: [] }), 'spec.rules: has 0 items; at least 1 is required.'],
    ['17 rules', route({ rules: Array.from({ length: 17 }, () => ({ backendRefs: [backend] })) }), 'spec.rules: has 17 items; at most 16 are allowed.'],
    ['129 matches in all', route({ rules: [0, 1, 2].map(() => ({ matches: Array.from({ length: 43 }, (_, i) => ({ path: { value: `/p${i}` } })) })) }), 'spec.rules: While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128.'],
    ['65 matches in a rule', withRule({ matches: Array.from({ length: 65 }, (_, i) => ({ path: { value: `/p${i}` } })) }), 'spec.rules[0].matches: has 65 items; at most 64 are allowed.'],
    ['a bad rule name', withRule({ name: 'API' }), 'spec.rules[0].name: is not a valid section name.'],
    ['a relative path', withRule({ matches: [{ path: { type: 'PathPrefix', value: 'api' } }] }), "spec.rules[0].matches[0].path.value: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']."],
    // The clean-path shortcut must neither clear a relative path that ends with "/" nor stumble on a value that is no string.
    ['a relative path ending with "/"', withRule({ matches: [{ path: { type: 'PathPrefix', value: 'api/' } }] }), "spec.rules[0].matches[0].path.value: value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']."],
    ['a path value that is not a string', withRule({ matches: [{ path: { type: 'PathPrefix', value: 5 } }] }), 'spec.rules[0].matches[0].path.value: must be a string of 0-1024 characters.'],
    ['a path with //', withRule({ matches: [{ path: { value: '/a//b' } }] }), "spec.rules[0].matches[0].path.value: must not contain '//' when type one of ['Exact', 'PathPrefix']."],
    ['a path with /./', withRule({ matches: [{ path: { value: '/a/./b' } }] }), "spec.rules[0].matches[0].path.value: must not contain '/./' when type one of ['Exact', 'PathPrefix']."],
    ['a path with /../', withRule({ matches: [{ path: { value: '/a/../b' } }] }), "spec.rules[0].matches[0].path.value: must not contain '/../' when type one of ['Exact', 'PathPrefix']."],
    ['a path with %2f', withRule({ matches: [{ path: { value: '/a%2fb' } }] }), "spec.rules[0].matches[0].path.value: must not contain '%2f' when type one of ['Exact', 'PathPrefix']."],
    ['a path with %2F', withRule({ matches: [{ path: { value: '/a%2Fb' } }] }), "spec.rules[0].matches[0].path.value: must not contain '%2F' when type one of ['Exact', 'PathPrefix']."],
    ['a path with #', withRule({ matches: [{ path: { type: 'Exact', value: '/a#b' } }] }), "spec.rules[0].matches[0].path.value: must not contain '#' when type one of ['Exact', 'PathPrefix']."],
    ['a path ending /..', withRule({ matches: [{ path: { value: '/a/..' } }] }), "spec.rules[0].matches[0].path.value: must not end with '/..' when type one of ['Exact', 'PathPrefix']."],
    ['a path ending /.', withRule({ matches: [{ path: { value: '/a/.' } }] }), "spec.rules[0].matches[0].path.value: must not end with '/.' when type one of ['Exact', 'PathPrefix']."],
    ['a path with a space', withRule({ matches: [{ path: { value: '/a b' } }] }), "spec.rules[0].matches[0].path.value: must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']."],
    ['a path with a bad escape', withRule({ matches: [{ path: { value: '/a%zz' } }] }), "spec.rules[0].matches[0].path.value: must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']."],
    ['a path over 1024 characters', withRule({ matches: [{ path: { value: `/${'a'.repeat(1024)}` } }] }), 'spec.rules[0].matches[0].path.value: must be a string of 0-1024 characters.'],
    ['an Ingress path type', withRule({ matches: [{ path: { type: 'Prefix', value: '/' } }] }), "spec.rules[0].matches[0].path.type: type must be one of ['Exact', 'PathPrefix', 'RegularExpression']."],
    ['17 header matches', withRule({ matches: [{ headers: Array.from({ length: 17 }, (_, i) => ({ name: `h${i}`, value: 'v' })) }] }), 'spec.rules[0].matches[0].headers: has 17 items; at most 16 are allowed.'],
    ['a header name with a colon', withRule({ matches: [{ headers: [{ name: 'X:Y', value: 'v' }] }] }), 'spec.rules[0].matches[0].headers[0].name: is not a valid HTTP header or parameter name.'],
    ['a repeated header match', withRule({ matches: [{ headers: [{ name: 'x', value: '1' }, { name: 'x', value: '2' }] }] }), 'spec.rules[0].matches[0].headers[1].name: is listed twice in headers.'],
    ['an empty header value', withRule({ matches: [{ headers: [{ name: 'x', value: '' }] }] }), 'spec.rules[0].matches[0].headers[0].value: must be a string of 1-4096 characters.'],
    ['a query value over 1024', withRule({ matches: [{ queryParams: [{ name: 'q', value: 'v'.repeat(1025) }] }] }), 'spec.rules[0].matches[0].queryParams[0].value: must be a string of 1-1024 characters.'],
    ['a bad query match type', withRule({ matches: [{ queryParams: [{ name: 'q', value: 'v', type: 'Prefix' }] }] }), 'spec.rules[0].matches[0].queryParams[0].type: is not one of the allowed values.'],
    ['a lower-case method', withRule({ matches: [{ method: 'get' }] }), 'spec.rules[0].matches[0].method: is not one of the allowed values.'],
    ['17 backendRefs', withRule({ backendRefs: Array.from({ length: 17 }, (_, i) => ({ name: `b${i}`, port: 80 })) }), 'spec.rules[0].backendRefs: has 17 items; at most 16 are allowed.'],
    ['a Service backendRef without port', withRule({ backendRefs: [{ name: 'shop' }] }), 'spec.rules[0].backendRefs[0].port: Must have port for Service reference.'],
    ['a backendRef without name', withRule({ backendRefs: [{ port: 80 }] }), 'spec.rules[0].backendRefs[0].name: is required.'],
    ['a weight over 1,000,000', withRule({ backendRefs: [{ ...backend, weight: 1_000_001 }] }), 'spec.rules[0].backendRefs[0].weight: must be an integer from 0 to 1000000.'],
    ['a negative weight', withRule({ backendRefs: [{ ...backend, weight: -1 }] }), 'spec.rules[0].backendRefs[0].weight: must be an integer from 0 to 1000000.'],
    ['a redirect with backendRefs', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }], backendRefs: [backend] }), 'spec.rules[0].filters: RequestRedirect filter must not be used together with backendRefs.'],
    ['a redirect and a rewrite', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: {} }, { type: 'URLRewrite', urlRewrite: {} }] }), 'spec.rules[0].filters: May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both.'],
    ['two header modifiers', withRule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: {} }, { type: 'RequestHeaderModifier', requestHeaderModifier: {} }], backendRefs: [backend] }), 'spec.rules[0].filters: RequestHeaderModifier filter cannot be repeated.'],
    ['two CORS filters', withRule({ filters: [{ type: 'CORS', cors: {} }, { type: 'CORS', cors: {} }], backendRefs: [backend] }), 'spec.rules[0].filters: CORS filter cannot be repeated.'],
    ['17 filters', withRule({ filters: Array.from({ length: 17 }, () => ({ type: 'RequestMirror', requestMirror: { backendRef: backend } })), backendRefs: [backend] }), 'spec.rules[0].filters: has 17 items; at most 16 are allowed.'],
    ['a filter without type', withRule({ filters: [{ requestRedirect: {} }] }), 'spec.rules[0].filters[0].type: is required.'],
    ['an unknown filter type', withRule({ filters: [{ type: 'ExternalAuth' }] }), 'spec.rules[0].filters[0].type: is not one of the allowed values.'],
    ['a filter without its settings', withRule({ filters: [{ type: 'RequestRedirect' }] }), 'spec.rules[0].filters[0].requestRedirect: filter.requestRedirect must be specified for RequestRedirect filter.type.'],
    ['a filter with settings of another type', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: {}, urlRewrite: {} }] }), 'spec.rules[0].filters[0].urlRewrite: filter.urlRewrite must be nil if the filter.type is not URLRewrite.'],
    ['a redirect to a wildcard host', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { hostname: '*.example.com' } }] }), 'spec.rules[0].filters[0].requestRedirect.hostname: is not a valid precise hostname.'],
    ['a redirect scheme in capitals', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'HTTPS' } }] }), 'spec.rules[0].filters[0].requestRedirect.scheme: is not one of the allowed values.'],
    ['a redirect code 300', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 300 } }] }), 'spec.rules[0].filters[0].requestRedirect.statusCode: is not one of the allowed values.'],
    ['a redirect port 0', withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { port: 0 } }] }), 'spec.rules[0].filters[0].requestRedirect.port: is not a port number.'],
    ['ReplaceFullPath without the path', withRule({ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath' } } }], backendRefs: [backend] }), "spec.rules[0].filters[0].urlRewrite.path.replaceFullPath: replaceFullPath must be specified when type is set to 'ReplaceFullPath'."],
    ['replacePrefixMatch with type ReplaceFullPath', withRule({ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/', replacePrefixMatch: '/' } } }], backendRefs: [backend] }), "spec.rules[0].filters[0].urlRewrite.path.type: type must be 'ReplacePrefixMatch' when replacePrefixMatch is set."],
    ['a bad path modifier type', withRule({ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'Replace' } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].urlRewrite.path.type: is not one of the allowed values.'],
    ['a rewrite to a wildcard host', withRule({ filters: [{ type: 'URLRewrite', urlRewrite: { hostname: '*.internal' } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].urlRewrite.hostname: is not a valid precise hostname.'],
    ['a prefix redirect with two matches', withRule({ matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } }] }), 'spec.rules[0].matches: When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'],
    ['a prefix rewrite on an Exact match', withRule({ matches: [{ path: { type: 'Exact', value: '/a' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } }], backendRefs: [backend] }), 'spec.rules[0].matches: When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'],
    ['a backend prefix rewrite on an Exact match', withRule({ matches: [{ path: { type: 'Exact', value: '/a' } }], backendRefs: [{ ...backend, filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } }] }] }), 'spec.rules[0].matches: Within backendRefs, When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'],
    ['a backend prefix redirect with two matches', withRule({ matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }], backendRefs: [{ ...backend, filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } }] }] }), 'spec.rules[0].matches: Within backendRefs, when using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.'],
    ['a header modifier with 17 set', withRule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: Array.from({ length: 17 }, (_, i) => ({ name: `h${i}`, value: 'v' })) } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestHeaderModifier.set: has 17 items; at most 16 are allowed.'],
    ['a header modifier setting one header twice', withRule({ filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x', value: '1' }, { name: 'x', value: '2' }] } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].responseHeaderModifier.add[1].name: is listed twice in add.'],
    ['a header modifier removing one header twice', withRule({ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { remove: ['X-A', 'X-A'] } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestHeaderModifier.remove[1]: is listed twice in remove.'],
    ['a mirror without backendRef', withRule({ filters: [{ type: 'RequestMirror', requestMirror: {} }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.backendRef: is required.'],
    ['a mirror to a Service without port', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow' } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.backendRef.port: Must have port for Service reference.'],
    ['a mirror with percent and fraction', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backend, percent: 5, fraction: { numerator: 1 } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror: Only one of percent or fraction may be specified in HTTPRequestMirrorFilter.'],
    ['a mirror of 101 percent', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backend, percent: 101 } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.percent: must be an integer from 0 to 100.'],
    ['a mirror fraction over 1', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backend, fraction: { numerator: 5, denominator: 4 } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.fraction: numerator must be less than or equal to denominator.'],
    ['a mirror fraction over the default 100', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backend, fraction: { numerator: 101 } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.fraction: numerator must be less than or equal to denominator.'],
    ['a mirror fraction denominator 0', withRule({ filters: [{ type: 'RequestMirror', requestMirror: { backendRef: backend, fraction: { numerator: 0, denominator: 0 } } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].requestMirror.fraction.denominator: must be an integer from 1 to 2147483647.'],
    ['an extensionRef without kind', withRule({ filters: [{ type: 'ExtensionRef', extensionRef: { group: 'example.com', name: 'x' } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].extensionRef.kind: is required.'],
    ['a CORS origin with a path', withRule({ filters: [{ type: 'CORS', cors: { allowOrigins: ['https://app.example.com/x'] } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].cors.allowOrigins[0]: is not a valid CORS origin.'],
    ['a CORS * origin with others', withRule({ filters: [{ type: 'CORS', cors: { allowOrigins: ['*', 'https://a.example.com'] } }], backendRefs: [backend] }), "spec.rules[0].filters[0].cors.allowOrigins: AllowOrigins cannot contain '*' alongside other origins."],
    ['a CORS * method with others', withRule({ filters: [{ type: 'CORS', cors: { allowMethods: ['*', 'GET'] } }], backendRefs: [backend] }), "spec.rules[0].filters[0].cors.allowMethods: AllowMethods cannot contain '*' alongside other methods."],
    ['a CORS * header with others', withRule({ filters: [{ type: 'CORS', cors: { allowHeaders: ['*', 'X-A'] } }], backendRefs: [backend] }), "spec.rules[0].filters[0].cors.allowHeaders: AllowHeaders cannot contain '*' alongside other methods."],
    ['a CORS method in lower case', withRule({ filters: [{ type: 'CORS', cors: { allowMethods: ['get'] } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].cors.allowMethods[0]: is not one of the allowed values.'],
    ['a CORS maxAge of 0', withRule({ filters: [{ type: 'CORS', cors: { maxAge: 0 } }], backendRefs: [backend] }), 'spec.rules[0].filters[0].cors.maxAge: must be an integer from 1 to 2147483647.'],
    ['a decimal timeout', withRule({ timeouts: { request: '1.5s' }, backendRefs: [backend] }), 'spec.rules[0].timeouts.request: is not a Gateway API duration.'],
    ['a backend timeout longer than the request timeout', withRule({ timeouts: { request: '10s', backendRequest: '1m' }, backendRefs: [backend] }), 'spec.rules[0].timeouts: backendRequest timeout cannot be longer than request timeout.'],
  ];
  test.each(CASES)('%s is a problem', (_, manifest, expected) => {
    expect(messages(manifest)).toContain(expected);
  });

  test('the passing route is valid against both CRD schemas; every failing case the schema accepts is a CEL rule, a spec rule or metadata', () => {
    for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(valid, version)).toEqual([]);
    const schemaAccepts = CASES.filter(([, manifest]) => manifest.spec !== undefined && crdSchemaErrors(manifest, 'v1.6.1').length === 0).map(([name]) => name);
    expect(schemaAccepts).toEqual(SCHEMA_ACCEPTS);
  });

  test('the match total counts 128 as allowed, a 0s request timeout means none, and a prefix rewrite without matches is allowed', () => {
    expect(httpRouteProblems(route({ rules: [0, 1].map(() => ({ matches: Array.from({ length: 64 }, (_, i) => ({ path: { value: `/p${i}` } })) })) }))).toEqual([]);
    expect(httpRouteProblems(withRule({ timeouts: { request: '0s', backendRequest: '1h' }, backendRefs: [backend] }))).toEqual([]);
    expect(httpRouteProblems(withRule({ filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }], backendRefs: [backend] }))).toEqual([]);
  });

  // The CEL rules run after the API server's defaulting (checked here against the vendored CRD's defaults).
  describe('rules judged after defaulting', () => {
    const prefixRewrite = { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } };
    const prefixRedirect = { type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/c' } } };
    const sixtyFour = () => ({ matches: Array.from({ length: 64 }, (_, i) => ({ path: { value: `/p${i}` } })) });

    test('the vendored CRD defaults a rule without matches to one PathPrefix "/" match, and a match without path to PathPrefix "/"', () => {
      const crd = gatewayApiCrd('HTTPRoute', 'v1.6.1');
      const rule = crd.spec.versions.find((v: any) => v.name === 'v1').schema.openAPIV3Schema.properties.spec.properties.rules.items.properties;
      expect(rule.matches.default).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
      expect(rule.matches.items.properties.path.default).toEqual({ type: 'PathPrefix', value: '/' });
    });

    test('a prefix rewrite or redirect on one match without path is accepted: the path defaults to PathPrefix "/"', () => {
      expect(httpRouteProblems(withRule({ matches: [{ method: 'GET' }], filters: [prefixRewrite], backendRefs: [backend] }))).toEqual([]);
      expect(httpRouteProblems(withRule({ matches: [{ headers: [{ name: 'x', value: '1' }] }], filters: [prefixRedirect] }))).toEqual([]);
      expect(httpRouteProblems(withRule({ matches: [{ method: 'GET' }], backendRefs: [{ ...backend, filters: [prefixRewrite] }] }))).toEqual([]);
    });

    test('a prefix rewrite with an explicit empty match list is refused: [] is not defaulted, so no PathPrefix match exists', () => {
      expect(httpRouteProblems(withRule({ matches: [], filters: [prefixRewrite], backendRefs: [backend] }))).toEqual([{
        field: 'spec.rules[0].matches', message: 'When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.',
        fix: 'give the rule exactly one match, of type PathPrefix: the prefix it replaces.',
      }]);
    });

    test('a rule without matches counts one match toward the route\'s 128; an explicit empty list counts none', () => {
      expect(httpRouteProblems(route({ rules: [sixtyFour(), sixtyFour(), { backendRefs: [backend] }] }))).toEqual([{
        field: 'spec.rules', message: 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128.',
        value: 129, allowed: 'at most 128 matches', fix: 'split the rules into several HTTPRoutes with the same parents and hostnames.',
      }]);
      expect(httpRouteProblems(route({ rules: [sixtyFour(), sixtyFour(), { matches: [], backendRefs: [backend] }] }))).toEqual([]);
    });
  });

  test('references to the same Gateway name in two namespaces are two parents', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ name: 'g', namespace: 'a' }, { name: 'g', namespace: 'b' }, { name: 'g' }] }))).toEqual([]);
  });

  test('a backendRef to another kind needs no port', () => {
    expect(httpRouteProblems(withRule({ backendRefs: [{ group: 'example.com', kind: 'Bucket', name: 'b' }] }))).toEqual([]);
  });
});

describe('referenceGrantProblems', () => {
  const grant = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'allow', namespace: 'backends' }, spec });
  const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' };
  const to = { group: '', kind: 'Service', name: 'billing' };

  test('a grant from routes of one namespace to one Service has no problems', () => {
    expect(referenceGrantProblems(grant({ from: [from], to: [to, { group: '', kind: 'Secret' }] }))).toEqual([]);
  });

  test.each<[string, any, string]>([
    ['no spec', grant(undefined), 'spec: is required.'],
    ['no from', grant({ to: [to] }), 'spec.from: has 0 items; at least 1 is required.'],
    ['17 to', grant({ from: [from], to: Array.from({ length: 17 }, () => to) }), 'spec.to: has 17 items; at most 16 are allowed.'],
    ['from without group', grant({ from: [{ kind: 'HTTPRoute', namespace: 'shop' }], to: [to] }), 'spec.from[0].group: is required.'],
    ['from without namespace', grant({ from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute' }], to: [to] }), 'spec.from[0].namespace: is required.'],
    ['from with a bad kind', grant({ from: [{ ...from, kind: 'http route' }], to: [to] }), 'spec.from[0].kind: is not a valid kind.'],
    ['to without group', grant({ from: [from], to: [{ kind: 'Service' }] }), 'spec.to[0].group: is required.'],
    ['to without kind', grant({ from: [from], to: [{ group: '' }] }), 'spec.to[0].kind: is required.'],
    ['to with an empty name', grant({ from: [from], to: [{ ...to, name: '' }] }), 'spec.to[0].name: must be an object name of 1-253 characters.'],
    ['a bad name', { ...grant({ from: [from], to: [to] }), metadata: { name: 'Allow' } }, 'metadata.name: is not a valid ReferenceGrant name.'],
  ])('%s is a problem', (_, manifest, expected) => {
    expect(referenceGrantProblems(manifest).map((p) => `${p.field}: ${p.message}`)).toContain(expected);
  });
});
