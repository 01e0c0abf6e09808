// httpRouteProblems at the HTTPRoute CRD's limits (v1.6.1), with the whole problem a user sees (field path at an index
// above 0, value, allowed, fix): the survivors of the first mutation run over http-route-validation.ts.
import { backendObjectRefProblems, httpPathProblems, httpRouteProblems, httpRouteRuleProblems, matchProblems, parentRefProblems } from '../../lib';

const route = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'shop', namespace: 'shop' }, spec });
const backend = { name: 'shop', port: 80 };
const withRule = (rule: any) => route({ rules: [rule] });
const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const matchesOf = (n: number) => many(n, (i) => ({ path: { value: `/p${i}` } }));

describe('list limits: the last allowed count passes, one more is refused with the fix', () => {
  test.each<[string, (n: number) => any, number, any]>([
    ['parentRefs', (n) => route({ parentRefs: many(n, (i) => ({ name: `g${i}` })) }), 32,
      { field: 'spec.parentRefs', allowed: '0-32 items', fix: 'attach the route to at most 32 parents; split it into several HTTPRoutes.' }],
    ['hostnames', (n) => route({ hostnames: many(n, (i) => `h${i}.example.com`) }), 16,
      { field: 'spec.hostnames', allowed: '0-16 items', fix: 'a route holds at most 16 hostnames; split it into one HTTPRoute per group of hosts.' }],
    ['rules', (n) => route({ rules: many(n, () => ({ backendRefs: [backend] })) }), 16,
      { field: 'spec.rules', allowed: '1-16 items', fix: 'a route holds 1-16 rules; split the rest into another HTTPRoute with the same parents and hostnames.' }],
    ['matches of a rule', (n) => withRule({ matches: matchesOf(n) }), 64,
      { field: 'spec.rules[0].matches', allowed: '0-64 items', fix: 'a rule holds at most 64 matches; split it into several rules.' }],
    ['backendRefs of a rule', (n) => withRule({ backendRefs: many(n, (i) => ({ name: `b${i}`, port: 80 })) }), 16,
      { field: 'spec.rules[0].backendRefs', allowed: '0-16 items', fix: 'a rule sends to at most 16 backends.' }],
  ])('%s', (_, make, max, problem) => {
    expect(httpRouteProblems(make(max))).toEqual([]);
    expect(httpRouteProblems(make(max + 1))).toEqual([{ ...problem, message: `has ${max + 1} items; at most ${max} are allowed.`, value: max + 1 }]);
  });

  test('the empty rule list names its fix', () => {
    expect(httpRouteProblems(route({ rules: [] }))).toEqual([{
      field: 'spec.rules', message: 'has 0 items; at least 1 is required.', value: 0, allowed: '1-16 items',
      fix: 'a route holds 1-16 rules; split the rest into another HTTPRoute with the same parents and hostnames.',
    }]);
  });

  test('the CEL total counts the first 16 rules only (a 17th rule is refused by maxItems alone)', () => {
    const rules = [{ matches: matchesOf(64) }, { matches: matchesOf(64) }, ...many(13, () => ({ matches: [] })), { matches: [] }, { matches: matchesOf(64) }];
    expect(httpRouteProblems(route({ rules })).map((p) => p.field)).toEqual(['spec.rules']);
    expect(httpRouteProblems(route({ rules })).map((p) => p.value)).toEqual([17]);
  });

  // The paths of the first 16 rules are made once; a rule past them still gets its own.
  test('a problem of the 16th and of the 17th rule is named at its own index', () => {
    const rules = [...many(15, () => ({})), { name: 'Bad16' }, { name: 'Bad17' }];
    expect(httpRouteProblems(route({ rules })).map((p) => p.field)).toEqual(['spec.rules', 'spec.rules[15].name', 'spec.rules[16].name']);
  });
});

