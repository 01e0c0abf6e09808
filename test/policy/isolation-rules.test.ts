import { checkPolicies, Finding } from '../../lib';
import { deployment, namespace, service, validApp } from './builders';
import { ALLOW_CONTROLLER, DEFAULT_DENY, ingressController, netpol, TO_KUBE_DNS } from './isolation-cases';

const ofRule = (findings: Finding[], id: string) => findings.filter((f) => f.rule === id);
const run = (objects: any[], id: string, options = {}) => ofRule(checkPolicies(objects, options), id).map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);

describe('netpol-blocks-declared-path', () => {
  test('without NetworkPolicies the rules cost nothing and say nothing', () => {
    for (const id of ['netpol-blocks-declared-path', 'netpol-egress-dns', 'netpol-selects-pods', 'netpol-named-port-declared']) {
      expect(run([...validApp(), ...ingressController()], id)).toEqual([]);
    }
  });

  test('the controller not in the manifests: info, unless the dataPlanePods option names its pods', () => {
    const objects = [...validApp(), DEFAULT_DENY];
    expect(run(objects, 'netpol-blocks-declared-path')).toEqual([
      'info Ingress web: cannot judge spec.rules[0].http.paths[0].backend → Service shop/web:80 → Deployment shop/web on 8080/TCP: the pods\' ingress is isolated by NetworkPolicy shop/default-deny and the controller pods of ingress class "nginx" are not in these manifests.',
    ]);
    const dataPlanePods = [{ namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' } }];
    expect(run(objects, 'netpol-blocks-declared-path', { dataPlanePods })[0]).toMatch(/^error Ingress web: .* is blocked for pods ingress-nginx\/\{"app.kubernetes.io\/name":"ingress-nginx"\} \(dataPlanePods option\)/);
    expect(run([...objects, ALLOW_CONTROLLER], 'netpol-blocks-declared-path', { dataPlanePods })).toEqual([]);
  });

  test('an HTTPRoute without spec has no path and no parents: judged as absent, never a rule that cannot run', () => {
    const objects = [...validApp(), DEFAULT_DENY];
    const bare = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'bare', namespace: 'shop' } };
    expect(run([...objects, bare], 'netpol-blocks-declared-path')).toEqual(run(objects, 'netpol-blocks-declared-path'));
  });

  test('the controller side: its own egress isolation blocks the path too', () => {
    const denyEgress = netpol('deny-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [TO_KUBE_DNS] }, 'ingress-nginx');
    expect(run([...validApp(), ...ingressController(), denyEgress], 'netpol-blocks-declared-path')[0])
      .toMatch(/the egress of the ingress controller \(Deployment ingress-nginx\/ingress-nginx-controller\) is isolated by NetworkPolicy ingress-nginx\/deny-egress and no rule lets it reach Deployment shop\/web\.$/);
  });

  test('HTTPRoute paths: the Gateway data plane pods are those labelled gateway.networking.k8s.io/gateway-name', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web', namespace: 'shop' },
      spec: { parentRefs: [{ name: 'gw', namespace: 'edge' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    const dataPlane = deployment('gw-nginx', { ns: 'edge', labels: { 'gateway.networking.k8s.io/gateway-name': 'gw' } });
    const objects = [...validApp().filter((o) => o.kind !== 'Ingress'), route, DEFAULT_DENY];
    expect(run(objects, 'netpol-blocks-declared-path')).toEqual([expect.stringMatching(/^info HTTPRoute web: cannot judge spec\.rules\[0\]\.backendRefs\[0\] → .*Gateway data plane pods are provisioned/)]);
    expect(run([...objects, namespace('edge'), dataPlane], 'netpol-blocks-declared-path'))
      .toEqual([expect.stringMatching(/^error HTTPRoute web: spec\.rules\[0\]\.backendRefs\[0\] → Service shop\/web:80 → Deployment shop\/web on 8080\/TCP is blocked for the data plane of Gateway edge\/gw \(Deployment edge\/gw-nginx\)/)]);
    const allowEdge = netpol('allow-edge', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } } }] }] });
    expect(run([...objects, namespace('edge'), dataPlane, allowEdge], 'netpol-blocks-declared-path')).toEqual([]);
  });

  test('a Gateway of NGINX Gateway Fabric: its provisioned data plane is the source, though not in the manifests', () => {
    const gatewayClass = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName: 'gateway.nginx.org/nginx-gateway-controller' } };
    const gateway = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] } };
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'web', namespace: 'shop' },
      spec: { parentRefs: [{ name: 'gw', namespace: 'edge' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    const objects = [...validApp().filter((o) => o.kind !== 'Ingress'), namespace('edge'), gatewayClass, gateway, route, DEFAULT_DENY];
    expect(run(objects, 'netpol-blocks-declared-path')).toEqual([expect.stringMatching(/^error HTTPRoute web: .* is blocked for the data plane NGINX Gateway Fabric provisions for Gateway edge\/gw: /)]);
    const allow = netpol('allow-gw', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'edge' } }, podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'gw' } } }] }] });
    expect(run([...objects, allow], 'netpol-blocks-declared-path')).toEqual([]);
  });

  test('NodePort and LoadBalancer entry points: blocked for every outside client, or for the declared source ranges with Local', () => {
    const nodePort = service('web-np', { selector: { app: 'web' }, type: 'NodePort' });
    expect(run([...validApp(), nodePort, DEFAULT_DENY], 'netpol-blocks-declared-path')).toContainEqual(
      expect.stringMatching(/^error Service web-np: NodePort entry spec\.ports\[0\] \(80\) → Deployment shop\/web on 8080\/TCP is blocked for every client outside the cluster/));
    const fromOffice = netpol('from-office', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '198.51.100.0/24' } }] }] });
    const lb = (policy: string) => service('web-lb', { selector: { app: 'web' }, type: 'LoadBalancer', externalTrafficPolicy: policy, loadBalancerSourceRanges: ['203.0.113.0/24'] });
    expect(run([...validApp(), lb('Local'), DEFAULT_DENY, fromOffice], 'netpol-blocks-declared-path')).toContainEqual(
      expect.stringMatching(/^error Service web-lb: LoadBalancer entry .* is blocked for clients in loadBalancerSourceRanges 203\.0\.113\.0\/24/));
    // With Cluster the clients arrive SNATed to node addresses, which the manifests do not know: not judged.
    expect(run([...validApp(), lb('Cluster'), DEFAULT_DENY, fromOffice], 'netpol-blocks-declared-path').filter((f) => f.includes('web-lb'))).toEqual([]);
  });
});

