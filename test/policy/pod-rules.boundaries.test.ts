import { checkPolicies, Finding, PolicyOptions, RULES } from '../../lib';
import { containerHasPort, describeContainerPorts, describeObject, matchContainerPort, matchPort, matchTemplatePort } from '../../lib/policy/rules/describe';
import { container, deployment, namespace, NS, service } from './builders';

// The pod rules (pod-*) and the helpers they share (probe ports, container ports, the container list):
// each branch with a failing and a passing case, and the exact message, severity and fix of each
// finding, so that dropping a branch or blanking a text fails a test (issue 17).

const findingsOf = (objects: any[], rule: string, options: PolicyOptions = {}): Finding[] => checkPolicies(objects, options).filter((f) => f.rule === rule);
const ruleFix = (id: string) => RULES.find((r) => r.id === id)!.fix;
const C0 = 'spec.template.spec.containers[0]';
const api = (overrides: any, podSpec?: any) => [namespace(), deployment('api', { container: overrides, podSpec })];

describe('probe ports (pod-probe-port-exists, pod-readiness-probe)', () => {
  const probes = (probe: any, more: any = {}) => api({ readinessProbe: undefined, livenessProbe: probe, ...more });

  test('an undeclared name is an error in each probe form (httpGet, tcpSocket, grpc), with the exact message', () => {
    for (const form of ['httpGet', 'tcpSocket', 'grpc']) {
      expect(findingsOf(probes({ [form]: { port: 'admin' } }), 'pod-probe-port-exists')).toEqual([{
        rule: 'pod-probe-port-exists', severity: 'error', kind: 'Deployment', namespace: NS, name: 'api',
        message: `${C0}.livenessProbe probes port "admin", which the container does not declare (it declares 8080/TCP "http"), so the probe always fails.`,
        fix: 'Probe a declared containerPort (by number or name), or declare the port.',
      }]);
    }
  });

  test('startup probes are checked, readiness probes are left to pod-readiness-probe', () => {
    expect(findingsOf(api({ readinessProbe: { tcpSocket: { port: 'x' } }, startupProbe: { exec: { command: ['true'] } } }), 'pod-probe-port-exists')).toEqual([]);
    expect(findingsOf(api({ startupProbe: { tcpSocket: { port: 'x' } } }), 'pod-probe-port-exists').map((f) => f.message))
      .toEqual([`${C0}.startupProbe probes port "x", which the container does not declare (it declares 8080/TCP "http"), so the probe always fails.`]);
  });

  test('a number: declared passes; undeclared is info; the protocol counts (8080/UDP is not the probed 8080/TCP)', () => {
    expect(findingsOf(probes({ httpGet: { port: 8080 } }), 'pod-probe-port-exists')).toEqual([]);
    expect(findingsOf(probes({ httpGet: { port: 'http' } }), 'pod-probe-port-exists')).toEqual([]);
    expect(findingsOf(probes({ httpGet: { port: 9000 } }), 'pod-probe-port-exists').map((f) => [f.severity, f.message]))
      .toEqual([['info', `${C0}.livenessProbe probes port 9000, which the container does not declare (it declares 8080/TCP "http").`]]);
    const udp = probes({ tcpSocket: { port: 8080 } }, { ports: [{ containerPort: 8080, protocol: 'UDP' }, { containerPort: 9090, name: 'm' }] });
    expect(findingsOf(udp, 'pod-probe-port-exists').map((f) => [f.severity, f.message]))
      .toEqual([['info', `${C0}.livenessProbe probes port 8080, which the container does not declare (it declares 8080/UDP, 9090/TCP "m").`]]);
  });

  test('a number on a container that declares no ports (none, an empty list, not a list): nothing; a name there: an error', () => {
    for (const ports of [undefined, [], { containerPort: 9000 }]) {
      expect(findingsOf(probes({ httpGet: { port: 9000 } }, { ports }), 'pod-probe-port-exists')).toEqual([]);
    }
    expect(findingsOf(probes({ httpGet: { port: 'admin' } }, { ports: [] }), 'pod-probe-port-exists').map((f) => f.message))
      .toEqual([`${C0}.livenessProbe probes port "admin", which the container does not declare (it declares no ports), so the probe always fails.`]);
  });

  test('readiness: an undeclared name (error) and number (info) with the exact message and fix', () => {
    expect(findingsOf(api({ readinessProbe: { httpGet: { port: 'ready' } } }), 'pod-readiness-probe')).toEqual([{
      rule: 'pod-readiness-probe', severity: 'error', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.readinessProbe probes port "ready", which the container does not declare (it declares 8080/TCP "http"), so the probe always fails.`,
      fix: ruleFix('pod-readiness-probe'),
    }]);
    expect(findingsOf(api({ readinessProbe: { grpc: { port: 9000 } } }), 'pod-readiness-probe').map((f) => f.severity)).toEqual(['info']);
    // A number on a container that declares no ports is nothing (the port may be listened on anyway).
    expect(findingsOf(api({ readinessProbe: { tcpSocket: { port: 9000 } }, ports: undefined }), 'pod-readiness-probe')).toEqual([]);
  });
});

describe('pod-readiness-probe: a Service-selected workload without a readiness probe', () => {
  const noProbe = deployment('web', { container: { readinessProbe: undefined } });

  test('is advice naming the first Service that selects it', () => {
    const other = service('other', { selector: { app: 'web' } });
    expect(findingsOf([namespace(), noProbe, service('web'), other], 'pod-readiness-probe')).toEqual([{
      rule: 'pod-readiness-probe', severity: 'info', kind: 'Deployment', namespace: NS, name: 'web',
      message: 'is selected by Service shop/web but no container at spec.template.spec.containers has a readinessProbe, so it gets traffic as soon as it starts.',
      fix: ruleFix('pod-readiness-probe'),
    }]);
  });

  test('an ExternalName Service selects nothing; an unselected workload needs no probe', () => {
    expect(findingsOf([namespace(), noProbe, service('web', { type: 'ExternalName', externalName: 'db.example.com' })], 'pod-readiness-probe')).toEqual([]);
    expect(findingsOf([namespace(), noProbe, service('other')], 'pod-readiness-probe')).toEqual([]);
  });

  test('workloads without a probe after one with a probe are still reported, each naming its own Service', () => {
    // The Services a template is selected by are looked up only once a template without a probe is met.
    const probed = deployment('api');
    const noProbeDb = deployment('db', { container: { readinessProbe: undefined } });
    const objects = [namespace(), service('api'), probed, noProbe, service('web'), noProbeDb, service('db')];
    expect(findingsOf(objects, 'pod-readiness-probe').map((f) => [f.name, f.message])).toEqual([
      ['web', 'is selected by Service shop/web but no container at spec.template.spec.containers has a readinessProbe, so it gets traffic as soon as it starts.'],
      ['db', 'is selected by Service shop/db but no container at spec.template.spec.containers has a readinessProbe, so it gets traffic as soon as it starts.'],
    ]);
  });

  test('one container with a readiness probe is enough', () => {
    const two = deployment('web', { podSpec: { containers: [container({ name: 'sidecar', readinessProbe: undefined, ports: undefined }), container()] } });
    expect(findingsOf([namespace(), two, service('web')], 'pod-readiness-probe')).toEqual([]);
  });
});

describe('pod-resources', () => {
  const fix = 'Set resources.requests.cpu, resources.requests.memory and resources.limits.memory (WebApp sets defaults).';

  test('lists exactly what is missing, in order', () => {
    expect(findingsOf(api({ resources: undefined }), 'pod-resources')).toEqual([{
      rule: 'pod-resources', severity: 'info', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.resources is missing requests.cpu, requests.memory, limits.memory.`, fix,
    }]);
    expect(findingsOf(api({ resources: { requests: { memory: '1Mi' }, limits: { memory: '1Mi' } } }), 'pod-resources').map((f) => f.message))
      .toEqual([`${C0}.resources is missing requests.cpu.`]);
    expect(findingsOf(api({ resources: { requests: { cpu: '1' }, limits: { memory: '1Mi' } } }), 'pod-resources').map((f) => f.message))
      .toEqual([`${C0}.resources is missing requests.memory.`]);
    expect(findingsOf(api({ resources: { requests: { cpu: '1', memory: '1Mi' }, limits: { cpu: '1' } } }), 'pod-resources').map((f) => f.message))
      .toEqual([`${C0}.resources is missing limits.memory.`]);
    expect(findingsOf(api({ resources: { requests: { cpu: '1', memory: '1Mi' }, limits: { memory: '1Mi' } } }), 'pod-resources')).toEqual([]);
  });

  test('init containers are checked too', () => {
    const pod = deployment('api', { podSpec: { initContainers: [container({ name: 'init', resources: { requests: { cpu: '1', memory: '1Mi' } } })] } });
    expect(findingsOf([namespace(), pod], 'pod-resources').map((f) => f.message)).toEqual(['spec.template.spec.initContainers[0].resources is missing limits.memory.']);
  });
});

