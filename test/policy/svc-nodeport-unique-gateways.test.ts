import { Testing } from 'cdk8s';
import { checkPolicies, NetkitChart, NginxGatewayFabric } from '../../lib';

// svc-nodeport-unique counts the node ports NGINX Gateway Fabric's per-Gateway Services will claim.
const gateway = (name: string, ports: number[]) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name, namespace: 'infra' },
  spec: { gatewayClassName: 'nginx', listeners: ports.map((port) => ({ name: `p${port}`, port, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } })) },
});
const nodePortService = (nodePort: number) => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy', namespace: 'infra' },
  spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 80, nodePort }] },
});

function findings(extra: any[]): Array<[string, string, string]> {
  const chart = new NetkitChart(Testing.app(), 'cluster');
  new NginxGatewayFabric(chart, 'ngf', { nodePorts: { http: 30080, https: 30443 } });
  const objects = [...Testing.synth(chart), ...extra];
  return checkPolicies(objects).filter((f) => f.rule === 'svc-nodeport-unique').map((f) => [f.kind, f.name, f.message]);
}

describe('svc-nodeport-unique with NGINX Gateway Fabric', () => {
  test('a Gateway whose listener gets a node port another Service holds', () => {
    expect(findings([nodePortService(30080), gateway('gw', [80])])).toEqual([[
      'Gateway', 'gw',
      'the listeners on port 80 get nodePort 30080/TCP on the Service NGINX Gateway Fabric creates for this Gateway (gw-nginx, from its NginxProxy), which is already claimed by Service infra/legacy.',
    ]]);
  });

  test('two Gateways of the class: each gets its own Service, so they cannot share the pinned node port', () => {
    expect(findings([gateway('a', [80]), gateway('b', [80, 443])]).map((f) => [f[0], f[1]])).toEqual([['Gateway', 'b']]);
  });

  test('no clash: other ports, a listener port without a pinned node port, or no Gateway at all', () => {
    expect(findings([nodePortService(30081), gateway('gw', [80, 443])])).toEqual([]);
    expect(findings([nodePortService(30080), gateway('gw', [8080])])).toEqual([]);
    expect(findings([nodePortService(30080)])).toEqual([]);
  });
});
