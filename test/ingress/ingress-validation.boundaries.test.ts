import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { Problem } from '../../lib/core/errors';
import { DNS1035_RULE, DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE } from '../../lib/core/names';
import {
  backendProblems, DEFAULT_INGRESS_CLASS_ANNOTATION, hostProblem, ingressClassProblems, ingressProblems, ingressTlsHostProblem, ingressTlsSecretNameProblem,
  isWildcardHost, pathProblems,
} from '../../lib/ingress/ingress-validation';

// The edges of the Ingress and IngressClass rules and the exact texts of each problem (field, value,
// allowed, fix), so that loosening a comparison, dropping a check or blanking a text fails a test (issue 17).

const WILDCARD_HOST_RULE = 'a lowercase DNS name, optionally with "*" as the whole first label ("*.example.com"), not an IP address';
const backend = { service: { name: 'web', port: { number: 80 } } };
const ingress = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }): IIngress =>
  ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec } as IIngress);
const problem = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string): Problem => ({ field, message, value, allowed, fix });

describe('hosts', () => {
  test('a wildcard is "*." plus a subdomain of at most 253 characters in all', () => {
    const label = 'a'.repeat(63);
    const domain251 = [label, label, label, 'a'.repeat(59)].join('.');
    expect(domain251).toHaveLength(251);
    expect(isWildcardHost(`*.${domain251}`)).toBe(true);
    expect(isWildcardHost(`*.${domain251}b`)).toBe(false);
    expect(isWildcardHost('*example.com')).toBe(false);
    expect(isWildcardHost('*.Example.com')).toBe(false);
  });

  test('an IP rule host, a misplaced wildcard, an invalid name: exact problems', () => {
    expect(hostProblem('h', '10.0.0.1')).toEqual({ field: 'h', message: 'is an IP address; Ingress hosts must be DNS names.', value: '10.0.0.1', allowed: WILDCARD_HOST_RULE,
      fix: 'use a DNS name that resolves to the ingress controller, or leave the host empty to match every host.' });
    expect(hostProblem('h', 'foo.*.com')).toEqual({ field: 'h', message: 'has a wildcard that is not the whole first label.', value: 'foo.*.com', allowed: WILDCARD_HOST_RULE,
      fix: 'write the wildcard as "*.<domain>" ("*.example.com"); "foo.*.com" and "*foo.com" are not allowed.' });
    expect(hostProblem('h', 'https://www.example.com')).toEqual({ field: 'h', message: 'is not a valid host name.', value: 'https://www.example.com', allowed: WILDCARD_HOST_RULE,
      fix: 'use the lowercase host name without scheme, port or path, e.g. "www.example.com".' });
    expect(hostProblem('h', '*.example.com')).toBeUndefined();
    expect(hostProblem('h', 'www.example.com')).toBeUndefined();
  });

  test('an IPv4 address is allowed in TLS hosts (no rule can serve it, but the API server accepts it as a name); bad syntax is not', () => {
    expect(hostProblem('h', '10.0.0.1', true)).toBeUndefined();
    expect(ingressTlsHostProblem('t', '10.0.0.1')).toBeUndefined();
    // validateIngressTLS checks only the DNS-1123 syntax, which an IPv6 address fails.
    expect(ingressTlsHostProblem('t', '2001:db8::1')).toMatchObject({ field: 't', message: 'is not a valid host name.' });
    expect(hostProblem('h', '2001:db8::1', true)).toMatchObject({ message: 'is not a valid host name.' });
    expect(ingressTlsHostProblem('t', 'WWW.example.com')).toMatchObject({ field: 't', message: 'is not a valid host name.' });
  });

  test('a TLS secretName is optional, else a DNS-1123 subdomain', () => {
    expect(ingressTlsSecretNameProblem('s', undefined)).toBeUndefined();
    expect(ingressTlsSecretNameProblem('s', '')).toBeUndefined();
    expect(ingressTlsSecretNameProblem('s', 'web-tls')).toBeUndefined();
    expect(ingressTlsSecretNameProblem('s', 'Web_TLS')).toEqual(problem('s', 'is not a valid Secret name.', 'Web_TLS', DNS1123_SUBDOMAIN_RULE, 'use the name of the kubernetes.io/tls Secret, e.g. "web-tls".'));
  });
});

