import type { IService } from 'kubernetes-models/v1/Service';
import { DEFAULT_NODE_PORT_RANGE, MAX_SESSION_AFFINITY_SECONDS, serviceProblems } from '../../lib/service/service-validation';
import { Problem } from '../../lib/core/errors';
import { DNS1035_RULE, DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, IANA_SVC_NAME_RULE } from '../../lib/core/names';

// The edges of every Service rule and the exact texts of each problem (field, value, allowed, fix), so that
// loosening a comparison, dropping a check or blanking a text fails a test (issue 17, `npm run mutate`).

const HTTP = { name: 'http', port: 80, targetPort: 8080 };
const service = (spec: Record<string, unknown>, name = 'web'): IService => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec } as IService);
const problemsOf = (spec: Record<string, unknown>, options?: Parameters<typeof serviceProblems>[1]) => serviceProblems(service(spec), options);
const nodePortService = (nodePort: unknown, type = 'NodePort') => ({ type, ports: [{ ...HTTP, nodePort }] });
const problem = (field: string, message: string, value: unknown, allowed: string | undefined, fix: string): Problem => ({ field, message, value, allowed, fix });

const NODE_PORT_FIX = "pick a port in 30000-32767, leave it unset so the cluster allocates one, or set nodePortRange to the API server's --service-node-port-range.";

describe('nodePort range edges (30000-32767 by default)', () => {
  test.each([30000, 32767, 31000])('nodePort %p is accepted', (nodePort) => {
    expect(problemsOf(nodePortService(nodePort))).toEqual([]);
    expect(problemsOf(nodePortService(nodePort, 'LoadBalancer'))).toEqual([]);
  });

  test.each([29999, 32768, 30000.5, 1])('nodePort %p is refused with the range and the fix', (nodePort) => {
    expect(problemsOf(nodePortService(nodePort))).toEqual([
      problem('spec.ports[0].nodePort', 'is outside the node port range.', nodePort, '30000-32767', NODE_PORT_FIX),
    ]);
  });

  test('the range is the default --service-node-port-range unless given, and then both ends are inclusive', () => {
    expect(DEFAULT_NODE_PORT_RANGE).toEqual({ min: 30000, max: 32767 });
    const nodePortRange = { min: 20000, max: 20010 };
    expect(problemsOf(nodePortService(20000), { nodePortRange })).toEqual([]);
    expect(problemsOf(nodePortService(20010), { nodePortRange })).toEqual([]);
    expect(problemsOf(nodePortService(20011), { nodePortRange })).toEqual([
      problem('spec.ports[0].nodePort', 'is outside the node port range.', 20011, '20000-20010',
        "pick a port in 20000-20010, leave it unset so the cluster allocates one, or set nodePortRange to the API server's --service-node-port-range."),
    ]);
    expect(problemsOf(nodePortService(19999), { nodePortRange })).toHaveLength(1);
  });

  test.each([0, null, undefined])('nodePort %p means "allocate one", even on a ClusterIP Service', (nodePort) => {
    expect(problemsOf(nodePortService(nodePort, 'ClusterIP'))).toEqual([]);
    expect(problemsOf({ type: 'NodePort', ports: [{ ...HTTP, nodePort }, { name: 'https', port: 443, nodePort }] })).toEqual([]);
  });

  test.each(['ClusterIP', 'ExternalName'])('a nodePort on a %s Service is refused, range or not', (type) => {
    const spec = type === 'ExternalName' ? { type, externalName: 'db.example.com', ports: [{ ...HTTP, nodePort: 30080 }] } : nodePortService(30080, type);
    expect(problemsOf(spec)).toEqual([
      problem('spec.ports[0].nodePort', `may not be used when type is ${type}.`, 30080, 'only NodePort and LoadBalancer Services', 'drop nodePort, or use type NodePort or LoadBalancer.'),
    ]);
  });

  test('one nodePort twice for one protocol is refused; for two protocols it is fine', () => {
    const twice = { type: 'NodePort', ports: [{ ...HTTP, nodePort: 30080 }, { name: 'alt', port: 81, nodePort: 30080 }] };
    expect(problemsOf(twice)).toEqual([
      problem('spec.ports[1].nodePort', '30080/TCP is used by two ports of this Service.', 30080, 'each nodePort once per protocol', 'give each port its own nodePort.'),
    ]);
    const perProtocol = { type: 'NodePort', ports: [{ ...HTTP, nodePort: 30080 }, { name: 'dns', port: 80, protocol: 'UDP', nodePort: 30080 }] };
    expect(problemsOf(perProtocol)).toEqual([]);
  });
});

