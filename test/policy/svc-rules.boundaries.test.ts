import { checkPolicies, Finding, RULES } from '../../lib';
import { container, deployment, namespace, NS, service } from './builders';

// The Service rules (svc-*): every branch with a failing and a passing case, and the exact message, fix
// and severity of each finding, so that dropping a branch or blanking a text fails a test (issue 17).

const findingsOf = (objects: any[], rule: string): Finding[] => checkPolicies(objects).filter((f) => f.rule === rule);
const ruleFix = (id: string) => RULES.find((r) => r.id === id)!.fix;
const twoContainers = (first: any, second: any) => deployment('web', { podSpec: { containers: [container(first), container(second)] } });

describe('svc-targetport-exists', () => {
  const sidecar = { name: 'sidecar', image: 'busybox:1.36.1', ports: undefined };

  test('a pod with two containers where only the second declares the port: declared', () => {
    const pod = twoContainers(sidecar, {});
    for (const targetPort of [8080, 'http']) {
      expect(findingsOf([namespace(), pod, service('web', { ports: [{ port: 80, targetPort }] })], 'svc-targetport-exists')).toEqual([]);
    }
  });

  test('a pod with two containers where only the first declares the port: declared', () => {
    const pod = twoContainers({}, { ...sidecar, ports: [{ containerPort: 9090, name: 'metrics' }] });
    expect(findingsOf([namespace(), pod, service('web', { ports: [{ port: 80, targetPort: 8080 }] })], 'svc-targetport-exists')).toEqual([]);
    expect(findingsOf([namespace(), pod, service('web', { ports: [{ port: 80, targetPort: 'metrics' }] })], 'svc-targetport-exists')).toEqual([]);
  });

  test('a number neither container declares lists the ports of both', () => {
    const pod = twoContainers({}, { ...sidecar, ports: [{ containerPort: 9090, name: 'metrics' }] });
    expect(findingsOf([namespace(), pod, service('web', { ports: [{ port: 80, targetPort: 7070 }] })], 'svc-targetport-exists')).toEqual([{
      rule: 'svc-targetport-exists', severity: 'warning', kind: 'Service', namespace: NS, name: 'web',
      message: 'spec.ports[0].targetPort 7070/TCP is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http", 9090/TCP "metrics").',
      fix: ruleFix('svc-targetport-exists'),
    }]);
  });

  test('the protocol counts: 8080/UDP is not 8080/TCP', () => {
    const found = findingsOf([namespace(), deployment(), service('web', { ports: [{ port: 80, targetPort: 8080, protocol: 'UDP' }] })], 'svc-targetport-exists');
    expect(found.map((f) => f.message)).toEqual(['spec.ports[0].targetPort 8080/UDP is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http").']);
  });

  test('targetPort defaults to port; a name is quoted and carries no protocol', () => {
    expect(findingsOf([namespace(), deployment(), service('web', { ports: [{ port: 8080 }] })], 'svc-targetport-exists')).toEqual([]);
    const found = findingsOf([namespace(), deployment(), service('web', { ports: [{ port: 80 }, { name: 'x', port: 81, targetPort: 'admin' }] })], 'svc-targetport-exists');
    // An undeclared name cannot resolve (error); an undeclared number may still be listened on (warning). Errors come first.
    expect(found.map((f) => `${f.severity} ${f.message}`)).toEqual([
      'error spec.ports[1].targetPort "admin" is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http").',
      'warning spec.ports[0].targetPort 80/TCP is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http").',
    ]);
  });

  test('containers that declare no port: a number is info (the process may listen anyway), a name is an error', () => {
    const bare = twoContainers({ ports: [] }, sidecar);
    expect(findingsOf([namespace(), bare, service('web', { ports: [{ port: 80, targetPort: 8080 }] })], 'svc-targetport-exists')).toEqual([{
      rule: 'svc-targetport-exists', severity: 'info', kind: 'Service', namespace: NS, name: 'web',
      message: 'cannot judge spec.ports[0].targetPort 8080/TCP: the containers of Deployment shop/web declare no ports (declaring them is optional).',
      fix: 'Declare the port the process listens on (containers[].ports) to have the targetPort checked.',
    }]);
    expect(findingsOf([namespace(), bare, service('web', { ports: [{ port: 80, targetPort: 'http' }] })], 'svc-targetport-exists').map((f) => `${f.severity} ${f.message}`)).toEqual([
      'error spec.ports[0].targetPort "http" is not a port of the containers of Deployment shop/web (they declare no ports).',
    ]);
  });

  test('headless Services and Services that select nothing are not judged', () => {
    expect(findingsOf([namespace(), deployment(), service('web', { clusterIP: 'None', ports: [{ port: 80, targetPort: 7070 }] })], 'svc-targetport-exists')).toEqual([]);
    expect(findingsOf([namespace(), deployment(), service('web', { selector: { app: 'other' }, ports: [{ port: 80, targetPort: 7070 }] })], 'svc-targetport-exists')).toEqual([]);
  });
});

