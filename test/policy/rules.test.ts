import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPolicies, Finding, PolicyOptions, RULES, Severity } from '../../lib';
import {
  certificate, deployment, ingress, ingressClass, NS, service, tlsSecret, validApp,
} from './builders';
import { GATEWAY_CASES, validGatewayApp } from './gateway-rule-cases';
import { ISOLATION_CASES } from './isolation-cases';
import { PRODUCTION_CASES } from './production-cases';

const certPem = readFileSync(join(__dirname, 'fixtures', 'shop-example-com.crt.pem'), 'utf8');
// A throwaway key made for these fixtures only.
const keyPem = readFileSync(join(__dirname, 'fixtures', 'shop-example-com.key.pem'), 'utf8');
const kubeProxyConfigMap = (mode: string) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system' },
  data: { 'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n` },
});
const tlsIngress = (secretName: string, hosts = ['shop.example.com'], annotations?: Record<string, string>) =>
  ingress('web', { tls: [{ hosts, secretName }] }, annotations);
const withoutKind = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);

interface RuleCase {
  /** Objects that pass the rule. */
  readonly pass: any[];
  /** Objects with exactly the defect the rule is about. */
  readonly fail: any[];
  /** The finding expected on `fail` (at the rule's severity unless `severity` says otherwise). */
  readonly expected: { kind: string; name: string; message: RegExp; severity?: Severity };
  readonly options?: PolicyOptions;
}

