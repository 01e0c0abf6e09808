import { parseAllDocuments } from 'yaml';
import { synthMainApp } from './helpers/synth-main';

// The example app reproduces the classic walkthroughs; these tests pin what a reader of those guides expects.
const files = synthMainApp();
const objects: any[] = Object.entries(files)
  .filter(([file]) => file.endsWith('.yaml'))
  .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS()));
const find = (kind: string, name: string, namespace?: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));

describe('example app', () => {
  test.each(Object.keys(files))('%s matches its snapshot', (file) => {
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
    const clusterScoped = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'ValidatingWebhookConfiguration', 'ClusterIssuer',
      'CustomResourceDefinition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding']);
    for (const o of objects) {
      if (clusterScoped.has(o.kind)) expect(o.metadata.namespace).toBeUndefined();
      else expect(typeof o.metadata.namespace).toBe('string');
    }
  });

  test('kubectl apply -f dist/ in one pass: the ingress-nginx webhook comes after every Ingress, namespaces before their objects', () => {
    // kubectl apply -f <dir> applies files in name order, objects in file order.
    const ordered = Object.keys(files).filter((f) => f.endsWith('.yaml')).sort()
      .flatMap((f) => parseAllDocuments(files[f]).map((d) => d.toJS()));
    const webhook = ordered.findIndex((o) => o.kind === 'ValidatingWebhookConfiguration');
    const lastIngress = ordered.reduce((last, o, i) => (o.kind === 'Ingress' ? i : last), -1);
    expect(lastIngress).toBeGreaterThan(0);
    expect(webhook).toBeGreaterThan(lastIngress);
    ordered.forEach((o, i) => {
      if (o.metadata.namespace && o.metadata.namespace !== 'default' && o.metadata.namespace !== 'kube-system') {
        expect(ordered.findIndex((n) => n.kind === 'Namespace' && n.metadata.name === o.metadata.namespace)).toBeLessThan(i);
      }
    });
  });

  test('no generated name carries a hash suffix', () => {
    for (const o of objects) expect(o.metadata.name).not.toMatch(/-[0-9a-f]{8}$/);
  });
});
