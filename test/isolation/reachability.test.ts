import {
  ipInCidr, labelSelectorMatches, NetworkPolicyIndex, parseCidr, policyTypesOf, PodEndpoint, declaredContainerPorts,
} from '../../lib/isolation';

const np = (namespace: string, name: string, spec: any) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });
const pod = (namespace: string, labels: Record<string, string>, extra: Partial<PodEndpoint> = {}): PodEndpoint => ({ namespace, labels, ...extra });

describe('label selectors', () => {
  test.each([
    [{}, { a: '1' }, true],
    [{ matchLabels: { a: '1' } }, { a: '1', b: '2' }, true],
    [{ matchLabels: { a: '1' } }, { a: '2' }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['1', '2'] }] }, { a: '2' }, true],
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: ['1'] }] }, {}, false],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['1'] }] }, { a: '1' }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { a: '' }, true],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, {}, false],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, {}, true],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist' }] }, { a: '1' }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'Bogus' }] }, { a: '1' }, false],
    [{ matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'Exists' }] }, { a: '1' }, false],
  ])('%j matches %j: %s', (selector, labels, want) => {
    expect(labelSelectorMatches(selector as any, labels)).toBe(want);
  });
});

describe('CIDR blocks', () => {
  test.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['192.168.242.249', '192.168.242.213/24', true],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::ffff:10.0.0.1', '::ffff:0:0/96', true],
    ['10.0.0.1', '::/0', false],
    ['not-an-ip', '10.0.0.0/8', false],
    ['10.0.0.1', '10.0.0.0/33', false],
  ])('%s in %s: %s', (ip, cidr, want) => {
    expect(ipInCidr(ip, cidr)).toBe(want);
  });
  test('a CIDR without prefix is not a CIDR', () => {
    expect(parseCidr('10.0.0.1')).toBeUndefined();
  });
});

describe('policyTypes defaulting', () => {
  test('Ingress always, Egress only with egress rules', () => {
    expect(policyTypesOf(np('x', 'p', { podSelector: {} }))).toEqual({ ingress: true, egress: false });
    expect(policyTypesOf(np('x', 'p', { podSelector: {}, egress: [] }))).toEqual({ ingress: true, egress: false });
    expect(policyTypesOf(np('x', 'p', { podSelector: {}, egress: [{}] }))).toEqual({ ingress: true, egress: true });
    expect(policyTypesOf(np('x', 'p', { podSelector: {}, policyTypes: ['Egress'] }))).toEqual({ ingress: false, egress: true });
  });
});