describe('paths', () => {
  test('pathType is required and must be known', () => {
    expect(pathProblems('p', '/', undefined)).toEqual([{ field: 'p.pathType', message: 'is required in networking.k8s.io/v1.', allowed: 'Prefix, Exact, ImplementationSpecific', fix: 'set pathType, usually Prefix.' }]);
    expect(pathProblems('p', '/', 'prefix')).toEqual([{ field: 'p.pathType', message: 'is not a path type.', value: 'prefix', allowed: 'Prefix, Exact, ImplementationSpecific', fix: 'use Prefix, Exact or ImplementationSpecific.' }]);
  });

  test('ImplementationSpecific: empty or absolute, nothing else judged', () => {
    expect(pathProblems('p', undefined, 'ImplementationSpecific')).toEqual([]);
    expect(pathProblems('p', '', 'ImplementationSpecific')).toEqual([]);
    expect(pathProblems('p', '/a//b', 'ImplementationSpecific')).toEqual([]);
    expect(pathProblems('p', 'api', 'ImplementationSpecific')).toEqual([{ field: 'p.path', message: 'must be an absolute path.', value: 'api', allowed: 'empty, or a path starting with "/"', fix: 'write it as "/api".' }]);
  });

  test.each(['Prefix', 'Exact'])('%s: absolute, with the fix for an empty path', (pathType) => {
    expect(pathProblems('p', '/', pathType)).toEqual([]);
    expect(pathProblems('p', 'api', pathType)).toEqual([{ field: 'p.path', message: `must be an absolute path for pathType ${pathType}.`, value: 'api', allowed: 'a path starting with "/"', fix: 'write it as "/api".' }]);
    expect(pathProblems('p', undefined, pathType)).toEqual([{ field: 'p.path', message: `must be an absolute path for pathType ${pathType}.`, value: '', allowed: 'a path starting with "/"', fix: 'use "/" to match everything.' }]);
  });

  test('every forbidden sequence and suffix is named', () => {
    const allowed = 'a normalized path without "//", "/./", "/../", "%2f", "%2F"';
    const fix = 'normalize the path (collapse "//", resolve "." and "..", decode "%2f").';
    for (const seq of ['//', '/./', '/../', '%2f', '%2F']) {
      const path = `/a${seq}b`;
      expect(pathProblems('p', path, 'Prefix')).toEqual([{ field: 'p.path', message: `must not contain "${seq}".`, value: path, allowed, fix }]);
    }
    for (const suffix of ['/..', '/.']) {
      const path = `/a${suffix}`;
      expect(pathProblems('p', path, 'Exact')).toEqual([{ field: 'p.path', message: `must not end with "${suffix}".`, value: path, allowed: 'a normalized path', fix: 'resolve the trailing "." or "..".' }]);
    }
    expect(pathProblems('p', '/a.b/c..d/.e', 'Prefix')).toEqual([]);
  });
});

describe('backends', () => {
  test('a backend needs exactly one of service and resource', () => {
    expect(backendProblems('b', undefined)).toEqual([problem('b', 'needs a service or a resource backend.', undefined, undefined, 'set backend.service with a name and port.')]);
    expect(backendProblems('b', {})).toHaveLength(1);
    expect(backendProblems('b', { ...backend, resource: { kind: 'Bucket', name: 'assets' } })).toEqual([
      problem('b', 'cannot set both a resource and a service backend.', undefined, undefined, 'keep only one of service and resource.'),
    ]);
  });

  test('the service: a DNS-1035 name and one port, by a valid number or name', () => {
    expect(backendProblems('b', backend)).toEqual([]);
    expect(backendProblems('b', { service: { name: 'web', port: { name: 'http' } } })).toEqual([]);
    expect(backendProblems('b', { service: { name: 'web', port: { number: 65535 } } })).toEqual([]);
    expect(backendProblems('b', { service: { name: '1web', port: { number: 80 } } })).toEqual([
      problem('b.service.name', 'is not a valid Service name.', '1web', DNS1035_RULE, 'use the name of the Service in the Ingress\'s namespace.'),
    ]);
    expect(backendProblems('b', { service: { port: { number: 80 } } } as any)[0]).toMatchObject({ field: 'b.service.name', value: undefined });
    expect(backendProblems('b', { service: { name: 'web' } } as any)).toEqual([
      problem('b.service.port', 'needs a port name or number.', undefined, undefined, 'set port.number (e.g. 80) or port.name (e.g. "http").'),
    ]);
    expect(backendProblems('b', { service: { name: 'web', port: {} } })).toEqual([
      problem('b.service.port', 'needs a port name or number.', {}, undefined, 'set port.number (e.g. 80) or port.name (e.g. "http").'),
    ]);
    expect(backendProblems('b', { service: { name: 'web', port: { name: 'http', number: 80 } } })).toEqual([
      problem('b.service.port', 'cannot set both a port name and a port number.', { name: 'http', number: 80 }, undefined, 'keep only one of name and number.'),
    ]);
    expect(backendProblems('b', { service: { name: 'web', port: { number: 0 } } })).toEqual([
      problem('b.service.port.number', 'is not a valid port number.', 0, '1-65535', 'use the Service port number.'),
    ]);
    expect(backendProblems('b', { service: { name: 'web', port: { name: 'a-very-long-name' } } })).toEqual([
      problem('b.service.port.name', 'is not a valid port name for an Ingress backend.', 'a-very-long-name', IANA_SVC_NAME_RULE,
        'refer to the port by number, or give the Service port a name of at most 15 characters.'),
    ]);
  });

  test('the resource: kind and name required, apiGroup a subdomain when set', () => {
    expect(backendProblems('b', { resource: { kind: 'Bucket', name: 'assets', apiGroup: 'k8s.example.com' } })).toEqual([]);
    expect(backendProblems('b', { resource: { kind: 'Bucket', name: 'assets', apiGroup: '' } })).toEqual([]);
    expect(backendProblems('b', { resource: { kind: '', name: '', apiGroup: 'Example_Com' } })).toEqual([
      problem('b.resource.kind', 'is required.', '', undefined, 'set the kind of the backend resource.'),
      problem('b.resource.name', 'is required.', '', undefined, 'set the name of the backend resource.'),
      problem('b.resource.apiGroup', 'is not a valid API group.', 'Example_Com', DNS1123_SUBDOMAIN_RULE, 'use the resource\'s API group, e.g. "k8s.example.com".'),
    ]);
  });
});

