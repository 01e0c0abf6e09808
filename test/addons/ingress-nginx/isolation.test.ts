import { Testing } from 'cdk8s';
import {
  checkPolicies, HttpIngress, IngressBackend, IngressNginx, IngressNginxProps, NetkitChart, NetworkPeer, NetworkPolicyIndex, WebApp,
} from '../../../lib';
import { errorOf } from '../../helpers/errors';
import { policies, schemaErrors } from '../../isolation/helpers';

const CONTROLLER = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
const JOBS = { 'app.kubernetes.io/component': 'admission-webhook', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
const API = ['10.0.0.10/32'];

/** An install in chart `cluster`, and an app `shop` (WebApp web on 8080 behind Service web:80) routed through it. */
function setup(props: IngressNginxProps = {}) {
  const app = Testing.app();
  const cluster = new NetkitChart(app, 'cluster');
  const install = new IngressNginx(cluster, 'ingress-nginx', { acknowledgeRetirement: true, ...props });
  const shop = new NetkitChart(app, 'shop', { namespace: 'shop' });
  const web = new WebApp(shop, 'web', { image: 'nginx:1.27', port: 8080 });
  const service = web.expose('web', { ports: [{ port: 80, targetPort: 8080 }] });
  new HttpIngress(shop, 'web-ingress', { name: 'web', rules: [{ host: 'shop.example.com', backend: IngressBackend.fromService(service, 80) }] });
  return { app, cluster, shop, install };
}

function install(props: IngressNginxProps) {
  return new IngressNginx(new NetkitChart(Testing.app(), 'cluster'), 'ingress-nginx', { acknowledgeRetirement: true, ...props });
}

describe('IngressNginx isolation: the policies', () => {
  test('without `isolation`, no NetworkPolicy', () => {
    const { cluster, install: i } = setup();
    expect(policies(cluster)).toEqual({});
    expect(i.isolation).toBeUndefined();
  });

  test('ingress only: default-deny, clients → http and https from anywhere, the API server → the webhook port', () => {
    const { cluster, install: i } = setup({ isolation: { apiServerCidrs: API } });
    const byName = policies(cluster);
    expect(Object.keys(byName)).toEqual(['default-deny', 'allow-ingress-nginx-from-api-server', 'allow-ingress-nginx-from-node-port']);
    expect(byName['default-deny'].metadata.namespace).toBe('ingress-nginx');
    expect(byName['default-deny'].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(byName['allow-ingress-nginx-from-node-port'].spec).toEqual({
      podSelector: { matchLabels: CONTROLLER }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }, { ipBlock: { cidr: '::/0' } }], ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }],
    });
    expect(byName['allow-ingress-nginx-from-api-server'].spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 8443, protocol: 'TCP' }] }]);
    expect(byName['allow-ingress-nginx-from-api-server'].metadata.annotations['netkit.io/allows']).toContain('ValidatingWebhookConfiguration ingress-nginx-admission');
    expect(i.isolation?.defaultDeny.name).toBe('default-deny');
    expect(i.isolation?.allowPolicies.map((p) => p.name)).toEqual(['allow-ingress-nginx-from-api-server', 'allow-ingress-nginx-from-node-port']);
    expect(schemaErrors(cluster)).toEqual([]);
  });

  test('egress: DNS, the controller and the Jobs → the API server on apiServerPorts, the controller → each routed backend', () => {
    const { cluster } = setup({ isolation: { egress: true, apiServerCidrs: API, apiServerPorts: [6443] } });
    const byName = policies(cluster);
    expect(Object.keys(byName).sort()).toEqual([
      'allow-admission-jobs-to-api-server', 'allow-dns', 'allow-ingress-nginx-from-api-server', 'allow-ingress-nginx-from-node-port',
      'allow-ingress-nginx-to-api-server', 'allow-ingress-nginx-to-web-shop', 'default-deny',
    ]);
    expect(byName['default-deny'].spec.policyTypes).toEqual(['Ingress', 'Egress']);
    const toApi = { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 6443, protocol: 'TCP' }] }] };
    expect(byName['allow-ingress-nginx-to-api-server'].spec).toEqual({ podSelector: { matchLabels: CONTROLLER }, ...toApi });
    expect(byName['allow-admission-jobs-to-api-server'].spec).toEqual({ podSelector: { matchLabels: JOBS }, ...toApi });
    expect(byName['allow-ingress-nginx-to-web-shop'].spec.egress).toEqual([{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/name': 'web' } } }],
      ports: [{ port: 8080, protocol: 'TCP' }],
    }]);
    expect(byName['allow-dns'].spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
    expect(schemaErrors(cluster)).toEqual([]);
  });

  test('apiServerPorts defaults to 443 and 6443', () => {
    const { cluster } = setup({ isolation: { egress: true, apiServerCidrs: API } });
    expect(policies(cluster)['allow-ingress-nginx-to-api-server'].spec.egress[0].ports).toEqual([{ port: 443, protocol: 'TCP' }, { port: 6443, protocol: 'TCP' }]);
  });

  test('without the admission webhook: no apiServerCidrs needed, no webhook or Jobs policy', () => {
    const { cluster } = setup({ admissionWebhook: false, isolation: {} });
    expect(Object.keys(policies(cluster))).toEqual(['default-deny', 'allow-ingress-nginx-from-node-port']);
    const egress = setup({ admissionWebhook: false, isolation: { egress: true, apiServerCidrs: API } }).cluster;
    expect(Object.keys(policies(egress))).not.toContain('allow-admission-jobs-to-api-server');
  });

  test('LoadBalancer: loadBalancerSourceRanges as ipBlocks; with externalTrafficPolicy Cluster the nodeCidrs too', () => {
    const local = setup({ exposure: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['198.51.100.0/24'], isolation: { apiServerCidrs: API } }).cluster;
    expect(policies(local)['allow-ingress-nginx-from-load-balancer'].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '198.51.100.0/24' } }]);
    const cluster = setup({
      exposure: 'LoadBalancer', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['198.51.100.0/24'], isolation: { apiServerCidrs: API, nodeCidrs: ['192.168.0.0/24'] },
    }).cluster;
    expect(policies(cluster)['allow-ingress-nginx-from-load-balancer'].spec.ingress[0].from).toEqual([{ ipBlock: { cidr: '198.51.100.0/24' } }, { ipBlock: { cidr: '192.168.0.0/24' } }]);
  });

  test('metricsFrom: the scrapers → the metrics port', () => {
    const { cluster } = setup({ metrics: {}, isolation: { apiServerCidrs: API, metricsFrom: [NetworkPeer.pods('monitoring', { 'app.kubernetes.io/name': 'prometheus' })] } });
    expect(policies(cluster)['allow-ingress-nginx-from-prometheus-monitoring'].spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }],
      ports: [{ port: 10254, protocol: 'TCP' }],
    }]);
  });
});