describe('svc-targetport-exists with malformed lists', () => {
  const messages = (objects: any[]) => findingsOf(objects, 'svc-targetport-exists').map((f) => `${f.severity} ${f.message}`);

  test('a null port item and one with neither port nor targetPort are skipped (the schema rules report them); the next item keeps its index', () => {
    expect(messages([namespace(), deployment(), service('web', { ports: [null, { name: 'x' }, { name: 'y', port: 81, targetPort: 'admin' }] })])).toEqual([
      'error spec.ports[2].targetPort "admin" is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http").',
    ]);
  });

  test('a null container declares no port, and the others are still listed', () => {
    const pod = deployment('web', { podSpec: { containers: [null, container({})] } });
    expect(messages([namespace(), pod, service('web', { ports: [{ port: 80, targetPort: 'admin' }] })])).toEqual([
      'error spec.ports[0].targetPort "admin" is not a port of the containers of Deployment shop/web (they declare 8080/TCP "http").',
    ]);
  });
});

describe('svc-selector-matches-pod', () => {
  test('a selector no pod template matches is an error, with a near label value as a hint', () => {
    expect(findingsOf([namespace(), deployment(), service('web', { selector: { app: 'wbe' } })], 'svc-selector-matches-pod')).toEqual([{
      rule: 'svc-selector-matches-pod', severity: 'error', kind: 'Service', namespace: NS, name: 'web',
      message: 'spec.selector {"app":"wbe"} matches no pod template in namespace "shop", so the Service has no endpoints. Did you mean app=web?',
      fix: ruleFix('svc-selector-matches-pod'),
    }]);
  });

  test('without a near value there is no hint; a matching label is not hinted', () => {
    const found = findingsOf([namespace(), deployment(), service('web', { selector: { app: 'web', tier: 'database-primary' } })], 'svc-selector-matches-pod');
    expect(found.map((f) => f.message)).toEqual([
      'spec.selector {"app":"web","tier":"database-primary"} matches no pod template in namespace "shop", so the Service has no endpoints.',
    ]);
  });

  test('no workload in the namespace: info, with its own fix', () => {
    expect(findingsOf([namespace(), service('web')], 'svc-selector-matches-pod')).toEqual([{
      rule: 'svc-selector-matches-pod', severity: 'info', kind: 'Service', namespace: NS, name: 'web',
      message: 'cannot judge spec.selector {"app":"web"}: these manifests hold no workload in namespace "shop" (they may live elsewhere or be created by an operator).',
      fix: 'Check these manifests together with the workloads to have the selector checked.',
    }]);
  });

  test('ExternalName, selector-less and empty-selector Services select nothing on purpose', () => {
    expect(findingsOf([namespace(), deployment(), service('db', { type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'db' }, ports: undefined })], 'svc-selector-matches-pod')).toEqual([]);
    expect(findingsOf([namespace(), deployment(), service('db', { selector: undefined })], 'svc-selector-matches-pod')).toEqual([]);
    expect(findingsOf([namespace(), deployment(), service('db', { selector: {} })], 'svc-selector-matches-pod')).toEqual([]);
  });
});

