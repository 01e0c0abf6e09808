import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { hostProblem, ingressClassProblems, ingressProblems, pathProblems } from '../../lib/ingress/ingress-validation';

const backend = { service: { name: 'web', port: { number: 80 } } };

function ingress(spec: IIngress['spec'], metadata: IIngress['metadata'] = { name: 'web', namespace: 'dev' }): IIngress {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec };
}

function rule(path: string | undefined, pathType: string | undefined, host?: string): IIngress['spec'] {
  return { rules: [{ ...(host !== undefined ? { host } : {}), http: { paths: [{ path, pathType: pathType as any, backend }] } }] };
}

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);
const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe('ingressProblems', () => {
  test('a valid Ingress has no problems', () => {
    expect(ingressProblems(ingress({
      ingressClassName: 'nginx',
      rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }],
      tls: [{ hosts: ['a.example.com', '*.example.com'], secretName: 'tls-secret' }],
    }))).toEqual([]);
  });

  test('neither rules nor default backend (I2)', () => {
    expect(messages(ingressProblems(ingress({})))).toEqual(['has neither rules nor a default backend.']);
    expect(ingressProblems(ingress({ defaultBackend: backend }))).toEqual([]);
  });

  test('invalid name (I1) and class name (I3), class annotation disagreeing', () => {
    const problems = ingressProblems(ingress({ ingressClassName: 'Nginx', defaultBackend: backend }, { name: 'Web_1', annotations: { 'kubernetes.io/ingress.class': 'traefik' } }));
    expect(fields(problems)).toEqual(['metadata.name', 'spec.ingressClassName', 'metadata.annotations.kubernetes.io/ingress.class']);
  });

  test.each([
    ['10.0.0.1', 'is an IP address; Ingress hosts must be DNS names.'],
    ['::1', 'is an IP address; Ingress hosts must be DNS names.'],
    ['foo.*.com', 'has a wildcard that is not the whole first label.'],
    ['*foo.com', 'has a wildcard that is not the whole first label.'],
    ['*.*.com', 'has a wildcard that is not the whole first label.'],
    ['Foo.com', 'is not a valid host name.'],
    ['foo.com:80', 'is not a valid host name.'],
    ['http://foo.com', 'is not a valid host name.'],
  ])('rule host %s is rejected (I4)', (host, message) => {
    const problems = ingressProblems(ingress(rule('/', 'Prefix', host)));
    expect(problems).toEqual([expect.objectContaining({ field: 'spec.rules[0].host', message, value: host })]);
  });

  test('a wildcard first label and an empty host are accepted', () => {
    expect(ingressProblems(ingress(rule('/', 'Prefix', '*.example.com')))).toEqual([]);
    expect(ingressProblems(ingress(rule('/', 'Prefix', '')))).toEqual([]);
  });

  test('http with no paths (I5)', () => {
    expect(fields(ingressProblems(ingress({ rules: [{ host: 'a.com', http: { paths: [] } }] })))).toEqual(['spec.rules[0].http.paths']);
  });

  test('pathType required and known (I6)', () => {
    expect(messages(ingressProblems(ingress(rule('/', undefined))))).toEqual(['is required in networking.k8s.io/v1.']);
    expect(messages(ingressProblems(ingress(rule('/', 'Regex'))))).toEqual(['is not a path type.']);
  });

  test.each([
    ['a', 'must be an absolute path for pathType Prefix.'],
    ['', 'must be an absolute path for pathType Prefix.'],
    ['/a//b', 'must not contain "//".'],
    ['/a/./b', 'must not contain "/./".'],
    ['/a/../b', 'must not contain "/../".'],
    ['/a%2fb', 'must not contain "%2f".'],
    ['/a%2Fb', 'must not contain "%2F".'],
    ['/a/..', 'must not end with "/..".'],
    ['/a/.', 'must not end with "/.".'],
  ])('Prefix path %j is rejected (I7)', (path, message) => {
    expect(pathProblems('p', path, 'Prefix')).toEqual([expect.objectContaining({ field: 'p.path', message, value: path })]);
  });

  test('Exact follows the same rules; ImplementationSpecific only needs a leading slash when set (I8)', () => {
    expect(messages(pathProblems('p', '/a//b', 'Exact'))).toEqual(['must not contain "//".']);
    expect(pathProblems('p', '', 'ImplementationSpecific')).toEqual([]);
    expect(pathProblems('p', '/a//b', 'ImplementationSpecific')).toEqual([]);
    expect(messages(pathProblems('p', 'a', 'ImplementationSpecific'))).toEqual(['must be an absolute path.']);
  });

  test('backend rules (I9-I12)', () => {
    const withBackend = (b: any) => ingressProblems(ingress({ defaultBackend: b }));
    expect(messages(withBackend({}))).toEqual(['needs a service or a resource backend.']);
    expect(messages(withBackend({ ...backend, resource: { kind: 'Bucket', name: 'b' } }))).toEqual(['cannot set both a resource and a service backend.']);
    expect(fields(withBackend({ service: { name: '1web', port: { number: 80 } } }))).toEqual(['spec.defaultBackend.service.name']);
    expect(messages(withBackend({ service: { name: 'web', port: {} } }))).toEqual(['needs a port name or number.']);
    expect(messages(withBackend({ service: { name: 'web', port: { name: 'http', number: 80 } } }))).toEqual(['cannot set both a port name and a port number.']);
    expect(fields(withBackend({ service: { name: 'web', port: { number: 70000 } } }))).toEqual(['spec.defaultBackend.service.port.number']);
    expect(fields(withBackend({ service: { name: 'web', port: { name: 'a-very-long-port-name' } } }))).toEqual(['spec.defaultBackend.service.port.name']);
    expect(fields(withBackend({ resource: { kind: '', name: '', apiGroup: 'Bad_Group' } }))).toEqual([
      'spec.defaultBackend.resource.kind', 'spec.defaultBackend.resource.name', 'spec.defaultBackend.resource.apiGroup',
    ]);
  });

  test('TLS hosts and secretName (I13, I14)', () => {
    const problems = ingressProblems(ingress({ defaultBackend: backend, tls: [{ hosts: ['a.*.com', '10.0.0.1'], secretName: 'TLS' }] }));
    expect(fields(problems)).toEqual(['spec.tls[0].hosts[0]', 'spec.tls[0].secretName']);
  });
});

