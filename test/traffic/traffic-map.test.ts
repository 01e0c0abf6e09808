import { ApiObject, App, Chart } from 'cdk8s';
import { ExposedService, NetkitChart, renderMarkdown, trafficMap, WebApp } from '../../lib';
import { deployment, ingress, rule, service } from './fixtures';

describe('trafficMap: Services', () => {
  const web = deployment('web', 'shop', { app: 'web' }, 3);
  const map = trafficMap([
    web,
    service('web-nodeport', 'shop', { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30003 }] }),
    service('web-lb', 'shop', { type: 'LoadBalancer', selector: { app: 'web' }, externalTrafficPolicy: 'Local', ports: [{ port: 443, targetPort: 'https' }] }),
    service('web', 'shop', { clusterIP: '10.97.97.97', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, protocol: 'UDP' }], externalIPs: ['203.0.113.7'] }),
    service('baidu', 'shop', { type: 'ExternalName', externalName: 'www.baidu.com' }),
    service('legacy-db', 'shop', { ports: [{ port: 5432 }] }),
    {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'legacy-db-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'legacy-db' } },
      addressType: 'IPv4', endpoints: [{ addresses: ['192.0.2.20', '192.0.2.10'] }], ports: [{ port: 5432 }],
    },
    service('orphan', 'shop', { selector: { app: 'nothing' }, ports: [{ port: 80 }] }),
  ]);
  const byName = (name: string) => map.services.find((s) => s.name === name)!;

  test('sorted by namespace and name, every Service once', () => {
    expect(map.services.map((s) => s.name)).toEqual(['baidu', 'legacy-db', 'orphan', 'web', 'web-lb', 'web-nodeport']);
  });

  test('DNS names, fixed ClusterIP, ports as port → targetPort/protocol, pods with replica counts', () => {
    expect(byName('web')).toMatchObject({
      type: 'ClusterIP', namespace: 'shop',
      dnsNames: ['web', 'web.shop', 'web.shop.svc.cluster.local'],
      clusterIP: '10.97.97.97',
      ports: [{ port: 80, targetPort: 8080, protocol: 'UDP', text: '80 → 8080/UDP' }],
      pods: [{ kind: 'Deployment', name: 'web', replicas: 3, text: '3 pods' }],
      external: { nodePorts: [], externalIPs: ['203.0.113.7:80'] },
    });
  });

  test('NodePort: <any-node-ip>:<nodePort> and the default traffic policy', () => {
    expect(byName('web-nodeport').external).toEqual({ nodePorts: ['<any-node-ip>:30003'], externalTrafficPolicy: 'Cluster' });
    expect(byName('web-nodeport').ports[0].text).toBe('http 80 → 8080/TCP');
    expect(byName('web-nodeport').clusterIP).toBe('allocated by the cluster');
  });

  test('LoadBalancer: its address, the allocated node port and its traffic policy', () => {
    expect(byName('web-lb').external).toEqual({
      nodePorts: ['<any-node-ip>:<allocated>'], loadBalancer: ['<load-balancer-ip>:443'], externalTrafficPolicy: 'Local',
    });
    expect(byName('web-lb').ports[0].text).toBe('443 → https/TCP');
  });

  test('LoadBalancer without node ports, with a fixed IP and source ranges', () => {
    const m = trafficMap([service('lb', 'n', {
      type: 'LoadBalancer', selector: { app: 'x' }, allocateLoadBalancerNodePorts: false, loadBalancerIP: '198.51.100.7',
      loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 443 }],
    })]);
    expect(m.services[0].external).toEqual({
      nodePorts: [], loadBalancer: ['198.51.100.7:443'], loadBalancerSourceRanges: ['10.0.0.0/8'], externalTrafficPolicy: 'Cluster',
    });
    expect(renderMarkdown(m)).toContain('LoadBalancer `198.51.100.7:443`<br>only from `10.0.0.0/8`<br>externalTrafficPolicy: Cluster');
  });

  test('ExternalName: a CNAME, no cluster IP, no pods', () => {
    expect(byName('baidu')).toMatchObject({ type: 'ExternalName', clusterIP: 'none (CNAME)', external: { cname: 'CNAME www.baidu.com' }, pods: [] });
  });

  test('selector-less Service: the addresses of its EndpointSlices, sorted', () => {
    expect(byName('legacy-db').external.endpoints).toEqual(['192.0.2.10:5432', '192.0.2.20:5432']);
    expect(byName('legacy-db').selector).toBeUndefined();
  });

  test('a selector that matches nothing gives no pods', () => {
    expect(byName('orphan').pods).toEqual([]);
  });

  test('a workload in another namespace is not selected', () => {
    const other = trafficMap([deployment('web', 'other', { app: 'web' }, 2), service('web', 'shop', { selector: { app: 'web' }, ports: [{ port: 80 }] })]);
    expect(other.services[0].pods).toEqual([]);
  });

  test('every selector label must match, not just one', () => {
    const m = trafficMap([
      deployment('v1', 'ns', { app: 'web', track: 'stable' }, 2), deployment('v2', 'ns', { app: 'web', track: 'canary' }, 1),
      service('stable', 'ns', { selector: { app: 'web', track: 'stable' }, ports: [{ port: 80 }] }),
      service('all', 'ns', { selector: { app: 'web' }, ports: [{ port: 80 }] }),
    ]);
    expect(m.services.map((s) => [s.name, s.pods.map((p) => p.name)])).toEqual([['all', ['v1', 'v2']], ['stable', ['v1']]]);
  });

  test('EndpointSlices count only for the Service and namespace named in their label', () => {
    const slice = (namespace: string, serviceName: string, ip: string) => ({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: `${serviceName}-${ip}`, namespace, labels: { 'kubernetes.io/service-name': serviceName } },
      addressType: 'IPv4', endpoints: [{ addresses: [ip] }], ports: [{ port: 80 }],
    });
    const m = trafficMap([service('db', 'a', { ports: [{ port: 80 }] }), slice('a', 'db', '192.0.2.1'), slice('b', 'db', '192.0.2.2'), slice('a', 'other', '192.0.2.3')]);
    expect(m.services[0].external.endpoints).toEqual(['192.0.2.1:80']);
  });

  test('replicas default to 1; a DaemonSet runs one pod per node', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'ops' }, spec: { template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [] } } } };
    const m = trafficMap([deployment('one', 'ops', { app: 'one' }), ds,
      service('one', 'ops', { selector: { app: 'one' }, ports: [{ port: 80 }] }),
      service('agent', 'ops', { selector: { app: 'agent' }, ports: [{ port: 9100 }] })]);
    expect(m.services.find((s) => s.name === 'one')!.pods).toEqual([{ kind: 'Deployment', name: 'one', replicas: 1, text: '1 pod' }]);
    expect(m.services.find((s) => s.name === 'agent')!.pods).toEqual([{ kind: 'DaemonSet', name: 'agent', text: 'one per node' }]);
  });

  test('a workload a HorizontalPodAutoscaler owns shows its replica range, whatever spec.replicas says', () => {
    const hpa = (name: string, target: string, spec: any) => ({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: 'ops' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, ...spec },
    });
    const m = trafficMap([deployment('web', 'ops', { app: 'web' }, 4), deployment('api', 'ops', { app: 'api' }),
      hpa('web-scaler', 'web', { minReplicas: 2, maxReplicas: 8 }), hpa('api', 'api', { maxReplicas: 3 }),
      service('web', 'ops', { selector: { app: 'web' }, ports: [{ port: 80 }] }), service('api', 'ops', { selector: { app: 'api' }, ports: [{ port: 80 }] })]);
    expect(m.services.find((s) => s.name === 'web')!.pods).toEqual([{ kind: 'Deployment', name: 'web', replicas: 2, maxReplicas: 8, autoscaler: 'web-scaler', text: '2 to 8 pods, HPA web-scaler' }]);
    expect(m.services.find((s) => s.name === 'api')!.pods[0].text).toBe('1 to 3 pods, HPA api');
    expect(renderMarkdown(m)).toContain('Deployment web (2 to 8 pods, HPA web-scaler)');
  });

  test('a WebApp with autoscaling appears with its range', () => {
    const chart = new NetkitChart(new App(), 'shop', { namespace: 'shop' });
    new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080, autoscaling: { maxReplicas: 6 } }).expose('web', { port: 80 });
    expect(trafficMap(chart).services[0].pods[0].text).toBe('2 to 6 pods, HPA web');
  });
});