describe('pod-spread-satisfiable', () => {
  test('only hard constraints are judged; a spread over nodes wants Honor with more than one pod; a null constraint is skipped', () => {
    const spreading = (replicas: number, constraint: any) => {
      const d = deployment('api', { podSpec: { topologySpreadConstraints: [null, { maxSkew: 1, labelSelector: { matchLabels: { app: 'api' } }, ...constraint }] } });
      d.spec.replicas = replicas;
      return [namespace(), d];
    };
    const nodes = { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' };
    expect(findingsOf(spreading(2, { ...nodes, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 5 }), 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf(spreading(1, nodes), 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf(spreading(2, { ...nodes, nodeTaintsPolicy: 'Honor' }), 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf(spreading(2, { ...nodes, topologyKey: 'topology.kubernetes.io/zone' }), 'pod-spread-satisfiable')).toEqual([]);
    // minDomains that is not a number is not judged; no constraints, or constraints that are not a list: nothing, and no error.
    expect(findingsOf(spreading(2, { ...nodes, topologyKey: 'topology.kubernetes.io/zone', minDomains: '5' }), 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf([namespace(), deployment('api')], 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf([namespace(), deployment('api', { podSpec: { topologySpreadConstraints: { ...nodes } } })], 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf(spreading(2, { ...nodes, nodeTaintsPolicy: 'Ignore' }), 'pod-spread-satisfiable')).toEqual([{
      rule: 'pod-spread-satisfiable', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'api',
      message: 'spec.template.spec.topologySpreadConstraints[1].nodeTaintsPolicy: is not "Honor", so a cordoned node still counts as a domain: once a drain has evicted its pods it holds the fewest, and their replacements cannot go anywhere else without breaking maxSkew, so they stay Pending and the next drain is blocked. Got: "Ignore". Allowed: "Honor".',
      fix: "set nodeTaintsPolicy: 'Honor' (Kubernetes 1.26+), or use whenUnsatisfiable: 'ScheduleAnyway'.",
    }]);
  });

  const zones = (minDomains: number) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', minDomains, labelSelector: { matchLabels: { app: 'api' } } }] });
  const withReplicas = (replicas: unknown, minDomains: number) => {
    const d = deployment('api', { podSpec: zones(minDomains) });
    d.spec.replicas = replicas;
    return d;
  };
  const hpa = (minReplicas?: number) => ({
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'api', namespace: NS },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }, ...(minReplicas === undefined ? {} : { minReplicas }), maxReplicas: 10 },
  });

  test('minDomains above the replicas: a warning with the exact message; equal: nothing', () => {
    expect(findingsOf([namespace(), withReplicas(2, 3)], 'pod-spread-satisfiable')).toEqual([{
      rule: 'pod-spread-satisfiable', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'api',
      message: "spec.template.spec.topologySpreadConstraints[0].minDomains: asks for 3 topology.kubernetes.io/zone domains, but only 2 pods run; while the cluster has fewer domains each holds at most maxSkew pods, so a rollout's extra pod stays Pending. Got: 3. Allowed: at most 2.",
      fix: 'lower minDomains to the replica count, or run more replicas.',
    }]);
    expect(findingsOf([namespace(), withReplicas(3, 3)], 'pod-spread-satisfiable')).toEqual([]);
  });

  test('replicas unset count as 1; a count that is not a number is not judged', () => {
    expect(findingsOf([namespace(), withReplicas(undefined, 2)], 'pod-spread-satisfiable').map((f) => f.message))
      .toEqual([expect.stringContaining('but only 1 pod run;')]);
    expect(findingsOf([namespace(), withReplicas('3', 2)], 'pod-spread-satisfiable')).toEqual([]);
  });

  test("an autoscaler's minReplicas (default 1) replaces spec.replicas", () => {
    expect(findingsOf([namespace(), withReplicas(1, 3), hpa(3)], 'pod-spread-satisfiable')).toEqual([]);
    expect(findingsOf([namespace(), withReplicas(5, 2), hpa()], 'pod-spread-satisfiable').map((f) => f.message))
      .toEqual([expect.stringContaining('but only 1 pod run;')]);
    // An autoscaler of another Deployment, or in another namespace, does not count.
    const elsewhere = { ...hpa(3), metadata: { name: 'api', namespace: 'other' } };
    const otherTarget = { ...hpa(3), spec: { ...hpa(3).spec, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' } } };
    for (const a of [elsewhere, otherTarget]) expect(findingsOf([namespace(), namespace('other'), withReplicas(1, 3), a], 'pod-spread-satisfiable')).toHaveLength(1);
  });

  test('a Pod runs 1; a DaemonSet or Job has no count and is not judged', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: NS, labels: { app: 'p' } }, spec: { containers: [container()], ...zones(2) } };
    expect(findingsOf([namespace(), pod], 'pod-spread-satisfiable').map((f) => f.message)).toEqual([expect.stringMatching(/^spec\.topologySpreadConstraints\[0\]\.minDomains: .* but only 1 pod run;/)]);
    const labels = { app: 'agent' };
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: NS }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container()], ...zones(9) } } } };
    expect(findingsOf([namespace(), ds], 'pod-spread-satisfiable')).toEqual([]);
  });
});

