import { Duration } from 'cdk8s';
import { collectWarnings, ExposedService, NetkitError, WebApp } from '../../lib';
import { find, newChart, synth } from '../helpers/objects';

const SELECTOR = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' };

function setup() {
  const chart = newChart();
  const web = new WebApp(chart, 'web', { image: 'nginx:1.17.2', ports: [{ port: 80, name: 'http' }, { port: 443, name: 'https' }, { port: 53, name: 'dns', protocol: 'UDP' }] });
  return { chart, web };
}
function serviceOf(build: (s: ReturnType<typeof setup>) => void, name = 'svc') {
  const s = setup();
  build(s);
  return find(synth(s.chart), 'Service', name);
}

describe('ClusterIP', () => {
  test('defaults: selector from the WebApp, its first port, labels', () => {
    const svc = serviceOf(({ web }) => web.expose('svc'));
    expect(svc.metadata).toEqual({ name: 'svc', namespace: 'test', labels: { ...SELECTOR, 'app.kubernetes.io/managed-by': 'cdk8s-netkit' } });
    expect(svc.spec).toEqual({ type: 'ClusterIP', selector: SELECTOR, ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }] });
  });

  test('fixed IP, ClientIP affinity with timeout, internal traffic policy, externalIPs, labels and annotations', () => {
    const svc = serviceOf(({ chart, web }) => ExposedService.clusterIp(chart, 'svc', {
      target: web, port: 80, clusterIP: '10.97.97.97', sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.minutes(30),
      internalTrafficPolicy: 'Local', externalIPs: ['203.0.113.10'], labels: { tier: 'web' }, annotations: { 'example.com/a': 'b' },
      externalTrafficPolicy: 'Local',
    }));
    expect(svc.spec).toMatchObject({
      clusterIP: '10.97.97.97', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 1800 } },
      internalTrafficPolicy: 'Local', externalIPs: ['203.0.113.10'], externalTrafficPolicy: 'Local',
    });
    expect(svc.metadata.labels.tier).toBe('web');
    expect(svc.metadata.annotations).toEqual({ 'example.com/a': 'b' });
  });

  test('ClientIP affinity defaults to 10800 s', () => {
    const svc = serviceOf(({ web }) => web.expose('svc', { sessionAffinity: 'ClientIP' }));
    expect(svc.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  test('several named ports, targetPort by name, appProtocol', () => {
    const svc = serviceOf(({ web }) => web.expose('svc', {
      ports: [{ name: 'web', port: 8080, targetPort: 'http', appProtocol: 'http' }, { name: 'tls', port: 8443, targetPort: 443, appProtocol: 'https' }, { name: 'dns', port: 53, protocol: 'UDP' }],
    }));
    expect(svc.spec.ports).toEqual([
      { name: 'web', port: 8080, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
      { name: 'tls', port: 8443, protocol: 'TCP', targetPort: 443, appProtocol: 'https' },
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
    ]);
  });

  test('one Service port on a one-port target maps to that container port', () => {
    const chart = newChart();
    const tomcat = new WebApp(chart, 'tomcat', { image: 'tomcat:8.5-jre10-slim', port: 8080 });
    tomcat.expose('svc', { port: 80 });
    expect(find(synth(chart), 'Service', 'svc').spec.ports).toEqual([{ port: 80, protocol: 'TCP', targetPort: 8080 }]);
  });

  test('an explicit selector, and a selector-less Service', () => {
    const a = serviceOf(({ chart }) => ExposedService.clusterIp(chart, 'svc', { selector: { app: 'legacy' }, port: 80 }));
    expect(a.spec.selector).toEqual({ app: 'legacy' });
    const b = serviceOf(({ chart }) => ExposedService.clusterIp(chart, 'svc', { port: 80 }));
    expect(b.spec.selector).toBeUndefined();
  });
});

describe('Headless', () => {
  test('clusterIP None, ports optional, publishNotReadyAddresses', () => {
    const svc = serviceOf(({ chart, web }) => ExposedService.headless(chart, 'svc', { target: web, ports: [], publishNotReadyAddresses: true }));
    expect(svc.spec).toEqual({ type: 'ClusterIP', clusterIP: 'None', selector: SELECTOR, publishNotReadyAddresses: true });
  });

  test('pairs with the pods\' hostname and subdomain', () => {
    const chart = newChart();
    const db = new WebApp(chart, 'db', { image: 'postgres:16.4', port: 5432, hostname: 'db-0', subdomain: 'db' });
    const svc = db.expose('db', { type: 'Headless' });
    expect(svc.dnsName).toBe('db.test.svc.cluster.local');
    const d = find(synth(chart), 'Deployment', 'db');
    expect(d.spec.template.spec).toMatchObject({ hostname: 'db-0', subdomain: 'db' });
  });
});

describe('NodePort', () => {
  test('fixed and allocated node ports, externalTrafficPolicy', () => {
    const svc = serviceOf(({ chart, web }) => ExposedService.nodePort(chart, 'svc', {
      target: web, externalTrafficPolicy: 'Cluster',
      ports: [{ name: 'http', port: 80, nodePort: 30003 }, { name: 'https', port: 443 }],
    }));
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.externalTrafficPolicy).toBe('Cluster');
    expect(svc.spec.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30003 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 443 },
    ]);
  });

  test('a custom node port range', () => {
    const svc = serviceOf(({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, ports: [{ port: 80, nodePort: 20080 }], nodePortRange: { min: 20000, max: 22767 } }));
    expect(svc.spec.ports[0].nodePort).toBe(20080);
  });

  test('the same node port for TCP and UDP is allowed', () => {
    const svc = serviceOf(({ chart }) => ExposedService.nodePort(chart, 'svc', {
      selector: { app: 'dns' }, ports: [{ name: 'dns-tcp', port: 53, protocol: 'TCP', nodePort: 30053 }, { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 }],
    }));
    expect(svc.spec.ports.map((p: any) => p.nodePort)).toEqual([30053, 30053]);
  });
});