describe('problems at an index above 0 name that index', () => {
  test('a hostname, a parentRef, a rule, a match and a backendRef', () => {
    const problems = httpRouteProblems(route({
      parentRefs: [{ name: 'g' }, { name: 'h', port: 0 }],
      hostnames: ['shop.example.com', 'Shop.example.com'],
      rules: [{ backendRefs: [backend] }, { name: 'B', matches: [{ path: { value: '/' } }, { method: 'get' }], backendRefs: [backend, { name: 'x', port: 80, weight: -1 }] }],
    }));
    expect(problems).toEqual([
      { field: 'spec.parentRefs[1].port', message: 'is not a port number.', value: 0, allowed: 'an integer 1-65535', fix: 'use a number such as 80 or 443.' },
      expect.objectContaining({ field: 'spec.hostnames[1]', value: 'Shop.example.com', fix: 'write it in lowercase: "shop.example.com".' }),
      expect.objectContaining({ field: 'spec.rules[1].name', value: 'B' }),
      { field: 'spec.rules[1].matches[1].method', message: 'is not one of the allowed values.', value: 'get', allowed: 'GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH', fix: 'use an upper-case HTTP method such as GET.' },
      { field: 'spec.rules[1].backendRefs[1].weight', message: 'must be an integer from 0 to 1000000.', value: -1, allowed: '0-1000000', fix: 'use a weight from 0 (no traffic) to 1,000,000; shares are weight / sum of weights.' },
    ]);
  });
});

describe('one parent referenced twice', () => {
  const parent = { name: 'public', namespace: 'gateway' };
  test('the reference without sectionName is the one reported, with its fix', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ ...parent, sectionName: 'http' }, parent] }))).toEqual([{
      field: 'spec.parentRefs[0].sectionName', message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent.',
      value: 'http', fix: 'name the listener (e.g. "http" and "https") in every reference to this Gateway.',
    }, {
      field: 'spec.parentRefs[1].sectionName', message: 'sectionName must be specified when parentRefs includes 2 or more references to the same parent.',
      value: undefined, fix: 'name the listener (e.g. "http" and "https") in every reference to this Gateway.',
    }]);
  });
  test('a repeated listener is reported once, at the later reference, with its fix; the group and kind defaults make one parent', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ ...parent, sectionName: 'http' }, { ...parent, group: 'gateway.networking.k8s.io', kind: 'Gateway', sectionName: 'http' }, { ...parent, sectionName: 'https' }] }))).toEqual([{
      field: 'spec.parentRefs[1].sectionName', message: 'sectionName must be unique when parentRefs includes 2 or more references to the same parent.',
      value: 'http', fix: 'reference each listener of the Gateway once.',
    }]);
  });
});

describe('backendRefs with a valid name and port are still checked for their group, kind, namespace, weight and filters', () => {
  test.each<[string, any, string]>([
    ['a bad group', { ...backend, group: 'Core' }, 'spec.rules[0].backendRefs[0].group'],
    ['a bad kind', { ...backend, kind: 'my service' }, 'spec.rules[0].backendRefs[0].kind'],
    ['a bad namespace', { ...backend, namespace: 'Shop' }, 'spec.rules[0].backendRefs[0].namespace'],
    ['a bad weight', { ...backend, weight: 1.5 }, 'spec.rules[0].backendRefs[0].weight'],
    ['a bad filter', { ...backend, filters: [{ type: 'Nope' }] }, 'spec.rules[0].backendRefs[0].filters[0].type'],
    ['a name of 254 characters', { ...backend, name: 'a'.repeat(254) }, 'spec.rules[0].backendRefs[0].name'],
    ['a port of 65536', { ...backend, port: 65536 }, 'spec.rules[0].backendRefs[0].port'],
  ])('%s', (_, ref, field) => {
    expect(httpRouteProblems(withRule({ backendRefs: [ref] })).map((p) => p.field)).toEqual([field]);
  });
  test('a name of 253 characters and a weight of 0 or 1,000,000 pass', () => {
    expect(httpRouteProblems(withRule({ backendRefs: [{ ...backend, name: 'a'.repeat(253), weight: 0 }, { name: 'b', port: 65535, weight: 1_000_000 }] }))).toEqual([]);
  });
  test('an explicit core Service without port needs one; the fix says how', () => {
    expect(backendObjectRefProblems('ref', { group: '', kind: 'Service', name: 's' } as any)).toEqual([{
      field: 'ref.port', message: 'Must have port for Service reference.', fix: 'set the Service port number; a port name must be resolved to its number through the Service.',
    }]);
    expect(backendObjectRefProblems('ref', {} as any)).toEqual([
      { field: 'ref.name', message: 'is required.', fix: 'set the name of the Service.' },
      expect.objectContaining({ field: 'ref.port', message: 'Must have port for Service reference.' }),
    ]);
  });
});