/** One passing and one failing fixture per rule; a rule without a case fails the suite. */
const CASES: Record<string, RuleCase> = {
  'svc-selector-matches-pod': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Service'), service('web', { selector: { app: 'wbe' } })],
    expected: { kind: 'Service', name: 'web', message: /spec\.selector \{"app":"wbe"\} matches no pod template in namespace "shop"/ },
  },
  'svc-targetport-exists': {
    pass: [...validApp(), service('web-num', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] })],
    fail: [...withoutKind(validApp(), 'Service'), service('web', { ports: [{ name: 'http', port: 80, targetPort: 'metrics' }] })],
    expected: { kind: 'Service', name: 'web', message: /spec\.ports\[0\]\.targetPort "metrics" is not a port of the containers of Deployment shop\/web \(they declare 8080\/TCP "http"\)/ },
  },
  'svc-nodeport-unique': {
    pass: [...validApp(), service('a', { selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }),
      service('b', { selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080, protocol: 'UDP' }] })],
    fail: [...validApp(), service('a', { selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] }),
      service('b', { selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 81, targetPort: 8080, nodePort: 30080 }] }, 'default')],
    expected: { kind: 'Service', name: 'b', message: /spec\.ports\[0\]\.nodePort 30080\/TCP is already claimed by Service shop\/a/ },
  },
  'ing-backend-exists': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Ingress'), ingress('web', { defaultBackend: { service: { name: 'web', port: { number: 8080 } } } }),
      ingress('other', { rules: [{ host: 'x.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'missing', port: { number: 80 } } } }] } }] })],
    expected: { kind: 'Ingress', name: 'other', message: /spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name "missing" is not a Service in namespace "shop"/ },
  },
  'ing-host-path-unique': {
    pass: [...validApp(), ingress('api', { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })],
    fail: [...validApp(), ingress('copy')],
    expected: { kind: 'Ingress', name: 'copy', message: /spec\.rules\[0\]\.http\.paths\[0\]\.path: routes host "shop\.example\.com" and path "\/", which Ingress shop\/web already routes in class "nginx"/ },
  },
  'ing-tls-secret-exists': {
    pass: [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls'), tlsSecret('shop-tls'),
      ingress('ext', { rules: [], defaultBackend: { service: { name: 'web', port: { number: 80 } } }, tls: [{ secretName: 'vault-tls' }] }, { 'netkit.io/external-secrets': 'other, vault-tls' }),
      ingress('cm', { rules: [], defaultBackend: { service: { name: 'web', port: { number: 80 } } }, tls: [{ secretName: 'cm-tls' }] }), certificate('cm-tls', ['shop.example.com'])],
    fail: [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls'), tlsSecret('shop-tls', { password: 'x' }, 'Opaque'),
      ingress('missing', { rules: [], defaultBackend: { service: { name: 'web', port: { number: 80 } } }, tls: [{ secretName: 'nope' }] })],
    expected: { kind: 'Ingress', name: 'missing', message: /spec\.tls\[0\]\.secretName "nope" is neither a Secret nor a cert-manager Certificate's secretName in namespace "shop"/ },
  },
  'ing-tls-cert-covers-hosts': {
    pass: [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls', ['shop.example.com', 'eu.shop.example.com']), tlsSecret('shop-tls', { 'tls.crt': certPem, 'tls.key': 'k' })],
    fail: [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls', ['shop.example.com', 'a.b.shop.example.com']), tlsSecret('shop-tls', { 'tls.crt': certPem, 'tls.key': 'k' })],
    expected: { kind: 'Ingress', name: 'web', message: /spec\.tls\[0\]\.hosts\[1\] "a\.b\.shop\.example\.com" is not covered by the certificate of Secret shop\/shop-tls \(it covers "shop\.example\.com", "\*\.shop\.example\.com"\)/ },
  },
  'ing-class-resolves': {
    pass: [...validApp(), ingressClass('other', true)],
    fail: [...validApp(), ingress('web2', { ingressClassName: 'traefik', rules: [] , defaultBackend: { service: { name: 'web', port: { number: 80 } } } })],
    expected: { kind: 'Ingress', name: 'web2', message: /spec\.ingressClassName "traefik" is not an IngressClass of the app nor a declared external one \(known: "nginx"\)/ },
  },
  'ns-exists': {
    pass: [...validApp(), deployment('tool', { ns: 'kube-system' })],
    fail: [...validApp(), deployment('tool', { ns: 'tools' })],
    expected: { kind: 'Deployment', name: 'tool', message: /metadata\.namespace "tools" is not created by these manifests/ },
  },
  'ns-explicit': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Deployment'), { ...deployment(), metadata: { name: 'web', labels: deployment().metadata.labels } }],
    expected: { kind: 'Deployment', name: 'web', message: /has no metadata\.namespace: it goes to whatever namespace the applying tool defaults to/ },
  },
  'pod-readiness-probe': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Deployment'), deployment('web', { container: { readinessProbe: { httpGet: { path: '/', port: 'healthz' } } } })],
    expected: { kind: 'Deployment', name: 'web', message: /readinessProbe probes port "healthz", which the container does not declare \(it declares 8080\/TCP "http"\), so the probe always fails/ },
  },
  'schema-valid': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Deployment'), { ...deployment(), spec: { ...deployment().spec, replica: 3 } }],
    expected: { kind: 'Deployment', name: 'web', message: /spec\.replica is not a field of DeploymentSpec \(did you mean "replicas"\?\)/ },
  },
  'api-stable-versions': {
    pass: validApp(),
    fail: [...validApp(), { ...ingress('old'), apiVersion: 'networking.k8s.io/v1beta1' }],
    expected: { kind: 'Ingress', name: 'old', message: /apiVersion "networking\.k8s\.io\/v1beta1" was removed in Kubernetes 1\.22/ },
  },
  'name-valid': {
    pass: validApp(),
    fail: [...validApp(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Shop_Settings', namespace: NS }, data: {} }],
    expected: { kind: 'ConfigMap', name: 'Shop_Settings', message: /metadata\.name "Shop_Settings" is not a valid ConfigMap name/ },
  },
  'label-values-valid': {
    pass: validApp(),
    fail: [...validApp(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: NS, labels: { version: 'v1.0/beta' } }, data: {} }],
    expected: { kind: 'ConfigMap', name: 'settings', message: /metadata\.labels\["version"\]: is not a valid label value\. Got: "v1\.0\/beta"/ },
  },
  'svc-spec-valid': {
    pass: validApp(),
    fail: [...validApp(), service('web2', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8080 }] })],
    expected: { kind: 'Service', name: 'web2', message: /spec\.ports\[0\]\.name: is required when a Service has more than one port/ },
  },
  'svc-type-nodeport': {
    pass: validApp(),
    fail: [...validApp(), service('np', { selector: { app: 'web' }, type: 'NodePort' })],
    expected: { kind: 'Service', name: 'np', message: /is of type NodePort/ },
  },
  'dep-selector-matches-template': {
    pass: validApp(),
    fail: [...validApp(), { ...deployment('api'), spec: { ...deployment('api').spec, selector: { matchLabels: { app: 'apii' } } } }],
    expected: { kind: 'Deployment', name: 'api', message: /spec\.selector\.matchLabels app=apii not on spec\.template\.metadata\.labels/ },
  },
  'pod-probe-port-exists': {
    pass: [...validApp(), deployment('api', { container: { livenessProbe: { httpGet: { path: '/', port: 8080 } } } })],
    fail: [...validApp(), deployment('api', { container: { livenessProbe: { httpGet: { path: '/', port: 'metrics' } } } })],
    expected: { kind: 'Deployment', name: 'api', message: /spec\.template\.spec\.containers\[0\]\.livenessProbe probes port "metrics", which the container does not declare \(it declares 8080\/TCP "http"\)/ },
  },
  'pod-fields-valid': {
    pass: [...validApp(), deployment('api', { container: { env: [{ name: 'LOG_LEVEL', value: 'x' }], resources: { requests: { cpu: '0' }, limits: { cpu: '0' } }, readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 0 } } })],
    fail: [...validApp(), deployment('api', { container: { image: 'Nginx:1.27' } })],
    expected: { kind: 'Deployment', name: 'api', message: /spec\.template\.spec\.containers\[0\]\.image: has an uppercase repository name "Nginx"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName\. Got: "Nginx:1\.27"/ },
  },
  'img-pinned': {
    pass: [...validApp(), deployment('a', { container: { image: 'registry.k8s.io/ingress-nginx/controller@sha256:594ceea7' } }), deployment('b', { container: { image: 'localhost:5000/team/app:2.1' } })],
    fail: [...validApp(), deployment('api', { container: { image: 'localhost:5000/team/app' } })],
    expected: { kind: 'Deployment', name: 'api', message: /image "localhost:5000\/team\/app" has no tag/ },
  },
  'pod-resources': {
    pass: validApp(),
    fail: [...validApp(), deployment('api', { container: { resources: { requests: { cpu: '1' } } } })],
    expected: { kind: 'Deployment', name: 'api', message: /resources is missing requests\.memory, limits\.memory/ },
  },
  'sec-no-priv-esc': {
    pass: validApp(),
    fail: [...validApp(), deployment('api', { container: { securityContext: { privileged: true } } })],
    expected: { kind: 'Deployment', name: 'api', message: /securityContext\.privileged is true/ },
  },
  'sec-caps': {
    pass: [...validApp(), deployment('api', { container: { securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } } } })],
    fail: [...validApp(), deployment('api', { container: { securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN'] } } } })],
    expected: { kind: 'Deployment', name: 'api', message: /capabilities\.add grants "NET_ADMIN"/ },
  },
  'host-network-ports': {
    pass: validApp(),
    fail: [...validApp(), deployment('api', { podSpec: { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' } })],
    expected: { kind: 'Deployment', name: 'api', message: /spec\.template\.spec\.hostNetwork is true/ },
  },
  'privileged-ports': {
    pass: validApp(),
    fail: [...validApp(), deployment('api', { container: { ports: [{ containerPort: 80, name: 'http' }] } })],
    expected: { kind: 'Deployment', name: 'api', message: /containerPort 80 is a privileged port/ },
  },
  'ing-no-snippets': {
    pass: [...validApp(), ingress('api', { rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] }, { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' })],
    fail: [...validApp(), ingress('api', { rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] }, { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X: y";' })],
    expected: { kind: 'Ingress', name: 'api', message: /nginx\.ingress\.kubernetes\.io\/configuration-snippet"\] injects raw NGINX configuration/ },
  },
  'ing-spec-valid': {
    pass: validApp(),
    fail: [...withoutKind(validApp(), 'Ingress'), ingress('web', { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })],
    expected: { kind: 'Ingress', name: 'web', message: /spec\.rules\[0\]\.http\.paths\[0\]\.pathType/ },
  },
  'tls-secret-valid': {
    pass: [...validApp(), tlsSecret('shop-tls', { 'tls.crt': certPem, 'tls.key': keyPem })],
    fail: [...validApp(), tlsSecret('shop-tls', { 'tls.crt': certPem })],
    expected: { kind: 'Secret', name: 'shop-tls', message: /tls\.key/ },
  },
  'kproxy-config-valid': {
    pass: [...validApp(), kubeProxyConfigMap('nftables')],
    fail: [...validApp(), kubeProxyConfigMap('ipvss')],
    expected: { kind: 'ConfigMap', name: 'kube-proxy', message: /data\["config\.conf"\]\.mode/ },
  },
  'skip-has-reason': {
    pass: [...validApp(), withAnnotations(service('np', { selector: { app: 'web' }, type: 'NodePort' }), { 'netkit.io/skip-svc-type-nodeport': 'bare-metal cluster without a load balancer' })],
    fail: [...validApp(), withAnnotations(service('np', { selector: { app: 'web' }, type: 'NodePort' }), { 'netkit.io/skip-svc-type-nodeport': ' ' })],
    expected: { kind: 'Service', name: 'np', message: /metadata\.annotations\["netkit\.io\/skip-svc-type-nodeport"\] has no reason, so the skip does not apply/ },
  },
  ...PRODUCTION_CASES,
};

function withAnnotations(manifest: any, annotations: Record<string, string>): any {
  return { ...manifest, metadata: { ...manifest.metadata, annotations } };
}

const ofRule = (findings: Finding[], id: string) => findings.filter((f) => f.rule === id);

Object.assign(CASES, GATEWAY_CASES, ISOLATION_CASES);

describe('every rule', () => {
  test('has a passing and a failing fixture here', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test('has an id, a severity, a one-line description and a fix', () => {
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).not.toContain('\n');
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });

  test('the valid app passes every rule', () => {
    expect(checkPolicies(validApp())).toEqual([]);
  });

  test('the valid app served through a Gateway passes every rule', () => {
    expect(checkPolicies(validGatewayApp())).toEqual([]);
  });

  describe.each(Object.entries(CASES))('%s', (id, c) => {
    const rule = RULES.find((r) => r.id === id)!;

    test('passes its passing fixture', () => {
      expect(ofRule(checkPolicies(c.pass, c.options), id)).toEqual([]);
    });

    test('reports its failing fixture with the object, severity, message and fix', () => {
      const findings = ofRule(checkPolicies(c.fail, c.options), id);
      expect(findings).toContainEqual(expect.objectContaining({
        rule: id, severity: c.expected.severity ?? rule.severity, kind: c.expected.kind, name: c.expected.name, message: expect.stringMatching(c.expected.message),
      }));
      for (const f of findings) expect(f.fix.length).toBeGreaterThan(0);
    });
  });
});

describe('rule details', () => {
  test('a numeric targetPort must match the container port protocol', () => {
    const objects = [...withoutKind(validApp(), 'Service'), service('web', { ports: [{ port: 53, targetPort: 8080, protocol: 'UDP' }] })];
    expect(ofRule(checkPolicies(objects), 'svc-targetport-exists')[0].message).toMatch(/targetPort 8080\/UDP is not a port/);
  });

  test('a missing Service or selector value comes with the closest existing one', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), ingress('web', { defaultBackend: { service: { name: 'wbe', port: { number: 80 } } } })];
    expect(ofRule(checkPolicies(objects), 'ing-backend-exists')[0].message).toBe('spec.defaultBackend.service.name "wbe" is not a Service in namespace "shop". Did you mean "web"?');
    const typo = [...withoutKind(validApp(), 'Service'), service('web', { selector: { app: 'wbe' } })];
    expect(ofRule(checkPolicies(typo), 'svc-selector-matches-pod')[0].message).toMatch(/has no endpoints\. Did you mean app=web\?$/);
  });

  test('an Ingress backend port must be a port of the Service', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), ingress('web', { defaultBackend: { service: { name: 'web', port: { number: 8080 } } } })];
    expect(ofRule(checkPolicies(objects), 'ing-backend-exists')[0].message)
      .toBe('spec.defaultBackend.service.port 8080 is not a port of Service shop/web (its ports: 80 "http").');
  });

  test('a TLS secretName naming an Opaque Secret is reported', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls'), tlsSecret('shop-tls', { password: 'x' }, 'Opaque')];
    expect(ofRule(checkPolicies(objects), 'ing-tls-secret-exists')[0].message).toMatch(/names Secret shop\/shop-tls of type "Opaque", not kubernetes\.io\/tls/);
  });

  test('external TLS Secrets can be declared in the options, by name or namespace/name', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), tlsIngress('vault-tls')];
    expect(ofRule(checkPolicies(objects), 'ing-tls-secret-exists')).toHaveLength(1);
    expect(ofRule(checkPolicies(objects, { externalSecrets: ['shop/vault-tls'] }), 'ing-tls-secret-exists')).toEqual([]);
    expect(ofRule(checkPolicies(objects, { externalSecrets: ['vault-tls'] }), 'ing-tls-secret-exists')).toEqual([]);
  });

  test('a cert-manager Certificate must cover the hosts that use its Secret', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), tlsIngress('cm-tls', ['www.example.com']), certificate('cm-tls', ['shop.example.com'])];
    expect(ofRule(checkPolicies(objects), 'ing-tls-cert-covers-hosts')[0].message).toMatch(/"www\.example\.com" is not covered by the certificate of Certificate shop\/cm-tls/);
  });

  test('two default IngressClasses are an error on the second', () => {
    const findings = ofRule(checkPolicies([...validApp(), ingressClass('a', true), ingressClass('b', true)]), 'ing-class-resolves');
    expect(findings).toEqual([expect.objectContaining({ kind: 'IngressClass', name: 'b', message: expect.stringMatching(/is marked default .* as is IngressClass a/) })]);
  });

  test('an Ingress without a class needs a default class or a declared external one', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), ingress('web', { ingressClassName: undefined })];
    expect(ofRule(checkPolicies(objects), 'ing-class-resolves')[0].message).toMatch(/names no ingress class and no IngressClass is marked default/);
    expect(ofRule(checkPolicies([...objects, ingressClass('d', true)]), 'ing-class-resolves')).toEqual([]);
    expect(ofRule(checkPolicies(objects, { externalIngressClasses: ['traefik'] }), 'ing-class-resolves')).toEqual([]);
  });

  test('external ingress classes and namespaces can be declared', () => {
    const objects = [...withoutKind(validApp(), 'Namespace'), ingress('t', { ingressClassName: 'traefik', rules: [], defaultBackend: { service: { name: 'web', port: { number: 80 } } } })];
    const findings = checkPolicies(objects, { externalNamespaces: [NS], externalIngressClasses: ['traefik'] });
    expect(findings).toEqual([]);
  });

  test('beta Kubernetes APIs are reported, custom resources are not', () => {
    const objects = [...validApp(), { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta9', kind: 'FlowSchema', metadata: { name: 'f' } }, certificate('x', ['a.example.com'])];
    const findings = ofRule(checkPolicies(objects), 'api-stable-versions');
    expect(findings).toEqual([expect.objectContaining({ kind: 'FlowSchema', message: expect.stringMatching(/is not a stable API version/) })]);
  });

  test('the removal check follows the target Kubernetes version', () => {
    const objects = [...validApp(), { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', metadata: { name: 'f' } }];
    expect(ofRule(checkPolicies(objects, { kubernetesVersion: '1.32' }), 'api-stable-versions')[0].message).toMatch(/was removed in Kubernetes 1\.32/);
    expect(ofRule(checkPolicies(objects, { kubernetesVersion: '1.31' }), 'api-stable-versions')[0].message).toMatch(/is not a stable API version/);
  });

  test('schema errors name the field and the expected type', () => {
    const objects = [...withoutKind(validApp(), 'Deployment'), deployment('web', { container: { ports: [{ containerPort: '8080', name: 'http' }] } })];
    expect(ofRule(checkPolicies(objects), 'schema-valid').map((f) => f.message))
      .toContain('spec.template.spec.containers[0].ports[0].containerPort must be of type integer.');
  });

  test('schema errors name missing fields, enum values and formats', () => {
    const objects = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: NS }, spec: { template: {} } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'y', namespace: NS }, spec: { type: 'Foo', ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'z', namespace: NS, creationTimestamp: 'yesterday' } },
    ];
    expect(ofRule(checkPolicies(objects), 'schema-valid').map((f) => `${f.name}: ${f.message}`)).toEqual([
      'x: spec requires field "selector".',
      'y: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".',
      'z: metadata.creationTimestamp must be a valid date-time.',
    ]);
  });

  test('a document without apiVersion or kind is not a Kubernetes object', () => {
    const findings = ofRule(checkPolicies([{ replicaCount: 2, metadata: { name: 'values' } }]), 'schema-valid');
    expect(findings).toEqual([expect.objectContaining({ kind: '', name: 'values', message: 'is not a Kubernetes object: apiVersion and kind are required.' })]);
  });

  test('names must be present and namespaces valid', () => {
    const objects = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: NS } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'Shop' } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
    ];
    expect(ofRule(checkPolicies(objects), 'name-valid').map((f) => f.message)).toEqual([
      'metadata.name is missing (and there is no generateName); the API server rejects it.',
      'metadata.namespace "Shop" is not a valid namespace name. Allowed: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.',
      'metadata.name "a.b" is not a valid Namespace name. Allowed: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.',
    ]);
  });

  test('latest is not a pin', () => {
    const objects = [...validApp(), deployment('api', { container: { image: 'nginx:latest' } })];
    expect(ofRule(checkPolicies(objects), 'img-pinned')[0].message).toMatch(/uses the moving tag latest/);
  });

  test('init and ephemeral containers are checked too, each at its own path, in PodSpec order', () => {
    const objects = [...validApp(), deployment('api', {
      container: { image: 'app' },
      podSpec: { initContainers: [{ name: 'migrate', image: 'migrate:latest' }], ephemeralContainers: [{ name: 'debug', image: 'busybox' }] },
    })];
    expect(ofRule(checkPolicies(objects), 'img-pinned').map((f) => f.message.split(' ')[0])).toEqual([
      'spec.template.spec.initContainers[0].image', 'spec.template.spec.containers[0].image', 'spec.template.spec.ephemeralContainers[0].image',
    ]);
  });

  test('a privileged container is reported as such', () => {
    const objects = [...validApp(), deployment('api', { container: { securityContext: { privileged: true, allowPrivilegeEscalation: false } } })];
    expect(ofRule(checkPolicies(objects), 'sec-no-priv-esc')[0].message).toMatch(/securityContext\.privileged is true/);
  });

  test('hostPort is reported', () => {
    const objects = [...validApp(), deployment('api', { container: { ports: [{ containerPort: 8080, hostPort: 8080, name: 'http' }] } })];
    expect(ofRule(checkPolicies(objects), 'host-network-ports')[0].message).toMatch(/ports\[0\]\.hostPort 8080 binds the port on the node/);
  });

  test('a controller ConfigMap that allows snippets is reported', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: NS }, data: { 'allow-snippet-annotations': 'true' } };
    expect(ofRule(checkPolicies([...validApp(), cm]), 'ing-no-snippets')[0]).toMatchObject({ kind: 'ConfigMap', name: 'ingress-nginx-controller' });
  });

  test('a probe on an undeclared port: a name is an error, a number advice (info) when other ports are declared, else nothing', () => {
    const probed = (port: number | string, ports?: any[]) => [...withoutKind(validApp(), 'Deployment'),
      deployment('web', { container: { ...(ports ? { ports } : {}), readinessProbe: { httpGet: { path: '/', port } }, livenessProbe: { tcpSocket: { port } } } })];
    const seen = (objects: any[]) => checkPolicies(objects).filter((f) => f.rule === 'pod-readiness-probe' || f.rule === 'pod-probe-port-exists')
      .map((f) => `${f.severity} ${f.rule}`);
    expect(seen(probed('admin'))).toEqual(['error pod-readiness-probe', 'error pod-probe-port-exists']);
    expect(ofRule(checkPolicies(probed(9000)), 'pod-readiness-probe')[0].message).toMatch(/readinessProbe probes port 9000, which the container does not declare \(it declares 8080\/TCP "http"\)\.$/);
    // A number is probed anyway, and health ports (ingress-nginx's 10254) are often undeclared: advice only.
    expect(seen(probed(9000))).toEqual(['info pod-readiness-probe', 'info pod-probe-port-exists']);
    // Declaring container ports is optional: a process may listen on 9000 without it.
    expect(seen(probed(9000, []))).toEqual([]);
  });

  test('a Service-selected workload without a readiness probe is advice (info), never an error', () => {
    const objects = [...withoutKind(validApp(), 'Deployment'), deployment('web', { container: { readinessProbe: undefined } })];
    expect(ofRule(checkPolicies(objects), 'pod-readiness-probe')).toEqual([expect.objectContaining({
      severity: 'info', message: expect.stringMatching(/is selected by Service shop\/web but no container at spec\.template\.spec\.containers has a readinessProbe/),
    })]);
  });

  test('severities follow the scale: hardening advice is info, likely mistakes are warnings', () => {
    const sev = (objects: any[], rule: string) => ofRule(checkPolicies([...validApp(), ...objects]), rule).map((f) => f.severity);
    expect(sev([deployment('api', { container: { securityContext: {} } })], 'sec-no-priv-esc')).toEqual(['info']);
    expect(sev([deployment('api', { container: { image: 'nginx' } })], 'img-pinned')).toEqual(['warning']);
    expect(sev([deployment('api', { container: { ports: [{ containerPort: 8080, hostPort: 8080, name: 'http' }] } })], 'host-network-ports')).toEqual(['warning']);
    const agent = { ...deployment('agent', { podSpec: { hostNetwork: true } }), kind: 'DaemonSet' };
    delete agent.spec.replicas;
    expect(sev([agent], 'host-network-ports')).toEqual(['info']);
    expect(sev([{ apiVersion: 'flowcontrol.apiserver.k8s.io/v1alpha9', kind: 'FlowSchema', metadata: { name: 'f' } }], 'api-stable-versions')).toEqual(['warning']);
    expect(sev([deployment('api', { container: { resources: {} } })], 'pod-resources')).toEqual(['info']);
  });

  test('hostPort 0 means no host port', () => {
    const objects = [...validApp(), deployment('api', { container: { ports: [{ containerPort: 8080, hostPort: 0, name: 'http' }] } })];
    expect(ofRule(checkPolicies(objects), 'host-network-ports')).toEqual([]);
  });

  test('a skip naming an unknown rule is reported', () => {
    const objects = [...validApp(), withAnnotations(service('np', { selector: { app: 'web' } }), { 'netkit.io/skip-no-such-rule': 'because' })];
    expect(ofRule(checkPolicies(objects), 'skip-has-reason')[0].message).toMatch(/skips "no-such-rule", which is not a rule/);
  });

  test('nodePortRange moves the allowed node port range', () => {
    const objects = [...validApp(), service('np', { selector: { app: 'web' }, type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 31000 }] })];
    expect(ofRule(checkPolicies(objects), 'svc-spec-valid')).toEqual([]);
    expect(ofRule(checkPolicies(objects, { nodePortRange: { min: 30000, max: 30999 } }), 'svc-spec-valid')[0].message)
      .toBe('spec.ports[0].nodePort: is outside the node port range. Got: 31000. Allowed: 30000-30999.');
  });

  test('certificates are also read from base64 data', () => {
    const secret = { ...tlsSecret('shop-tls'), stringData: undefined, data: { 'tls.crt': Buffer.from(certPem).toString('base64'), 'tls.key': Buffer.from(keyPem).toString('base64') } };
    const objects = [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls', ['other.example.com']), secret];
    expect(ofRule(checkPolicies(objects), 'ing-tls-cert-covers-hosts')[0].message).toMatch(/"other\.example\.com" is not covered .* \(it covers "shop\.example\.com", "\*\.shop\.example\.com"\)/);
    expect(ofRule(checkPolicies(objects), 'tls-secret-valid')).toEqual([]);
  });

  test('a Secret without a readable certificate is not coverage-checked', () => {
    const objects = [...withoutKind(validApp(), 'Ingress'), tlsIngress('shop-tls', ['other.example.com']), tlsSecret('shop-tls', { 'tls.crt': 'not pem', 'tls.key': 'k' })];
    expect(ofRule(checkPolicies(objects), 'ing-tls-cert-covers-hosts')).toEqual([]);
  });

  test('invalid label keys are reported', () => {
    const objects = [...validApp(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 's', namespace: NS, labels: { 'bad key': 'x' } } }];
    expect(ofRule(checkPolicies(objects), 'label-values-valid')[0].message).toMatch(/^metadata\.labels: has a key that is not a valid label key\. Got: "bad key"/);
  });
});

