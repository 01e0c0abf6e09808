import { checkPolicies, Finding } from '../../lib';
import { NS, service } from './builders';

// svc-nodeport-unique at its edges (issue 17, from `npm run mutate`): which Service types and nodePort values
// claim a port, the protocol default, a Service repeating its own port, objects without spec, and the node
// ports of the Service NGINX Gateway Fabric creates per Gateway (its NginxProxy, through the GatewayClass).

const rule = (objects: any[]): Array<[string, string, string]> => checkPolicies(objects)
  .filter((f: Finding) => f.rule === 'svc-nodeport-unique').map((f) => [f.kind, f.name, f.message]);
const nodePort = (name: string, ports: any[], type = 'NodePort') => service(name, { type, ports });

describe('svc-nodeport-unique: Services', () => {
  test('a second NodePort or LoadBalancer Service on the same nodePort and protocol is an error naming the first', () => {
    expect(rule([nodePort('a', [{ port: 80, nodePort: 30000 }]), nodePort('b', [{ port: 81 }, { port: 80, nodePort: 30000, protocol: 'TCP' }], 'LoadBalancer')])).toEqual([
      ['Service', 'b', `spec.ports[1].nodePort 30000/TCP is already claimed by Service ${NS}/a.`],
    ]);
    expect(checkPolicies([nodePort('a', [{ port: 80, nodePort: 32767 }]), nodePort('b', [{ port: 80, nodePort: 32767 }])])
      .filter((f) => f.rule === 'svc-nodeport-unique').map((f) => f.severity)).toEqual(['error']);
  });

  test('the protocol is part of the claim: UDP and TCP on one nodePort do not clash', () => {
    expect(rule([nodePort('a', [{ port: 53, nodePort: 30053, protocol: 'UDP' }]), nodePort('b', [{ port: 53, nodePort: 30053 }])])).toEqual([]);
    expect(rule([nodePort('a', [{ port: 53, nodePort: 30053, protocol: 'UDP' }]), nodePort('b', [{ port: 53, nodePort: 30053, protocol: 'UDP' }])])).toEqual([
      ['Service', 'b', `spec.ports[0].nodePort 30053/UDP is already claimed by Service ${NS}/a.`],
    ]);
  });

  test('unset, null and 0 mean "allocate one": never a clash', () => {
    for (const value of [undefined, null, 0]) {
      expect(rule([nodePort('a', [{ port: 80, nodePort: value }]), nodePort('b', [{ port: 80, nodePort: value }])])).toEqual([]);
    }
    expect(rule([nodePort('a', [null]), nodePort('b', [null])])).toEqual([]);
  });

  test('a ClusterIP Service, or one without type, claims no node port (svc-spec-valid reports its nodePort)', () => {
    expect(rule([nodePort('a', [{ port: 80, nodePort: 30080 }], 'ClusterIP'), nodePort('b', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
    expect(rule([nodePort('a', [{ port: 80, nodePort: 30080 }]), nodePort('b', [{ port: 80, nodePort: 30080 }], 'ClusterIP')])).toEqual([]);
    expect(rule([service('a', { type: undefined, ports: [{ port: 80, nodePort: 30080 }] }), nodePort('b', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
  });

  test('one Service repeating its own nodePort is not reported here (svc-spec-valid reports duplicates)', () => {
    expect(rule([nodePort('a', [{ name: 'x', port: 80, nodePort: 30080 }, { name: 'y', port: 81, nodePort: 30080 }])])).toEqual([]);
  });

  test('Services without spec or without a ports list are skipped, not crashed on', () => {
    const bare = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bare', namespace: NS } };
    expect(rule([bare, nodePort('a', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
    expect(rule([service('odd', { type: 'NodePort', ports: { port: 80, nodePort: 30080 } }), nodePort('a', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
  });
});

describe('svc-nodeport-unique: the Service NGINX Gateway Fabric creates for a Gateway', () => {
  const gatewayClass = (name: string, proxy?: string) => ({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name },
    spec: { controllerName: 'gateway.nginx.org/nginx-gateway-controller', ...(proxy ? { parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: proxy, namespace: NS } } : {}) },
  });
  const proxy = (name: string, nodePorts: Array<{ port: number; listenerPort: number }>) => ({
    apiVersion: 'gateway.nginx.org/v1alpha2', kind: 'NginxProxy', metadata: { name, namespace: NS },
    spec: { kubernetes: { service: { type: 'NodePort', nodePorts } } },
  });
  const gateway = (name: string, className: string, ports: number[]) => ({
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name, namespace: NS },
    spec: { gatewayClassName: className, listeners: ports.map((port) => ({ name: `p${port}`, port, protocol: 'HTTP' })) },
  });
  const pinned = [gatewayClass('nginx', 'proxy'), proxy('proxy', [{ port: 30080, listenerPort: 80 }])];

  test('a Gateway whose pinned node port a Service holds: the Gateway is reported, with its port and Service name', () => {
    expect(rule([...pinned, nodePort('legacy', [{ port: 80, nodePort: 30080 }]), gateway('gw', 'nginx', [80, 8080])])).toEqual([[
      'Gateway', 'gw',
      `the listeners on port 80 get nodePort 30080/TCP on the Service NGINX Gateway Fabric creates for this Gateway (gw-nginx, from its NginxProxy), which is already claimed by Service ${NS}/legacy.`,
    ]]);
  });

  test('listener ports without a pinned node port claim nothing, however many Gateways have them', () => {
    expect(rule([...pinned, gateway('a', 'nginx', [8080]), gateway('b', 'nginx', [8080]), nodePort('legacy', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
  });

  test('only the Gateway\'s own class counts: a Gateway of a class without NginxProxy claims nothing', () => {
    const objects = [...pinned, gatewayClass('plain'), nodePort('legacy', [{ port: 80, nodePort: 30080 }])];
    expect(rule([...objects, gateway('gw', 'plain', [80])])).toEqual([]);
    expect(rule([...objects, gateway('gw', 'nginx', [80])]).map((f) => f[1])).toEqual(['gw']);
    // The class list is searched, not its first entry.
    expect(rule([gatewayClass('plain'), ...objects.slice(0, 2), nodePort('legacy', [{ port: 80, nodePort: 30080 }]), gateway('gw', 'nginx', [80])]).map((f) => f[1])).toEqual(['gw']);
  });

  test('a Gateway without spec, and a class without metadata, are skipped', () => {
    const bare = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'bare', namespace: NS } };
    expect(rule([...pinned, { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass' }, bare, nodePort('legacy', [{ port: 80, nodePort: 30080 }])])).toEqual([]);
  });
});
