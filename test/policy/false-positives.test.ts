// Each block is a class of false positive seen on real repositories (issue 16); a test fails if it comes back.
import { checkPolicies, Finding, PolicyOptions } from '../../lib';
import { describeProblem } from '../../lib/core/errors';
import { labelProblems } from '../../lib/core/metadata-validation';
import { ingressConflictProblemsInOrder } from '../../lib/ingress/conflicts';
import { certificate, deployment, ingress, ingressClass, namespace, NS, service, tlsSecret, validApp } from './builders';

const withoutKind = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);
/** `severity rule name: message` of every finding of the listed rules. */
const seen = (objects: any[], rules: string[], options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f: Finding) => rules.includes(f.rule)).map((f) => `${f.severity} ${f.rule} ${f.name}: ${f.message}`);

describe('nodePort 0 means unset', () => {
  const svc = (type: string, ports: any[]) => service('web', { type, ports });

  test('on a ClusterIP Service: neither "may not be used" nor a duplicate', () => {
    const zero = svc('ClusterIP', [{ name: 'http', port: 80, targetPort: 'http', nodePort: 0 }, { name: 'alt', port: 81, targetPort: 'http', nodePort: 0 }]);
    expect(seen([...withoutKind(validApp(), 'Service'), zero], ['svc-spec-valid', 'svc-nodeport-unique'])).toEqual([]);
  });

  test('on NodePort Services: two zeros are two allocations, not one port claimed twice', () => {
    const a = { ...svc('NodePort', [{ name: 'http', port: 80, targetPort: 'http', nodePort: 0 }]), metadata: { name: 'a', namespace: NS } };
    const b = { ...svc('NodePort', [{ name: 'http', port: 80, targetPort: 'http', nodePort: 0 }, { name: 'alt', port: 81, targetPort: 'http', nodePort: 0 }]), metadata: { name: 'b', namespace: NS } };
    expect(seen([...validApp(), a, b], ['svc-spec-valid', 'svc-nodeport-unique'])).toEqual([]);
  });

  test('a non-zero nodePort on a ClusterIP Service is still an error, reported once', () => {
    const set = svc('ClusterIP', [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }]);
    const other = { ...service('np', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }] }), metadata: { name: 'np', namespace: NS } };
    expect(seen([...withoutKind(validApp(), 'Service'), set, other], ['svc-spec-valid', 'svc-nodeport-unique'])).toEqual([
      'error svc-spec-valid web: spec.ports[0].nodePort: may not be used when type is ClusterIP. Got: 30080. Allowed: only NodePort and LoadBalancer Services.',
    ]);
  });
});

describe('a numeric targetPort whose pods declare no containerPort', () => {
  const app = (containerPorts: any[] | undefined, targetPort: number | string) => [
    ...withoutKind(withoutKind(validApp(), 'Deployment'), 'Service'),
    deployment('web', { container: { ports: containerPorts, readinessProbe: { tcpSocket: { port: 8080 } } } }),
    service('web', { ports: [{ name: 'http', port: 80, targetPort }] }),
  ];

  test('is info: declaring ports is optional, the process may listen anyway', () => {
    expect(seen(app(undefined, 8080), ['svc-targetport-exists'])).toEqual([
      'info svc-targetport-exists web: cannot judge spec.ports[0].targetPort 8080/TCP: the containers of Deployment shop/web declare no ports (declaring them is optional).',
    ]);
  });

  test('is a warning where the pods declare other ports (the process may listen on it anyway: istio grpc-echo, otel collector)', () => {
    expect(seen(app([{ containerPort: 9090, name: 'metrics' }], 8080), ['svc-targetport-exists']).map((f) => f.split(':')[0]))
      .toEqual(['warning svc-targetport-exists web']);
  });

  test('is an error by name where no container declares that name (the endpoint cannot be resolved)', () => {
    expect(seen(app(undefined, 'http'), ['svc-targetport-exists']).map((f) => f.split(':')[0])).toEqual(['error svc-targetport-exists web']);
    expect(seen(app([{ containerPort: 9090, name: 'metrics' }], 9090), ['svc-targetport-exists'])).toEqual([]);
  });
});

