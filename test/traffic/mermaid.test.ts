import { renderMermaid, trafficMap } from '../../lib';
import { deployment, service } from './fixtures';

describe('renderMermaid', () => {
  test('names that clean up to the same id get distinct ids; quotes and angle brackets are escaped', () => {
    const map = trafficMap([
      service('a-b', 'x', { type: 'ExternalName', externalName: 'a"b.example.com' }),
      service('a.b', 'x', { type: 'ExternalName', externalName: 'c.example.com' }),
    ]);
    const text = renderMermaid(map);
    expect(text).toContain('n_svc_x_a_b["Service x/a-b<br/>ExternalName"]');
    expect(text).toContain('n_svc_x_a_b_2["Service x/a.b<br/>ExternalName"]');
    expect(text).toContain('"a#quot;b.example.com (outside the cluster)"');
  });

  test('a Service without selector points at its endpoint addresses', () => {
    const map = trafficMap([
      service('db', 'x', { ports: [{ port: 5432 }] }),
      { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'db-1', namespace: 'x', labels: { 'kubernetes.io/service-name': 'db' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.0.2.1'] }], ports: [{ port: 5432 }] },
    ]);
    expect(renderMermaid(map)).toContain('n_svc_x_db -->|"EndpointSlice"| n_ip_192_0_2_1_5432');
  });

  test('an Ingress backend that is not in the manifests is drawn as missing', () => {
    const map = trafficMap([{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'x' },
      spec: { rules: [{ host: 'h.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gone', port: { number: 80 } } } }] } }] } }]);
    const text = renderMermaid(map);
    expect(text).toContain('n_client --> n_controller_cluster_default');
    expect(text).toContain('"gone:80 (not in these manifests)"');
  });

  test('the ingress controller sits behind the Service that fronts it', () => {
    const map = trafficMap([
      { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } },
      deployment('ctl', 'ingress-nginx', { app: 'ctl' }, 1, ['--ingress-class=nginx']),
      service('ctl', 'ingress-nginx', { type: 'NodePort', selector: { app: 'ctl' }, ports: [{ port: 80, nodePort: 30080 }] }),
    ]);
    const text = renderMermaid(map);
    expect(text).toContain('n_client -->|"#lt;any-node-ip#gt;:30080"| n_svc_ingress_nginx_ctl');
    expect(text).toContain('n_svc_ingress_nginx_ctl --> n_controller_nginx');
    expect(text).toContain('n_controller_nginx(["ingress controller ingress-nginx/ctl<br/>class nginx"])');
  });
});