describe('pod-fields-valid: every field of the pod template reaches its rule, under its own path', () => {
  const fieldsOf = (objects: any[], options: PolicyOptions = {}) => findingsOf(objects, 'pod-fields-valid', options).map((f) => `${f.severity} ${f.message.split(':')[0]}`);
  const S = 'spec.template.spec';

  test('pod-level IDs and ServiceAccount, then each container (init containers first) field by field', () => {
    const bad = {
      image: 'Nginx:1', imagePullPolicy: 'always', env: [{ name: 'OK' }, { name: 'A=B' }],
      resources: { requests: { cpu: '-1' }, limits: { memory: 'lots' } },
      readinessProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: -1 }, livenessProbe: { tcpSocket: { port: 8080 }, failureThreshold: -1 },
      startupProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: -1, periodSeconds: -1, successThreshold: -1 },
      securityContext: { runAsUser: -1, runAsGroup: -2, allowPrivilegeEscalation: false }, volumeMounts: [{ name: 'v', mountPath: '/ok' }, { name: 'v', mountPath: 'rel' }],
    };
    const podSpec = {
      securityContext: { runAsUser: -3, runAsGroup: -4, fsGroup: -5 }, serviceAccountName: 'Web',
      initContainers: [container({ name: 'init', image: 'Busybox' })], containers: [container(bad)], volumes: [{ name: 'v', emptyDir: {} }],
    };
    expect(fieldsOf([namespace(), deployment('api', { podSpec })])).toEqual([
      `error ${S}.securityContext.runAsUser`, `error ${S}.securityContext.runAsGroup`, `error ${S}.serviceAccountName`, `error ${S}.securityContext.fsGroup`,
      `error ${S}.initContainers[0].image`,
      `error ${C0}.image`, `error ${C0}.imagePullPolicy`, `error ${C0}.env[1].name`,
      `error ${C0}.resources.requests.cpu`, `error ${C0}.resources.limits.memory`,
      `error ${C0}.readinessProbe.timeoutSeconds`, `error ${C0}.livenessProbe.failureThreshold`,
      `error ${C0}.startupProbe.initialDelaySeconds`, `error ${C0}.startupProbe.periodSeconds`, `error ${C0}.startupProbe.successThreshold`,
      `error ${C0}.securityContext.runAsUser`, `error ${C0}.securityContext.runAsGroup`,
      `warning ${C0}.volumeMounts[1].mountPath`,
    ]);
  });

  test('each finding carries the field rule\'s message, value, allowed and fix', () => {
    expect(findingsOf(api({ securityContext: { runAsUser: -1, allowPrivilegeEscalation: false } }), 'pod-fields-valid')).toEqual([{
      rule: 'pod-fields-valid', severity: 'error', kind: 'Deployment', namespace: NS, name: 'api',
      message: `${C0}.securityContext.runAsUser: is not a valid user ID; the API server rejects it. Got: -1. Allowed: 0-2147483647.`,
      fix: expect.stringMatching(/\S/),
    }]);
  });

  test('a request above its limit is judged only when every quantity of the container is valid', () => {
    expect(fieldsOf(api({ resources: { requests: { cpu: '2', memory: 'x' }, limits: { cpu: '1' } } }))).toEqual([`error ${C0}.resources.requests.memory`]);
    expect(fieldsOf(api({ resources: { requests: { cpu: '2', memory: '1Mi' }, limits: { cpu: '1' } } }))).toEqual([`error ${C0}.resources.requests.cpu`]);
    // A bad quantity in one container does not stop the comparison in the next.
    const two = deployment('api', { podSpec: { containers: [container({ resources: { requests: { cpu: 'x' } } }), container({ name: 'b', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] } });
    expect(fieldsOf([namespace(), two])).toEqual([`error ${C0}.resources.requests.cpu`, `error ${S}.containers[1].resources.requests.cpu`]);
  });

  test('only own quantities are read: a key a requests map inherits is none of its quantities', () => {
    const requests = Object.assign(Object.create({ cpu: '-1' }), { memory: '64Mi' });
    expect(fieldsOf(api({ resources: { requests } }))).toEqual([]);
  });

  test('the same bad value in two containers is reported twice; a value seen clean first stays clean', () => {
    const two = (a: any, b: any) => [namespace(), deployment('api', { podSpec: { containers: [container(a), container({ name: 'b', ...b })] } })];
    expect(fieldsOf(two({ image: 'Bad' }, { image: 'Bad' }))).toEqual([`error ${C0}.image`, `error ${S}.containers[1].image`]);
    expect(fieldsOf(two({ image: 'nginx:1.27.3' }, { image: 'Bad' }))).toEqual([`error ${S}.containers[1].image`]);
    expect(fieldsOf(two({ image: 'nginx:1.27.3' }, { image: 'nginx:1.27.3' }))).toEqual([]);
  });

  test('unset, null and empty fields are skipped; so are entries that are not containers', () => {
    expect(fieldsOf(api({ imagePullPolicy: '', env: [null, { value: '1' }], readinessProbe: null, livenessProbe: undefined, securityContext: null, volumeMounts: [null] }, { serviceAccountName: '' }))).toEqual([]);
    expect(fieldsOf(api({ env: 'A=B', volumeMounts: { mountPath: 'rel' }, resources: null }))).toEqual([]);
    expect(fieldsOf([namespace(), deployment('api', { podSpec: { containers: [null, 'web', container({ image: 'Bad' })] } })])).toEqual([`error ${S}.containers[2].image`]);
  });

  test('the target release comes from the options; an unreadable one falls back to the default (1.35)', () => {
    const env = api({ env: [{ name: '1ABC', value: '1' }] });
    expect(fieldsOf(env, { kubernetesVersion: '1.31' })).toEqual([`error ${C0}.env[0].name`]);
    expect(fieldsOf(env, { kubernetesVersion: '1.35' })).toEqual([`warning ${C0}.env[0].name`]);
    expect(fieldsOf(env, { kubernetesVersion: 'next' })).toEqual([`warning ${C0}.env[0].name`]);
    expect(fieldsOf(env)).toEqual([`warning ${C0}.env[0].name`]);
  });
});