describe('LoadBalancer', () => {
  test('every LoadBalancer field', () => {
    const svc = serviceOf(({ chart, web }) => ExposedService.loadBalancer(chart, 'svc', {
      target: web, port: 80, externalTrafficPolicy: 'Local', healthCheckNodePort: 32000,
      loadBalancerSourceRanges: ['203.0.113.0/24', '2001:db8::/32'], loadBalancerClass: 'example.com/internal',
      allocateLoadBalancerNodePorts: false, annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    }));
    expect(svc.spec).toEqual({
      type: 'LoadBalancer', selector: SELECTOR, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, loadBalancerSourceRanges: ['203.0.113.0/24', '2001:db8::/32'],
      loadBalancerClass: 'example.com/internal', allocateLoadBalancerNodePorts: false,
    });
    expect(svc.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' });
  });
});

describe('ExternalName', () => {
  test('a CNAME, no selector', () => {
    const svc = serviceOf(({ chart }) => ExposedService.externalName(chart, 'svc', { externalName: 'www.baidu.com' }));
    expect(svc.spec).toEqual({ type: 'ExternalName', externalName: 'www.baidu.com' });
  });

  test('given an IP: a selector-less ClusterIP Service and an EndpointSlice for the IP', () => {
    const s = setup();
    const svc = ExposedService.externalName(s.chart, 'svc', { externalName: '203.0.113.7', ports: [{ name: 'pg', port: 5432, targetPort: 15432 }] });
    const objects = synth(s.chart);
    expect(find(objects, 'Service', 'svc').spec).toEqual({ type: 'ClusterIP', ports: [{ name: 'pg', port: 5432, protocol: 'TCP', targetPort: 15432 }] });
    expect(find(objects, 'EndpointSlice', 'svc-external')).toEqual({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'svc-external', namespace: 'test', labels: { 'kubernetes.io/service-name': 'svc', 'endpointslice.kubernetes.io/managed-by': 'cdk8s-netkit', 'app.kubernetes.io/managed-by': 'cdk8s-netkit' } },
      addressType: 'IPv4', endpoints: [{ addresses: ['203.0.113.7'], conditions: { ready: true } }],
      ports: [{ name: 'pg', port: 15432, protocol: 'TCP' }],
    });
    expect(svc.endpointSlice).toBeDefined();
    expect(svc.type).toBe('ExternalName');
  });

  test('an IPv6 address gets an IPv6 slice', () => {
    const s = setup();
    ExposedService.externalName(s.chart, 'svc', { externalName: '2001:db8::7', port: 443 });
    expect(find(synth(s.chart), 'EndpointSlice', 'svc-external').addressType).toBe('IPv6');
  });
});

