import { Testing } from 'cdk8s';
import { ExposedService, NetkitChart, NetworkPeer, WebApp } from '../../lib';
import { errorOf } from '../helpers/errors';
import { policies, schemaErrors } from './helpers';

const labels = (name: string) => ({ 'app.kubernetes.io/instance': name, 'app.kubernetes.io/name': name });
const inNamespace = (name: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } });

function twoNamespaces(egress = false) {
  const app = Testing.app();
  const data = new NetkitChart(app, 'data', { namespace: 'data', isolation: { egress } });
  const front = new NetkitChart(app, 'front', { namespace: 'front', isolation: { egress } });
  const db = new WebApp(data, 'db', { image: 'postgres:16', ports: [{ port: 5432, name: 'pg' }] });
  const dbService = db.expose('db', { ports: [{ port: 5432, targetPort: 'pg' }] });
  const api = new WebApp(front, 'api', { image: 'api:1', port: 8080 });
  return { app, data, front, db, dbService, api };
}

describe('allowFrom: declared consumers', () => {
  test('db.allowFrom(api) in the same namespace: a pod-selector rule on the WebApp\'s container ports', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop', isolation: {} });
    const db = new WebApp(chart, 'db', { image: 'postgres:16', port: 5432 });
    const api = new WebApp(chart, 'api', { image: 'api:1', port: 8080 });
    db.allowFrom(api);
    const policy = policies(chart)['allow-db-from-api'];
    expect(policy.spec).toEqual({
      podSelector: { matchLabels: labels('db') }, policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: labels('api') } }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    });
    expect(policy.metadata.annotations['netkit.io/allows']).toContain('allowFrom: pods app.kubernetes.io/name=api,app.kubernetes.io/instance=api in shop → pods');
  });

  test('across namespaces, on an ExposedService: a namespace selector, the named target port resolved to its number; with egress denied the caller\'s egress rule too', () => {
    const { data, front, dbService, api } = twoNamespaces(true);
    dbService.allowFrom(api);
    expect(policies(data)['allow-db-from-api-front'].spec.ingress).toEqual([{
      from: [{ ...inNamespace('front'), podSelector: { matchLabels: labels('api') } }], ports: [{ port: 5432, protocol: 'TCP' }],
    }]);
    expect(policies(front)['allow-api-to-db-data'].spec).toEqual({
      podSelector: { matchLabels: labels('api') }, policyTypes: ['Egress'],
      egress: [{ to: [{ ...inNamespace('data'), podSelector: { matchLabels: labels('db') } }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    });
    expect(schemaErrors(data, front)).toEqual([]);
  });

  test('`ports` narrows the rule; a namespace, pods by label or addresses as the peer', () => {
    const { data, db } = twoNamespaces();
    db.allowFrom(NetworkPeer.namespace('backup'), { ports: [{ port: 5432 }] });
    db.allowFrom(NetworkPeer.pods('monitoring', { 'app.kubernetes.io/name': 'prometheus' }), { ports: [{ port: 9187, protocol: 'TCP' }] });
    db.allowFrom(NetworkPeer.ipBlock('10.20.0.0/16', ['10.20.5.0/24']));
    const all = policies(data);
    expect(all['allow-db-from-ns-backup'].spec.ingress).toEqual([{ from: [{ ...inNamespace('backup'), podSelector: {} }], ports: [{ port: 5432, protocol: 'TCP' }] }]);
    expect(all['allow-db-from-prometheus-monitoring'].spec.ingress).toEqual([{
      from: [{ ...inNamespace('monitoring'), podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }], ports: [{ port: 9187, protocol: 'TCP' }],
    }]);
    expect(all['allow-db-from-cidr-10-20-0-0-16'].spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.20.0.0/16', except: ['10.20.5.0/24'] } }], ports: [{ port: 5432, protocol: 'TCP' }] }]);
    expect(schemaErrors(data)).toEqual([]);
  });

  test('a WebApp without ports: every port', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop', isolation: {} });
    const worker = new WebApp(chart, 'worker', { image: 'worker:1' });
    worker.allowFrom(NetworkPeer.namespace('jobs'));
    expect(policies(chart)['allow-worker-from-ns-jobs'].spec.ingress).toEqual([{ from: [{ ...inNamespace('jobs'), podSelector: {} }] }]);
  });

  test('nothing is written in a namespace that is not isolated', () => {
    const app = Testing.app();
    const open = new NetkitChart(app, 'open', { namespace: 'open' });
    const db = new WebApp(open, 'db', { image: 'postgres:16', port: 5432 });
    db.allowFrom(NetworkPeer.namespace('jobs'));
    expect(policies(open)).toEqual({});
  });

  test('errors: a Service without pods, bad ports, an empty port list, a bad protocol, an unknown option', () => {
    const { data, dbService } = twoNamespaces();
    const external = ExposedService.externalName(data, 'search', { externalName: 'search.example.com' });
    const error = errorOf(() => external.allowFrom(NetworkPeer.namespace('front')));
    expect(error.path).toBe('data/search');
    expect(error.problems[0].message).toContain('an ExternalName (a DNS alias for "search.example.com"): a NetworkPolicy matches pods and addresses, never DNS names.');
    expect(errorOf(() => dbService.allowFrom(NetworkPeer.namespace('x'), { ports: [{ port: 70000 }] })).problems[0]).toMatchObject({ field: 'allowFrom.ports[0].port', value: 70000 });
    expect(errorOf(() => dbService.allowFrom(NetworkPeer.namespace('x'), { ports: [] })).problems[0]).toMatchObject({ field: 'allowFrom.ports' });
    expect(errorOf(() => dbService.allowFrom(NetworkPeer.namespace('x'), { ports: [{ port: 5432, protocol: 'tcp' as 'TCP' }] })).problems[0]).toMatchObject({ field: 'allowFrom.ports[0].protocol' });
    expect(errorOf(() => dbService.allowFrom(NetworkPeer.namespace('x'), { port: 5432 } as object)).message).toContain('port: is not a prop of AllowOptions');
  });
});

describe('allowTo: declared destinations (egress)', () => {
  test('addresses outside the cluster by ipBlock, on the ports given', () => {
    const { front, api } = twoNamespaces(true);
    api.allowTo(NetworkPeer.ipBlock('203.0.113.0/24'), { ports: [{ port: 443 }] });
    expect(policies(front)['allow-api-to-cidr-203-0-113-0-24'].spec).toEqual({
      podSelector: { matchLabels: labels('api') }, policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 443, protocol: 'TCP' }] }],
    });
  });

  test('to a Service in an isolated namespace: the egress rule here and the ingress rule there', () => {
    const { data, front, dbService, api } = twoNamespaces(true);
    api.allowTo(dbService);
    expect(Object.keys(policies(front))).toContain('allow-api-to-db-data');
    expect(Object.keys(policies(data))).toContain('allow-db-from-api-front');
  });

  test('an ExternalName Service cannot be matched by name: the error offers ipBlock', () => {
    const { front, api } = twoNamespaces(true);
    const external = ExposedService.externalName(front, 'payments', { externalName: 'api.payments.example' });
    const error = errorOf(() => api.allowTo(external));
    expect(error.problems[0].fix).toContain('NetworkPeer.ipBlock("<cidr>")');
  });

  test('NetworkPeer errors: a bad namespace, empty pod labels, a bad CIDR', () => {
    expect(errorOf(() => NetworkPeer.namespace('Not_A_Name')).problems[0]).toMatchObject({ field: 'namespace', value: 'Not_A_Name' });
    expect(errorOf(() => NetworkPeer.pods('monitoring', {})).problems[0]).toMatchObject({ field: 'podLabels' });
    expect(errorOf(() => NetworkPeer.ipBlock('api.example.com')).problems[0]).toMatchObject({ field: 'cidr', value: 'api.example.com' });
    expect(errorOf(() => NetworkPeer.ipBlock('10.0.0.0/8', ['10.1.0.0'])).problems[0]).toMatchObject({ field: 'except[0]' });
  });
});