describe('ingressProblems', () => {
  test('a valid Ingress with a rule, a default backend and TLS passes', () => {
    expect(ingressProblems(ingress({
      ingressClassName: 'nginx', defaultBackend: backend,
      rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }, {}],
      tls: [{ hosts: ['www.example.com'], secretName: 'web-tls' }, {}],
    }, { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'nginx' } }))).toEqual([]);
  });

  test('name, emptiness, class name and the legacy annotation', () => {
    expect(ingressProblems(ingress({}, { name: 'Web' }))).toEqual([
      { field: 'metadata.name', message: 'is not a valid Ingress name.', value: 'Web', allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a lowercase name such as "web-ingress".' },
      { field: 'spec', message: 'has neither rules nor a default backend.', allowed: 'at least one rule, or spec.defaultBackend', fix: 'add a host or path rule, or a default backend.' },
    ]);
    expect(ingressProblems(ingress({ defaultBackend: backend }, {}))[0]).toMatchObject({ field: 'metadata.name', value: '' });
    expect(ingressProblems(ingress({ defaultBackend: backend, ingressClassName: 'Nginx' }))).toEqual([
      { field: 'spec.ingressClassName', message: 'is not a valid IngressClass name.', value: 'Nginx', allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the IngressClass name, e.g. "nginx".' },
    ]);
    expect(ingressProblems(ingress({ defaultBackend: backend, ingressClassName: null }))).toEqual([]);
    expect(ingressProblems(ingress({ defaultBackend: backend, ingressClassName: 'nginx' }, { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'traefik' } }))).toEqual([
      { field: 'metadata.annotations.kubernetes.io/ingress.class', message: 'disagrees with spec.ingressClassName.', value: 'traefik', allowed: '"nginx" or no annotation', fix: 'drop the deprecated kubernetes.io/ingress.class annotation.' },
    ]);
    expect(ingressProblems(ingress({ defaultBackend: backend }, { name: 'web', annotations: { 'kubernetes.io/ingress.class': 'traefik' } }))).toEqual([]);
  });

  test('every part is reached with its field path', () => {
    const found = ingressProblems(ingress({
      defaultBackend: {},
      rules: [{ host: '10.0.0.1', http: { paths: [] } }, { http: { paths: [{ path: 'x', pathType: 'Exact', backend: {} }] } }],
      tls: [{ hosts: ['ok.example.com', 'bad_host'], secretName: 'Bad' }],
    }));
    expect(found.map((p) => p.field)).toEqual([
      'spec.defaultBackend', 'spec.rules[0].host', 'spec.rules[0].http.paths', 'spec.rules[1].http.paths[0].path', 'spec.rules[1].http.paths[0].backend',
      'spec.tls[0].hosts[1]', 'spec.tls[0].secretName',
    ]);
    expect(found[2]).toEqual({ field: 'spec.rules[0].http.paths', message: 'is empty.', allowed: 'at least one path', fix: 'add a path, or drop http.' });
  });
});

