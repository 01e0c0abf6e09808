import { ApiObject, Testing } from 'cdk8s';
import {
  checkPolicies, ExposedService, Gateway, HttpIngress, HttpRoute, HttpRouteBackend, IngressBackend, IngressNginx, NetkitChart, NetkitChartProps, NginxGatewayFabric, WebApp,
} from '../../lib';
import { errorOf } from '../helpers/errors';
import { policies, schemaErrors } from './helpers';

const PODS = { 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/name': 'web' };

/** An isolated namespace `shop` with a WebApp `web` (container port 8080, named http) behind Service `web` port 80. */
function shop(props: NetkitChartProps = {}) {
  const app = Testing.app();
  const chart = new NetkitChart(app, 'shop', { namespace: 'shop', isolation: {}, ...props });
  const web = new WebApp(chart, 'web', { image: 'nginx:1.27', ports: [{ port: 8080, name: 'http' }] });
  const service = web.expose('web', { ports: [{ port: 80, targetPort: 'http' }] });
  return { app, chart, web, service };
}

describe('default-deny', () => {
  test('ingress only by default; ingress and egress with `egress: true`, and DNS to kube-dns on UDP and TCP 53', () => {
    const { chart } = shop();
    expect(Object.keys(policies(chart))).toEqual(['default-deny']);
    expect(policies(chart)['default-deny'].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const egress = shop({ isolation: { egress: true } }).chart;
    expect(policies(egress)['default-deny'].spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policies(egress)['allow-dns'].spec).toEqual({
      podSelector: {}, policyTypes: ['Egress'],
      egress: [{
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
      }],
    });
  });

  test('a chart without a namespace cannot be isolated', () => {
    expect(errorOf(() => new NetkitChart(Testing.app(), 'x', { isolation: {} })).message).toContain('[x] isolation: is set but the chart has no namespace');
  });

  test('the isolation is a public field; no policy other than default-deny without isolation', () => {
    const { chart } = shop();
    expect(chart.isolation?.defaultDeny.name).toBe('default-deny');
    const plain = new NetkitChart(Testing.app(), 'open', { namespace: 'open' });
    new WebApp(plain, 'web', { image: 'nginx:1.27', port: 80 });
    expect(policies(plain)).toEqual({});
  });
});

describe('ingress controller → routed backends', () => {
  test('class nginx without an install in the app: the upstream controller pods in ingress-nginx, on the numeric target port', () => {
    const { chart, service } = shop();
    new HttpIngress(chart, 'web-ingress', { name: 'web', rules: [{ host: 'shop.example.com', backend: IngressBackend.fromService(service, 80) }] });
    const policy = policies(chart)['allow-web-from-ingress-nginx'];
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: PODS }, policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'ingress-nginx' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      }],
    });
    expect(policy.metadata.annotations['netkit.io/allows']).toBe('Ingress web → Service web:80 → pods app.kubernetes.io/name=web,app.kubernetes.io/instance=web:8080');
  });

  test('an IngressNginx install in the app: its namespace and its controller selector', () => {
    const { app, chart, service } = shop();
    new IngressNginx(new NetkitChart(app, 'addons'), 'edge', { namespace: 'edge-system', ingressClassName: 'edge', acknowledgeRetirement: true });
    new HttpIngress(chart, 'web-ingress', { ingressClassName: 'edge', rules: [{ backend: IngressBackend.fromService(service, 80) }] });
    expect(policies(chart)['allow-web-from-edge-system'].spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge-system' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'edge', 'app.kubernetes.io/name': 'ingress-nginx' } },
    }]);
  });

  test('`ingressControllers` gives another class\'s pods; without it, or incomplete, a NetkitError says what to add', () => {
    const given = shop({ isolation: { ingressControllers: { traefik: { namespace: 'traefik', podLabels: { 'app.kubernetes.io/name': 'traefik' } } } } });
    new HttpIngress(given.chart, 'web-ingress', { ingressClassName: 'traefik', defaultBackend: IngressBackend.fromService(given.service, 80) });
    expect(policies(given.chart)['allow-web-from-traefik'].spec.ingress[0].from[0].podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'traefik' } });

    const missing = shop();
    new HttpIngress(missing.chart, 'web-ingress', { ingressClassName: 'traefik', defaultBackend: IngressBackend.fromService(missing.service, 80) });
    const error = errorOf(() => Testing.synth(missing.chart));
    expect(error.path).toBe('shop/Isolation');
    expect(error.problems[0]).toMatchObject({ field: 'isolation.ingressControllers', value: 'traefik' });
    expect(error.problems[0].fix).toContain("ingressControllers: { 'traefik': { namespace:");

    const incomplete = shop({ isolation: { ingressControllers: { traefik: { namespace: 'traefik' } } } });
    new HttpIngress(incomplete.chart, 'web-ingress', { ingressClassName: 'traefik', defaultBackend: IngressBackend.fromService(incomplete.service, 80) });
    expect(errorOf(() => Testing.synth(incomplete.chart)).problems[0]).toMatchObject({ field: 'isolation.ingressControllers.traefik', message: 'needs both `namespace` and `podLabels`.' });
  });

  test('a controller on the host network is matched by the nodes\' addresses (`nodeCidrs`), or a NetkitError asks for them', () => {
    const withNodes = shop({ isolation: { nodeCidrs: ['192.168.109.0/24'] } });
    new IngressNginx(new NetkitChart(withNodes.app, 'addons'), 'ingress-nginx', { exposure: 'HostNetwork', acknowledgeRetirement: true });
    new HttpIngress(withNodes.chart, 'web-ingress', { rules: [{ backend: IngressBackend.fromService(withNodes.service, 80) }] });
    expect(policies(withNodes.chart)['allow-web-from-ingress-nginx'].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '192.168.109.0/24' } }]);

    const without = shop();
    new IngressNginx(new NetkitChart(without.app, 'addons'), 'ingress-nginx', { exposure: 'HostNetwork', acknowledgeRetirement: true });
    new HttpIngress(without.chart, 'web-ingress', { rules: [{ backend: IngressBackend.fromService(without.service, 80) }] });
    expect(errorOf(() => Testing.synth(without.chart)).problems[0]).toMatchObject({ field: 'isolation.nodeCidrs' });
  });

  test('an Ingress in another chart routing to this namespace is found; one in a namespace that is not isolated writes nothing there', () => {
    const { app, chart, service } = shop();
    const edge = new NetkitChart(app, 'edge', { namespace: 'edge' });
    new HttpIngress(edge, 'web-ingress', { namespace: 'shop', rules: [{ backend: IngressBackend.fromService(service, 80) }] });
    expect(Object.keys(policies(chart))).toContain('allow-web-from-ingress-nginx');
    expect(policies(edge)).toEqual({});
  });
});