describe('the port and object descriptions the rules share (rules/describe.ts)', () => {
  test('describeObject: namespace/name for namespaced objects, the name alone otherwise', () => {
    expect(describeObject({ kind: 'Service', namespace: 'dev', name: 'web' })).toBe('Service dev/web');
    expect(describeObject({ kind: 'IngressClass', name: 'nginx' })).toBe('IngressClass nginx');
    expect(describeObject({ kind: 'Service', namespace: '', name: 'web' })).toBe('Service /web');
  });

  test('describeContainerPorts: number/protocol (TCP by default) and the name when there is one', () => {
    expect(describeContainerPorts([])).toBe('no ports');
    expect(describeContainerPorts([{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP', name: 'dns' }])).toBe('80/TCP, 53/UDP "dns"');
  });

  test('containerHasPort and matchPort: by number and protocol, or by name; a container without a port list has none', () => {
    const c = { ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 53, protocol: 'UDP' }] };
    expect([containerHasPort(c, 8080), containerHasPort(c, 8080, 'UDP'), containerHasPort(c, 53), containerHasPort(c, 53, 'UDP'), containerHasPort(c, 'http'), containerHasPort(c, 'dns')])
      .toEqual([true, false, false, true, true, false]);
    expect(containerHasPort(undefined, 8080)).toBe(false);
    expect(containerHasPort({ ports: { containerPort: 8080 } }, 8080)).toBe(false);
    expect(matchPort([{}, c], 8080)).toBe('declared');
    expect(matchPort([c], 53, 'UDP')).toBe('declared');
    expect(matchPort([c], 'metrics')).toBe('unknown-name');
    expect(matchPort([c], 9090)).toBe('unknown-number');
    expect(matchPort([{ ports: [] }, {}, null], 9090)).toBe('none-declared');
    expect(matchPort([{ ports: [] }, {}, null], 'http')).toBe('unknown-name');
  });
});

describe('the pod rules: the other branches the mutation run found untested', () => {
  test('matchPort: a number is undeclared (not "none declared") when any one container declares ports', () => {
    expect(matchPort([{ ports: [{ containerPort: 80 }] }, {}], 9090)).toBe('unknown-number');
    expect(matchPort([{}, { ports: [{ containerPort: 80 }] }], 9090)).toBe('unknown-number');
  });

  test('a probe by name on a container without a ports list: the message says it declares no ports', () => {
    expect(findingsOf(api({ readinessProbe: undefined, ports: undefined, livenessProbe: { httpGet: { port: 'admin' } } }), 'pod-probe-port-exists').map((f) => f.message))
      .toEqual([`${C0}.livenessProbe probes port "admin", which the container does not declare (it declares no ports), so the probe always fails.`]);
  });

  test('a Service without spec selects nothing and fails nothing', () => {
    const noProbe = deployment('web', { container: { readinessProbe: undefined } });
    expect(findingsOf([namespace(), noProbe, { ...service('web'), spec: undefined }], 'pod-readiness-probe')).toEqual([]);
  });

  test('a DaemonSet (no pod count) is not judged at all, not even for a spread over nodes without nodeTaintsPolicy', () => {
    const labels = { app: 'agent' };
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: labels } }] };
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: NS }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container()], ...spread } } } };
    expect(findingsOf([namespace(), ds], 'pod-spread-satisfiable')).toEqual([]);
    const d = deployment('agent', { podSpec: spread });
    expect(findingsOf([namespace(), d], 'pod-spread-satisfiable').map((f) => f.message)).toEqual([expect.stringContaining('nodeTaintsPolicy')]);
  });
});

