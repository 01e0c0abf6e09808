import { checkPolicies, PolicyOptions } from '../../lib';
import { deployment, namespace, NS, validApp } from './builders';
import { DEFAULT_DENY, netpol, TO_KUBE_DNS } from './isolation-cases';

// The NetworkPolicy rules (netpol-*) at their edges: which policies and peers count, the protocol of a
// named port, lists cut after 3 or 5 entries, the severity of each direction, and the exact message and fix
// of each finding (issue 17, from `npm run mutate`).

const run = (objects: any[], rule: string, options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);
const fixes = (objects: any[], rule: string) => checkPolicies(objects).filter((f) => f.rule === rule).map((f) => f.fix);
const workload = (name: string, ns = NS, ports?: any[]) => deployment(name, { ns, ...(ports ? { container: { ports } } : {}) });
const egress = (name: string, rules: any[], podSelector: any = {}) => netpol(name, { podSelector, policyTypes: ['Egress'], egress: rules });
const toPods = { to: [{ podSelector: {} }] };

describe('netpol-blocks-declared-path', () => {
  test('the controller not in the manifests: info with its own fix', () => {
    expect(fixes([...validApp(), DEFAULT_DENY], 'netpol-blocks-declared-path')).toEqual([
      'Check these manifests with the controller\'s, or name its pods with the dataPlanePods option, to have the path checked.',
    ]);
  });
});

describe('netpol-egress-dns', () => {
  const dns = (ports: any[]) => ({ to: TO_KUBE_DNS.to, ports });

  test('neither UDP nor TCP 53: error naming both; TCP only: error naming UDP only; UDP only: warning', () => {
    expect(run([...validApp(), egress('e', [toPods])], 'netpol-egress-dns')).toEqual([
      `error Deployment web: the egress of Deployment ${NS}/web is isolated by NetworkPolicy ${NS}/e with no rule to the kube-dns pods on UDP 53 or TCP 53: the pods cannot resolve Service names, so every call by name fails.`,
    ]);
    expect(run([...validApp(), egress('e', [toPods, dns([{ port: 53, protocol: 'TCP' }])])], 'netpol-egress-dns')).toEqual([
      `error Deployment web: the egress of Deployment ${NS}/web is isolated by NetworkPolicy ${NS}/e with no rule to the kube-dns pods on UDP 53: the pods cannot resolve Service names, so every call by name fails.`,
    ]);
    expect(run([...validApp(), egress('e', [toPods, dns([{ port: 53, protocol: 'UDP' }])])], 'netpol-egress-dns')).toEqual([
      `warning Deployment web: the egress of Deployment ${NS}/web is isolated by NetworkPolicy ${NS}/e, which allows DNS over UDP 53 but not TCP 53 to the kube-dns pods: answers larger than a UDP packet (many records, DNSSEC) fail.`,
    ]);
  });

  test('every isolating policy is named', () => {
    expect(run([...validApp(), egress('a', [toPods]), egress('b', [toPods])], 'netpol-egress-dns')[0])
      .toContain(`isolated by NetworkPolicy ${NS}/a, ${NS}/b with no rule`);
  });

  test('the kube-dns pods are kube-system\'s k8s-app=kube-dns, with named ports dns (UDP) and dns-tcp (TCP)', () => {
    expect(run([...validApp(), egress('e', [toPods, dns([{ port: 'dns', protocol: 'UDP' }, { port: 'dns-tcp', protocol: 'TCP' }])])], 'netpol-egress-dns')).toEqual([]);
    expect(run([...validApp(), egress('e', [toPods, dns([{ port: 'dns', protocol: 'TCP' }, { port: 'dns-tcp', protocol: 'UDP' }])])], 'netpol-egress-dns')).toHaveLength(1);
    const elsewhere = { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: TO_KUBE_DNS.to[0].podSelector }], ports: TO_KUBE_DNS.ports };
    expect(run([...validApp(), egress('e', [toPods, elsewhere])], 'netpol-egress-dns')).toHaveLength(1);
    const otherPods = { to: [{ namespaceSelector: TO_KUBE_DNS.to[0].namespaceSelector, podSelector: { matchLabels: { 'k8s-app': 'coredns' } } }], ports: TO_KUBE_DNS.ports };
    expect(run([...validApp(), egress('e', [toPods, otherPods])], 'netpol-egress-dns')).toHaveLength(1);
  });

  test('an empty egress list denies outright (not judged); one isolating policy with rules is enough to judge', () => {
    expect(run([...validApp(), egress('deny', [])], 'netpol-egress-dns')).toEqual([]);
    expect(run([...validApp(), netpol('deny', { podSelector: {}, policyTypes: ['Egress'] }), egress('e', [toPods])], 'netpol-egress-dns')).toEqual([
      `error Deployment web: the egress of Deployment ${NS}/web is isolated by NetworkPolicy ${NS}/deny, ${NS}/e with no rule to the kube-dns pods on UDP 53 or TCP 53: the pods cannot resolve Service names, so every call by name fails.`,
    ]);
  });

  test('pods not isolated for egress, or in a namespace without policies, are not judged', () => {
    expect(run([...validApp(), netpol('i', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })], 'netpol-egress-dns')).toEqual([]);
    expect(run([...validApp(), egress('other', [toPods], { matchLabels: { app: 'other' } })], 'netpol-egress-dns')).toEqual([]);
    expect(run([...validApp(), namespace('other'), netpol('e', { podSelector: {}, policyTypes: ['Egress'], egress: [toPods] }, 'other')], 'netpol-egress-dns')).toEqual([]);
  });
});