describe('svc-selector-matches-pod: incomplete input, partial Services, the default namespace', () => {
  test('a hint per selector label that has a near value, joined', () => {
    const web = deployment('web', { labels: { app: 'web', tier: 'front' } });
    expect(findingsOf([namespace(), web, service('web', { selector: { app: 'wbe', tier: 'frnt' } })], 'svc-selector-matches-pod').map((f) => f.message)).toEqual([
      'spec.selector {"app":"wbe","tier":"frnt"} matches no pod template in namespace "shop", so the Service has no endpoints. Did you mean app=web, tier=front?',
    ]);
  });

  test('a custom resource carrying the selector labels: info at spec.selector', () => {
    const cr = { apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', metadata: { name: 'main', namespace: NS, labels: { app: 'prom' } }, spec: {} };
    expect(findingsOf([namespace(), deployment(), cr, service('prom', { selector: { app: 'prom' } })], 'svc-selector-matches-pod').map((f) => `${f.severity} ${f.message}`))
      .toEqual([expect.stringMatching(/^info cannot judge spec\.selector \{"app":"prom"\}: no pod template here matches it, but Prometheus shop\/main/)]);
  });

  test('with incompleteInput, a namespace without workloads is info naming the unread files', () => {
    expect(checkPolicies([namespace(), service('web')], { incompleteInput: true }).filter((f) => f.rule === 'svc-selector-matches-pod')).toEqual([{
      rule: 'svc-selector-matches-pod', severity: 'info', kind: 'Service', namespace: NS, name: 'web',
      message: 'cannot judge spec.selector {"app":"web"}: some files of the input were not read (templates, unreadable files) and may hold the workloads.',
      fix: 'Check these manifests together with the workloads to have the selector checked.',
    }]);
  });

  test('a Service without spec selects nothing on purpose: no selector, no NodePort advice', () => {
    const bare = { ...service('web'), spec: undefined };
    expect(findingsOf([namespace(), deployment(), bare], 'svc-selector-matches-pod')).toEqual([]);
    expect(findingsOf([namespace(), deployment(), bare], 'svc-type-nodeport')).toEqual([]);
  });

  test('a Service and a workload without namespace meet in "default", where the hint is looked up', () => {
    const unnamespaced = (o: any) => ({ ...o, metadata: { ...o.metadata, namespace: undefined } });
    expect(findingsOf([unnamespaced(deployment()), unnamespaced(service('web'))], 'svc-selector-matches-pod')).toEqual([]);
    expect(findingsOf([unnamespaced(deployment()), unnamespaced(service('web', { selector: { app: 'wbe' } }))], 'svc-selector-matches-pod').map((f) => f.message)).toEqual([
      'spec.selector {"app":"wbe"} matches no pod template in namespace "default", so the Service has no endpoints. Did you mean app=web?',
    ]);
  });
});

describe('svc-nodeport-unique', () => {
  const nodePortService = (name: string, nodePort: unknown, type = 'NodePort', protocol?: string) =>
    service(name, { selector: { app: 'web' }, type, ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort, ...(protocol ? { protocol } : {}) }] });

  test('a second Service on one nodePort and protocol is an error naming the first', () => {
    expect(findingsOf([namespace(), deployment(), nodePortService('a', 30080), nodePortService('b', 30080, 'LoadBalancer')], 'svc-nodeport-unique')).toEqual([{
      rule: 'svc-nodeport-unique', severity: 'error', kind: 'Service', namespace: NS, name: 'b',
      message: 'spec.ports[0].nodePort 30080/TCP is already claimed by Service shop/a.',
      fix: 'Give each Service its own nodePort, or leave nodePort unset so the cluster allocates one.',
    }]);
  });

  test('other protocols, unallocated ports (0, null, unset) and types without node ports do not claim', () => {
    expect(findingsOf([namespace(), deployment(), nodePortService('a', 30080), nodePortService('b', 30080, 'NodePort', 'UDP')], 'svc-nodeport-unique')).toEqual([]);
    for (const nodePort of [0, null, undefined]) {
      expect(findingsOf([namespace(), deployment(), nodePortService('a', nodePort), nodePortService('b', nodePort)], 'svc-nodeport-unique')).toEqual([]);
    }
    expect(findingsOf([namespace(), deployment(), nodePortService('a', 30080, 'ClusterIP'), nodePortService('b', 30080)], 'svc-nodeport-unique')).toEqual([]);
  });

  test('one Service naming the nodePort twice is svc-spec-valid\'s finding, not a clash with itself', () => {
    const twice = service('a', { selector: { app: 'web' }, type: 'NodePort', ports: [{ name: 'x', port: 80, nodePort: 30080 }, { name: 'y', port: 81, nodePort: 30080 }] });
    expect(findingsOf([namespace(), deployment(), twice], 'svc-nodeport-unique')).toEqual([]);
  });
});

