// httpRouteProblems on references, timeouts and paths the HTTPRoute CRD (v1.6.1) judges, with the whole problem a user
// sees: the survivors of the second mutation run over http-route-validation.ts (docs/testing.md).
import { backendObjectRefProblems, httpRouteProblems, httpRouteRuleProblems, matchProblems } from '../../lib';

const route = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'shop', namespace: 'shop' }, spec });
const backend = { name: 'shop', port: 80 };
const withRule = (rule: any) => route({ rules: [rule] });
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
const SPECIFIED = 'sectionName must be specified when parentRefs includes 2 or more references to the same parent.';
const UNIQUE = 'sectionName must be unique when parentRefs includes 2 or more references to the same parent.';

describe('the route itself', () => {
  test('a route without spec, or with a bad name, is told what to set', () => {
    const { spec, ...withoutSpec } = route({});
    expect(httpRouteProblems(withoutSpec as any)).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.parentRefs and spec.rules.' }]);
    expect(httpRouteProblems({ ...route({}), metadata: { name: 'Shop', namespace: 'shop' } })).toEqual([
      expect.objectContaining({ field: 'metadata.name', message: 'is not a valid HTTPRoute name.', value: 'Shop', fix: 'use a lowercase name such as "shop".' }),
    ]);
  });
});

describe('parentRefs', () => {
  test('a parentRef without name is told to name the Gateway', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ sectionName: 'http' }] }))).toEqual([
      { field: 'spec.parentRefs[0].name', message: 'is required.', fix: 'set the name of the Gateway.' },
    ]);
  });
  test('a name of 254 characters is refused even with nothing else set', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ name: 'g'.repeat(254) }] }))).toEqual([{
      field: 'spec.parentRefs[0].name', message: 'must be an object name of 1-253 characters.', value: 'g'.repeat(254), allowed: '1-253 characters', fix: 'set the name of the object referred to.',
    }]);
  });
  test('a sectionName named by some references to a parent but not by all: every one of them is reported', () => {
    const problems = httpRouteProblems(route({ parentRefs: [{ name: 'g' }, { name: 'g', sectionName: 'http' }, { name: 'g', sectionName: 'https' }] }));
    expect(problems.map((p) => [p.field, p.message, p.value])).toEqual([
      ['spec.parentRefs[0].sectionName', SPECIFIED, undefined],
      ['spec.parentRefs[1].sectionName', SPECIFIED, 'http'],
      ['spec.parentRefs[2].sectionName', SPECIFIED, 'https'],
    ]);
  });
  test('two listeners of one Gateway, each named once, pass; a namespace of "" is the route\'s namespace to the CEL', () => {
    expect(httpRouteProblems(route({ parentRefs: [{ name: 'g', sectionName: 'http' }, { name: 'g', sectionName: 'https' }] }))).toEqual([]);
    const problems = httpRouteProblems(route({ parentRefs: [{ name: 'g' }, { name: 'g', namespace: '' }] }));
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['spec.parentRefs[1].namespace', 'is not a valid namespace name.'],
      ['spec.parentRefs[1].sectionName', UNIQUE],
    ]);
  });
  test('null parentRefs are the schema walk\'s finding: not compared with the others, never a crash', () => {
    const problems = httpRouteProblems(route({ parentRefs: [null, null, { sectionName: 'a' }] }));
    expect(problems.map((p) => [p.field, p.message])).toEqual([['spec.parentRefs[2].name', 'is required.']]);
    expect(fields(httpRouteProblems(route({ parentRefs: [null, null] })))).toEqual([]);
    expect(fields(httpRouteProblems(route({ parentRefs: [null, { name: 'g' }, { name: 'g' }] })))).toEqual(['spec.parentRefs[2].sectionName']);
  });
  test('a null sectionName or port is left out (create drops it)', () => {
    expect(fields(httpRouteProblems(route({ parentRefs: [{ name: 'g', sectionName: null, port: null }] })))).toEqual([]);
  });
});