describe('netpol-named-port-declared', () => {
  const web = (ports: any[]) => workload('web', NS, ports);

  test('the protocol of a named port counts; it defaults to TCP', () => {
    const udp = web([{ containerPort: 5353, name: 'mdns', protocol: 'UDP' }]);
    const policy = (port: any) => netpol('p', { podSelector: {}, ingress: [{ ports: [port] }] });
    expect(run([namespace(), udp, policy({ port: 'mdns', protocol: 'UDP' })], 'netpol-named-port-declared')).toEqual([]);
    expect(run([namespace(), udp, policy({ port: 'mdns' })], 'netpol-named-port-declared')).toEqual([
      `error NetworkPolicy p: spec.ingress[0].ports[0].port "mdns"/TCP is declared by none of the pods it applies to (Deployment ${NS}/web), so this rule never allows traffic on it.`,
    ]);
    expect(run([namespace(), web([{ containerPort: 8080, name: 'http' }]), policy({ port: 'http' })], 'netpol-named-port-declared')).toEqual([]);
  });

  test('numbers and numeric strings are not names; ports of the second rule are indexed', () => {
    const policy = netpol('p', { podSelector: {}, ingress: [{ ports: [{ port: 8080 }, { port: '9090' }] }, { ports: [{ port: 'http' }, { port: 'admin' }] }] });
    expect(run([...validApp(), policy], 'netpol-named-port-declared')).toEqual([
      `error NetworkPolicy p: spec.ingress[1].ports[1].port "admin"/TCP is declared by none of the pods it applies to (Deployment ${NS}/web), so this rule never allows traffic on it.`,
    ]);
  });

  test('a name ending or starting with a digit is still a name; a port entry without port (all ports) or a null entry is skipped', () => {
    const policy = (ports: any[]) => netpol('p', { podSelector: {}, ingress: [{ ports }] });
    expect(run([...validApp(), policy([{ port: 'h2' }, { port: '9x' }])], 'netpol-named-port-declared').map((m) => m.split(' is declared')[0])).toEqual([
      'error NetworkPolicy p: spec.ingress[0].ports[0].port "h2"/TCP', 'error NetworkPolicy p: spec.ingress[0].ports[1].port "9x"/TCP',
    ]);
    expect(run([...validApp(), policy([{ protocol: 'TCP' }, null])], 'netpol-named-port-declared')).toEqual([]);
    expect(run([...validApp(), netpol('p', { podSelector: {}, ingress: [null], egress: [null] })], 'netpol-named-port-declared')).toEqual([]);
  });

  test('one declaring container port of several is enough; pods that declare no ports declare no name', () => {
    const two = workload('web', NS, [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }]);
    const policy = netpol('p', { podSelector: {}, ingress: [{ ports: [{ port: 'metrics' }] }] });
    expect(run([namespace(), two, policy], 'netpol-named-port-declared')).toEqual([]);
    expect(run([namespace(), workload('web', NS, undefined), { ...deployment('bare'), spec: { ...deployment('bare').spec, template: { metadata: { labels: { app: 'bare' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27.3' }] } } } }, policy], 'netpol-named-port-declared')[0])
      .toContain('(Deployment shop/web, Deployment shop/bare)');
  });

  test('at most three pod owners are listed, then an ellipsis', () => {
    const four = ['a', 'b', 'c', 'd'].map((n) => workload(n));
    const three = four.slice(0, 3);
    const policy = netpol('p', { podSelector: {}, ingress: [{ ports: [{ port: 'nope' }] }] });
    expect(run([namespace(), ...four, policy], 'netpol-named-port-declared')[0]).toContain(`(Deployment ${NS}/a, Deployment ${NS}/b, Deployment ${NS}/c, …)`);
    expect(run([namespace(), ...three, policy], 'netpol-named-port-declared')[0]).toContain(`(Deployment ${NS}/a, Deployment ${NS}/b, Deployment ${NS}/c)`);
  });

  test('a policy selecting no pod is not judged (netpol-selects-pods reports it)', () => {
    expect(run([...validApp(), netpol('p', { podSelector: { matchLabels: { app: 'none' } }, ingress: [{ ports: [{ port: 'nope' }] }] })], 'netpol-named-port-declared')).toEqual([]);
  });

  test('egress: a warning, judged against the peer pods only', () => {
    const api = workload('api', NS, [{ containerPort: 9000, name: 'grpc' }]);
    const objects = (to: any[], port = 'grpc') => [...validApp(), api, egress('p', [{ to, ports: [{ port }] }])];
    expect(run(objects([{ podSelector: { matchLabels: { app: 'api' } } }]), 'netpol-named-port-declared')).toEqual([]);
    expect(run(objects([{ podSelector: { matchLabels: { app: 'web' } } }]), 'netpol-named-port-declared')).toEqual([
      `warning NetworkPolicy p: spec.egress[0].ports[0].port "grpc"/TCP is declared by none of the pods it applies to (Deployment ${NS}/web), so this rule never allows traffic on it.`,
    ]);
    // Mixed ports: the named one is still judged.
    expect(run([...validApp(), api, egress('p', [{ to: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [null, { port: 80 }, { port: 'grpc' }] }])], 'netpol-named-port-declared')[0])
      .toMatch(/^warning NetworkPolicy p: spec\.egress\[0\]\.ports\[2\]\.port "grpc"/);
    // No `to`: every pod of the input is a destination, and api declares it.
    expect(run(objects([]), 'netpol-named-port-declared')).toEqual([]);
    expect(run(objects([], 'nope'), 'netpol-named-port-declared')[0]).toMatch(/^warning NetworkPolicy p: spec\.egress\[0\]\.ports\[0\]\.port "nope"\/TCP is declared by none of the pods it applies to \(Deployment shop\/web, Deployment shop\/api\)/);
  });

  test('egress peers: an ipBlock or a null peer selects no pod; without namespaceSelector only the policy\'s namespace', () => {
    const api = deployment('api', { ns: 'other', container: { ports: [{ containerPort: 9000, name: 'grpc' }] } });
    const objects = (to: any[]) => [...validApp(), namespace('other'), api, egress('p', [{ to, ports: [{ port: 'grpc' }] }])];
    expect(run(objects([{ ipBlock: { cidr: '10.0.0.0/8' } }, null]), 'netpol-named-port-declared')).toEqual([]);
    const to = (peers: any[] | undefined, port: string) => [...validApp(), namespace('other'), api, egress('p', [{ ...(peers ? { to: peers } : {}), ports: [{ port }] }])];
    expect(run(to([{ ipBlock: { cidr: '10.0.0.0/8' } }], 'nope'), 'netpol-named-port-declared')).toEqual([]);
    // No `to` at all: every pod of the input, in any namespace.
    expect(run(to(undefined, 'grpc'), 'netpol-named-port-declared')).toEqual([]);
    expect(run(to([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }], 'nope'), 'netpol-named-port-declared')[0]).toContain('(Deployment other/api)');
    expect(run(objects([{ podSelector: { matchLabels: { app: 'api' } } }]), 'netpol-named-port-declared')).toEqual([]);
    expect(run(objects([{ podSelector: {} }]), 'netpol-named-port-declared')[0]).toMatch(/\(Deployment shop\/web\)/);
    expect(run(objects([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } }, podSelector: {} }]), 'netpol-named-port-declared')).toEqual([]);
    expect(run(objects([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'third' } }, podSelector: {} }, { podSelector: { matchLabels: { app: 'web' } } }]), 'netpol-named-port-declared')[0])
      .toMatch(/\(Deployment shop\/web\)/);
  });

  test('a policy without namespace is in "default"', () => {
    const policy = { ...netpol('p', { podSelector: {}, ingress: [{ ports: [{ port: 'nope' }] }] }), metadata: { name: 'p' } };
    expect(run([namespace('default'), workload('web', 'default'), policy], 'netpol-named-port-declared')).toEqual([
      'error NetworkPolicy p: spec.ingress[0].ports[0].port "nope"/TCP is declared by none of the pods it applies to (Deployment default/web), so this rule never allows traffic on it.',
    ]);
  });
});

