import { Testing } from 'cdk8s';
import { NetkitChart, NginxGatewayFabric, renderMarkdown, renderMermaid, trafficMap } from '../../lib';
import { intersectHostnames } from '../../lib/traffic/gateways';
import { deployment, service } from './fixtures';

const GW = 'gateway.networking.k8s.io/v1';
const gateway = (name: string, namespace: string, listeners: any[], extra: any = {}) =>
  ({ apiVersion: GW, kind: 'Gateway', metadata: { name, namespace, ...extra.metadata }, spec: { gatewayClassName: 'nginx', listeners, ...extra.spec } });
const route = (name: string, namespace: string, spec: any) => ({ apiVersion: GW, kind: 'HTTPRoute', metadata: { name, namespace }, spec });
const http = { name: 'http', port: 80, protocol: 'HTTP' };
const https = (hostname?: string) => ({ name: 'https', port: 443, protocol: 'HTTPS', ...(hostname ? { hostname } : {}), tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'wild' }] } });
const backend = (name: string, port: number, weight?: number) => ({ name, port, ...(weight !== undefined ? { weight } : {}) });

describe('Gateway API routes in the traffic map', () => {
  test('an HTTPRoute through both listeners of a Gateway: one URL per listener, with the listener certificate', () => {
    const map = trafficMap([
      gateway('gw', 'infra', [http, https()]),
      { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'wild', namespace: 'infra' } },
      route('web', 'shop', { parentRefs: [{ name: 'gw', namespace: 'infra' }], hostnames: ['shop.example.com'], rules: [{ backendRefs: [backend('web', 80)] }] }),
    ]);
    expect(map.gatewayUrls.map((u) => [u.url, u.gateway, u.listener, u.backend, u.certificate?.secretName, u.certificate?.source])).toEqual([
      ['http://shop.example.com/', 'infra/gw', 'http', 'web:80', undefined, undefined],
      ['https://shop.example.com/', 'infra/gw', 'https', 'web:80', 'wild', 'in these manifests'],
    ]);
    expect(map.gatewayUrls[0]).toMatchObject({ namespace: 'shop', route: 'web', gatewayClass: 'nginx', host: 'shop.example.com', path: '/', pathType: 'PathPrefix',
      backends: [{ service: 'web', namespace: 'shop', port: 80, weight: 1 }] });
  });

  test('sectionName and port pick listeners; other kinds of parent and missing Gateways add nothing', () => {
    const map = trafficMap([
      gateway('gw', 'x', [http, https(), { name: 'alt', port: 8080, protocol: 'HTTP' }, { name: 'tls', port: 8443, protocol: 'TLS' }]),
      route('a', 'x', { parentRefs: [{ name: 'gw', sectionName: 'https' }], rules: [{ backendRefs: [backend('a', 80)] }] }),
      route('b', 'x', { parentRefs: [{ name: 'gw', port: 8080 }, { name: 'nowhere' }, { kind: 'Service', name: 'gw' }], rules: [{ backendRefs: [backend('b', 80)] }] }),
    ]);
    expect(map.gatewayUrls.map((u) => u.url)).toEqual(['https://<any-host>/', 'http://<any-host>:8080/']);
  });

  test('hostnames: route and listener hostnames intersect as the spec says; disjoint ones serve nothing', () => {
    expect(intersectHostnames('a.example.com', '*.example.com')).toBe('a.example.com');
    expect(intersectHostnames('*.example.com', 'a.example.com')).toBe('a.example.com');
    expect(intersectHostnames('*.b.example.com', '*.example.com')).toBe('*.b.example.com');
    expect(intersectHostnames('x.a.example.com', '*.example.com')).toBe('x.a.example.com');
    expect(intersectHostnames('example.com', '*.example.com')).toBeNull();
    expect(intersectHostnames('a.example.org', 'a.example.com')).toBeNull();
    expect(intersectHostnames(undefined, '*.example.com')).toBe('*.example.com');
    expect(intersectHostnames('a.example.com', undefined)).toBe('a.example.com');
    const map = trafficMap([
      gateway('gw', 'x', [https('*.cluster.example.com')]),
      route('r', 'x', { parentRefs: [{ name: 'gw' }], hostnames: ['web01.cluster.example.com', 'other.example.org'], rules: [{ backendRefs: [backend('web', 80)] }] }),
    ]);
    expect(map.gatewayUrls.map((u) => u.url)).toEqual(['https://web01.cluster.example.com/']);
  });

  test('matches: paths, types and conditions; weights split the backends; a redirect replaces them', () => {
    const map = trafficMap([
      gateway('gw', 'x', [http]),
      route('r', 'x', { parentRefs: [{ name: 'gw' }], hostnames: ['a.example.com'], rules: [
        { matches: [{ path: { type: 'Exact', value: '/v1' }, method: 'GET', headers: [{ name: 'x-env', value: 'canary' }], queryParams: [{ type: 'RegularExpression', name: 'id', value: '[0-9]+' }] }],
          backendRefs: [backend('blue', 80, 90), backend('green', 8080, 10)] },
        { matches: [{ path: { type: 'PathPrefix', value: '/old' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
      ] }),
    ]);
    expect(map.gatewayUrls.map((u) => [u.url, u.pathType, u.conditions, u.backend])).toEqual([
      ['http://a.example.com/old', 'PathPrefix', undefined, 'redirect https://a.example.com/… (301)'],
      ['http://a.example.com/v1', 'Exact', 'GET, header x-env=canary, query id~[0-9]+', 'blue:80 (90%), green:8080 (10%)'],
    ]);
    const ns = renderMermaid(map);
    expect(ns).toContain('-->|":80 weight 90"|');
    expect(ns).toContain('-.- n_redirect_https_a_example_com_301');
  });

  test('a cross-namespace backend is named with its namespace', () => {
    const map = trafficMap([gateway('gw', 'x', [http]), route('r', 'x', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'api', namespace: 'y', port: 80 }] }] })]);
    expect(map.gatewayUrls[0].backend).toBe('y/api:80');
  });

  test('routes are drawn like Ingress routes: the Gateway once in the entry paths, route → Service → pods in the namespace', () => {
    const map = trafficMap([
      gateway('gw', 'infra', [http]),
      route('web', 'shop', { parentRefs: [{ name: 'gw', namespace: 'infra' }], hostnames: ['shop.example.com'], rules: [{ backendRefs: [backend('web', 80)] }] }),
      service('web', 'shop', { selector: { app: 'web' }, ports: [{ port: 80 }] }),
      deployment('web', 'shop', { app: 'web' }, 2),
    ]);
    const text = renderMermaid(map);
    expect(text).toContain('n_gateway_infra_gw(["Gateway infra/gw<br/>class nginx"])');
    expect(text).toContain('n_client --> n_gateway_infra_gw');
    expect(text).toContain('n_gateway_infra_gw -->|"shop.example.com"| n_ns_shop');
    expect(text).toContain('n_url_HTTPRoute_web_shop_example_com_web_80(["http://shop.example.com/"])');
    expect(text).toContain('n_url_HTTPRoute_web_shop_example_com_web_80 -->|":80"| n_svc_shop_web');
    expect(text).toContain('n_svc_shop_web --> n_pods_shop_Deployment_web');
    const markdown = renderMarkdown(map);
    expect(markdown).toContain('| `http://shop.example.com/` | shop | web | infra/gw (http) | nginx | PathPrefix | `web:80` | none (HTTP) |');
    expect(markdown).toContain('| infra/gw | nginx | `http HTTP 80` | the controller\'s Service (not described by these manifests) |');
  });

  test('with NginxGatewayFabric, the Gateway\'s provisioned Service and its node ports come from the NginxProxy', () => {
    const chart = new NetkitChart(Testing.app(), 'cluster');
    new NginxGatewayFabric(chart, 'ngf', { nodePorts: { http: 30081, https: 30444 }, externalTrafficPolicy: 'Cluster' });
    const objects = [...Testing.synth(chart), gateway('gw', 'infra', [http, https()])];
    const [g] = trafficMap(objects).gateways;
    expect(g).toEqual({
      name: 'gw', namespace: 'infra', gatewayClass: 'nginx', controller: 'gateway.nginx.org/nginx-gateway-controller',
      listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }, { name: 'https', protocol: 'HTTPS', port: 443 }],
      service: { name: 'gw-nginx', type: 'NodePort', entries: ['<any-node-ip>:30081 → 80', '<any-node-ip>:30444 → 443'], externalTrafficPolicy: 'Cluster' },
    });
    expect(renderMermaid(trafficMap(objects))).toContain('n_client -->|":30081, :30444"| n_gateway_infra_gw');
  });

  test('a Gateway-level NginxProxy overrides the class\'s; the CRD defaults make a LoadBalancer with Local', () => {
    const proxy = (name: string, namespace: string, service: any) => ({ apiVersion: 'gateway.nginx.org/v1alpha2', kind: 'NginxProxy', metadata: { name, namespace }, spec: { kubernetes: { service } } });
    const objects = [
      { apiVersion: GW, kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName: 'gateway.nginx.org/c', parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: 'p', namespace: 'ngf' } } },
      proxy('p', 'ngf', {}),
      proxy('own', 'x', { type: 'NodePort', nodePorts: [{ port: 31000, listenerPort: 80 }] }),
      gateway('plain', 'x', [http]),
      gateway('tuned', 'x', [http, https()], { spec: { infrastructure: { parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: 'own' } } } }),
    ];
    expect(trafficMap(objects).gateways.map((g) => g.service)).toEqual([
      { name: 'plain-nginx', type: 'LoadBalancer', entries: ['<load-balancer-ip>:80', '<any-node-ip>:<allocated> → 80'], externalTrafficPolicy: 'Local' },
      { name: 'tuned-nginx', type: 'NodePort', entries: ['<any-node-ip>:31000 → 80', '<any-node-ip>:<allocated> → 443'], externalTrafficPolicy: 'Local' },
    ]);
  });
});