describe('NetworkPolicyIndex.reach', () => {
  const web = pod('shop', { app: 'web' }, { containerPorts: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] });
  const api = pod('shop', { app: 'api' });
  const other = pod('other', { app: 'client' });

  test('no policies: everything flows and isEmpty says so', () => {
    const index = new NetworkPolicyIndex([]);
    expect(index.isEmpty).toBe(true);
    expect(index.reach({ from: api, to: web, port: 1 }).allowed).toBe(true);
  });

  test('a policy elsewhere does not isolate', () => {
    const index = new NetworkPolicyIndex([np('other', 'deny', { podSelector: {}, policyTypes: ['Ingress'] })]);
    const verdict = index.reach({ from: other, to: web, port: 8080 });
    expect(verdict).toMatchObject({ allowed: true, ingress: { isolated: false }, egress: { isolated: false } });
  });

  test('the verdict names the selecting and the allowing policies', () => {
    const index = new NetworkPolicyIndex([
      np('shop', 'default-deny', { podSelector: {}, policyTypes: ['Ingress'] }),
      np('shop', 'allow-api', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'api' } } }] }] }),
    ]);
    expect(index.reach({ from: api, to: web, port: 8080 }).ingress).toEqual({
      applies: true, isolated: true, allowed: true, selectedBy: ['shop/default-deny', 'shop/allow-api'], allowedBy: ['shop/allow-api'],
    });
    expect(index.reach({ from: other, to: web, port: 8080 }).allowed).toBe(false);
    expect(index.policiesSelecting(web, 'ingress')).toHaveLength(2);
    expect(index.policiesSelecting(web, 'egress')).toHaveLength(0);
  });

  test('a podSelector-only peer means the policy namespace; with a namespaceSelector, both must match', () => {
    const index = new NetworkPolicyIndex([
      np('shop', 'p', { podSelector: {}, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }] }] }),
    ]);
    expect(index.reach({ from: other, to: web, port: 8080 }).allowed).toBe(false);
    const both = new NetworkPolicyIndex([
      np('shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'client' } } }] }] }),
    ], { other: { team: 'a' } });
    expect(both.reach({ from: other, to: web, port: 8080 }).allowed).toBe(true);
    expect(both.reach({ from: pod('other', { app: 'x' }), to: web, port: 8080 }).allowed).toBe(false);
  });

  test('kubernetes.io/metadata.name is present without being declared', () => {
    const index = new NetworkPolicyIndex([
      np('shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }] }] }),
    ]);
    expect(index.reach({ from: other, to: web, port: 8080 }).allowed).toBe(true);
    expect(index.labelsOfNamespace('other')).toEqual({ 'kubernetes.io/metadata.name': 'other' });
  });

  test('a missing `from` admits external sources; a pod-selecting `from` does not; ipBlock with except does', () => {
    const external = { ip: '203.0.113.9' };
    expect(new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{}] })]).reach({ from: external, to: web, port: 8080 }).allowed).toBe(true);
    expect(new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })])
      .reach({ from: external, to: web, port: 8080 }).allowed).toBe(false);
    const block = new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24', except: ['203.0.113.8/29'] } }] }] })]);
    expect(block.reach({ from: { ip: '203.0.113.1' }, to: web, port: 8080 }).allowed).toBe(true);
    expect(block.reach({ from: external, to: web, port: 8080 }).allowed).toBe(false);
    // A pod from manifests has no IP: no ipBlock matches it.
    expect(block.reach({ from: other, to: web, port: 8080 }).allowed).toBe(false);
  });

  test('egress to an external address is judged on the source side only', () => {
    const index = new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ port: 5432 }] }] })]);
    expect(index.reach({ from: api, to: { ip: '198.51.100.7' }, port: 5432 })).toMatchObject({ allowed: true, ingress: { applies: false } });
    expect(index.reach({ from: api, to: { ip: '198.51.100.7' }, port: 5433 }).allowed).toBe(false);
  });

  test('ports: endPort ranges, protocol default TCP, named ports resolved on the destination', () => {
    const range = new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 8100 }] }] })]);
    expect(range.reach({ from: api, to: web, port: 8080 }).allowed).toBe(true);
    expect(range.reach({ from: api, to: web, port: 8101 }).allowed).toBe(false);
    expect(range.reach({ from: api, to: web, port: 8080, protocol: 'UDP' }).allowed).toBe(false);
    const named = new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 'http' }, { port: 'dns', protocol: 'UDP' }] }] })]);
    expect(named.reach({ from: api, to: web, port: 8080 }).allowed).toBe(true);
    expect(named.reach({ from: api, to: web, port: 53, protocol: 'UDP' }).allowed).toBe(true);
    expect(named.reach({ from: api, to: web, port: 53, protocol: 'TCP' }).allowed).toBe(false);
    // api declares no port named http: the rule never matches traffic to it.
    expect(named.reach({ from: web, to: api, port: 8080 }).allowed).toBe(false);
    const sctp = new NetworkPolicyIndex([np('shop', 'p', { podSelector: {}, ingress: [{ ports: [{ port: 9000, protocol: 'SCTP' }] }] })]);
    expect(sctp.reach({ from: api, to: web, port: 9000, protocol: 'SCTP' }).allowed).toBe(true);
    expect(sctp.reach({ from: api, to: web, port: 9000 }).allowed).toBe(false);
  });

  test('both the destination ingress and the source egress must allow', () => {
    const index = new NetworkPolicyIndex([
      np('shop', 'egress', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }),
    ]);
    const verdict = index.reach({ from: api, to: web, port: 8080 });
    expect(verdict).toMatchObject({ allowed: false, ingress: { allowed: true }, egress: { isolated: true, allowed: false } });
  });

  test('declaredContainerPorts reads app containers and sidecars, not plain init containers', () => {
    expect(declaredContainerPorts({
      containers: [{ ports: [{ name: 'http', containerPort: 80 }] }],
      initContainers: [{ restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001 }] }, { ports: [{ containerPort: 1 }] }],
    })).toEqual([{ name: 'http', containerPort: 80, protocol: undefined }, { name: 'proxy', containerPort: 15001, protocol: undefined }]);
  });
});