describe('the port helpers of describe.ts', () => {
  const web = { name: 'web', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 53, protocol: 'UDP' }] };

  test('a hole in a ports list is skipped, and the ports after it are still found', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = { ports: [, { containerPort: 80, name: 'http' }] };
    expect(containerHasPort(holed, 80)).toBe(true);
    expect(containerHasPort(holed, 'http')).toBe(true);
    expect(containerHasPort(holed, 81)).toBe(false);
  });

  test('one container: declared, an unknown name, an unknown number among other ports, none declared', () => {
    expect(matchContainerPort(web, 8080)).toBe('declared');
    expect(matchContainerPort(web, 53, 'UDP')).toBe('declared');
    expect(matchContainerPort(web, 53)).toBe('unknown-number');
    expect(matchContainerPort(web, 'admin')).toBe('unknown-name');
    expect(matchContainerPort({ name: 'bare' }, 8080)).toBe('none-declared');
  });

  test('the containers of a pod template: TCP unless a protocol is named', () => {
    const refs = [{ container: { name: 'sidecar' } }, { container: web }] as any[];
    expect(matchTemplatePort(refs, 8080)).toBe('declared');
    expect(matchTemplatePort(refs, 53)).toBe('unknown-number');
    expect(matchTemplatePort(refs, 53, 'UDP')).toBe('declared');
    expect(matchTemplatePort([{ container: { name: 'bare' } }] as any[], 'http')).toBe('unknown-name');
    expect(matchTemplatePort([{ container: { name: 'bare' } }] as any[], 80)).toBe('none-declared');
  });
});
