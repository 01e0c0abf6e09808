import { checkPolicies, PolicyOptions } from '../../lib';
import { certificate, deployment, ingress, ingressClass, namespace, NS, service, tlsSecret } from './builders';

// The Ingress rules (ing-*) and what they share (ingress-parts.ts): every branch with a failing and a passing
// case, the field path of each backend and tls entry, and the exact message, severity and fix of each
// finding (issue 17, from `npm run mutate`).

const found = (objects: any[], rule: string, options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);
const fixes = (objects: any[], rule: string, options?: PolicyOptions) => checkPolicies(objects, options).filter((f) => f.rule === rule).map((f) => f.fix);
const backend = (name: any, port?: any) => ({ service: { name, ...(port === undefined ? {} : { port }) } });
const paths = (...backends: any[]) => ({ paths: backends.map((b, i) => ({ path: `/p${i}`, pathType: 'Prefix', backend: b })) });
const rules = (...https: any[]) => https.map((http, i) => ({ host: `h${i}.example.com`, http }));
const app = () => [namespace(), ingressClass(), deployment(), service()];

describe('objects without spec or metadata', () => {
  const bareIngress = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' };
  const bareClass = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass' };
  const ingRules = ['ing-backend-exists', 'ing-class-resolves', 'ing-host-path-unique', 'ing-no-snippets', 'ing-tls-cert-covers-hosts', 'ing-tls-secret-exists'];

  test('are read as empty, never crashed on', () => {
    const findings = checkPolicies([...app(), bareIngress, bareClass, ingress('web', { tls: [null, { secretName: 5 }], rules: [null, { http: { paths: [null] } }] })])
      .filter((f) => ingRules.includes(f.rule));
    expect(findings.map((f) => `${f.rule} ${f.severity} ${f.kind} ${f.message}`)).toEqual([
      'ing-class-resolves error Ingress names no ingress class and no IngressClass is marked default, so no controller will serve it.',
    ]);
  });

  test('an Ingress without metadata but with tls entries is judged, not crashed on', () => {
    const anonymous = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', spec: { tls: [{ secretName: 'shop-tls' }] } };
    expect(checkPolicies([...app(), anonymous]).filter((f) => f.kind === 'PolicyRule')).toEqual([]);
  });

  test('an Ingress without tls has no tls entries; a Service without spec has no ports', () => {
    expect(found([...app(), tlsSecret('other-tls'), ingress('web', { tls: undefined }), ingress('api', { tls: 'x' })], 'ing-tls-secret-exists')).toEqual([]);
    const bareService = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS } };
    expect(found([namespace(), ingressClass(), bareService, ingress('web')], 'ing-backend-exists')).toEqual([
      `error Ingress web: spec.rules[0].http.paths[0].backend.service.port "http" is not a port of Service ${NS}/web (its ports: none).`,
    ]);
  });
});