describe('session affinity timeout edges (1-86400 seconds)', () => {
  const affinity = (timeoutSeconds: unknown) => ({ ports: [HTTP], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds } } });

  test.each([1, 10800, 86400])('timeoutSeconds %p is accepted', (timeoutSeconds) => {
    expect(MAX_SESSION_AFFINITY_SECONDS).toBe(86400);
    expect(problemsOf(affinity(timeoutSeconds))).toEqual([]);
  });

  const TOO_SHORT = ['must be greater than 0 seconds.', 'use at least 1 second, or leave it unset for the default 10800 (3 hours).'];
  const TOO_LONG = ['is longer than one day, the longest ClientIP affinity the API server accepts.', 'use at most 86400 seconds (one day).'];
  const NOT_WHOLE = ['is not a whole number of seconds.', 'use a whole number of seconds from 1 to 86400.'];
  test.each([
    [0, TOO_SHORT], [-1, TOO_SHORT], [86401, TOO_LONG], [1.5, NOT_WHOLE], ['60', NOT_WHOLE],
  ])('timeoutSeconds %p is refused with a fix for that value', (timeoutSeconds, [message, fix]) => {
    expect(problemsOf(affinity(timeoutSeconds))).toEqual([
      problem('spec.sessionAffinityConfig.clientIP.timeoutSeconds', message, timeoutSeconds, '1-86400 seconds (default 10800)', fix),
    ]);
  });

  test('a ClientIP affinity without a config, and no affinity at all, pass', () => {
    expect(problemsOf({ ports: [HTTP], sessionAffinity: 'ClientIP' })).toEqual([]);
    expect(problemsOf({ ports: [HTTP], sessionAffinity: 'None' })).toEqual([]);
    expect(problemsOf({ ports: [HTTP], sessionAffinity: 'ClientIP', sessionAffinityConfig: {} })).toEqual([]);
  });

  test('a config without ClientIP affinity is refused', () => {
    const config = { clientIP: { timeoutSeconds: 60 } };
    expect(problemsOf({ ports: [HTTP], sessionAffinityConfig: config })).toEqual([
      problem('spec.sessionAffinityConfig', 'may only be set with sessionAffinity: ClientIP.', config, undefined, 'set sessionAffinity: ClientIP, or drop the timeout.'),
    ]);
  });

  test('an unknown affinity is refused', () => {
    expect(problemsOf({ ports: [HTTP], sessionAffinity: 'clientip' })).toEqual([
      problem('spec.sessionAffinity', 'is not a session affinity.', 'clientip', 'None, ClientIP', 'use ClientIP to pin each client to one pod, or None.'),
    ]);
  });
});

