// False-positive classes found by the labelled corpus (test/corpus, issue 16); each test fails if its class comes back.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicies, Finding, PolicyOptions } from '../../lib';
import { isIncompleteLoad, loadManifests } from '../../lib/core/manifest-files';
import { deployment, namespace, NS, service } from './builders';

const seen = (objects: any[], rules: string[], options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f: Finding) => rules.includes(f.rule)).map((f) => `${f.severity} ${f.rule} ${f.name}: ${f.message}`);
const severities = (objects: any[], rules: string[], options?: PolicyOptions) => seen(objects, rules, options).map((s) => s.split(':')[0]);

const gateway = (name: string, listeners: any[] = [{ name: 'http', protocol: 'HTTP', port: 80 }]) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name, namespace: NS }, spec: { gatewayClassName: 'nginx', listeners },
});
const route = (parent: string, backend: string) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'shop', namespace: NS },
  spec: { parentRefs: [{ name: parent }], rules: [{ backendRefs: [{ name: backend, port: 80 }] }] },
});

describe('Gateway API references into a namespace the input holds nothing of', () => {
  test('a backendRef with no Service in its namespace is "cannot judge" (info), an absent one beside other Services an error', () => {
    expect(severities([namespace(), gateway('gw'), route('gw', 'web')], ['gw-backend-exists'])).toEqual(['info gw-backend-exists shop']);
    expect(severities([namespace(), gateway('gw'), route('gw', 'api'), service('web')], ['gw-backend-exists'])).toEqual(['error gw-backend-exists shop']);
  });

  test('a parentRef with no Gateway in its namespace is info, an absent one beside another Gateway an error', () => {
    expect(severities([namespace(), route('shared', 'web')], ['gw-route-parent-resolves'])).toEqual(['info gw-route-parent-resolves shop']);
    expect(severities([namespace(), gateway('gw'), route('public', 'web')], ['gw-route-parent-resolves'])).toEqual(['error gw-route-parent-resolves shop']);
  });

  test('a listener certificate with no Secret source in its namespace is info, an absent one beside other Secrets an error', () => {
    const https = gateway('gw', [{ name: 'https', protocol: 'HTTPS', port: 443, hostname: 'shop.example.com', tls: { certificateRefs: [{ name: 'shop-tls' }] } }]);
    expect(severities([namespace(), https], ['gw-tls-secret-exists'])).toEqual(['info gw-tls-secret-exists gw']);
    const other = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'other', namespace: NS }, type: 'Opaque', data: {} };
    expect(severities([namespace(), https, other], ['gw-tls-secret-exists'])).toEqual(['error gw-tls-secret-exists gw']);
  });

  test('a backend Service whose pods are not in the input is not reported as selecting nothing', () => {
    expect(seen([namespace(), gateway('gw'), route('gw', 'web'), service('web')], ['gw-backend-exists'])).toEqual([]);
  });
});

describe('a Service whose pods an operator creates from a custom resource', () => {
  const selector = { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': 'k8s' };
  const prometheus = (labels: Record<string, string>) => ({
    apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'k8s', namespace: NS }, spec: { podMetadata: { labels } },
  });
  const objects = (labels: Record<string, string>) => [namespace(), deployment('web'), service('prometheus', { selector, ports: [{ name: 'web', port: 9090 }] }), prometheus(labels)];

  test('is "cannot judge" (info) when the custom resource carries the selected labels', () => {
    expect(seen(objects(selector), ['svc-selector-matches-pod'])).toEqual([
      `info svc-selector-matches-pod prometheus: cannot judge spec.selector ${JSON.stringify(selector)}: no pod template here matches it, but Prometheus shop/k8s carries these labels, and its operator may create the pods.`,
    ]);
  });

  test('is still an error when no custom resource carries them', () => {
    expect(severities(objects({ 'app.kubernetes.io/name': 'other' }), ['svc-selector-matches-pod'])).toEqual(['error svc-selector-matches-pod prometheus']);
  });
});

describe('incomplete input (a skipped template, an unreadable file)', () => {
  const objects = [namespace(), deployment('web'), service('api', { selector: { app: 'api' } })];

  test('turns "matches nothing" into "cannot judge": the missing pods may be in the skipped file', () => {
    expect(severities(objects, ['svc-selector-matches-pod'])).toEqual(['error svc-selector-matches-pod api']);
    expect(seen(objects, ['svc-selector-matches-pod'], { incompleteInput: true })).toEqual([
      'info svc-selector-matches-pod api: cannot judge spec.selector {"app":"api"}: some files of the input were not read (templates, unreadable files) and may hold the workloads.',
    ]);
  });
});