describe('ing-backend-exists', () => {
  const check = (spec: any, extra: any[] = app()) => found([...extra, ingress('web', spec)], 'ing-backend-exists');

  test('each backend is named by its field path: defaultBackend and rules[r].http.paths[p]', () => {
    expect(check({ defaultBackend: backend('nope'), rules: rules(paths(backend('web', { number: 80 })), paths(backend('web', { name: 'http' }), backend('zzz'))) })).toEqual([
      `error Ingress web: spec.defaultBackend.service.name "nope" is not a Service in namespace "${NS}".`,
      `error Ingress web: spec.rules[1].http.paths[1].backend.service.name "zzz" is not a Service in namespace "${NS}".`,
    ]);
  });

  test('a near name is suggested', () => {
    expect(check({ rules: rules(paths(backend('wbe', { number: 80 }))) })).toEqual([
      `error Ingress web: spec.rules[0].http.paths[0].backend.service.name "wbe" is not a Service in namespace "${NS}". Did you mean "web"?`,
    ]);
  });

  test('rules without http, paths without backend, resource backends and names that are not strings are skipped', () => {
    expect(check({ rules: [{ host: 'a.example.com' }, { host: 'b.example.com', http: { paths: [{ path: '/', pathType: 'Prefix' }] } }, { http: { paths: 'x' } }] })).toEqual([]);
    expect(check({ rules: 'x', defaultBackend: { resource: { kind: 'Bucket', name: 'b' } } })).toEqual([]);
    expect(check({ rules: rules(paths(backend(5, { number: 80 }))) })).toEqual([]);
  });

  test('no Service in the namespace: info, with its own fix', () => {
    const objects = [namespace(), ingressClass(), ingress('web', { rules: rules(paths(backend('web', { number: 80 }))) })];
    expect(found(objects, 'ing-backend-exists')).toEqual([
      `info Ingress web: cannot judge spec.rules[0].http.paths[0].backend.service.name "web": these manifests hold no Service in namespace "${NS}" (it may live elsewhere).`,
    ]);
    expect(fixes(objects, 'ing-backend-exists')).toEqual(['Check these manifests together with the Services to have the backend checked.']);
  });

  test('port by number, by name, or none; the Service\'s ports are listed (with names where they have one)', () => {
    const svc = service('web', { ports: [{ name: 'http', port: 80 }, { port: 81 }] });
    const extra = [namespace(), deployment(), svc];
    expect(check({ rules: rules(paths(backend('web', { number: 80 }), backend('web', { number: 81 }), backend('web', { name: 'http' }), backend('web'), backend('web', {}))) }, extra)).toEqual([]);
    expect(check({ rules: rules(paths(backend('web', { number: 8080 }), backend('web', { name: 'https' }))) }, extra)).toEqual([
      `error Ingress web: spec.rules[0].http.paths[0].backend.service.port 8080 is not a port of Service ${NS}/web (its ports: 80 "http", 81).`,
      `error Ingress web: spec.rules[0].http.paths[1].backend.service.port "https" is not a port of Service ${NS}/web (its ports: 80 "http", 81).`,
    ]);
    // No port asked: any Service port will do, named or not.
    expect(check({ rules: rules(paths(backend('web', {}))) }, [namespace(), deployment(), service('web', { ports: [{ name: 'http', port: 80 }] })])).toEqual([]);
    // A number is looked up by number only, a name by name only.
    expect(check({ rules: rules(paths(backend('web', { number: 'http' }), backend('web', { name: 80 }))) }, extra)).toHaveLength(2);
  });

  test('a Service without ports: "none"; an ExternalName Service is not judged', () => {
    expect(check({ rules: rules(paths(backend('web', { number: 80 }))) }, [namespace(), deployment(), service('web', { ports: undefined })])).toEqual([
      `error Ingress web: spec.rules[0].http.paths[0].backend.service.port 80 is not a port of Service ${NS}/web (its ports: none).`,
    ]);
    expect(check({ rules: rules(paths(backend('web', { number: 443 }))) }, [namespace(), service('web', { type: 'ExternalName', externalName: 'api.example.com', selector: undefined, ports: undefined })])).toEqual([]);
  });
});

describe('ing-class-resolves', () => {
  const named = (className: any, annotations?: Record<string, string>) => ({ ...ingress('web', { ingressClassName: className }, annotations) });
  const defaultClass = (name: string, value = 'true') => ({ ...ingressClass(name), metadata: { name, annotations: { 'ingressclass.kubernetes.io/is-default-class': value } } });

  test('every default class after the first is reported, naming the first', () => {
    expect(found([defaultClass('a'), defaultClass('b'), defaultClass('c'), defaultClass('d', 'false')], 'ing-class-resolves')).toEqual([
      'error IngressClass b: is marked default (ingressclass.kubernetes.io/is-default-class: "true") as is IngressClass a; with two defaults the API server rejects every Ingress that names no class.',
      'error IngressClass c: is marked default (ingressclass.kubernetes.io/is-default-class: "true") as is IngressClass a; with two defaults the API server rejects every Ingress that names no class.',
    ]);
  });

  test('a class that is neither in the app nor declared external lists the known ones', () => {
    expect(found([ingressClass('nginx'), named('traefik')], 'ing-class-resolves', { externalIngressClasses: ['haproxy'] })).toEqual([
      'error Ingress web: spec.ingressClassName "traefik" is not an IngressClass of the app nor a declared external one (known: "nginx", "haproxy").',
    ]);
    expect(found([ingressClass('nginx'), named('traefik')], 'ing-class-resolves', { externalIngressClasses: ['traefik'] })).toEqual([]);
    expect(found([named('traefik')], 'ing-class-resolves', { externalIngressClasses: ['traefik'] })).toEqual([]);
  });

  test('no IngressClass and none declared: info, with its own fix, for a named class and for none', () => {
    const fix = 'Declare the classes the cluster has (externalIngressClasses, or --external-ingress-class) to have the class checked.';
    expect(found([named('nginx')], 'ing-class-resolves')).toEqual([
      'info Ingress web: cannot judge spec.ingressClassName "nginx": these manifests hold no IngressClass and none is declared external.',
    ]);
    expect(fixes([named('nginx')], 'ing-class-resolves')).toEqual([fix]);
    expect(found([named(undefined)], 'ing-class-resolves')).toEqual([
      'info Ingress web: cannot judge the ingress class: it names none (so the cluster\'s default class serves it, if there is one), and these manifests hold no IngressClass.',
    ]);
    expect(fixes([named(undefined)], 'ing-class-resolves')).toEqual([fix]);
  });

  test('no class named: an error when classes exist and none is default, unless the old annotation, a default or an external class', () => {
    expect(found([ingressClass('nginx'), named(undefined)], 'ing-class-resolves')).toEqual([
      'error Ingress web: names no ingress class and no IngressClass is marked default, so no controller will serve it.',
    ]);
    expect(fixes([ingressClass('nginx'), named(undefined)], 'ing-class-resolves')).toEqual(['Set spec.ingressClassName.']);
    expect(found([ingressClass('nginx'), named(undefined, { 'kubernetes.io/ingress.class': 'nginx' })], 'ing-class-resolves')).toEqual([]);
    expect(found([defaultClass('nginx'), named(undefined)], 'ing-class-resolves')).toEqual([]);
    expect(found([ingressClass('nginx'), named(undefined)], 'ing-class-resolves', { externalIngressClasses: ['x'] })).toEqual([]);
    // A class name that is not a string counts as none.
    expect(found([ingressClass('nginx'), named(7)], 'ing-class-resolves')).toHaveLength(1);
  });
});