describe('names clients use', () => {
  test('DNS names and Docker-link variables', () => {
    const { web } = setup();
    const svc = web.expose('my-svc', { ports: [{ name: 'http', port: 80 }, { name: 'https-alt', port: 443 }], clusterDomain: 'corp.internal' });
    expect(svc.dnsName).toBe('my-svc.test.svc.corp.internal');
    expect(svc.dnsNames).toEqual({ short: 'my-svc', namespaced: 'my-svc.test', fqdn: 'my-svc.test.svc.corp.internal' });
    expect(svc.envVarNames).toEqual({ host: 'MY_SVC_SERVICE_HOST', port: 'MY_SVC_SERVICE_PORT', namedPorts: { 'http': 'MY_SVC_SERVICE_PORT_HTTP', 'https-alt': 'MY_SVC_SERVICE_PORT_HTTPS_ALT' } });
  });

  test('port lookup by name or number, and a clear error otherwise', () => {
    const { web } = setup();
    const svc = web.expose('svc', { ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] });
    expect(svc.port('https').port).toBe(443);
    expect(svc.port(80).name).toBe('http');
    expect(() => svc.port(8080)).toThrow(/\[test\/web\/svc\] port: Service "svc" has no such port\. Got: 8080\. Allowed: http \(80\), https \(443\)/);
  });
});

