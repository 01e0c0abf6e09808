import { Testing } from 'cdk8s';
import {
  checkPolicies, Gateway, HttpRoute, HttpRouteBackend, NetkitChart, NetworkPeer, NetworkPolicyIndex, NginxGatewayFabric, NginxGatewayFabricProps, WebApp,
} from '../../../lib';
import { errorOf } from '../../helpers/errors';
import { policies, schemaErrors } from '../../isolation/helpers';

const CONTROL_PLANE = { 'app.kubernetes.io/instance': 'nginx-gateway', 'app.kubernetes.io/name': 'nginx-gateway' };
const API = ['10.0.0.10/32'];

/** An install in chart `addons`, and an app `shop` with Gateway `shop` (class nginx) routing to WebApp web on 8080. */
function setup(props: NginxGatewayFabricProps = {}) {
  const app = Testing.app();
  const addons = new NetkitChart(app, 'addons');
  const install = new NginxGatewayFabric(addons, 'ngf', props);
  const shop = new NetkitChart(app, 'shop', { namespace: 'shop', isolation: { egress: true } });
  const web = new WebApp(shop, 'web', { image: 'nginx:1.27', port: 8080 });
  const service = web.expose('web', { ports: [{ port: 80, targetPort: 8080 }] });
  const gateway = new Gateway(shop, 'gw', { name: 'shop', listeners: [{ protocol: 'HTTP' }] });
  new HttpRoute(shop, 'route', { name: 'web', parents: [{ gateway }], rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }] });
  return { app, addons, shop, install };
}

describe('NginxGatewayFabric isolation', () => {
  test('ingress only: default-deny, the data planes of the app\'s Gateways → the control plane\'s agent port', () => {
    const { addons, install } = setup({ isolation: {} });
    const byName = policies(addons);
    expect(Object.keys(byName)).toEqual(['default-deny', 'allow-nginx-gateway-from-gateway-shop']);
    expect(byName['default-deny'].metadata.namespace).toBe('nginx-gateway');
    expect(byName['allow-nginx-gateway-from-gateway-shop'].spec).toEqual({
      podSelector: { matchLabels: CONTROL_PLANE }, policyTypes: ['Ingress'],
      ingress: [{
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shop' } } }],
        ports: [{ port: 8443, protocol: 'TCP' }],
      }],
    });
    expect(install.isolation?.defaultDeny.name).toBe('default-deny');
    expect(schemaErrors(addons)).toEqual([]);
  });

  test('egress: DNS, the control plane and the cert generator (by the Job controller\'s label) → the API server; metricsFrom → 9113', () => {
    const { addons } = setup({ isolation: { egress: true, apiServerCidrs: API, apiServerPorts: [443], metricsFrom: [NetworkPeer.namespace('monitoring')] } });
    const byName = policies(addons);
    expect(Object.keys(byName).sort()).toEqual([
      'allow-cert-generator-to-api-server', 'allow-dns', 'allow-nginx-gateway-from-gateway-shop', 'allow-nginx-gateway-from-ns-monitoring',
      'allow-nginx-gateway-to-api-server', 'default-deny',
    ]);
    const toApi = { policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 443, protocol: 'TCP' }] }] };
    expect(byName['allow-nginx-gateway-to-api-server'].spec).toEqual({ podSelector: { matchLabels: CONTROL_PLANE }, ...toApi });
    expect(byName['allow-cert-generator-to-api-server'].spec).toEqual({ podSelector: { matchLabels: { 'batch.kubernetes.io/job-name': 'nginx-gateway-cert-generator' } }, ...toApi });
    expect(byName['allow-cert-generator-to-api-server'].metadata.annotations['netkit.io/skip-netpol-selects-pods']).toContain('the Job controller sets');
    expect(byName['allow-nginx-gateway-from-ns-monitoring'].spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: {} }], ports: [{ port: 9113, protocol: 'TCP' }],
    }]);
    expect(schemaErrors(addons)).toEqual([]);
  });

  test('apiServerCidrs is required with egress', () => {
    const message = errorOf(() => new NginxGatewayFabric(new NetkitChart(Testing.app(), 'addons'), 'ngf', { isolation: { egress: true } })).message;
    expect(message).toContain('isolation.apiServerCidrs: is not set, and the control plane and the cert generator Job call the API server (egress is denied)');
    expect(message).toContain('kubectl get endpoints kubernetes -n default');
  });

  test('the evaluator: data plane → control plane allowed, on 8443 only; the checks report nothing', () => {
    const { addons, shop } = setup({ isolation: { egress: true, apiServerCidrs: API } });
    const manifests = [...Testing.synth(addons), ...Testing.synth(shop)];
    const index = new NetworkPolicyIndex(manifests.filter((o) => o.kind === 'NetworkPolicy'));
    const dataPlane = { namespace: 'shop', labels: { 'gateway.networking.k8s.io/gateway-name': 'shop' } };
    const controlPlane = { namespace: 'nginx-gateway', labels: CONTROL_PLANE };
    expect(index.reach({ from: dataPlane, to: controlPlane, port: 8443 }).allowed).toBe(true);
    expect(index.reach({ from: dataPlane, to: controlPlane, port: 9113 }).allowed).toBe(false);
    expect(index.reach({ from: { namespace: 'shop', labels: { 'app.kubernetes.io/name': 'web' } }, to: controlPlane, port: 8443 }).allowed).toBe(false);
    expect(index.reach({ from: controlPlane, to: { ip: '10.0.0.10' }, port: 6443 }).allowed).toBe(true);
    expect(index.reach({ from: controlPlane, to: { ip: '203.0.113.9' }, port: 443 }).allowed).toBe(false);
    expect(checkPolicies(manifests).filter((f) => f.rule.startsWith('netpol-') || f.severity === 'error')).toEqual([]);
  });
});