describe('netpol-selects-pods', () => {
  test('no workload in the namespace: info showing the selector ({} when missing), with its own fix', () => {
    const objects = [namespace(), netpol('p', { ingress: [{}] })];
    expect(run(objects, 'netpol-selects-pods')).toEqual([`info NetworkPolicy p: cannot judge spec.podSelector {}: these manifests hold no workload in namespace "${NS}".`]);
    expect(fixes(objects, 'netpol-selects-pods')).toEqual(['Check these manifests together with the workloads to have the selector checked.']);
    const other = [...validApp(), { ...netpol('p', { podSelector: { matchLabels: { app: 'web' } } }), metadata: { name: 'p' } }];
    expect(run(other, 'netpol-selects-pods')).toEqual(['info NetworkPolicy p: cannot judge spec.podSelector {"matchLabels":{"app":"web"}}: these manifests hold no workload in namespace "default".']);
  });

  test('a policy without spec selects every pod; a selector of expressions only that selects nothing is a warning', () => {
    expect(run([...validApp(), { ...netpol('p', {}), spec: undefined }], 'netpol-selects-pods')).toEqual([]);
    const cr = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'main', namespace: NS, labels: { app: 'prom' } }, spec: {} };
    expect(run([...validApp(), cr, netpol('p', { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] } })], 'netpol-selects-pods')[0]).toMatch(/^warning NetworkPolicy p: spec\.podSelector/);
  });

  test('at most five workloads are listed, then an ellipsis; a missing selector selects every pod', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const policy = netpol('p', { podSelector: { matchLabels: { app: 'none' } } });
    const list = (n: number) => names.slice(0, n).map((name) => `Deployment ${name} {"app":"${name}"}`).join(', ');
    expect(run([namespace(), ...names.map((n) => workload(n)), policy], 'netpol-selects-pods')).toEqual([
      `warning NetworkPolicy p: spec.podSelector {"matchLabels":{"app":"none"}} selects no pod template in namespace "${NS}" (its workloads: ${list(5)}, …), so the policy isolates and allows nothing.`,
    ]);
    expect(run([namespace(), ...names.slice(0, 5).map((n) => workload(n)), policy], 'netpol-selects-pods')[0]).toContain(`(its workloads: ${list(5)}), so`);
    expect(run([namespace(), workload('a'), netpol('p', {})], 'netpol-selects-pods')).toEqual([]);
  });

  test('a custom resource carrying the labels: info only for matchLabels without matchExpressions', () => {
    const cr = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'main', namespace: NS, labels: { app: 'prom' } }, spec: {} };
    const objects = (selector: any) => [...validApp(), cr, netpol('p', { podSelector: selector })];
    expect(run(objects({ matchLabels: { app: 'prom' } }), 'netpol-selects-pods')[0]).toMatch(/^info NetworkPolicy p: cannot judge spec\.podSelector \{"matchLabels":\{"app":"prom"\}\}: no pod template here matches it, but Prometheus shop\/main/);
    expect(run(objects({ matchLabels: { app: 'prom' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] }), 'netpol-selects-pods')[0]).toMatch(/^warning /);
    expect(run(objects({ matchLabels: { app: 'other' } }), 'netpol-selects-pods')[0]).toMatch(/^warning /);
    expect(run(objects({ matchLabels: {}, matchExpressions: [{ key: 'app', operator: 'In', values: ['prom'] }] }), 'netpol-selects-pods')[0]).toMatch(/^warning /);
  });
});