describe('type, ports and protocol', () => {
  test('an unknown type is refused, and nothing else is judged', () => {
    expect(problemsOf({ type: 'Nodeport', ports: [] })).toEqual([
      problem('spec.type', 'is not a Service type.', 'Nodeport', 'ClusterIP, NodePort, LoadBalancer, ExternalName', 'use one of the allowed types.'),
    ]);
  });

  test.each(['ClusterIP', 'NodePort', 'LoadBalancer'])('type %s with a port passes', (type) => {
    expect(problemsOf({ type, ports: [HTTP] })).toEqual([]);
  });

  test('a lowercase protocol is reported on the protocol, not the targetPort, with the uppercase spelling', () => {
    expect(problemsOf({ ports: [{ ...HTTP, protocol: 'tcp' }] })).toEqual([
      problem('spec.ports[0].protocol', 'is not a supported protocol: protocols are uppercase, so "tcp" must be written "TCP".', 'tcp', 'TCP, UDP, SCTP (uppercase)', "write protocol: 'TCP'."),
    ]);
  });

  test.each(['HTTP', 6])('an unknown protocol %p names the three', (protocol) => {
    expect(problemsOf({ ports: [{ ...HTTP, protocol }] })).toEqual([
      problem('spec.ports[0].protocol', 'is not a supported protocol.', protocol, 'TCP, UDP, SCTP (uppercase)', "use 'TCP' (the default), 'UDP' or 'SCTP'."),
    ]);
  });

  test.each(['TCP', 'UDP', 'SCTP'])('protocol %s passes', (protocol) => {
    expect(problemsOf({ ports: [{ ...HTTP, protocol }] })).toEqual([]);
  });

  test('no ports is refused except for headless and ExternalName Services', () => {
    expect(problemsOf({ ports: [] })).toEqual([
      problem('spec.ports', 'is empty; only headless and ExternalName Services may have no ports.', undefined, undefined, 'add a port, or make the Service headless (clusterIP: None).'),
    ]);
    expect(problemsOf({})).toHaveLength(1);
    expect(problemsOf({ clusterIP: 'None' })).toEqual([]);
    expect(problemsOf({ clusterIPs: ['None'] })).toEqual([]);
    expect(problemsOf({ type: 'ExternalName', externalName: 'db.example.com' })).toEqual([]);
  });

  test.each(['NodePort', 'LoadBalancer'])('a headless %s Service is refused', (type) => {
    expect(problemsOf({ type, clusterIP: 'None', ports: [HTTP] })).toEqual([
      problem('spec.clusterIP', `may not be "None" (headless) for a ${type} Service.`, 'None', 'an IP address or empty', 'drop clusterIP: None, or use type ClusterIP for a headless Service.'),
    ]);
  });

  test('port numbers 1 and 65535 pass; 0 and 65536 are refused once, on the port', () => {
    expect(problemsOf({ ports: [{ port: 1 }] })).toEqual([]);
    expect(problemsOf({ ports: [{ port: 65535 }] })).toEqual([]);
    for (const port of [0, 65536]) {
      expect(problemsOf({ ports: [{ port, targetPort: port }] })).toEqual([
        problem('spec.ports[0].port', 'is not a valid port number.', port, '1-65535', 'use a port from 1 to 65535.'),
      ]);
    }
  });

  test('several ports need names, valid and unique', () => {
    expect(problemsOf({ ports: [{ port: 80 }, { name: 'https', port: 443 }] })).toEqual([
      problem('spec.ports[0].name', 'is required when a Service has more than one port.', undefined, DNS1123_LABEL_RULE, 'name every port, e.g. "http" and "https".'),
    ]);
    expect(problemsOf({ ports: [{ name: 'HTTP', port: 80 }] })).toEqual([
      problem('spec.ports[0].name', 'is not a valid port name.', 'HTTP', DNS1123_LABEL_RULE, 'use a lowercase name such as "http".'),
    ]);
    expect(problemsOf({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] })).toEqual([
      problem('spec.ports[1].name', 'is used by another port of this Service.', 'http', 'unique port names', 'give each port its own name.'),
    ]);
  });

  test('one port and protocol twice is refused; the same number over two protocols is fine', () => {
    expect(problemsOf({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53 }] })).toEqual([
      problem('spec.ports[1].port', '53/TCP is exposed twice.', 53, 'each port and protocol once', 'remove the duplicate port.'),
    ]);
    expect(problemsOf({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, protocol: 'UDP' }] })).toEqual([]);
  });

  test('targetPort: an invalid number, an invalid name; 65535 and a 15-character name pass', () => {
    expect(problemsOf({ ports: [{ port: 80, targetPort: 70000 }] })).toEqual([
      problem('spec.ports[0].targetPort', 'is not a valid port number.', 70000, '1-65535 or a container port name', 'use the container port number or its name.'),
    ]);
    expect(problemsOf({ ports: [{ port: 80, targetPort: 'a-very-long-name' }] })).toEqual([
      problem('spec.ports[0].targetPort', 'is not a valid container port name.', 'a-very-long-name', IANA_SVC_NAME_RULE,
        'use the name the container gives the port (at most 15 characters), or its number.'),
    ]);
    expect(problemsOf({ ports: [{ port: 80, targetPort: 65535 }] })).toEqual([]);
    expect(problemsOf({ ports: [{ port: 80, targetPort: 'a-15-char-name1' }] })).toEqual([]);
  });

  test('appProtocol must be a qualified name', () => {
    expect(problemsOf({ ports: [{ ...HTTP, appProtocol: 'kubernetes.io/h2c' }] })).toEqual([]);
    expect(problemsOf({ ports: [{ ...HTTP, appProtocol: 'http 2' }] })).toEqual([
      problem('spec.ports[0].appProtocol', 'is not a valid application protocol.', 'http 2', 'a qualified name such as "http", "https" or "kubernetes.io/h2c"', 'use a standard protocol name.'),
    ]);
  });

  test('the name must be a DNS-1035 label', () => {
    expect(serviceProblems(service({ ports: [HTTP] }, '1web'))).toEqual([
      problem('metadata.name', 'is not a valid Service name (Services need DNS-1035 labels, which must start with a letter).', '1web', DNS1035_RULE, 'rename the Service, e.g. "web" or "web-v2".'),
    ]);
    expect(serviceProblems({ spec: { ports: [HTTP] } } as IService)[0]).toMatchObject({ field: 'metadata.name', value: '' });
  });
});

