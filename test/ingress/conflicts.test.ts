import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { ingressConflictProblems, ingressConflictProblemsInOrder, routeKey } from '../../lib/ingress/conflicts';

const backend = { service: { name: 'web', port: { number: 80 } } };
function ingress(name: string, className: string | undefined, routes: Array<[string | undefined, string | undefined]>): IIngress {
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'dev' },
    spec: {
      ...(className !== undefined ? { ingressClassName: className } : {}),
      rules: routes.map(([host, path]) => ({ ...(host !== undefined ? { host } : {}), http: { paths: [{ ...(path !== undefined ? { path } : {}), pathType: 'ImplementationSpecific', backend }] } })),
    },
  };
}

describe('ingressConflictProblems', () => {
  test('the same host and path in an earlier Ingress of the same class', () => {
    const first = ingress('first', 'nginx', [['a.com', '/']]);
    const second = ingress('second', 'nginx', [['b.com', '/'], ['a.com', '/']]);
    expect(ingressConflictProblems(second, [first])).toEqual([expect.objectContaining({
      field: 'spec.rules[1].http.paths[0].path',
      message: 'routes host "a.com" and path "/", which Ingress dev/first already routes in class "nginx"; ingress-nginx\'s admission webhook rejects the second one.',
      value: { host: 'a.com', path: '/' },
    })]);
  });

  test('an empty path counts as "/"; no host matches only no host', () => {
    expect(ingressConflictProblems(ingress('b', 'nginx', [['a.com', undefined]]), [ingress('a', 'nginx', [['a.com', '/']])])).toHaveLength(1);
    expect(ingressConflictProblems(ingress('b', 'nginx', [[undefined, '/']]), [ingress('a', 'nginx', [['a.com', '/']])])).toEqual([]);
    expect(routeKey({ path: '' })).toBe(routeKey({ path: '/' }));
  });

  test('other classes, other paths and no earlier Ingresses do not conflict', () => {
    const first = ingress('first', 'nginx', [['a.com', '/']]);
    expect(ingressConflictProblems(ingress('x', 'internal', [['a.com', '/']]), [first])).toEqual([]);
    expect(ingressConflictProblems(ingress('x', undefined, [['a.com', '/']]), [first])).toEqual([]);
    expect(ingressConflictProblems(ingress('x', 'nginx', [['a.com', '/b']]), [first])).toEqual([]);
    expect(ingressConflictProblems(first, [])).toEqual([]);
  });

  test('the legacy kubernetes.io/ingress.class annotation counts as the class', () => {
    const legacy = ingress('legacy', undefined, [['a.com', '/']]);
    const annotated = { ...legacy, metadata: { ...legacy.metadata, annotations: { 'kubernetes.io/ingress.class': 'nginx' } } };
    expect(ingressConflictProblems(annotated, [ingress('first', 'nginx', [['a.com', '/']])])).toHaveLength(1);
  });
});

describe('ingressConflictProblemsInOrder: an Ingress that routes one host and path twice', () => {
  test('is no conflict by itself, and stays the owner that later Ingresses conflict with', () => {
    const twice = ingress('twice', 'nginx', [['a.com', '/'], ['a.com', '/']]);
    const later = ingress('later', 'nginx', [['a.com', '/']]);
    const [ofTwice, ofLater] = ingressConflictProblemsInOrder([twice, later]);
    expect(ofTwice).toEqual([]);
    expect(ofLater.map((p) => p.message)).toEqual([expect.stringContaining('which Ingress dev/twice already routes')]);
  });

  test('after an earlier owner, both of its routes conflict', () => {
    const first = ingress('first', 'nginx', [['a.com', '/']]);
    const twice = ingress('twice', 'nginx', [['a.com', '/'], ['b.com', '/'], ['a.com', '/']]);
    expect(ingressConflictProblems(twice, [first]).map((p) => p.field)).toEqual(['spec.rules[0].http.paths[0].path', 'spec.rules[2].http.paths[0].path']);
  });

  test('a canary Ingress neither conflicts nor owns its routes', () => {
    const canary = { ...ingress('canary', 'nginx', [['a.com', '/']]) };
    canary.metadata = { ...canary.metadata, annotations: { 'nginx.ingress.kubernetes.io/canary': 'true' } };
    const main = ingress('main', 'nginx', [['a.com', '/']]);
    expect(ingressConflictProblemsInOrder([main, canary, ingress('main2', 'nginx', [['b.com', '/']])])).toEqual([[], [], []]);
    expect(ingressConflictProblemsInOrder([canary, main])).toEqual([[], []]);
  });
});

describe('ingressConflictProblemsInOrder: what a conflict says, and malformed entries', () => {
  test('the whole problem: field, message, value, allowed and fix', () => {
    const [, problems] = ingressConflictProblemsInOrder([ingress('first', 'nginx', [['a.com', '/x']]), ingress('second', 'nginx', [['a.com', '/x']])]);
    expect(problems).toEqual([{
      field: 'spec.rules[0].http.paths[0].path',
      message: 'routes host "a.com" and path "/x", which Ingress dev/first already routes in class "nginx"; ingress-nginx\'s admission webhook rejects the second one.',
      value: { host: 'a.com', path: '/x' },
      allowed: 'each host and path in one Ingress per class',
      fix: 'serve the host and path from one Ingress (add TLS to it instead of copying it), or use another path.',
    }]);
  });

  test('an empty path is "/" in the message; an owner without a namespace is in "default", one without metadata has no name', () => {
    const noNamespace = { ...ingress('first', 'nginx', [['a.com', '/']]), metadata: { name: 'first' } };
    const [, emptyPath] = ingressConflictProblemsInOrder([noNamespace, ingress('second', 'nginx', [['a.com', '']])]);
    expect(emptyPath.map((p) => [p.message, p.value])).toEqual([[expect.stringContaining('path "/", which Ingress default/first already routes'), { host: 'a.com', path: '/' }]]);
    const { metadata: _, ...noMetadata } = ingress('first', 'nginx', [['a.com', '/']]);
    const [, anonymous] = ingressConflictProblemsInOrder([noMetadata as IIngress, ingress('second', 'nginx', [['a.com', '/']])]);
    expect(anonymous.map((p) => p.message)).toEqual([expect.stringContaining('which Ingress default/undefined already routes')]);
  });

  test('null entries, rules without http and paths that are not lists are skipped; a host that is not a string is no host', () => {
    const noHttp = { ...ingress('b', 'nginx', []), spec: { ingressClassName: 'nginx', rules: [{ host: 'a.com' }, { host: 'a.com', http: { paths: 'x' } }, null] } };
    expect(ingressConflictProblemsInOrder([null as any, ingress('a', 'nginx', [['a.com', '/']]), noHttp as IIngress])).toEqual([[], [], []]);
    const numberHost = { ...ingress('n', 'nginx', []), spec: { ingressClassName: 'nginx', rules: [{ host: 5, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] } };
    expect(ingressConflictProblemsInOrder([ingress('any', 'nginx', [[undefined, '/']]), numberHost as any])[1].map((p) => p.message))
      .toEqual([expect.stringContaining('routes host "*" and path "/"')]);
  });

  test('only the routes an Ingress has are owned: another path of the same host is free', () => {
    expect(ingressConflictProblemsInOrder([ingress('a', 'nginx', [['a.com', '/x']]), ingress('b', 'nginx', [['a.com', '/']])])).toEqual([[], []]);
  });
});