describe('invalid combinations fail at construct time with path, value and fix', () => {
  type Build = (s: ReturnType<typeof setup>) => unknown;
  const cases: Array<[string, Build, RegExp]> = [
    ['clusterIP None with NodePort', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, clusterIP: 'None' }), /spec\.clusterIP: may not be "None" \(headless\) for a NodePort Service/],
    ['clusterIP None with LoadBalancer', ({ chart, web }) => ExposedService.loadBalancer(chart, 'svc', { target: web, clusterIP: 'None' }), /may not be "None" \(headless\) for a LoadBalancer Service/],
    ['nodePort on ClusterIP', ({ web }) => web.expose('svc', { ports: [{ port: 80, nodePort: 30080 }] }), /\[test\/web\/svc\] spec\.ports\[0\]\.nodePort: may not be used when type is ClusterIP\. Got: 30080/],
    ['nodePort out of range', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, ports: [{ port: 80, nodePort: 40000 }] }), /spec\.ports\[0\]\.nodePort: is outside the node port range\. Got: 40000\. Allowed: 30000-32767\. Fix: .*nodePortRange/],
    ['nodePort out of a custom range', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, ports: [{ port: 80, nodePort: 30080 }], nodePortRange: { min: 20000, max: 22767 } }), /Allowed: 20000-22767/],
    ['duplicate nodePorts', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 443, nodePort: 30080 }] }), /spec\.ports\[1\]\.nodePort: 30080\/TCP is used by two ports/],
    ['duplicate port names', ({ web }) => web.expose('svc', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 443 }] }), /spec\.ports\[1\]\.name: is used by another port of this Service\. Got: "http"/],
    ['unnamed ports when there are several', ({ web }) => web.expose('svc', { ports: [{ port: 80 }, { name: 'https', port: 443 }] }), /spec\.ports\[0\]\.name: is required when a Service has more than one port/],
    ['duplicate port and protocol', ({ web }) => web.expose('svc', { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, targetPort: 443 }] }), /spec\.ports\[1\]\.port: 80\/TCP is exposed twice/],
    ['externalTrafficPolicy on ClusterIP', ({ web }) => web.expose('svc', { externalTrafficPolicy: 'Local' }), /spec\.externalTrafficPolicy: may only be set for externally-accessible Services/],
    ['affinity timeout too long', ({ web }) => web.expose('svc', { sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.days(2) }), /timeoutSeconds: is longer than one day, the longest ClientIP affinity the API server accepts\. Got: 172800\. Allowed: 1-86400 seconds \(default 10800\)\. Fix: use at most 86400 seconds \(one day\)\./],
    ['affinity timeout of 0', ({ web }) => web.expose('svc', { sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.seconds(0) }), /timeoutSeconds: must be greater than 0 seconds\. Got: 0\. Allowed: 1-86400 seconds \(default 10800\)\. Fix: use at least 1 second, or leave it unset for the default 10800 \(3 hours\)\./],
    ['affinity timeout of zero', ({ web }) => web.expose('svc', { sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.seconds(0) }), /Got: 0\. Allowed: 1-86400/],
    ['affinity timeout without ClientIP', ({ web }) => web.expose('svc', { sessionAffinityTimeout: Duration.hours(1) }), /sessionAffinityTimeout: only applies with sessionAffinity: ClientIP\. Got: "3600s"/],
    ['invalid DNS-1035 name', ({ chart }) => ExposedService.clusterIp(chart, 'svc', { name: '1-svc', port: 80 }), /metadata\.name: is not a valid Service name.*Got: "1-svc"\. Allowed: lowercase letters, digits and "-", starting with a letter/],
    ['uppercase name', ({ web }) => web.expose('svc', { name: 'MySvc' }), /Got: "MySvc"/],
    ['invalid ExternalName', ({ chart }) => ExposedService.externalName(chart, 'svc', { externalName: 'Not A Host' }), /spec\.externalName: is not a lowercase DNS name\. Got: "Not A Host"/],
    ['ExternalName without a name', ({ chart }) => ExposedService.externalName(chart, 'svc', { externalName: '' }), /externalName: is required for an ExternalName Service/],
    ['ExternalName IP without ports', ({ chart }) => ExposedService.externalName(chart, 'svc', { externalName: '203.0.113.7' }), /ports: are required when externalName is an IP address/],
    ['ExternalName with a target', ({ chart, web }) => ExposedService.externalName(chart, 'svc', { externalName: 'db.example.com', target: web }), /target: is set on an ExternalName Service/],
    ['externalName on ClusterIP', ({ web }) => web.expose('svc', { externalName: 'db.example.com' }), /externalName: is only for ExternalName Services, not ClusterIP/],
    ['port number too large', ({ web }) => web.expose('svc', { ports: [{ port: 70000, targetPort: 80 }] }), /spec\.ports\[0\]\.port: is not a valid port number\. Got: 70000\. Allowed: 1-65535/],
    ['port number zero', ({ chart }) => ExposedService.clusterIp(chart, 'svc', { port: 0 }), /spec\.ports\[0\]\.port: is not a valid port number\. Got: 0/],
    ['targetPort not on the target', ({ web }) => web.expose('svc', { ports: [{ port: 80, targetPort: 8080 }] }), /ports\[0\]\.targetPort: is not a TCP port of the target test\/web\. Got: 8080\. Allowed: http=80\/TCP, https=443\/TCP, dns=53\/UDP/],
    ['targetPort name typo', ({ web }) => web.expose('svc', { ports: [{ port: 80, targetPort: 'htp' }] }), /Got: "htp"/],
    ['targetPort with the wrong protocol', ({ web }) => web.expose('svc', { ports: [{ port: 53, protocol: 'TCP' }] }), /is not a TCP port of the target/],
    ['invalid targetPort name', ({ chart }) => ExposedService.clusterIp(chart, 'svc', { ports: [{ port: 80, targetPort: 'a-very-long-port-name' }] }), /spec\.ports\[0\]\.targetPort: is not a valid container port name/],
    ['target and selector', ({ chart, web }) => ExposedService.clusterIp(chart, 'svc', { target: web, selector: { a: 'b' } }), /selector: and `target` are both set/],
    ['port and ports', ({ web }) => web.expose('svc', { port: 80, ports: [{ port: 443 }] }), /port: and `ports` are both set/],
    ['no ports on a ClusterIP Service', ({ chart }) => ExposedService.clusterIp(chart, 'svc'), /spec\.ports: is empty; only headless and ExternalName Services may have no ports/],
    ['healthCheckNodePort without Local', ({ chart, web }) => ExposedService.loadBalancer(chart, 'svc', { target: web, healthCheckNodePort: 32000 }), /spec\.healthCheckNodePort: may only be set on a LoadBalancer Service with externalTrafficPolicy: Local/],
    ['source ranges on NodePort', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, loadBalancerSourceRanges: ['10.0.0.0/8'] }), /spec\.loadBalancerSourceRanges: may only be set on a LoadBalancer Service/],
    ['loadBalancerClass on ClusterIP', ({ web }) => web.expose('svc', { loadBalancerClass: 'example.com/x' }), /spec\.loadBalancerClass: may only be set on a LoadBalancer Service/],
    ['allocateLoadBalancerNodePorts on NodePort', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, allocateLoadBalancerNodePorts: false }), /spec\.allocateLoadBalancerNodePorts: may only be set on a LoadBalancer Service/],
    ['bad source range', ({ chart, web }) => ExposedService.loadBalancer(chart, 'svc', { target: web, loadBalancerSourceRanges: ['10.0.0.0'] }), /spec\.loadBalancerSourceRanges\[0\]: is not a CIDR\. Got: "10\.0\.0\.0"/],
    ['bad load balancer class', ({ chart, web }) => ExposedService.loadBalancer(chart, 'svc', { target: web, loadBalancerClass: 'not a class' }), /spec\.loadBalancerClass: is not a qualified name/],
    ['bad externalIP', ({ web }) => web.expose('svc', { externalIPs: ['not-an-ip'] }), /spec\.externalIPs\[0\]: is not an IP address/],
    ['loopback externalIP', ({ web }) => web.expose('svc', { externalIPs: ['127.0.0.1'] }), /spec\.externalIPs\[0\]: is an unspecified, loopback or link-local address/],
    ['bad clusterIP', ({ web }) => web.expose('svc', { clusterIP: '10.97.97' }), /spec\.clusterIP: is not an IP address\. Got: "10\.97\.97"/],
    ['clusterIP on a headless Service', ({ chart, web }) => ExposedService.headless(chart, 'svc', { target: web, clusterIP: '10.0.0.1' }), /clusterIP: is set on a headless Service/],
    ['bad appProtocol', ({ web }) => web.expose('svc', { ports: [{ port: 80, appProtocol: 'h t t p' }] }), /spec\.ports\[0\]\.appProtocol: is not a valid application protocol/],
    ['bad selector', ({ chart }) => ExposedService.clusterIp(chart, 'svc', { selector: { 'a b': 'c d' }, port: 80 }), /spec\.selector: has a key that is not a valid label key\. Got: "a b"/],
    ['bad label value', ({ web }) => web.expose('svc', { labels: { tier: 'front end' } }), /metadata\.labels\["tier"\]: is not a valid label value\. Got: "front end"/],
    ['bad annotation key', ({ web }) => web.expose('svc', { annotations: { 'bad key': 'x' } }), /metadata\.annotations: has a key that is not a valid annotation key/],
    ['bad namespace', ({ chart }) => ExposedService.clusterIp(chart, 'svc', { namespace: 'Bad_NS', port: 80 }), /metadata\.namespace: is not a valid Namespace name\. Got: "Bad_NS"/],
    ['namespace other than the target\'s', ({ chart, web }) => ExposedService.clusterIp(chart, 'svc', { target: web, namespace: 'prod' }), /namespace: differs from the target's namespace "test"; a Service selects pods of its own namespace only/],
    ['inverted node port range', ({ chart, web }) => ExposedService.nodePort(chart, 'svc', { target: web, nodePortRange: { min: 9000, max: 1000 } }), /nodePortRange: is not a port range\. Got: "9000-1000"/],
    ['nodePort on a headless Service', ({ chart, web }) => ExposedService.headless(chart, 'svc', { target: web, ports: [{ port: 80, nodePort: 30080 }] }), /ports: set a nodePort on a headless Service/],
    ['bad Service type', ({ chart, web }) => new ExposedService(chart, 'svc', { target: web, type: 'Ingress' as any }), /type: is not a Service type\. Got: "Ingress"\. Allowed: ClusterIP, Headless, NodePort, LoadBalancer, ExternalName/],
  ];
  test.each(cases)('%s', (_label, build, message) => {
    const s = setup();
    let error: unknown;
    try {
      build(s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NetkitError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^\[test\/(web\/)?svc\] /);
    expect((error as Error).message).toMatch(/Fix: /);
  });
});