describe('ExternalName and clusterIP', () => {
  test.each(['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'])('%s may not be set on an ExternalName Service', (field) => {
    const value = field === 'clusterIP' ? '10.0.0.1' : field === 'ipFamilyPolicy' ? 'SingleStack' : ['IPv4'];
    expect(problemsOf({ type: 'ExternalName', externalName: 'db.example.com', [field]: value })).toEqual([
      problem(`spec.${field}`, 'may not be set on an ExternalName Service.', value, undefined, `remove ${field}.`),
    ]);
  });

  test('externalName: required, not an IP, a lowercase DNS name; a trailing dot is fine', () => {
    expect(problemsOf({ type: 'ExternalName' })).toEqual([
      problem('spec.externalName', 'is required for an ExternalName Service.', undefined, DNS1123_SUBDOMAIN_RULE, 'set externalName to the DNS name to alias, e.g. "db.example.com".'),
    ]);
    expect(problemsOf({ type: 'ExternalName', externalName: '.' })[0]).toMatchObject({ field: 'spec.externalName', message: 'is required for an ExternalName Service.' });
    expect(problemsOf({ type: 'ExternalName', externalName: '10.0.0.1' })).toEqual([
      problem('spec.externalName', 'is an IP address; the API server accepts it but DNS then returns a CNAME to a name that does not exist.', '10.0.0.1', 'a DNS name',
        'use a DNS name, or a selector-less Service with an EndpointSlice (ExposedService does this for you when given an IP).'),
    ]);
    expect(problemsOf({ type: 'ExternalName', externalName: 'DB.example.com' })).toEqual([
      problem('spec.externalName', 'is not a lowercase DNS name.', 'DB.example.com', DNS1123_SUBDOMAIN_RULE, 'use the lowercase host name, e.g. "www.example.com".'),
    ]);
    expect(problemsOf({ type: 'ExternalName', externalName: 'db.example.com.' })).toEqual([]);
  });

  test('clusterIP: an IP, "None", empty or unset pass; anything else is refused', () => {
    for (const clusterIP of ['10.96.0.10', 'fd00::10', '', 'None', undefined]) {
      expect(problemsOf({ clusterIP, ports: [HTTP] })).toEqual([]);
    }
    expect(problemsOf({ clusterIP: 'auto', ports: [HTTP] })).toEqual([
      problem('spec.clusterIP', 'is not an IP address.', 'auto', 'an IP inside the cluster\'s service CIDR, "None" for headless, or unset',
        'use an address from the service CIDR (kube-apiserver --service-cluster-ip-range) or leave it unset.'),
    ]);
  });
});