describe('hostProblem', () => {
  test('allows IPs only when asked', () => {
    expect(hostProblem('h', '10.0.0.1')?.message).toBe('is an IP address; Ingress hosts must be DNS names.');
    expect(hostProblem('h', '10.0.0.1', true)).toBeUndefined();
  });
});

describe('ingressClassProblems', () => {
  const cls = (spec: IIngressClass['spec'], metadata: IIngressClass['metadata'] = { name: 'nginx' }): IIngressClass =>
    ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata, spec });

  test('a valid IngressClass has no problems', () => {
    expect(ingressClassProblems(cls({ controller: 'k8s.io/ingress-nginx' }))).toEqual([]);
    expect(ingressClassProblems(cls({ controller: 'example.com/lb', parameters: { kind: 'Params', name: 'p', scope: 'Namespace', namespace: 'infra', apiGroup: 'example.com' } }))).toEqual([]);
  });

  test('name, namespace and controller', () => {
    expect(fields(ingressClassProblems(cls({}, { name: 'Nginx', namespace: 'dev' })))).toEqual(['metadata.name', 'metadata.namespace', 'spec.controller']);
    expect(messages(ingressClassProblems(cls({ controller: 'ingress-nginx' })))).toEqual(['is not a domain-prefixed path.']);
    expect(messages(ingressClassProblems(cls({ controller: `k8s.io/${'a'.repeat(250)}` })))).toEqual(['is not a domain-prefixed path.']);
  });

  test('parameters', () => {
    expect(fields(ingressClassProblems(cls({ controller: 'k8s.io/x', parameters: { kind: '', name: '', scope: 'Global' } })))).toEqual([
      'spec.parameters.kind', 'spec.parameters.name', 'spec.parameters.scope',
    ]);
    expect(fields(ingressClassProblems(cls({ controller: 'k8s.io/x', parameters: { kind: 'P', name: 'p', scope: 'Namespace' } })))).toEqual(['spec.parameters.namespace']);
    expect(fields(ingressClassProblems(cls({ controller: 'k8s.io/x', parameters: { kind: 'P', name: 'p', scope: 'Cluster', namespace: 'x' } })))).toEqual(['spec.parameters.namespace']);
  });
});