describe('Gateway data plane → routed backends', () => {
  test('NGINX Gateway Fabric (class nginx): clients → data plane on the listener ports, data plane → backend, and with egress denied the data plane → backend and control plane', () => {
    const { chart, service } = shop({ isolation: { egress: true } });
    const gateway = new Gateway(chart, 'gw', { name: 'shop', listeners: [{ protocol: 'HTTP' }, { protocol: 'HTTP', name: 'alt', port: 8081 }] });
    new HttpRoute(chart, 'route', { name: 'web', parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
    const all = policies(chart);
    expect(Object.keys(all).sort()).toEqual([
      'allow-dns', 'allow-gateway-shop-from-clients', 'allow-gateway-shop-to-nginx-gateway', 'allow-gateway-shop-to-web', 'allow-web-from-gateway-shop', 'default-deny',
    ]);
    const plane = { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shop' } };
    expect(all['allow-gateway-shop-from-clients'].spec).toEqual({ podSelector: plane, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, protocol: 'TCP' }, { port: 8081, protocol: 'TCP' }] }] });
    expect(all['allow-web-from-gateway-shop'].spec.ingress).toEqual([{ from: [{ podSelector: plane }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(all['allow-gateway-shop-to-web'].spec).toEqual({ podSelector: plane, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: PODS } }], ports: [{ port: 8080, protocol: 'TCP' }] }] });
    expect(all['allow-gateway-shop-to-nginx-gateway'].spec.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'nginx-gateway' } }, podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'nginx-gateway', 'app.kubernetes.io/name': 'nginx-gateway' } } }],
      ports: [{ port: 8443, protocol: 'TCP' }],
    }]);
    expect(schemaErrors(chart)).toEqual([]);
  });

  test('an NginxGatewayFabric install of another class and namespace is followed', () => {
    const { app, chart, service } = shop({ isolation: { egress: true } });
    new NginxGatewayFabric(new NetkitChart(app, 'addons'), 'ngf', { name: 'ngf', namespace: 'ngf-system', gatewayClassName: 'edge' });
    const gateway = new Gateway(chart, 'gw', { name: 'shop', gatewayClassName: 'edge', listeners: [{ protocol: 'HTTP' }] });
    new HttpRoute(chart, 'route', { parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
    expect(policies(chart)['allow-gateway-shop-to-ngf'].spec.egress[0].to[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'ngf-system' });
  });

  test('another class: `gatewayDataPlanes` (defaults: the Gateway\'s namespace and the gateway-name label; every port to the data plane), else a NetkitError', () => {
    const given = shop({ isolation: { gatewayDataPlanes: { istio: {} } } });
    const gateway = new Gateway(given.chart, 'gw', { name: 'shop', gatewayClassName: 'istio', listeners: [{ protocol: 'HTTP' }] });
    new HttpRoute(given.chart, 'route', { parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(given.service, 80)] }] });
    expect(policies(given.chart)['allow-gateway-shop-from-clients'].spec.ingress).toEqual([{}]);
    expect(policies(given.chart)['allow-web-from-gateway-shop'].spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shop' } } }]);

    const custom = shop({ isolation: { gatewayDataPlanes: { istio: { namespace: 'istio-ingress', podLabels: { istio: 'ingressgateway' } } } } });
    const shared = new Gateway(custom.chart, 'gw', { name: 'shop', gatewayClassName: 'istio', listeners: [{ protocol: 'HTTP' }] });
    new HttpRoute(custom.chart, 'route', { parents: [{ gateway: shared }], rules: [{ backends: [HttpRouteBackend.fromService(custom.service, 80)] }] });
    expect(policies(custom.chart)['allow-web-from-gateway-shop'].spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } }, podSelector: { matchLabels: { istio: 'ingressgateway' } },
    }]);

    const missing = shop();
    const unknown = new Gateway(missing.chart, 'gw', { name: 'shop', gatewayClassName: 'istio', listeners: [{ protocol: 'HTTP' }] });
    new HttpRoute(missing.chart, 'route', { parents: [{ gateway: unknown }], rules: [{ backends: [HttpRouteBackend.fromService(missing.service, 80)] }] });
    const error = errorOf(() => Testing.synth(missing.chart));
    expect(error.problems[0]).toMatchObject({ field: 'isolation.gatewayDataPlanes', value: 'istio' });
    expect(error.problems[0].fix).toContain("gatewayDataPlanes: { 'istio': {} }");
  });

  test('a route whose parent Gateway is not in the app: a NetkitError says who cannot be derived', () => {
    const { chart, service } = shop();
    new HttpRoute(chart, 'route', { parents: [{ gateway: { name: 'shared', namespace: 'infra' } }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
    expect(errorOf(() => Testing.synth(chart)).problems[0].message).toContain('its parent Gateway infra/shared is not in this app');
  });

  test('a Gateway in another namespace reaches an isolated backend through a namespace selector', () => {
    const { app, chart, service } = shop();
    const infra = new NetkitChart(app, 'infra', { namespace: 'infra' });
    const gateway = new Gateway(infra, 'gw', { name: 'public', listeners: [{ protocol: 'HTTP', allowedNamespaces: 'All' }] });
    new HttpRoute(chart, 'route', { parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
    expect(policies(chart)['allow-web-from-gateway-public'].spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'infra' } }, podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'public' } },
    }]);
    expect(policies(infra)).toEqual({});
  });
});