describe('ingressClassProblems', () => {
  const ingressClass = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'nginx' }): IIngressClass =>
    ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata, spec } as IIngressClass);
  const controller = 'k8s.io/ingress-nginx';

  test('name, namespace and controller', () => {
    expect(ingressClassProblems(ingressClass({ controller }))).toEqual([]);
    expect(ingressClassProblems(ingressClass({}, { name: 'Nginx', namespace: 'default' }))).toEqual([
      { field: 'metadata.name', message: 'is not a valid IngressClass name.', value: 'Nginx', allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a lowercase name such as "nginx".' },
      { field: 'metadata.namespace', message: 'is not allowed: IngressClass is cluster-scoped.', value: 'default', fix: 'remove the namespace (markClusterScoped does it for an ApiObject).' },
      { field: 'spec.controller', message: 'is required.', allowed: 'a domain-prefixed path such as "k8s.io/ingress-nginx"', fix: 'set the controller name your ingress controller watches for.' },
    ]);
    expect(ingressClassProblems(ingressClass({ controller }, {}))[0]).toMatchObject({ field: 'metadata.name', value: '' });
  });

  test('the controller is a domain-prefixed path of at most 250 characters', () => {
    const notPrefixed = (value: string) => expect(ingressClassProblems(ingressClass({ controller: value }))).toEqual([{
      field: 'spec.controller', message: 'is not a domain-prefixed path.', value,
      allowed: '"<dns-subdomain>/<path>", at most 250 characters, e.g. "k8s.io/ingress-nginx"', fix: 'use the controller name your ingress controller documents.',
    }]);
    const at250 = `example.com/${'a'.repeat(238)}`;
    expect(at250).toHaveLength(250);
    expect(ingressClassProblems(ingressClass({ controller: at250 }))).toEqual([]);
    notPrefixed(`${at250}a`);
    for (const value of ['ingress-nginx', '/ingress-nginx', 'k8s.io/', 'K8S.io/nginx', 'k8s.io/nginx controller']) notPrefixed(value);
    expect(ingressClassProblems(ingressClass({ controller: 'k8s.io/a/b-c_d~e' }))).toEqual([]);
  });

  test('parameters: kind, name, apiGroup and scope with its namespace', () => {
    const params = (parameters: Record<string, unknown>) => ingressClassProblems(ingressClass({ controller, parameters }));
    expect(params({ kind: 'Config', name: 'c', scope: 'Cluster' })).toEqual([]);
    expect(params({ kind: 'Config', name: 'c', scope: 'Namespace', namespace: 'ingress', apiGroup: 'k8s.example.com' })).toEqual([]);
    expect(params({ scope: 'Cluster', apiGroup: 'Bad_Group' })).toEqual([
      { field: 'spec.parameters.kind', message: 'is required.', fix: 'set the kind of the parameters resource.' },
      { field: 'spec.parameters.name', message: 'is required.', fix: 'set the name of the parameters resource.' },
      { field: 'spec.parameters.apiGroup', message: 'is not a valid API group.', value: 'Bad_Group', allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the API group of the parameters resource.' },
    ]);
    expect(params({ kind: 'Config', name: 'c', apiGroup: '' })).toEqual([
      { field: 'spec.parameters.scope', message: 'must be Namespace or Cluster.', value: undefined, allowed: 'Namespace, Cluster', fix: 'set scope to where the parameters resource lives.' },
    ]);
    for (const namespace of [undefined, 'Ingress']) {
      expect(params({ kind: 'Config', name: 'c', scope: 'Namespace', namespace })).toEqual([
        { field: 'spec.parameters.namespace', message: 'is required and must be a Namespace name when scope is Namespace.', value: namespace, allowed: DNS1123_LABEL_RULE, fix: 'set the namespace of the parameters resource.' },
      ]);
    }
    expect(params({ kind: 'Config', name: 'c', scope: 'Cluster', namespace: 'ingress' })).toEqual([
      { field: 'spec.parameters.namespace', message: 'is not allowed when scope is Cluster.', value: 'ingress', fix: 'drop the namespace, or use scope Namespace.' },
    ]);
  });
});

describe('edges found by the mutation run', () => {
  test('objects without metadata or spec are judged, not crashed on', () => {
    const bare = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { ingressClassName: 'nginx', defaultBackend: backend } } as IIngress;
    expect(ingressProblems(bare).map((p) => p.field)).toEqual(['metadata.name']);
    const noClassSpec = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass' } as IIngressClass;
    expect(ingressClassProblems(noClassSpec).map((p) => p.field)).toEqual(['metadata.name', 'spec.controller']);
    expect(ingressClassProblems({ ...noClassSpec, metadata: { name: 'nginx' }, spec: undefined } as any).map((p) => p.field)).toEqual(['spec.controller']);
  });

  test('http without paths is empty; valid TLS entries add nothing, not even an empty entry', () => {
    expect(ingressProblems(ingress({ rules: [{ http: {} }] })).map((p) => p.field)).toEqual(['spec.rules[0].http.paths']);
    const valid = ingressProblems(ingress({ defaultBackend: backend, tls: [{ hosts: ['www.example.com'], secretName: 'web-tls' }] }));
    expect(valid).toHaveLength(0);
  });

  test('the default-class annotation is the upstream one', () => {
    expect(DEFAULT_INGRESS_CLASS_ANNOTATION).toBe('ingressclass.kubernetes.io/is-default-class');
  });
});