describe('svc-spec-valid and svc-type-nodeport', () => {
  test('svc-spec-valid reports serviceProblems as field, value and fix', () => {
    const found = findingsOf([namespace(), deployment(), service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 29999 }] })], 'svc-spec-valid');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', kind: 'Service', name: 'web' });
    expect(found[0].message).toContain('spec.ports[0].nodePort');
    expect(found[0].message).toContain('29999');
    expect(found[0].fix).toContain('pick a port in 30000-32767');
  });

  test('a Service without a name is left to name-valid', () => {
    const nameless = { ...service('web'), metadata: { generateName: 'web-', namespace: NS } };
    expect(findingsOf([namespace(), deployment(), nameless], 'svc-spec-valid')).toEqual([]);
    const badName = service('1web');
    expect(findingsOf([namespace(), deployment('web1', { labels: { app: '1web' } }), badName], 'svc-spec-valid').map((f) => f.message)).toEqual([
      expect.stringContaining('metadata.name'),
    ]);
  });

  test('svc-type-nodeport: advice for NodePort, nothing for LoadBalancer', () => {
    const nodePort = service('np', { selector: { app: 'web' }, type: 'NodePort' });
    expect(findingsOf([namespace(), deployment(), nodePort], 'svc-type-nodeport')).toEqual([{
      rule: 'svc-type-nodeport', severity: 'info', kind: 'Service', namespace: NS, name: 'np',
      message: 'is of type NodePort: every node accepts traffic for it on its nodePorts.',
      fix: 'Prefer an Ingress or a LoadBalancer; when a NodePort is intended, say why with netkit.io/skip-svc-type-nodeport.',
    }]);
    expect(findingsOf([namespace(), deployment(), service('lb', { selector: { app: 'web' }, type: 'LoadBalancer' })], 'svc-type-nodeport')).toEqual([]);
  });
});

describe('Service rule metadata and options', () => {
  test('each rule says why its severity, what it checks and how to fix it; cross-object rules say so', () => {
    const meta = (id: string) => { const r = RULES.find((rule) => rule.id === id)!; return { crossObject: r.crossObject === true, severityReason: r.severityReason, description: r.description, fix: r.fix }; };
    expect(meta('svc-nodeport-unique')).toEqual({
      crossObject: true, severityReason: 'The API server rejects the second Service ("provided port is already allocated").',
      description: 'No two Services claim the same nodePort for the same protocol anywhere in the app (the API server says "provided port is already allocated").',
      fix: 'Give each Service its own nodePort, or leave nodePort unset so the cluster allocates one.',
    });
    expect(meta('svc-selector-matches-pod')).toMatchObject({ crossObject: true, fix: "Make the selector equal to (a subset of) the workload's pod template labels, or fix the namespace." });
    expect(meta('svc-targetport-exists')).toMatchObject({ crossObject: true, fix: 'Point targetPort at a containerPort (or its name) of the selected pods, or declare the port on the container.' });
    expect(meta('svc-spec-valid')).toMatchObject({ crossObject: false, fix: 'Change the field as the message says; ExposedService makes valid Services.' });
    expect(meta('svc-type-nodeport')).toMatchObject({ crossObject: false, description: 'A NodePort Service opens its port on every node of the cluster.' });
    for (const id of ['svc-nodeport-unique', 'svc-selector-matches-pod', 'svc-targetport-exists', 'svc-spec-valid', 'svc-type-nodeport']) {
      expect(meta(id).severityReason.length).toBeGreaterThan(20);
      expect(meta(id).description.length).toBeGreaterThan(20);
    }
  });

  test('svc-spec-valid judges nodePorts against the nodePortRange option', () => {
    const objects = [namespace(), deployment(), service('web', { type: 'NodePort', ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 20000 }] })];
    expect(checkPolicies(objects, { nodePortRange: { min: 20000, max: 20100 } }).filter((f) => f.rule === 'svc-spec-valid')).toEqual([]);
    expect(findingsOf(objects, 'svc-spec-valid')).toHaveLength(1);
  });

  test('a nameless Service still gets its other svc-spec-valid findings', () => {
    const nameless = { ...service('web', { ports: [{ name: 'http', port: 0, targetPort: 'http' }] }), metadata: { generateName: 'web-', namespace: NS } };
    expect(findingsOf([namespace(), deployment(), nameless], 'svc-spec-valid').map((f) => f.message)).toEqual([expect.stringContaining('spec.ports[0].port')]);
  });

  test('a Service selecting two workloads is judged against each', () => {
    const other = deployment('web2', { labels: { app: 'web' }, container: { ports: [{ containerPort: 9090, name: 'http' }] } });
    const found = findingsOf([namespace(), deployment(), other, service('web', { ports: [{ port: 80, targetPort: 8080 }] })], 'svc-targetport-exists');
    expect(found.map((f) => f.message)).toEqual(['spec.ports[0].targetPort 8080/TCP is not a port of the containers of Deployment shop/web2 (they declare 9090/TCP "http").']);
  });
});