describe('IngressNginx isolation: errors', () => {
  test('apiServerCidrs is required with the webhook, and with egress; the message names the prop and how to find it', () => {
    const webhook = errorOf(() => install({ isolation: {} })).message;
    expect(webhook).toContain('isolation.apiServerCidrs: is not set, and the API server calls the admission webhook on port 8443');
    expect(webhook).toContain('kubectl get endpoints kubernetes -n default');
    expect(errorOf(() => install({ admissionWebhook: false, isolation: { egress: true } })).message).toContain('the controller and the admission Jobs call the API server (egress is denied)');
  });

  test('malformed CIDRs and ports, metricsFrom without metrics, HostNetwork', () => {
    expect(errorOf(() => install({ isolation: { apiServerCidrs: ['10.0.0.10'] } })).message).toContain('isolation.apiServerCidrs[0]: is not a CIDR');
    expect(errorOf(() => install({ isolation: { apiServerCidrs: API, nodeCidrs: ['nodes'] } })).message).toContain('isolation.nodeCidrs[0]: is not a CIDR');
    expect(errorOf(() => install({ isolation: { apiServerCidrs: API, apiServerPorts: [] } })).message).toContain('isolation.apiServerPorts: is empty');
    expect(errorOf(() => install({ isolation: { apiServerCidrs: API, apiServerPorts: [70000] } })).message).toContain('isolation.apiServerPorts[0]: is not a port number');
    expect(errorOf(() => install({ isolation: { apiServerCidrs: API, metricsFrom: [NetworkPeer.namespace('monitoring')] } })).message).toContain('isolation.metricsFrom: is set, but `metrics` is not');
    expect(errorOf(() => install({ exposure: 'HostNetwork', isolation: { apiServerCidrs: API } })).message).toContain('isolation: is set with exposure HostNetwork');
    // A misspelt option is refused, not ignored (checkProps with the generated shape of IngressNginxIsolation).
    expect(errorOf(() => install({ isolation: { apiServerCidr: API } as any })).message).toContain('apiServerCidr');
  });

  test('source ranges with externalTrafficPolicy Cluster need nodeCidrs', () => {
    const message = errorOf(() => install({ exposure: 'LoadBalancer', externalTrafficPolicy: 'Cluster', loadBalancerSourceRanges: ['198.51.100.0/24'], isolation: { apiServerCidrs: API } })).message;
    expect(message).toContain('isolation.nodeCidrs: is not set, and Service ingress-nginx-controller has externalTrafficPolicy Cluster');
  });

  test('a chart that isolates the same namespace', () => {
    const chart = new NetkitChart(Testing.app(), 'edge', { namespace: 'ingress-nginx', isolation: {} });
    const message = errorOf(() => new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true, createNamespace: false, isolation: { apiServerCidrs: API } })).message;
    expect(message).toContain('would isolate namespace "ingress-nginx" a second time: chart edge isolates it already');
  });
});