describe('metadata.generateName without a name', () => {
  const job = (annotations?: Record<string, string>) => ({
    apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'migrate-', namespace: NS, ...(annotations ? { annotations } : {}) },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'migrate:1.2' }] } } },
  });

  test('is a warning (kubectl apply needs a name), not an error', () => {
    expect(seen([...validApp(), job()], ['name-valid', 'schema-valid'])).toEqual([
      'warning name-valid : has metadata.generateName "migrate-" but no name: kubectl create works, kubectl apply and GitOps tools need a name.',
    ]);
  });

  test('is nothing when a Helm or Argo CD hook creates the object', () => {
    expect(seen([...validApp(), job({ 'helm.sh/hook': 'pre-install' })], ['name-valid'])).toEqual([]);
    expect(seen([...validApp(), job({ 'argocd.argoproj.io/hook': 'PreSync' })], ['name-valid'])).toEqual([]);
  });

  test('a Service with only a generateName gets the same warning, not a name error from svc-spec-valid', () => {
    const svc = { ...service('web'), metadata: { generateName: 'web-', namespace: NS } };
    expect(seen([...withoutKind(validApp(), 'Service'), svc], ['name-valid', 'svc-spec-valid']).map((f) => f.split(':')[0])).toEqual(['warning name-valid ']);
  });

  test('no name and no generateName is still an error', () => {
    const { generateName, ...metadata } = job().metadata;
    expect(seen([...validApp(), { ...job(), metadata }], ['name-valid']).map((f) => f.split(':')[0])).toEqual(['error name-valid ']);
  });
});

describe('cross-object rules on partial input say "cannot judge" (info) where the input holds nothing to match against', () => {
  test('a Service checked without any workload in its namespace', () => {
    const objects = [namespace(), service('web')];
    expect(seen(objects, ['svc-selector-matches-pod'])).toEqual([
      'info svc-selector-matches-pod web: cannot judge spec.selector {"app":"web"}: these manifests hold no workload in namespace "shop" (they may live elsewhere or be created by an operator).',
    ]);
    // With workloads in the namespace, a selector that matches none of them is an error, as before.
    expect(seen([...objects, deployment('api')], ['svc-selector-matches-pod']).map((f) => f.split(':')[0])).toEqual(['error svc-selector-matches-pod web']);
  });

  test('Argo Rollouts are workloads too', () => {
    const rollout = { ...deployment('web'), apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' };
    expect(seen([namespace(), rollout, service('web')], ['svc-selector-matches-pod', 'svc-targetport-exists'])).toEqual([]);
  });

  test('an Ingress checked without any Service in its namespace', () => {
    const objects = [namespace(), ingressClass(), ingress('web')];
    expect(seen(objects, ['ing-backend-exists'])).toEqual([
      'info ing-backend-exists web: cannot judge spec.rules[0].http.paths[0].backend.service.name "web": these manifests hold no Service in namespace "shop" (it may live elsewhere).',
    ]);
    expect(seen([...objects, service('api')], ['ing-backend-exists']).map((f) => f.split(':')[0])).toEqual(['error ing-backend-exists web']);
  });

  test('a TLS secretName where the input holds no Secret source in the namespace', () => {
    const tls = ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] });
    const objects = [...withoutKind(validApp(), 'Ingress'), tls];
    expect(seen(objects, ['ing-tls-secret-exists']).map((f) => f.split(':')[0])).toEqual(['info ing-tls-secret-exists web']);
    expect(seen([...objects, tlsSecret('other-tls')], ['ing-tls-secret-exists']).map((f) => f.split(':')[0])).toEqual(['error ing-tls-secret-exists web']);
  });

  test('Secrets that cert-manager (issuer annotation or Certificate), Sealed Secrets or External Secrets write exist', () => {
    const tls = (annotations?: Record<string, string>) => ingress('web', { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] }, annotations);
    const base = [...withoutKind(validApp(), 'Ingress'), tlsSecret('other-tls')];
    expect(seen([...base, tls({ 'cert-manager.io/cluster-issuer': 'letsencrypt' })], ['ing-tls-secret-exists'])).toEqual([]);
    expect(seen([...base, tls(), certificate('shop-tls', ['shop.example.com'])], ['ing-tls-secret-exists'])).toEqual([]);
    const sealed = { apiVersion: 'bitnami.com/v1alpha1', kind: 'SealedSecret', metadata: { name: 'shop-tls', namespace: NS }, spec: { encryptedData: {} } };
    expect(seen([...base, tls(), sealed], ['ing-tls-secret-exists', 'ing-tls-cert-covers-hosts'])).toEqual([]);
    const external = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'es', namespace: NS }, spec: { target: { name: 'shop-tls' } } };
    expect(seen([...base, tls(), external], ['ing-tls-secret-exists'])).toEqual([]);
  });

  test('an ingress class where the input holds no IngressClass and declares none external', () => {
    const objects = withoutKind(validApp(), 'IngressClass');
    expect(seen(objects, ['ing-class-resolves'])).toEqual([
      'info ing-class-resolves web: cannot judge spec.ingressClassName "nginx": these manifests hold no IngressClass and none is declared external.',
    ]);
    expect(seen(objects, ['ing-class-resolves'], { externalIngressClasses: ['traefik'] }).map((f) => f.split(':')[0])).toEqual(['error ing-class-resolves web']);
    expect(seen(objects, ['ing-class-resolves'], { externalIngressClasses: ['nginx'] })).toEqual([]);
  });

  test('namespaces, where the input creates none, once per namespace', () => {
    const objects = withoutKind(validApp(), 'Namespace');
    expect(seen(objects, ['ns-exists'])).toEqual([
      'info ns-exists web: metadata.namespace "shop" (as do 2 other object(s)) is not created by these manifests and is not declared external; kubectl apply fails with "namespaces not found" unless it exists in the cluster.',
    ]);
    expect(seen(objects, ['ns-exists'], { externalNamespaces: [NS] })).toEqual([]);
  });
});