describe('NodePort and LoadBalancer entry', () => {
  test('NodePort: from anywhere (0.0.0.0/0 and ::/0) on the target ports, the SNAT of externalTrafficPolicy Cluster stated', () => {
    const { chart, web } = shop();
    ExposedService.nodePort(chart, 'web-nodeport', { target: web, ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }] });
    const policy = policies(chart)['allow-web-nodeport-from-node-port'];
    expect(policy.spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(policy.metadata.annotations['netkit.io/allows']).toContain('externalTrafficPolicy Cluster: clients arrive SNATed to a node address');
  });

  test('LoadBalancer with loadBalancerSourceRanges and Local: only those ranges', () => {
    const { chart, web } = shop();
    ExposedService.loadBalancer(chart, 'web-lb', { target: web, ports: [{ port: 80, targetPort: 8080 }], loadBalancerSourceRanges: ['198.51.100.0/24'], externalTrafficPolicy: 'Local' });
    const policy = policies(chart)['allow-web-lb-from-load-balancer'];
    expect(policy.spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '198.51.100.0/24' } }]);
    expect(policy.metadata.annotations['netkit.io/allows']).toContain('externalTrafficPolicy Local: clients arrive with their own address.');
  });

  test('LoadBalancer with source ranges and Cluster: the nodes too (`nodeCidrs`), else a NetkitError', () => {
    const withNodes = shop({ isolation: { nodeCidrs: ['10.0.0.0/16'] } });
    ExposedService.loadBalancer(withNodes.chart, 'web-lb', { target: withNodes.web, ports: [{ port: 80, targetPort: 8080 }], loadBalancerSourceRanges: ['198.51.100.0/24'] });
    expect(policies(withNodes.chart)['allow-web-lb-from-load-balancer'].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '198.51.100.0/24' } }, { ipBlock: { cidr: '10.0.0.0/16' } }]);
    const without = shop();
    ExposedService.loadBalancer(without.chart, 'web-lb', { target: without.web, ports: [{ port: 80, targetPort: 8080 }], loadBalancerSourceRanges: ['198.51.100.0/24'] });
    const error = errorOf(() => Testing.synth(without.chart));
    expect(error.problems[0]).toMatchObject({ field: 'isolation.nodeCidrs' });
    expect(error.problems[0].fix).toContain("externalTrafficPolicy: 'Local'");
  });
});