describe('IngressNginx isolation: judged by the evaluator and the checks', () => {
  const { cluster, shop } = setup({ isolation: { egress: true, apiServerCidrs: API } });
  const manifests = [...Testing.synth(cluster), ...Testing.synth(shop)];
  const index = new NetworkPolicyIndex(manifests.filter((o) => o.kind === 'NetworkPolicy'));
  const controller = { namespace: 'ingress-nginx', labels: CONTROLLER, containerPorts: [{ name: 'http', containerPort: 80 }, { name: 'https', containerPort: 443 }, { name: 'webhook', containerPort: 8443 }] };
  const web = { namespace: 'shop', labels: { 'app.kubernetes.io/instance': 'web', 'app.kubernetes.io/name': 'web' } };
  const other = { namespace: 'shop', labels: { 'app.kubernetes.io/name': 'admin' } };

  test('declared paths are allowed', () => {
    expect(index.reach({ from: controller, to: web, port: 8080 }).allowed).toBe(true);
    expect(index.reach({ from: { ip: '203.0.113.9' }, to: controller, port: 443 }).allowed).toBe(true);
    expect(index.reach({ from: { ip: '2001:db8::1' }, to: controller, port: 80 }).allowed).toBe(true);
    expect(index.reach({ from: { ip: '10.0.0.10' }, to: controller, port: 8443 }).allowed).toBe(true);
    expect(index.reach({ from: controller, to: { ip: '10.0.0.10' }, port: 6443 }).allowed).toBe(true);
    expect(index.reach({ from: { namespace: 'ingress-nginx', labels: JOBS }, to: { ip: '10.0.0.10' }, port: 443 }).allowed).toBe(true);
    expect(index.reach({ from: controller, to: { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } }, port: 53, protocol: 'UDP' }).allowed).toBe(true);
  });

  test('undeclared paths are blocked', () => {
    expect(index.reach({ from: controller, to: other, port: 8080 }).allowed).toBe(false);
    expect(index.reach({ from: controller, to: web, port: 9090 }).allowed).toBe(false);
    expect(index.reach({ from: controller, to: { ip: '203.0.113.9' }, port: 443 }).allowed).toBe(false);
    expect(index.reach({ from: { ip: '203.0.113.9' }, to: controller, port: 8443 }).allowed).toBe(false);
    expect(index.reach({ from: { namespace: 'ingress-nginx', labels: JOBS }, to: web, port: 8080 }).allowed).toBe(false);
  });

  test('the policy rules find nothing to report', () => {
    const findings = checkPolicies(manifests).filter((f) => f.rule.startsWith('netpol-') || f.severity === 'error');
    expect(findings).toEqual([]);
    // The same check fails once the controller's egress to the backend is gone: it reads the install's policies.
    const without = manifests.filter((o) => o.metadata?.name !== 'allow-ingress-nginx-to-web-shop');
    expect(checkPolicies(without).filter((f) => f.rule === 'netpol-blocks-declared-path').map((f) => f.severity)).toContain('error');
  });
});