describe('backendRefs', () => {
  test('the port is required of a core Service only: another group or another core kind needs none', () => {
    // The CEL: (size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true.
    expect(backendObjectRefProblems('b', { name: 'x', group: '', kind: 'ConfigMap' } as any)).toEqual([]);
    expect(backendObjectRefProblems('b', { name: 'x', group: 'serving.knative.dev', kind: 'Service' } as any)).toEqual([]);
    expect(backendObjectRefProblems('b', { name: 'x', group: 'example.com', kind: 'Bucket' } as any)).toEqual([]);
  });
  test('a redirect among other filters beside backendRefs is refused', () => {
    expect(fields(httpRouteProblems(withRule({
      filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x', value: '1' }] } }, { type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }],
      backendRefs: [backend],
    })))).toEqual(['spec.rules[0].filters']);
  });
});

describe('timeouts', () => {
  test('either timeout alone passes', () => {
    expect(httpRouteProblems(withRule({ timeouts: { request: '10s' }, backendRefs: [backend] }))).toEqual([]);
    expect(httpRouteProblems(withRule({ timeouts: { backendRequest: '10s' }, backendRefs: [backend] }))).toEqual([]);
  });
  test('an invalid timeout is reported alone, never compared with the other', () => {
    // "1.5s" and "20.5s" read as 5s by their digits: compared, they would look shorter or longer than the other.
    expect(httpRouteProblems(withRule({ timeouts: { request: '1.5s', backendRequest: '10s' }, backendRefs: [backend] }))).toEqual([{
      field: 'spec.rules[0].timeouts.request', message: 'is not a Gateway API duration.', value: '1.5s',
      allowed: '1 to 4 groups of up to 5 digits and a unit h, m, s or ms, such as "10s", "500ms" or "1m30s"', fix: 'write it as "10s", "500ms" or "1m30s" (no decimals, no "us").',
    }]);
    expect(fields(httpRouteProblems(withRule({ timeouts: { request: '1s', backendRequest: '20.5s' }, backendRefs: [backend] })))).toEqual(['spec.rules[0].timeouts.backendRequest']);
  });
});

describe('matches and paths', () => {
  test('a path without value is the default "/"; a path value that is not a string is refused', () => {
    expect(matchProblems('m', { path: { type: 'Exact' } } as any)).toEqual([]);
    expect(matchProblems('m', { path: { type: 'Exact', value: 5 } } as any)).toEqual([{
      field: 'm.path.value', message: 'must be a string of 0-1024 characters.', value: 5, allowed: '0-1024 characters', fix: 'shorten the path.',
    }]);
  });
  test('a relative path ending in "/" is refused', () => {
    expect(matchProblems('m', { path: { value: 'shop/' } } as any)).toEqual([{
      field: 'm.path.value', value: 'shop/', message: "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix'].", fix: 'write it as "/shop/".',
    }]);
  });
  test('a null header entry is the schema walk\'s finding; the next entries are still checked for repeats', () => {
    expect(fields(matchProblems('m', { headers: [null, { name: 'x', value: '1' }, { name: 'x', value: '2' }] } as any))).toEqual(['m.headers[2].name']);
    expect(matchProblems('m', { queryParams: [null, null] } as any)).toEqual([]);
    expect(matchProblems('m', { queryParams: [{}] } as any).map((p) => [p.field, p.message, p.value])).toEqual([
      ['m.queryParams[0].name', 'is not a valid HTTP header or parameter name.', undefined], ['m.queryParams[0].value', 'must be a string of 1-1024 characters.', undefined],
    ]);
  });
  test('a single null match or a redirect without path leaves the prefix rules alone', () => {
    const prefixRewrite = { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } };
    expect(httpRouteRuleProblems('r', { matches: [null], filters: [prefixRewrite], backendRefs: [backend] } as any)).toEqual([]);
    expect(httpRouteRuleProblems('r', {
      matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https' } }],
    } as any)).toEqual([]);
  });
});
