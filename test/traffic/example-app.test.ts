import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthMainAppWithSiblings } from '../helpers/synth-main';

// The example app's own map, exactly as main.ts writes it beside the manifests.
describe('traffic map of the example app (main.ts)', () => {
  const files = synthMainAppWithSiblings();
  const access = files['dist/ACCESS.md'];
  const json = JSON.parse(files['dist-traffic/access.json']);
  const objects = Object.entries(files)
    // The map covers the whole app: the apps in dist/ and the ingress controller in cluster-addons/.
    .filter(([f]) => f.endsWith('.k8s.yaml'))
    .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS()));

  test('lists every Service in the manifests, once, with its type', () => {
    const services = objects.filter((o) => o.kind === 'Service').map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort();
    expect(json.services.map((s: any) => `${s.namespace}/${s.name}`)).toEqual(services);
    // The tutorial Services (other parts of the example may add more).
    expect(json.services.map((s: any) => [s.name, s.type])).toEqual(expect.arrayContaining([
      ['cbuc-web', 'ClusterIP'], ['cbuc-web', 'ClusterIP'], ['nginx', 'ClusterIP'],
      ['nginx-service', 'Headless'], ['service-clusterip', 'ClusterIP'], ['service-externalname', 'ExternalName'], ['service-headliness', 'Headless'],
      ['service-loadbalancer', 'LoadBalancer'], ['service-nodeport', 'NodePort'], ['tomcat-service', 'Headless'],
    ]));
  });

  test('every Ingress URL, with its backend, class and certificate', () => {
    const paths = objects.filter((o) => o.kind === 'Ingress')
      .flatMap((o) => (o.spec.rules ?? []).flatMap((r: any) => r.http?.paths ?? []).concat(o.spec.defaultBackend ? [o.spec.defaultBackend] : []));
    // One URL per path, plus plain HTTP where ssl-redirect "false" keeps it open (ingress-https, both hosts).
    expect(json.ingressUrls).toHaveLength(paths.length + 2);
    expect(json.ingressUrls.map((u: any) => [u.url, u.namespace, u.backend, u.ingressClass, u.certificate?.secretName])).toEqual([
      ['http://dev.cbuc.cn/', 'cbuc-dev', 'cbuc-web:80', 'nginx', undefined],
      ['https://pro.cbuc.cn/', 'cbuc-pro', 'cbuc-web:80', 'nginx', 'pro-cbuc-cn-tls'],
      ['https://web01.cluster.example.com/', 'default', 'nginx:80', 'nginx', 'wildcard-tls'],
      ['https://nginx.xiaohan.com/', 'dev', 'nginx-service:80', 'nginx', 'tls-secret'],
      ['http://nginx.xiaohan.com/', 'dev', 'nginx-service:80', 'nginx', undefined],
      ['https://tomcat.xiaohan.com/', 'dev', 'tomcat-service:8080', 'nginx', 'tls-secret'],
      ['http://tomcat.xiaohan.com/', 'dev', 'tomcat-service:8080', 'nginx', undefined],
    ]);
  });

  test('one definition, two environments: same Service, own namespace, own replica count (an autoscaled range in pro)', () => {
    const cbuc = json.services.filter((s: any) => s.name === 'cbuc-web');
    expect(cbuc.map((s: any) => [s.namespace, s.dnsNames[2], s.pods[0].text])).toEqual([
      ['cbuc-dev', 'cbuc-web.cbuc-dev.svc.cluster.local', '1 pod'],
      ['cbuc-pro', 'cbuc-web.cbuc-pro.svc.cluster.local', '3 to 10 pods, HPA cbuc-web'],
    ]);
  });

  test('the table rows carry the tutorial values', () => {
    expect(access).toContain('| service-nodeport | dev | NodePort | `service-nodeport`<br>`service-nodeport.dev`<br>`service-nodeport.dev.svc.cluster.local` | allocated by the cluster | `80 → 80/TCP` | NodePort `<any-node-ip>:30003`<br>externalTrafficPolicy: Cluster | Deployment pc-deployment (3 pods) |');
    expect(access).toContain('| service-clusterip | dev | ClusterIP |');
    expect(access).toContain('| 10.97.97.97 |');
    expect(access).toContain('| None (headless: A records per pod) |');
    expect(access).toContain('`CNAME www.baidu.com`');
    expect(access).toContain('LoadBalancer `<load-balancer-ip>:80`<br>NodePort `<any-node-ip>:<allocated>`<br>externalTrafficPolicy: Local');
    expect(access).toContain('| `https://pro.cbuc.cn/` | cbuc-pro | cbuc-web | nginx | Prefix | `cbuc-web:80` | Secret `pro-cbuc-cn-tls` (managed outside these manifests) |');
    expect(access).toContain('Deployment nginx (5 pods)');
    expect(access).toContain('| `https://web01.cluster.example.com/` | default | apps | nginx | Prefix | `nginx:80` | Secret `wildcard-tls` (managed outside these manifests) |');
  });

  test('the flow: entry paths, then one diagram per namespace, every hop drawn with valid node ids', () => {
    const flow = access.slice(access.indexOf('## Flow'));
    const blocks = Object.fromEntries([...flow.matchAll(/### (.*?)\n\n```mermaid\n([\s\S]*?)```/g)].map((m) => [m[1], m[2]]));
    const namespaces = [...new Set(json.services.map((s: any) => s.namespace))].sort();
    expect(Object.keys(blocks)).toEqual(['Entry paths', ...namespaces.map((n) => `Namespace ${n}`)]);
    for (const chart of Object.values(blocks) as string[]) {
      expect(chart).toMatch(/^flowchart LR\n/);
      const ids = [...chart.matchAll(/^ {2}(\w+?)(?:\[|\(|>)/gm)].map((m) => m[1]);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(new Set(ids).size).toBe(ids.length);
      // Every edge joins declared nodes.
      for (const [, from, to] of chart.matchAll(/^ {2}(\S+) (?:-->|-\.-)(?:\|"[^"]*"\|)? (\S+)$/gm)) {
        expect(ids).toContain(from);
        expect(ids).toContain(to);
      }
    }
    const entry = blocks['Entry paths'];
    expect(entry).toContain('n_client -->|":30080, :30443"| n_controller_nginx');
    expect(entry).toContain('n_controller_nginx -->|"nginx.xiaohan.com<br/>tomcat.xiaohan.com"| n_ns_dev');
    expect(entry).toContain('n_client -->|":30003"| n_svc_dev_service_nodeport');
    expect(entry).toContain('n_client -->|"LB :80"| n_svc_dev_service_loadbalancer');
    expect(blocks['Namespace dev']).toContain('n_svc_dev_service_externalname -->|"CNAME"| n_ext_CNAME_www_baidu_com');
    expect(blocks['Namespace dev']).toContain('n_svc_dev_service_headliness -.- n_dns_dev_service_headliness');
    expect(blocks['Namespace dev']).toContain('(["http(s)://tomcat.xiaohan.com/"])');
    expect(blocks['Namespace cbuc-pro']).toContain('n_url_Ingress_cbuc_web_pro_cbuc_cn_cbuc_web_80 -->|":80"| n_svc_cbuc_pro_cbuc_web');
    // cbuc-pro is isolated: the hop to the pods says which NetworkPolicies let the declared paths through.
    expect(blocks['Namespace cbuc-pro']).toContain('n_svc_cbuc_pro_cbuc_web -->|"allowed by NetworkPolicy<br/>allow-cbuc-web-from-gateway-cbuc-web<br/>allow-gateway-cbuc-web-to-cbuc-web<br/>allow-cbuc-web-from-ingress-nginx"| n_pods_cbuc_pro_Deployment_cbuc_web');
    expect(blocks['Namespace cbuc-pro']).toContain('n_pods_cbuc_pro_Deployment_cbuc_web("cbuc-web<br/>Deployment, 3 to 10 pods, HPA cbuc-web")');
    expect(blocks['Namespace ingress-nginx']).toContain('n_apiserver -->|"admission webhook"| n_svc_ingress_nginx_ingress_nginx_controller_admission');
    // The ingress controller is drawn once, in the entry paths.
    expect(flow.match(/IngressClass nginx/g)).toHaveLength(1);
  });

  test('labels stay short, so each diagram fits GitHub\'s ~900 px (mmdc measured the example at 393–878 px wide)', () => {
    const flow = access.slice(access.indexOf('## Flow'));
    const labels = [...flow.matchAll(/"([^"]*)"/g)].flatMap((m) => m[1].split('<br/>').map((line) => line.replace(/#\w+;/g, 'x')));
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  test('ACCESS.md snapshot', () => {
    expect(access).toMatchSnapshot();
  });

  test('the JSON has the documented shape', () => {
    // `isolation`: the example has NetworkPolicies (cbuc-pro is isolated), so the map judges each declared path.
    expect(Object.keys(json)).toEqual(['services', 'ingressUrls', 'ingressControllers', 'gateways', 'gatewayUrls', 'isolation', 'isolatedNamespaces']);
    expect(Object.keys(json.services[0])).toEqual(['name', 'namespace', 'type', 'dnsNames', 'clusterIP', 'ports', 'external', 'selector', 'pods']);
    expect(Object.keys(json.ingressUrls[0])).toEqual(['url', 'namespace', 'ingress', 'ingressClass', 'host', 'path', 'pathType', 'backend', 'backendService', 'defaultBackend']);
    expect(json.ingressControllers.map((c: any) => c.ingressClass)).toContain('nginx');
    expect(files['dist-traffic/access.json'].endsWith('}\n')).toBe(true);
  });

  test('writes nothing else beside dist/ but the add-ons, and the committed dist-traffic/access.json is current', () => {
    expect(Object.keys(files).filter((f) => !f.startsWith('dist/') && !f.startsWith('cluster-addons/'))).toEqual(['dist-traffic/access.json']);
    // A mismatch here means: run `npx cdk8s synth` and commit dist/ and dist-traffic/.
    const committed = readFileSync(join(__dirname, '..', '..', 'dist-traffic', 'access.json'), 'utf8');
    expect(committed).toBe(files['dist-traffic/access.json']);
  });
});