describe('audit: what a careful reviewer would not flag', () => {
  test('an Ingress backend on an ExternalName Service needs no Service port (it is a DNS alias)', () => {
    const alias = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { type: 'ExternalName', externalName: 'web.example.net' } };
    const objects = [...withoutKind(withoutKind(validApp(), 'Ingress'), 'Service'), alias, ingress('web', { rules: [], defaultBackend: { service: { name: 'web', port: { number: 443 } } } })];
    expect(seen(objects, ['ing-backend-exists'])).toEqual([]);
  });
});

describe('one implementation per check', () => {
  test('ing-host-path-unique reports exactly what HttpIngress reports at construct time', () => {
    const first = ingress('web');
    const copy = ingress('copy');
    const [finding] = checkPolicies([...validApp(), copy]).filter((f) => f.rule === 'ing-host-path-unique');
    const [problem] = ingressConflictProblemsInOrder([first, copy])[1];
    expect(finding.message).toBe(describeProblem(problem));
    expect(finding.fix).toBe(problem.fix);
  });

  test('a canary Ingress shares the host and path of its main Ingress on purpose', () => {
    const canary = ingress('canary', {}, { 'nginx.ingress.kubernetes.io/canary': 'true', 'nginx.ingress.kubernetes.io/canary-weight': '10' });
    expect(seen([...validApp(), canary], ['ing-host-path-unique'])).toEqual([]);
    expect(ingressConflictProblemsInOrder([ingress('web'), canary])[1]).toEqual([]);
  });

  test('label-values-valid reports exactly what the constructs report (labelProblems)', () => {
    const labels = { 'bad key': 'x', version: 'v1.0/beta' };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 's', namespace: NS, labels } };
    expect(checkPolicies([...validApp(), cm]).filter((f) => f.rule === 'label-values-valid').map((f) => f.message))
      .toEqual(labelProblems('metadata.labels', labels).map(describeProblem));
  });
});