describe('stable, deterministic output', () => {
  test('a second synth writes the same policies; the names are purposes, never construct paths', () => {
    const { chart, service } = shop({ isolation: { egress: true } });
    new HttpIngress(chart, 'an-id-that-moves', { name: 'storefront', rules: [{ backend: IngressBackend.fromService(service, 80) }] });
    const first = Testing.synth(chart);
    expect(Testing.synth(chart)).toEqual(first);
    expect(first.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.metadata.name)).toEqual(['default-deny', 'allow-dns', 'allow-web-from-ingress-nginx']);
  });
});

describe('the checks judge the HTTPRoute path through NGINX Gateway Fabric\'s provisioned data plane', () => {
  function routed(isolation: boolean) {
    const app = Testing.app();
    new NginxGatewayFabric(new NetkitChart(app, 'addons'), 'ngf');
    const chart = new NetkitChart(app, 'shop', { namespace: 'shop', ...(isolation ? { isolation: { egress: true } } : {}) });
    const web = new WebApp(chart, 'web', { image: 'nginx:1.27', ports: [{ port: 8080, name: 'http' }] });
    const service = web.expose('web', { ports: [{ port: 80, targetPort: 'http' }] });
    const gateway = new Gateway(chart, 'gw', { name: 'shop', listeners: [{ protocol: 'HTTP' }] });
    new HttpRoute(chart, 'route', { name: 'web', parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
    if (!isolation) {
      new ApiObject(chart, 'deny', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    }
    return checkPolicies(app).filter((f) => f.rule === 'netpol-blocks-declared-path');
  }

  test('allowed by the isolation\'s policies: no finding at all (not even "cannot judge")', () => {
    expect(routed(true)).toEqual([]);
  });

  test('a bare default-deny blocks it: an error naming the provisioned data plane', () => {
    const findings = routed(false).filter((f) => f.kind === 'HTTPRoute');
    expect(findings.map((f) => f.severity)).toEqual(['error']);
    expect(findings[0].message).toContain('the data plane NGINX Gateway Fabric provisions for Gateway shop/shop');
  });
});
