import { parseAllDocuments } from 'yaml';
import { isClusterScoped } from '../lib/core/cluster-scoped';
import { synthMainAppWithSiblings } from './helpers/synth-main';

// The example app reproduces the classic walkthroughs; these tests pin what a reader of those guides expects.
// Files as published: `dist/…` (the apps), `cluster-addons/…` (the add-ons), `dist-traffic/…`.
const files = synthMainAppWithSiblings();
const objects: any[] = Object.entries(files)
  .filter(([file]) => file.endsWith('.yaml'))
  .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS()));
const find = (kind: string, name: string, namespace?: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));

describe('example app', () => {
  // The vendored CRDs (900 KB) are held to their sha256 by test/addons/nginx-gateway-fabric/crds.test.ts instead.
  test.each(Object.keys(files).filter((f) => !f.endsWith('-crds.k8s.yaml')))('%s matches its snapshot', (file) => {
    expect(files[file]).toMatchSnapshot();
  });

  test('namespace dev: pc-deployment, nginx:1.17.2, 3 replicas, label app=nginx-pod', () => {
    expect(find('Namespace', 'dev')).toBeDefined();
    const d = find('Deployment', 'pc-deployment', 'dev');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.17.2');
    expect(d.spec.template.metadata.labels.app).toBe('nginx-pod');
  });

  test('namespace dev: one Service of every kind', () => {
    const svc = (name: string) => find('Service', name, 'dev').spec;
    expect(svc('service-clusterip')).toMatchObject({ type: 'ClusterIP', clusterIP: '10.97.97.97', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } });
    expect(svc('service-headliness')).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
    expect(svc('service-nodeport')).toMatchObject({ type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort: 30003, protocol: 'TCP' }] });
    expect(svc('service-loadbalancer')).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(svc('service-externalname')).toEqual({ type: 'ExternalName', externalName: 'www.baidu.com' });
    const selector = find('Deployment', 'pc-deployment', 'dev').spec.selector.matchLabels;
    for (const name of ['service-clusterip', 'service-headliness', 'service-nodeport', 'service-loadbalancer']) {
      expect(svc(name).selector).toEqual(selector);
    }
  });

  test('namespace default: nginx, 5 replicas, ClusterIP Service nginx on port 80, no Namespace object', () => {
    expect(find('Deployment', 'nginx', 'default').spec.replicas).toBe(5);
    expect(find('Service', 'nginx', 'default').spec).toMatchObject({ type: 'ClusterIP', ports: [{ port: 80, targetPort: 80 }] });
    expect(find('Namespace', 'default')).toBeUndefined();
  });

  test('cluster-scoped objects carry no namespace, namespaced ones always do', () => {
    for (const o of objects) {
      if (isClusterScoped(o.kind)) expect(o.metadata.namespace).toBeUndefined();
      else expect(typeof o.metadata.namespace).toBe('string');
    }
  });

  test('every object in dist/ is in an app namespace, or is that namespace', () => {
    const appNamespaces = ['dev', 'default', 'cbuc-dev', 'cbuc-pro'];
    const inDist = Object.keys(files).filter((f) => f.startsWith('dist/') && f.endsWith('.yaml'))
      .flatMap((f) => parseAllDocuments(files[f]).map((d) => d.toJS()));
    expect(inDist.length).toBeGreaterThan(20);
    for (const o of inDist) {
      if (o.kind === 'Namespace') expect(appNamespaces).toContain(o.metadata.name);
      else expect({ kind: o.kind, name: o.metadata.name, namespace: appNamespaces.includes(o.metadata.namespace) }).toEqual({ kind: o.kind, name: o.metadata.name, namespace: true });
    }
  });

  const kinds = (file: string) => parseAllDocuments(files[file]).map((d) => d.toJS().kind);

  test('the add-ons (Gateway API and NGF CRDs; kube-proxy, ingress-nginx with its webhook, NGF) are in cluster-addons/, each file headed by what it changes', () => {
    const addonFiles = Object.keys(files).filter((f) => f.startsWith('cluster-addons/'));
    expect(addonFiles).toEqual([
      'cluster-addons/1-crds/Kustomization', 'cluster-addons/1-crds/gateway-crds.k8s.yaml',
      'cluster-addons/2-install/Kustomization', 'cluster-addons/2-install/ingress-nginx.k8s.yaml', 'cluster-addons/2-install/kube-proxy.k8s.yaml',
      'cluster-addons/2-install/nginx-gateway-fabric.k8s.yaml',
    ]);
    expect(new Set(kinds('cluster-addons/1-crds/gateway-crds.k8s.yaml'))).toEqual(new Set(['CustomResourceDefinition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']));
    expect(kinds('cluster-addons/2-install/nginx-gateway-fabric.k8s.yaml')).toEqual(expect.arrayContaining(['ClusterRole', 'GatewayClass', 'NginxGateway', 'NginxProxy']));
    expect(kinds('cluster-addons/2-install/ingress-nginx.k8s.yaml')).toEqual(expect.arrayContaining(['ClusterRole', 'IngressClass', 'ValidatingWebhookConfiguration']));
    expect(files['cluster-addons/2-install/kube-proxy.k8s.yaml']).toContain('#   - replaces ConfigMap kube-system/kube-proxy');
    expect(files['cluster-addons/2-install/kube-proxy.k8s.yaml']).toContain('https://192.168.109.100:6443');
    expect(files['cluster-addons/2-install/ingress-nginx.k8s.yaml'])
      .toContain('#   kubectl -n ingress-nginx rollout status deployment/ingress-nginx-controller --timeout=300s\n');
  });

  test('namespaces come before their objects in apply order', () => {
    // kubectl apply -f <dir> applies files in name order, objects in file order.
    const ordered = Object.keys(files).filter((f) => f.startsWith('dist/') && f.endsWith('.yaml')).sort()
      .flatMap((f) => parseAllDocuments(files[f]).map((d) => d.toJS()));
    ordered.forEach((o, i) => {
      if (o.metadata.namespace && o.metadata.namespace !== 'default') {
        expect(ordered.findIndex((n) => n.kind === 'Namespace' && n.metadata.name === o.metadata.namespace)).toBeLessThan(i);
      }
    });
  });

  test('no generated name carries a hash suffix', () => {
    for (const o of objects) expect(o.metadata.name).not.toMatch(/-[0-9a-f]{8}$/);
  });
});