describe('traffic policies, load balancer fields and external IPs', () => {
  test('externalTrafficPolicy only on externally-accessible Services, and only Cluster or Local', () => {
    expect(problemsOf({ ports: [HTTP], externalTrafficPolicy: 'Local' })).toEqual([
      problem('spec.externalTrafficPolicy', 'may only be set for externally-accessible Services (NodePort, LoadBalancer, or ClusterIP with externalIPs).', 'Local', undefined,
        'drop externalTrafficPolicy, or use type NodePort or LoadBalancer.'),
    ]);
    expect(problemsOf({ ports: [HTTP], externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Local' })).toEqual([]);
    // externalIPs make only a ClusterIP Service externally accessible, not an ExternalName one.
    expect(problemsOf({ type: 'ExternalName', externalName: 'db.example.com', externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Local' }).map((p) => p.field)).toEqual([
      'spec.externalTrafficPolicy',
    ]);
    expect(problemsOf({ type: 'NodePort', ports: [HTTP], externalTrafficPolicy: 'Cluster' })).toEqual([]);
    expect(problemsOf({ type: 'LoadBalancer', ports: [HTTP], externalTrafficPolicy: 'local' })).toEqual([
      problem('spec.externalTrafficPolicy', 'is not a traffic policy.', 'local', 'Cluster, Local', 'use Local to keep the client IP, or Cluster.'),
    ]);
  });

  test('internalTrafficPolicy is Cluster or Local', () => {
    expect(problemsOf({ ports: [HTTP], internalTrafficPolicy: 'Local' })).toEqual([]);
    expect(problemsOf({ ports: [HTTP], internalTrafficPolicy: 'Cluster' })).toEqual([]);
    expect(problemsOf({ ports: [HTTP], internalTrafficPolicy: 'Node' })).toEqual([
      problem('spec.internalTrafficPolicy', 'is not a traffic policy.', 'Node', 'Cluster, Local', 'use Cluster or Local.'),
    ]);
  });

  test('healthCheckNodePort only on a Local LoadBalancer, and a valid port', () => {
    const onlyOn = (spec: Record<string, unknown>) => expect(problemsOf({ ports: [HTTP], healthCheckNodePort: 30500, ...spec })).toEqual([
      problem('spec.healthCheckNodePort', 'may only be set on a LoadBalancer Service with externalTrafficPolicy: Local.', 30500, undefined,
        'drop healthCheckNodePort, or set type LoadBalancer and externalTrafficPolicy Local.'),
    ]);
    onlyOn({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' });
    onlyOn({ type: 'NodePort', externalTrafficPolicy: 'Local' });
    const local = { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [HTTP] };
    expect(problemsOf({ ...local, healthCheckNodePort: 30500 })).toEqual([]);
    expect(problemsOf({ ...local, healthCheckNodePort: 70000 })).toEqual([
      problem('spec.healthCheckNodePort', 'is not a valid port number.', 70000, '1-65535', 'use a port number, or leave it unset so the cluster allocates one.'),
    ]);
  });

  test.each([
    ['loadBalancerSourceRanges', ['10.0.0.0/8']],
    ['loadBalancerClass', 'example.com/internal'],
    ['allocateLoadBalancerNodePorts', false],
  ])('%s only on a LoadBalancer Service', (field, value) => {
    expect(problemsOf({ type: 'LoadBalancer', ports: [HTTP], [field]: value })).toEqual([]);
    expect(problemsOf({ type: 'NodePort', ports: [HTTP], [field]: value })).toEqual([
      problem(`spec.${field}`, 'may only be set on a LoadBalancer Service.', value, undefined, `drop ${field}, or use type LoadBalancer.`),
    ]);
  });

  test('loadBalancerSourceRanges are CIDRs (spaces around them are trimmed, as the API server does)', () => {
    expect(problemsOf({ type: 'LoadBalancer', ports: [HTTP], loadBalancerSourceRanges: [' 10.0.0.0/8 ', '2001:db8::/32'] })).toEqual([]);
    expect(problemsOf({ type: 'LoadBalancer', ports: [HTTP], loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.1'] })).toEqual([
      problem('spec.loadBalancerSourceRanges[1]', 'is not a CIDR.', '10.0.0.1', 'CIDRs such as 203.0.113.0/24', 'write the range as address/prefix-length.'),
    ]);
  });

  test('loadBalancerClass is a qualified name', () => {
    expect(problemsOf({ type: 'LoadBalancer', ports: [HTTP], loadBalancerClass: 'internal vip' })).toEqual([
      problem('spec.loadBalancerClass', 'is not a qualified name.', 'internal vip', 'a name such as "example.com/internal-vip"', 'use the class name your load balancer controller documents.'),
    ]);
  });

  test('externalIPs are routable IP addresses', () => {
    expect(problemsOf({ ports: [HTTP], externalIPs: ['203.0.113.10', 'host.example.com', '127.0.0.1'] })).toEqual([
      problem('spec.externalIPs[1]', 'is not an IP address.', 'host.example.com', 'IPv4 or IPv6 addresses', 'use the address traffic arrives on.'),
      problem('spec.externalIPs[2]', 'is an unspecified, loopback or link-local address.', '127.0.0.1', 'a routable address', 'use an address that reaches a node.'),
    ]);
  });
});