describe('netpol-egress-dns', () => {
  const app = validApp();
  test('UDP 53 allowed but not TCP 53: warning', () => {
    const udpOnly = { ...TO_KUBE_DNS, ports: [{ port: 53, protocol: 'UDP' }] };
    expect(run([...app, netpol('egress', { podSelector: {}, policyTypes: ['Egress'], egress: [udpOnly] })], 'netpol-egress-dns'))
      .toEqual([expect.stringMatching(/^warning Deployment web: .*allows DNS over UDP 53 but not TCP 53/)]);
  });
  test('egress denied outright is deliberate: no finding; port 53 to anywhere counts', () => {
    expect(run([...app, netpol('deny', { podSelector: {}, policyTypes: ['Egress'] })], 'netpol-egress-dns')).toEqual([]);
    expect(run([...app, netpol('dns', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] })], 'netpol-egress-dns')).toEqual([]);
  });
});

describe('netpol-selects-pods and netpol-named-port-declared', () => {
  test('a policy in a namespace without workloads in the input cannot be judged: info', () => {
    expect(run([...validApp(), netpol('p', { podSelector: {} }, 'elsewhere')], 'netpol-selects-pods'))
      .toEqual(['info NetworkPolicy p: cannot judge spec.podSelector {}: these manifests hold no workload in namespace "elsewhere".']);
  });
  test('a selector no pod template matches: warning; info when a custom resource carries the labels (its operator creates the pods)', () => {
    const policy = netpol('am', { podSelector: { matchLabels: { app: 'alertmanager' } } });
    expect(run([...validApp(), policy], 'netpol-selects-pods'))
      .toEqual([expect.stringMatching(/^warning NetworkPolicy am: spec\.podSelector \{"matchLabels":\{"app":"alertmanager"\}\} selects no pod template/)]);
    const alertmanager = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Alertmanager', metadata: { name: 'main', namespace: policy.metadata.namespace, labels: { app: 'alertmanager' } }, spec: {} };
    expect(run([...validApp(), policy, alertmanager], 'netpol-selects-pods'))
      .toEqual([expect.stringMatching(/^info NetworkPolicy am: cannot judge spec\.podSelector .* but Alertmanager \S+\/main carries these labels/)]);
  });
  test('an egress named port no peer pod declares: warning; a declared one passes', () => {
    const egress = (port: string) => netpol('e', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port }] }] });
    expect(run([...validApp(), egress('metrics')], 'netpol-named-port-declared'))
      .toEqual([expect.stringMatching(/^warning NetworkPolicy e: spec\.egress\[0\]\.ports\[0\]\.port "metrics"\/TCP is declared by none/)]);
    expect(run([...validApp(), egress('http')], 'netpol-named-port-declared')).toEqual([]);
  });
});

describe('ns-pod-security-admits', () => {
  const withLabels = (labels: Record<string, string>) => [{ ...namespace(), metadata: { name: 'shop', labels } }, ...validApp().filter((o) => o.kind !== 'Namespace')];
  test('audit and warn levels stricter than enforce: warnings; at or below enforce: nothing more', () => {
    expect(run(withLabels({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }), 'ns-pod-security-admits'))
      .toEqual([expect.stringMatching(/^warning Deployment web: Namespace "shop" warns on Pod Security "restricted" \(latest\), which the pods of Deployment shop\/web violate: /)]);
    expect(run(withLabels({ 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted' }), 'ns-pod-security-admits')
      .map((f) => f.split(':')[0])).toEqual(['error Deployment web']);
  });
  test('a Namespace without Pod Security labels, or with privileged, says nothing', () => {
    expect(run(validApp(), 'ns-pod-security-admits')).toEqual([]);
    expect(run(withLabels({ 'pod-security.kubernetes.io/enforce': 'privileged' }), 'ns-pod-security-admits')).toEqual([]);
  });
});