test('an invalid port is reported once, not again for the targetPort defaulted from it', () => {
  const { chart } = setup();
  try {
    ExposedService.clusterIp(chart, 'svc', { port: 0 });
    throw new Error('no error');
  } catch (e) {
    expect((e as NetkitError).problems.map((p) => p.field)).toEqual(['spec.ports[0].port']);
  }
});

describe('per-pod DNS pairing warnings', () => {
  test('a headless Service named other than the pods\' subdomain is warned about; the matching name is not', () => {
    const chart = newChart();
    const db = new WebApp(chart, 'db', { image: 'postgres:16.4', port: 5432, replicas: 1, hostname: 'db-0', subdomain: 'db-hl' });
    ExposedService.headless(chart, 'other-hl', { target: db });
    ExposedService.headless(chart, 'db-hl', { target: db });
    expect(collectWarnings(chart).map((w) => [w.path, w.message])).toEqual([
      ['test/other-hl', expect.stringContaining('subdomain "db-hl", so their <hostname>.<subdomain> names belong to a headless Service named "db-hl", not "other-hl"')],
    ]);
  });

  test('a hostname shared by several replicas is warned about', () => {
    const chart = newChart();
    new WebApp(chart, 'db', { image: 'postgres:16.4', port: 5432, replicas: 3, hostname: 'db-0', subdomain: 'db' });
    expect(collectWarnings(chart).map((w) => w.message)).toEqual([expect.stringContaining('hostname "db-0" is given to all 3 replicas')]);
  });
});