describe('privileged on purpose', () => {
  const privileged = { securityContext: { privileged: true } };
  test('a node agent (DaemonSet) or an init container tuning the node is info; an application container a warning', () => {
    const agent = { ...deployment('agent', { container: privileged }), kind: 'DaemonSet' };
    delete agent.spec.replicas;
    const sysctl = deployment('search', { podSpec: { initContainers: [{ name: 'sysctl', image: 'busybox:1.36', ...privileged }] } });
    expect(seen([namespace(), agent], ['sec-no-priv-esc']).filter((s) => s.includes('privileged is true'))).toEqual([
      'info sec-no-priv-esc agent: spec.template.spec.containers[0].securityContext.privileged is true: the container has every capability of the node (expected of a node agent, so only advice).',
    ]);
    expect(seen([namespace(), sysctl], ['sec-no-priv-esc']).filter((s) => s.includes('privileged is true'))).toEqual([
      'info sec-no-priv-esc search: spec.template.spec.initContainers[0].securityContext.privileged is true: the container has every capability of the node (expected of an init container tuning the node, so only advice).',
    ]);
    expect(severities([namespace(), deployment('web', { container: privileged })], ['sec-no-priv-esc'])).toContain('warning sec-no-priv-esc web');
  });
});

describe('files of a repository that are not objects to apply', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-corpus-fp-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('kustomize patches listed in their kustomization.yaml, and $patch fragments, are skipped', () => {
    mkdirSync(join(dir, 'overlay'));
    writeFileSync(join(dir, 'overlay', 'kustomization.yaml'), 'resources: [../base]\npatchesStrategicMerge: [replicas.yaml]\npatches:\n  - path: memory.yaml\n');
    writeFileSync(join(dir, 'overlay', 'replicas.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { replicas: 3 }\n');
    writeFileSync(join(dir, 'overlay', 'memory.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec: { template: { spec: { containers: [{ name: web, resources: {} }] } } }\n');
    writeFileSync(join(dir, 'overlay', 'delete.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: loadgen }\n$patch: delete\n');
    writeFileSync(join(dir, 'overlay', 'extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\n');
    const load = loadManifests([dir]);
    expect(load.manifests.map((m) => m.manifest.metadata.name)).toEqual(['extra']);
    expect(load.skipped.map((s) => [s.file.slice(dir.length + 1), s.mayHoldObjects])).toEqual([
      ['overlay/delete.yaml', false], ['overlay/kustomization.yaml', false], ['overlay/memory.yaml', false], ['overlay/replicas.yaml', false],
    ]);
    expect(isIncompleteLoad(load)).toBe(false);
  });

  test('an IstioOperator (istioctl input) and a metadata-less tool config are skipped; a KubeProxyConfiguration is checked', () => {
    writeFileSync(join(dir, 'iop.yaml'), 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec: { profile: demo }\n');
    writeFileSync(join(dir, '.fluxschema.yml'), 'apiVersion: schema.plugin.fluxcd.io/v1beta1\nkind: Config\nvalidate: { verbose: true }\n');
    writeFileSync(join(dir, 'kube-proxy.yaml'), 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n');
    writeFileSync(join(dir, 'template.yaml'), 'apiVersion: v1\nkind: Service\nmetadata: { name: {{ .Values.name }} }\n');
    const load = loadManifests([dir]);
    expect(load.manifests.map((m) => m.manifest.kind)).toEqual(['KubeProxyConfiguration']);
    expect(isIncompleteLoad(load)).toBe(true);
  });
});

describe('api-stable-versions on what it knows', () => {
  const ingress = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'legacy', namespace: NS }, spec: { backend: { serviceName: 'web', servicePort: 80 } } };

  test('an extensions/v1beta1 Ingress was removed in 1.22, not with the workloads in 1.16', () => {
    expect(seen([ingress], ['api-stable-versions'])).toEqual([
      'error api-stable-versions legacy: apiVersion "extensions/v1beta1" was removed in Kubernetes 1.22 (target 1.35); the API server will not accept it.',
    ]);
    expect(seen([ingress], ['api-stable-versions'], { kubernetesVersion: '1.21' }).map((s) => s.split(':')[0])).toEqual(['info api-stable-versions legacy']);
    const daemonSet = { ...deployment('agent'), apiVersion: 'extensions/v1beta1', kind: 'DaemonSet' };
    expect(seen([daemonSet], ['api-stable-versions'], { kubernetesVersion: '1.21' })[0]).toMatch(/was removed in Kubernetes 1\.16/);
  });

  test('versions of CRD groups under k8s.io (Gateway API, the old cert-manager) are not judged as feature-gated Kubernetes APIs', () => {
    const tcpRoute = { apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: 'TCPRoute', metadata: { name: 'tcp', namespace: NS }, spec: {} };
    const issuer = { apiVersion: 'certmanager.k8s.io/v1alpha1', kind: 'ClusterIssuer', metadata: { name: 'le' }, spec: {} };
    const capi = { apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster', metadata: { name: 'c', namespace: NS }, spec: {} };
    expect(seen([tcpRoute, issuer, capi], ['api-stable-versions'])).toEqual([]);
    const alpha = { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kind: 'ValidatingAdmissionPolicy', metadata: { name: 'p' }, spec: {} };
    expect(severities([alpha], ['api-stable-versions'])).toEqual(['warning api-stable-versions p']);
  });
});
