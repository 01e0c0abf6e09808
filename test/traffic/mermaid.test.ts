import { renderMermaid, trafficMap } from '../../lib';
import { deployment, service } from './fixtures';

/** The Mermaid blocks of the flow, by their heading. */
function diagrams(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/### (.*?)\n\n```mermaid\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]]));
}

const ingressClass = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } };
const controllerManifests = [
  ingressClass,
  deployment('ctl', 'ingress-nginx', { app: 'ctl' }, 1, ['--ingress-class=nginx']),
  service('ctl', 'ingress-nginx', { type: 'NodePort', selector: { app: 'ctl' }, ports: [{ port: 80, nodePort: 30080 }, { port: 443, nodePort: 30443 }] }),
  service('ctl-admission', 'ingress-nginx', { selector: { app: 'ctl' }, ports: [{ port: 443 }] }),
  { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration', metadata: { name: 'ctl-admission' },
    webhooks: [{ name: 'validate.example.com', clientConfig: { service: { name: 'ctl-admission', namespace: 'ingress-nginx' } } }] },
];
const ingress = (name: string, namespace: string, host: string, backend: string) => ({
  apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace },
  spec: { ingressClassName: 'nginx', rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } }] },
});

describe('renderMermaid', () => {
  test('one diagram for the entry paths, then one per namespace, in name order', () => {
    const text = renderMermaid(trafficMap([...controllerManifests, ingress('a', 'shop', 'shop.example.com', 'web'), service('web', 'shop', { selector: { app: 'web' }, ports: [{ port: 80 }] })]));
    expect(Object.keys(diagrams(text))).toEqual(['Entry paths', 'Namespace ingress-nginx', 'Namespace shop']);
    for (const block of Object.values(diagrams(text))) expect(block).toMatch(/^flowchart LR\n/);
  });

  test('the ingress controller is drawn once, in the entry paths, behind its node ports, fanning out to namespaces by host', () => {
    const text = renderMermaid(trafficMap([...controllerManifests, ingress('a', 'shop', 'shop.example.com', 'web'), ingress('b', 'blog', 'blog.example.com', 'web')]));
    const entry = diagrams(text)['Entry paths'];
    expect(entry).toContain('n_controller_nginx(["ctl<br/>IngressClass nginx"])');
    expect(entry).toContain('n_client -->|":30080, :30443"| n_controller_nginx');
    expect(entry).toContain('n_controller_nginx -->|"shop.example.com"| n_ns_shop');
    expect(entry).toContain('n_controller_nginx -->|"blog.example.com"| n_ns_blog');
    expect(text.match(/IngressClass nginx/g)).toHaveLength(1);
    // The Service in front of it is not a second way in.
    expect(entry).not.toContain('n_svc_ingress_nginx_ctl');
  });

  test('the admission webhook Service is called by the API server, and is not a way in', () => {
    const text = renderMermaid(trafficMap(controllerManifests));
    expect(diagrams(text)['Namespace ingress-nginx']).toContain('n_apiserver -->|"admission webhook"| n_svc_ingress_nginx_ctl_admission');
    expect(diagrams(text)['Entry paths']).not.toContain('ctl_admission');
  });

  test('a headless Service leads to its pods; the per-pod DNS names hang off it as a note, not a hop', () => {
    const ns = diagrams(renderMermaid(trafficMap([
      deployment('db', 'x', { app: 'db' }, 2),
      service('db', 'x', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }),
    ])))['Namespace x'];
    expect(ns).toContain('n_svc_x_db --> n_pods_x_Deployment_db');
    expect(ns).toContain('n_dns_x_db>"per-pod DNS<br/>#lt;pod-ip#gt;.db.x"]');
    expect(ns).toContain('n_svc_x_db -.- n_dns_x_db');
    expect(ns).not.toMatch(/n_dns_x_db -->/);
  });

  test('names that clean up to the same id get distinct ids; quotes and angle brackets are escaped', () => {
    const text = renderMermaid(trafficMap([
      service('a-b', 'x', { type: 'ExternalName', externalName: 'a"b.example.com' }),
      service('a.b', 'x', { type: 'ExternalName', externalName: 'c.example.com' }),
    ]));
    expect(text).toContain('n_svc_x_a_b["a-b<br/>ExternalName"]');
    expect(text).toContain('n_svc_x_a_b_2["a.b<br/>ExternalName"]');
    expect(text).toContain('"a#quot;b.example.com<br/>(outside the cluster)"');
  });

  test('a Service without selector points at its endpoint addresses', () => {
    const map = trafficMap([
      service('db', 'x', { ports: [{ port: 5432 }] }),
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'db-1', namespace: 'x', labels: { 'kubernetes.io/service-name': 'db' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.0.2.1'] }], ports: [{ port: 5432 }] },
    ]);
    expect(renderMermaid(map)).toContain('n_svc_x_db -->|"EndpointSlice"| n_ip_192_0_2_1_5432');
  });

  test('an Ingress backend that is not in the manifests is drawn as missing; a class without controller still gets its entry', () => {
    const text = renderMermaid(trafficMap([{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'x' },
      spec: { rules: [{ host: 'h.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gone', port: { number: 80 } } } }] } }] } }]));
    expect(text).toContain('n_client --> n_controller_cluster_default');
    expect(text).toContain('"gone:80<br/>(not in these manifests)"');
  });

  test('http and https of the same host, path and backend share one node', () => {
    const map = trafficMap([{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'x', annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } },
      spec: { tls: [{ hosts: ['h.example.com'], secretName: 's' }], rules: [{ host: 'h.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } }]);
    expect(map.ingressUrls.map((u) => u.url)).toEqual(['https://h.example.com/', 'http://h.example.com/']);
    expect(diagrams(renderMermaid(map))['Namespace x']).toContain('(["http(s)://h.example.com/"])');
  });

  test('node ports and load balancers reach their Service from the client; the namespace diagram names the node port', () => {
    const text = renderMermaid(trafficMap([
      service('np', 'x', { type: 'NodePort', ports: [{ port: 80, nodePort: 30003 }] }),
      service('lb', 'x', { type: 'LoadBalancer', ports: [{ port: 80 }] }),
    ]));
    expect(diagrams(text)['Entry paths']).toContain('n_client -->|":30003"| n_svc_x_np');
    expect(diagrams(text)['Entry paths']).toContain('n_client -->|"LB :80"| n_svc_x_lb');
    expect(diagrams(text)['Entry paths']).toContain('n_svc_x_np --> n_ns_x');
    expect(diagrams(text)['Namespace x']).toContain('n_svc_x_np["np<br/>NodePort :30003"]');
  });
});