describe('skips', () => {
  const nodePort = () => service('np', { selector: { app: 'web' }, type: 'NodePort' });

  test('a skip with a reason removes that rule\'s finding for that object only', () => {
    const skipped = withAnnotations(nodePort(), { 'netkit.io/skip-svc-type-nodeport': 'bare metal, no load balancer' });
    const other = { ...service('np2', { selector: { app: 'web' }, type: 'NodePort' }) };
    const findings = checkPolicies([...validApp(), skipped, other]);
    expect(findings.map((f) => `${f.rule} ${f.name}`)).toEqual(['svc-type-nodeport np2']);
  });

  test('a skip without a reason does not apply and is a warning', () => {
    const skipped = withAnnotations(nodePort(), { 'netkit.io/skip-svc-type-nodeport': '' });
    const findings = checkPolicies([...validApp(), skipped]);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.name}`)).toEqual(['warning skip-has-reason np', 'info svc-type-nodeport np']);
  });

  test('disabledRules turns a rule off everywhere', () => {
    expect(checkPolicies([...validApp(), nodePort()], { disabledRules: ['svc-type-nodeport'] })).toEqual([]);
  });
});

describe('findings', () => {
  test('are ordered errors, warnings, infos', () => {
    const objects = [...validApp(), deployment('api', { container: { image: 'app', ports: [{ containerPort: 80, name: 'http' }], resources: {}, livenessProbe: { tcpSocket: { port: 'admin' } } } })];
    const severities = checkPolicies(objects).map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(new Set(severities)).toEqual(new Set(['error', 'warning', 'info']));
  });

  test('carry file and line when the input came from files', () => {
    const findings = checkPolicies([{ manifest: service('x', { selector: { app: 'nope' } }), file: 'a.yaml', line: 7 }]);
    expect(findings.find((f) => f.rule === 'svc-selector-matches-pod')).toMatchObject({ file: 'a.yaml', line: 7, namespace: NS, kind: 'Service', name: 'x' });
  });

  test('omit the namespace of cluster-scoped objects', () => {
    const findings = checkPolicies([ingressClass('a', true), ingressClass('b', true)]);
    expect(findings[0]).not.toHaveProperty('namespace');
  });
});

describe('pod-fields-valid: the field rules table on any manifest', () => {
  // The pod declares the volume the mountPath case mounts (a mount of an undeclared volume is an error of its own).
  const findings = (container: any, options: PolicyOptions = {}, podSpec?: any) =>
    ofRule(checkPolicies([...validApp(), deployment('api', { container, podSpec: { volumes: [{ name: 'tmp', emptyDir: {} }], ...podSpec } })], options), 'pod-fields-valid');

  test.each([
    ['an env var name with "="', { env: [{ name: 'A=B', value: '1' }] }, 'error', /containers\[0\]\.env\[0\]\.name: contains "=", which ends a name in the environment; the API server rejects it\. Got: "A=B"\./],
    ['a negative quantity', { resources: { limits: { cpu: '-1' } } }, 'error', /containers\[0\]\.resources\.limits\.cpu: is negative; the API server rejects a negative quantity\. Got: "-1"/],
    ['a request above its limit', { resources: { requests: { memory: '1Gi' }, limits: { memory: '512Mi' } } }, 'error', /containers\[0\]\.resources\.requests\.memory: is above the limit 512Mi/],
    ['a negative failureThreshold', { readinessProbe: { tcpSocket: { port: 8080 }, failureThreshold: -1 } }, 'error', /readinessProbe\.failureThreshold: is negative; the API server rejects it\. Got: -1/],
    ['runAsUser -1', { securityContext: { runAsUser: -1 } }, 'error', /containers\[0\]\.securityContext\.runAsUser: is not a valid user ID; the API server rejects it\. Got: -1\. Allowed: 0-2147483647/],
    ['a relative mountPath', { volumeMounts: [{ name: 'tmp', mountPath: 'tmp/cache' }] }, 'warning', /volumeMounts\[0\]\.mountPath: is a relative path; the container runtime mounts it at "\/tmp\/cache"/],
    ['an env var name a shell cannot read', { env: [{ name: 'A-B', value: '1' }] }, 'warning', /env\[0\]\.name: is accepted by the API server, but a shell cannot read it/],
  ])('%s', (_label, container, severity, message) => {
    expect(findings(container)).toEqual([expect.objectContaining({ severity, message: expect.stringMatching(message), fix: expect.stringMatching(/\S/) })]);
  });

  test('an empty serviceAccountName or imagePullPolicy is unset to the API server (istio samples write both): nothing; a bad one is an error', () => {
    expect(findings({ imagePullPolicy: '' }, {}, { serviceAccountName: '' })).toEqual([]);
    expect(findings({ imagePullPolicy: 'always' }, {}, { serviceAccountName: 'Web' }).map((f) => f.message)).toEqual([
      expect.stringMatching(/serviceAccountName: is not a valid ServiceAccount name\. Got: "Web"/),
      expect.stringMatching(/containers\[0\]\.imagePullPolicy: is not a pull policy\. Got: "always"/),
    ]);
  });

  test('a probe period of 0 in YAML is what the API server defaults, not an error (WebApp refuses it at construct time)', () => {
    expect(findings({ readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 0 } })).toEqual([]);
  });

  test('env var names follow the target release: 1ABC is refused on 1.31, a shell warning from 1.32', () => {
    const container = { env: [{ name: '1ABC', value: '1' }] };
    expect(findings(container, { kubernetesVersion: '1.31' })).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringMatching(/is not a valid name in Kubernetes 1\.31, which has not relaxed env var names yet/) })]);
    expect(findings(container, { kubernetesVersion: '1.32' })).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(findings({ env: [{ name: 'A-B', value: '1' }] }, { kubernetesVersion: '1.31' })).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('pods with the same requests and limits are compared once; a pod whose differ is still judged on its own', () => {
    const resources = (request: unknown, limit: unknown) => ({ resources: { requests: { memory: request }, limits: { memory: limit } } });
    const found = ofRule(checkPolicies([...validApp(),
      deployment('a', { container: resources('1Gi', '2Gi') }), deployment('b', { container: resources('1Gi', '2Gi') }),
      deployment('c', { container: resources('3Gi', '2Gi') }), deployment('d', { container: resources(3, 2) })]), 'pod-fields-valid');
    expect(found.map((f) => [f.name, f.message])).toEqual([
      ['c', expect.stringMatching(/containers\[0\]\.resources\.requests\.memory: is above the limit 2Gi/)],
      ['d', expect.stringMatching(/containers\[0\]\.resources\.requests\.memory: is above the limit 2;/)],
    ]);
  });

  test('pod-level IDs are checked too', () => {
    expect(findings({}, {}, { securityContext: { fsGroup: -5 } })).toEqual([expect.objectContaining({ message: expect.stringMatching(/spec\.template\.spec\.securityContext\.fsGroup: is not a valid group ID/) })]);
  });
});

describe('ing-spec-valid: a TLS host no rule routes', () => {
  const findings = (spec: any) => ofRule(checkPolicies([...withoutKind(validApp(), 'Ingress'), ingress('web', spec)]), 'ing-spec-valid');
  const rule = (host?: string) => ({ ...(host ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } });

  test('is a warning naming the TLS host, the routed hosts and a fix', () => {
    expect(findings({ rules: [rule('shop.example.com')], tls: [{ hosts: ['shop.example.com', 'www.example.com'], secretName: 'shop-tls' }] })).toEqual([expect.objectContaining({
      severity: 'warning',
      message: 'spec.tls[0].hosts[1]: is a TLS host that no rule of this Ingress routes, so its requests find no backend. Got: "www.example.com". Allowed: shop.example.com.',
      fix: 'add a rule for www.example.com, or remove it from the TLS hosts.',
    })]);
  });

  test('a wildcard TLS host serving a rule host, a rule without a host and a default backend route it', () => {
    expect(findings({ rules: [rule('a.example.com')], tls: [{ hosts: ['*.example.com'], secretName: 's' }] })).toEqual([]);
    expect(findings({ rules: [rule('a.b.example.com')], tls: [{ hosts: ['*.example.com'], secretName: 's' }] })).toHaveLength(1);
    // The wildcard covers one label, not the bare domain; among many rule hosts, one it covers is enough.
    expect(findings({ rules: [rule('example.com')], tls: [{ hosts: ['*.example.com'], secretName: 's' }] })).toHaveLength(1);
    expect(findings({ rules: [rule('example.com'), rule('x.y.example.com'), rule('b.example.com')], tls: [{ hosts: ['*.example.com'], secretName: 's' }] })).toEqual([]);
    expect(findings({ rules: [rule()], tls: [{ hosts: ['www.example.com'], secretName: 's' }] })).toEqual([]);
    expect(findings({ defaultBackend: { service: { name: 'web', port: { number: 80 } } }, rules: [rule('a.example.com')], tls: [{ hosts: ['www.example.com'], secretName: 's' }] })).toEqual([]);
  });
});