describe('matches', () => {
  test('a header value of 4096 characters and a query value of 1024 pass; one more is refused with the fix', () => {
    const m = (header: number, query: number) => matchProblems('m', { headers: [{ name: 'h', value: 'v'.repeat(header) }], queryParams: [{ name: 'q', value: 'v'.repeat(query) }] } as any);
    expect(m(4096, 1024)).toEqual([]);
    expect(m(4097, 1025)).toEqual([
      { field: 'm.headers[0].value', message: 'must be a string of 1-4096 characters.', value: `${'v'.repeat(80)}…`, allowed: '1-4096 characters', fix: 'set the value to match.' },
      { field: 'm.queryParams[0].value', message: 'must be a string of 1-1024 characters.', value: `${'v'.repeat(80)}…`, allowed: '1-1024 characters', fix: 'set the value to match.' },
    ]);
  });
  test('16 query parameters pass, 17 are refused; a repeated one is named at its second index with the fix', () => {
    expect(matchProblems('m', { queryParams: many(16, (i) => ({ name: `q${i}`, value: 'v' })) } as any)).toEqual([]);
    expect(matchProblems('m', { queryParams: many(17, (i) => ({ name: `q${i}`, value: 'v' })) } as any).map((p) => p.field)).toEqual(['m.queryParams']);
    expect(matchProblems('m', { queryParams: [{ name: 'a', value: '1' }, { name: 'b', value: '1' }, { name: 'a', value: '2' }] } as any)).toEqual([{
      field: 'm.queryParams[2].name', message: 'is listed twice in queryParams.', value: 'a', fix: 'keep one entry per name; a match needs all its entries to hold.',
    }]);
  });
  test('a bad match type names the allowed types and the fix', () => {
    expect(matchProblems('m', { headers: [{ name: 'h', value: 'v', type: 'Prefix' }] } as any)).toEqual([{
      field: 'm.headers[0].type', message: 'is not one of the allowed values.', value: 'Prefix', allowed: 'Exact, RegularExpression', fix: 'use Exact (the default) or RegularExpression.',
    }]);
  });
});

describe('paths', () => {
  test('a path of 1024 characters passes, and any RegularExpression value is left to the implementation', () => {
    expect(httpPathProblems('p', 'PathPrefix', `/${'a'.repeat(1023)}`)).toEqual([]);
    expect(httpPathProblems('p', 'RegularExpression', 'a b//#')).toEqual([]);
  });
  test('each refusal shows the value and its fix; the field is the value or type of the path', () => {
    expect(httpPathProblems('p', 'Exact', 'api')).toEqual([{ field: 'p.value', value: 'api', message: "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix'].", fix: 'write it as "/api".' }]);
    expect(httpPathProblems('p', 'Exact', '/a//b')).toEqual([{ field: 'p.value', value: '/a//b', message: "must not contain '//' when type one of ['Exact', 'PathPrefix'].", fix: 'normalize the path (collapse "//", resolve "." and "..", decode "%2f", drop the fragment).' }]);
    expect(httpPathProblems('p', 'Exact', '/a/..')).toEqual([{ field: 'p.value', value: '/a/..', message: "must not end with '/..' when type one of ['Exact', 'PathPrefix'].", fix: 'resolve the trailing "." or "..".' }]);
    expect(httpPathProblems('p', 'Exact', '/a?b')[0]).toMatchObject({ field: 'p.value', value: '/a?b', fix: 'percent-encode spaces and other characters ("%20"); a query string ("?") is matched with queryParams, not the path.' });
    expect(httpPathProblems('p', 'Prefix', '/')).toEqual([{ field: 'p.type', message: "type must be one of ['Exact', 'PathPrefix', 'RegularExpression'].", value: 'Prefix', allowed: 'Exact, PathPrefix, RegularExpression', fix: 'use PathPrefix (Ingress "Prefix") or Exact.' }]);
    expect(httpPathProblems('p', 'Exact', `/${'a'.repeat(1024)}`)).toEqual([expect.objectContaining({ field: 'p.value', allowed: '0-1024 characters', fix: 'shorten the path.' })]);
  });
});