describe('trafficMap: headless Services', () => {
  test('StatefulSet pods get stable per-pod DNS names under their governing Service', () => {
    const sts = {
      apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'data' },
      spec: { serviceName: 'db', replicas: 2, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [] } } },
    };
    const m = trafficMap([sts, service('db', 'data', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] })]);
    expect(m.services[0]).toMatchObject({
      type: 'Headless', clusterIP: 'None (headless: A records per pod)',
      podDnsNames: ['db-0.db.data.svc.cluster.local', 'db-1.db.data.svc.cluster.local'],
    });
  });

  test('Deployment pods behind a headless Service are named by their IP', () => {
    const m = trafficMap([deployment('web', 'dev', { app: 'web' }, 3), service('web-h', 'dev', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] })],
      { clusterDomain: 'corp.internal' });
    expect(m.services[0].podDnsNames).toEqual(['<pod-ip-with-dashes>.web-h.dev.svc.corp.internal']);
    expect(m.services[0].dnsNames[2]).toBe('web-h.dev.svc.corp.internal');
  });
});

describe('trafficMap: Ingress URLs', () => {
  const cls = (name: string, controller: string, isDefault = false) => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
    metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller },
  });

  test('one entry per host and path; https where a TLS entry covers the host, with its Secret', () => {
    const m = trafficMap([
      ingress('web', 'shop', {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['*.cluster.example.com'], secretName: 'wildcard-tls' }],
        rules: [rule('web01.cluster.example.com', '/', 'web', 80), rule('plain.example.org', '/api', 'api', 'http')],
      }),
      { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'wildcard-tls', namespace: 'shop' } },
    ]);
    expect(m.ingressUrls).toEqual([
      {
        url: 'http://plain.example.org/api', namespace: 'shop', ingress: 'web', ingressClass: 'nginx', host: 'plain.example.org',
        path: '/api', pathType: 'Prefix', backend: 'api:http', backendService: 'api', defaultBackend: false,
      },
      {
        url: 'https://web01.cluster.example.com/', namespace: 'shop', ingress: 'web', ingressClass: 'nginx', host: 'web01.cluster.example.com',
        path: '/', pathType: 'Prefix', backend: 'web:80', backendService: 'web', defaultBackend: false,
        certificate: { secretName: 'wildcard-tls', source: 'in these manifests' },
      },
    ]);
  });

  test('a wildcard certificate does not cover the apex or a deeper name', () => {
    const m = trafficMap([ingress('w', 'a', {
      tls: [{ hosts: ['*.example.com'], secretName: 's' }],
      rules: [rule('example.com', '/', 'x', 80), rule('a.b.example.com', '/', 'x', 80)],
    })]);
    expect(m.ingressUrls.map((u) => u.url)).toEqual(['http://a.b.example.com/', 'http://example.com/']);
  });

  test('where the certificate comes from: cert-manager, managed outside, missing, controller default', () => {
    const m = trafficMap([
      ingress('a', 'ns', { tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }], rules: [rule('a.example.com', '/', 's', 80)] }),
      { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'a-cert', namespace: 'ns' }, spec: { secretName: 'a-tls' } },
      ingress('b', 'ns', { tls: [{ hosts: ['b.example.com'], secretName: 'b-tls' }], rules: [rule('b.example.com', '/', 's', 80)] },
        { 'netkit.io/external-secrets': 'other, b-tls' }),
      ingress('c', 'ns', { tls: [{ hosts: ['c.example.com'], secretName: 'c-tls' }], rules: [rule('c.example.com', '/', 's', 80)] }),
      ingress('d', 'ns', { tls: [{ hosts: ['d.example.com'] }], rules: [rule('d.example.com', '/', 's', 80)] }),
    ]);
    expect(m.ingressUrls.map((u) => u.certificate)).toEqual([
      { secretName: 'a-tls', source: 'cert-manager Certificate a-cert' },
      { secretName: 'b-tls', source: 'managed outside these manifests' },
      { secretName: 'c-tls', source: 'not in these manifests' },
      { secretName: '(controller default certificate)', source: 'the ingress controller' },
    ]);
  });

  test('class: spec, legacy annotation, the default IngressClass, or the cluster default', () => {
    const r = [rule('h.example.com', '/', 's', 80)];
    const withDefault = trafficMap([cls('nginx', 'k8s.io/ingress-nginx', true), ingress('a', 'n', { rules: r })]);
    expect(withDefault.ingressUrls[0].ingressClass).toBe('nginx');
    const m = trafficMap([
      ingress('a', 'n', { rules: r }),
      ingress('b', 'n', { rules: r }, { 'kubernetes.io/ingress.class': 'traefik' }),
      ingress('c', 'n', { ingressClassName: 'haproxy', rules: r }),
    ]);
    expect(m.ingressUrls.map((u) => u.ingressClass)).toEqual(['(cluster default)', 'traefik', 'haproxy']);
  });

  test('a rule without host and the default backend match any host', () => {
    const m = trafficMap([ingress('catch', 'n', {
      defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } },
      rules: [rule(undefined, '/shop', 'shop', 80)],
    })]);
    expect(m.ingressUrls.map((u) => [u.url, u.backend, u.defaultBackend])).toEqual([
      ['http://<any-host>/shop', 'shop:80', false],
      ['http://<any-host>/ (no rule matches)', 'fallback:8080', true],
    ]);
  });

  test('the ingress controller is found by its flags, with the Services in front of it', () => {
    const m = trafficMap([
      cls('nginx', 'k8s.io/ingress-nginx'),
      deployment('ingress-nginx-controller', 'ingress-nginx', { app: 'ctl' }, 2, ['/nginx-ingress-controller', '--controller-class=k8s.io/ingress-nginx']),
      service('ingress-nginx-controller', 'ingress-nginx', { type: 'LoadBalancer', selector: { app: 'ctl' }, ports: [{ port: 443 }] }),
      // Selects the same pods, but only the API server calls it.
      service('ingress-nginx-controller-admission', 'ingress-nginx', { selector: { app: 'ctl' }, ports: [{ port: 443, targetPort: 'webhook' }] }),
      ingress('a', 'n', { ingressClassName: 'nginx', rules: [rule('h.example.com', '/', 's', 80)] }),
    ]);
    expect(m.ingressControllers).toEqual([{
      ingressClass: 'nginx', controller: 'k8s.io/ingress-nginx',
      workload: { kind: 'Deployment', name: 'ingress-nginx-controller', replicas: 2, text: '2 pods', namespace: 'ingress-nginx' },
      services: ['ingress-nginx/ingress-nginx-controller'],
    }]);
  });

  test('a controller reached only through ClusterIP Services lists them all', () => {
    const m = trafficMap([
      deployment('ctl', 'ops', { app: 'ctl' }, 1, ['--ingress-class=internal']),
      service('ctl', 'ops', { selector: { app: 'ctl' }, ports: [{ port: 80 }] }),
      ingress('a', 'n', { ingressClassName: 'internal', rules: [rule('h.example.com', '/', 's', 80)] }),
    ]);
    expect(m.ingressControllers[0].services).toEqual(['ops/ctl']);
  });

  test('an ingress class whose controller is not in the manifests is still listed', () => {
    const m = trafficMap([ingress('a', 'n', { ingressClassName: 'nginx', rules: [rule('h.example.com', '/', 's', 80)] })]);
    expect(m.ingressControllers).toEqual([{ ingressClass: 'nginx', controller: 'unknown', services: [] }]);
  });
});