describe('ing-host-path-unique', () => {
  test('the Ingress that repeats a host and path is the one reported, with the fix of the problem', () => {
    const other = ingress('api', { rules: [{ host: 'api.example.com', http: paths(backend('web', { number: 80 })).paths.map((p) => ({ ...p, path: '/' })) }] });
    const objects = [...app(), other, ingress('web'), ingress('web2')];
    const findings = checkPolicies(objects).filter((f) => f.rule === 'ing-host-path-unique');
    expect(findings.map((f) => [f.severity, f.name])).toEqual([['error', 'web2']]);
    expect(findings[0].message).toMatch(/shop\.example\.com/);
    expect(findings[0].fix).toBeTruthy();
    expect(found([...app(), other, ingress('web')], 'ing-host-path-unique')).toEqual([]);
  });
});

describe('ing-no-snippets', () => {
  const annotated = (annotations: Record<string, string>) => [...app(), ingress('web', {}, annotations)];

  test('an ingress-nginx annotation ending in -snippet is a warning naming it', () => {
    expect(found(annotated({ 'nginx.ingress.kubernetes.io/server-snippet': 'x', 'nginx.ingress.kubernetes.io/rewrite-target': '/' }), 'ing-no-snippets')).toEqual([
      'warning Ingress web: metadata.annotations["nginx.ingress.kubernetes.io/server-snippet"] injects raw NGINX configuration; ingress-nginx rejects it by default since v1.9.',
    ]);
    expect(found(annotated({ 'example.com/server-snippet': 'x', 'nginx.ingress.kubernetes.io/snippet-size': '1' }), 'ing-no-snippets')).toEqual([]);
  });

  test('a ConfigMap with allow-snippet-annotations "true" (only "true")', () => {
    const cm = (value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' }, data: { 'allow-snippet-annotations': value } });
    expect(found([cm('true')], 'ing-no-snippets')).toEqual([
      'warning ConfigMap ingress-nginx-controller: data["allow-snippet-annotations"] is "true": every Ingress author can inject NGINX configuration.',
    ]);
    expect(found([cm('false'), { ...cm('x'), data: undefined }], 'ing-no-snippets')).toEqual([]);
  });
});

describe('ing-spec-valid', () => {
  test('an IngressClass with a namespace is a warning (the API server drops it); its other problems stay errors', () => {
    const namespaced = { ...ingressClass('nginx'), metadata: { name: 'nginx', namespace: NS } };
    expect(checkPolicies([namespaced]).filter((f) => f.rule === 'ing-spec-valid').map((f) => [f.severity, f.message])).toEqual([
      ['warning', expect.stringMatching(/^metadata\.namespace: is not allowed: IngressClass is cluster-scoped\./)],
    ]);
    expect(checkPolicies([...app(), ingress('web', { tls: [{ hosts: ['www.example.com'], secretName: 'shop-tls' }] })]).filter((f) => f.rule === 'ing-spec-valid')
      .map((f) => [f.kind, f.severity, f.message])).toEqual([['Ingress', 'warning', expect.stringContaining('www.example.com')]]);
    const noController = { ...ingressClass('nginx'), spec: {} };
    expect(checkPolicies([noController]).filter((f) => f.rule === 'ing-spec-valid').map((f) => f.severity)).toEqual(['error']);
  });
});

describe('ing-tls-cert-covers-hosts', () => {
  test('each host is judged by its index; hosts that are not strings and entries without secretName are skipped', () => {
    const objects = [...app(), certificate('shop-tls', ['shop.example.com']),
      ingress('web', { tls: [{ hosts: ['x'] }, { secretName: '' }, { hosts: ['shop.example.com', 5, 'www.example.com'], secretName: 'shop-tls' }] })];
    expect(found(objects, 'ing-tls-cert-covers-hosts')).toEqual([
      `error Ingress web: spec.tls[2].hosts[2] "www.example.com" is not covered by the certificate of Certificate ${NS}/shop-tls (it covers "shop.example.com"); browsers will reject it.`,
    ]);
    expect(found([...app(), certificate('shop-tls', ['shop.example.com']), ingress('web', { tls: [{ hosts: 'shop.example.com', secretName: 'shop-tls' }] })], 'ing-tls-cert-covers-hosts')).toEqual([]);
    // A secretName nothing resolves is ing-tls-secret-exists's finding, not this rule's.
    expect(found([...app(), ingress('web', { tls: [{ hosts: ['www.example.com'], secretName: 'nowhere-tls' }] })], 'ing-tls-cert-covers-hosts')).toEqual([]);
  });
});

describe('ing-tls-secret-exists', () => {
  const tlsIngress = (annotations?: Record<string, string>, tls: any = [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]) =>
    [...app(), tlsSecret('other-tls'), ingress('web', { tls }, annotations)];
  const missing = (i = 0) => `error Ingress web: spec.tls[${i}].secretName "shop-tls" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${NS}", and is not declared external.`;

  test('a missing Secret is an error at its index; an issuer annotation (non-empty) lets cert-manager write it', () => {
    expect(found(tlsIngress(undefined, [{ secretName: '' }, { secretName: 'shop-tls' }]), 'ing-tls-secret-exists')).toEqual([missing(1)]);
    expect(found(tlsIngress({ 'cert-manager.io/cluster-issuer': 'letsencrypt' }), 'ing-tls-secret-exists')).toEqual([]);
    expect(found(tlsIngress({ 'cert-manager.io/issuer': 'ca' }), 'ing-tls-secret-exists')).toEqual([]);
    expect(found(tlsIngress({ 'cert-manager.io/issuer': '' }), 'ing-tls-secret-exists')).toEqual([missing()]);
    expect(found(tlsIngress({ 'cert-manager.io/common-name': 'x' }), 'ing-tls-secret-exists')).toEqual([missing()]);
  });

  test('declared external on the Ingress (a comma-separated list) or in the options, by name or namespace/name', () => {
    expect(found(tlsIngress({ 'netkit.io/external-secrets': 'a, shop-tls' }), 'ing-tls-secret-exists')).toEqual([]);
    expect(found(tlsIngress({ 'netkit.io/external-secrets': 'a' }), 'ing-tls-secret-exists')).toEqual([missing()]);
    expect(found(tlsIngress(), 'ing-tls-secret-exists', { externalSecrets: ['shop-tls'] })).toEqual([]);
    expect(found(tlsIngress(), 'ing-tls-secret-exists', { externalSecrets: [`${NS}/shop-tls`] })).toEqual([]);
    expect(found(tlsIngress(), 'ing-tls-secret-exists', { externalSecrets: ['other/shop-tls'] })).toEqual([missing()]);
  });

  test('a Secret of another type names the type (Opaque when unset); a Certificate\'s Secret is fine', () => {
    const withSecret = (secret: any) => [...app(), secret, ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] })];
    expect(found(withSecret(tlsSecret('shop-tls', {}, 'Opaque')), 'ing-tls-secret-exists')).toEqual([
      `error Ingress web: spec.tls[0].secretName "shop-tls" names Secret ${NS}/shop-tls of type "Opaque", not kubernetes.io/tls.`,
    ]);
    expect(found(withSecret({ ...tlsSecret('shop-tls'), type: undefined }), 'ing-tls-secret-exists')).toEqual([
      `error Ingress web: spec.tls[0].secretName "shop-tls" names Secret ${NS}/shop-tls of type "Opaque", not kubernetes.io/tls.`,
    ]);
    expect(found(withSecret({ ...tlsSecret('shop-tls'), type: 'bootstrap.kubernetes.io/token' }), 'ing-tls-secret-exists')[0]).toMatch(/of type "bootstrap\.kubernetes\.io\/token"/);
    expect(found(withSecret(certificate('shop-tls', ['shop.example.com'])), 'ing-tls-secret-exists')).toEqual([]);
    expect(found(withSecret(tlsSecret('shop-tls')), 'ing-tls-secret-exists')).toEqual([]);
  });

  test('no Secret source in the namespace: info with its own fix', () => {
    const objects = [...app(), ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] })];
    expect(found(objects, 'ing-tls-secret-exists')[0]).toMatch(/^info Ingress web: cannot judge spec\.tls\[0\]\.secretName "shop-tls"/);
    expect(fixes(objects, 'ing-tls-secret-exists')).toEqual(['Declare it external (annotation netkit.io/external-secrets, or --external-secret) to say where it comes from.']);
  });
});