describe('the exported per-part checks', () => {
  test('parentRefProblems and httpRouteRuleProblems report at the field given', () => {
    expect(parentRefProblems('ref', { name: 'g', sectionName: 'A' } as any).map((p) => p.field)).toEqual(['ref.sectionName']);
    expect(parentRefProblems('ref', { name: 'g', sectionName: 'a', port: 443 } as any)).toEqual([]);
    expect(httpRouteRuleProblems('r', { name: 'A' } as any).map((p) => p.field)).toEqual(['r.name']);
    // Through the route, a parentRef with nothing wrong but its sectionName (no namespace, group, kind or port to check).
    expect(httpRouteProblems(route({ parentRefs: [{ name: 'g', sectionName: 'A' }] })).map((p) => [p.field, p.value])).toEqual([['spec.parentRefs[0].sectionName', 'A']]);
  });
});

describe('timeouts', () => {
  test('equal timeouts pass; a bad backendRequest is named with its value; a longer backendRequest shows both', () => {
    expect(httpRouteProblems(withRule({ timeouts: { request: '1m', backendRequest: '60s' }, backendRefs: [backend] }))).toEqual([]);
    expect(httpRouteProblems(withRule({ timeouts: { request: '1m', backendRequest: '1.5s' }, backendRefs: [backend] })).map((p) => [p.field, p.value])).toEqual([['spec.rules[0].timeouts.backendRequest', '1.5s']]);
    expect(httpRouteProblems(withRule({ timeouts: { request: '1s', backendRequest: '1001ms' }, backendRefs: [backend] }))).toEqual([{
      field: 'spec.rules[0].timeouts', message: 'backendRequest timeout cannot be longer than request timeout.', value: { request: '1s', backendRequest: '1001ms' }, fix: 'shorten backendRequest, or lengthen request.',
    }]);
  });
});

describe('replacePrefixMatch rules', () => {
  test('a ReplacePrefixMatch path without its value is reported as such, not as the match-count rule', () => {
    expect(httpRouteProblems(withRule({ matches: matchesOf(2), filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch' } } }], backendRefs: [backend] })).map((p) => p.field))
      .toEqual(['spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch']);
  });
  test('a prefix redirect on one Exact match is refused at the rule\'s matches with the fix', () => {
    expect(httpRouteProblems(route({ rules: [{ backendRefs: [backend] }, { matches: [{ path: { type: 'Exact', value: '/a' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/b' } } }] }] }))).toEqual([{
      field: 'spec.rules[1].matches', message: 'When using RequestRedirect filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified.', fix: 'give the rule exactly one match, of type PathPrefix: the prefix it replaces.',
    }]);
  });
  test('a redirect beside backendRefs names the fix', () => {
    expect(httpRouteProblems(withRule({ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }], backendRefs: [backend] }))).toEqual([{
      field: 'spec.rules[0].filters', message: 'RequestRedirect filter must not be used together with backendRefs.', fix: 'put the redirect in a rule of its own, without backendRefs.',
    }]);
  });
});

describe('null list items (a YAML "- ~") are never read through, never a crash', () => {
  // The API server refuses a null item by its schema ("must be of type object") and runs no CEL rule on it: the schema
  // walk reports it (gw-spec-valid), these checks skip it; the items beside it are still checked.
  test('in parentRefs, rules, matches, headers, filters and backendRefs: left to the schema walk', () => {
    const problems = httpRouteProblems(route({ parentRefs: [null], hostnames: [null], rules: [null, { matches: [null, { headers: [null, { name: 'A', value: '' }], queryParams: [null] }], backendRefs: [null], filters: [null] }] }));
    expect(problems.map((p) => p.field)).toEqual(['spec.rules[1].matches[1].headers[1].value']);
  });
});