describe('trafficMap: inputs', () => {
  test('reads an App built with the constructs: the synthesized objects, namespaces included', () => {
    const app = new App({ outdir: '/nonexistent' });
    const chart = new NetkitChart(app, 'dev', { namespace: 'dev' });
    const web = new WebApp(chart, 'web', { image: 'nginx:1.27', replicas: 2, port: 80 });
    ExposedService.nodePort(chart, 'web-np', { target: web, ports: [{ port: 80, nodePort: 30080 }] });
    const m = trafficMap(app);
    expect(m.services.map((s) => [s.namespace, s.name, s.external.nodePorts, s.pods.map((p) => p.text)]))
      .toEqual([['dev', 'web-np', ['<any-node-ip>:30080'], ['2 pods']]]);
    // A chart alone gives the same Service.
    expect(trafficMap(chart).services).toEqual(m.services);
  });

  test('reads loaded manifests (from readManifests) and plain objects alike', () => {
    const svc = service('a', 'n', { ports: [{ port: 80 }] });
    expect(trafficMap([{ manifest: svc, file: 'x.yaml', line: 1 }])).toEqual(trafficMap([svc]));
  });

  test('ApiObjects added as escape hatches are mapped as written', () => {
    const app = new App({ outdir: '/nonexistent' });
    const chart = new Chart(app, 'raw', { namespace: 'raw' });
    new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'raw-svc' }, spec: { type: 'ExternalName', externalName: 'example.org' } });
    expect(trafficMap(app).services[0]).toMatchObject({ name: 'raw-svc', namespace: 'raw', external: { cname: 'CNAME example.org' } });
  });

  test('the order of the input does not change the output', () => {
    const objects = [
      deployment('web', 'b', { app: 'web' }, 2), service('web', 'b', { selector: { app: 'web' }, ports: [{ port: 80 }] }),
      service('z', 'a', { ports: [{ port: 1 }] }), ingress('i', 'a', { rules: [rule('y.example.com', '/', 'z', 1), rule('x.example.com', '/', 'z', 1)] }),
    ];
    expect(JSON.stringify(trafficMap([...objects].reverse()))).toBe(JSON.stringify(trafficMap(objects)));
  });
});

describe('plain HTTP beside HTTPS', () => {
  const ingress = (annotations: Record<string, string>) => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'dev', annotations },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }],
      rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }],
    },
  });

  test('ssl-redirect "false" keeps http:// as a way in', () => {
    expect(trafficMap([ingress({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' })]).ingressUrls.map((u) => u.url))
      .toEqual(['https://a.example.com/', 'http://a.example.com/']);
  });

  test('by default, or with force-ssl-redirect, HTTP only redirects', () => {
    expect(trafficMap([ingress({})]).ingressUrls.map((u) => u.url)).toEqual(['https://a.example.com/']);
    expect(trafficMap([ingress({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false', 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' })]).ingressUrls.map((u) => u.url))
      .toEqual(['https://a.example.com/']);
  });
});

test('a selector-less Service backed by a core/v1 Endpoints object shows its addresses', () => {
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'dev' }, spec: { ports: [{ port: 5432 }] } };
  const endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db', namespace: 'dev' }, subsets: [{ addresses: [{ ip: '10.0.0.5' }, { ip: '10.0.0.6' }], ports: [{ port: 5432 }] }] };
  expect(trafficMap([service, endpoints]).services[0].external.endpoints).toEqual(['10.0.0.5:5432', '10.0.0.6:5432']);
});

test('a host without paths is listed, served by the controller\'s default backend', () => {
  const ingress = {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'legacy', namespace: 'web' },
    spec: { ingressClassName: 'haproxy', tls: [{ hosts: ['*.w.example.com'], secretName: 'w-tls' }], rules: [{ host: 'a.w.example.com' }] },
  };
  expect(trafficMap([ingress]).ingressUrls.map((u) => [u.url, u.backend, u.certificate?.secretName])).toEqual([
    ['https://a.w.example.com/', '(no paths: the controller\'s default backend)', 'w-tls'],
  ]);
});
