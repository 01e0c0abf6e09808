import { checkPolicies, Finding, RULES } from '../../lib';
import { container, deployment, namespace, NS, service } from './builders';

// The workload rules (dep-*, hpa-*, pdb-allows-eviction, rollout-keeps-ready, prestop-within-grace) and
// the replica count they share (rules/replicas.ts): which objects each rule reads, the other branch of
// each choice, and the exact message and fix of a finding, so that dropping a branch or blanking a text
// fails a test (issue 17).

const findingsOf = (objects: any[], rule: string): Finding[] => checkPolicies(objects).filter((f) => f.rule === rule);
const ruleFix = (id: string) => RULES.find((r) => r.id === id)!.fix;

function withSpec(name: string, spec: any, kind = 'Deployment'): any {
  const d = deployment(name);
  return { ...d, kind, spec: { ...d.spec, ...spec } };
}

function hpa(spec: any = {}, name = 'web', ns = NS): any {
  return {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: ns },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec },
  };
}

function pdb(spec: any, name = 'web'): any {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: NS }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

describe('dep-selector-matches-template', () => {
  const mismatch = (kind: string) => {
    const d = withSpec('web', {}, kind);
    d.spec = { ...d.spec, selector: { matchLabels: { app: 'web', tier: 'front', team: 'a' } }, template: { ...d.spec.template, metadata: { labels: { app: 'web', team: 'b' } } } };
    return d;
  };

  test('names every selector label the template lacks or holds with another value, for each selecting kind', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']) {
      expect(findingsOf([namespace(), mismatch(kind)], 'dep-selector-matches-template')).toEqual([{
        rule: 'dep-selector-matches-template', severity: 'error', kind, namespace: NS, name: 'web',
        message: 'spec.selector.matchLabels tier=front, team=a not on spec.template.metadata.labels.',
        fix: 'Make spec.selector.matchLabels a subset of spec.template.metadata.labels.',
      }]);
    }
  });

  test('a subset passes; other kinds, no selector or no template labels are judged as written', () => {
    expect(findingsOf([namespace(), deployment('web', { labels: { app: 'web' } })], 'dep-selector-matches-template')).toEqual([]);
    expect(findingsOf([namespace(), mismatch('Job')], 'dep-selector-matches-template')).toEqual([]);
    const noSelector = withSpec('web', { selector: undefined });
    expect(findingsOf([namespace(), noSelector], 'dep-selector-matches-template')).toEqual([]);
    const noLabels = withSpec('web', { template: { spec: { containers: [container()] } } });
    expect(findingsOf([namespace(), noLabels], 'dep-selector-matches-template').map((f) => f.message)).toEqual(['spec.selector.matchLabels app=web not on spec.template.metadata.labels.']);
  });

  test('only own enumerable selector labels are judged (as Object.entries lists them)', () => {
    const matchLabels = Object.create({ inherited: 'x' });
    matchLabels.app = 'web';
    Object.defineProperty(matchLabels, 'hidden', { value: 'y', enumerable: false });
    expect(findingsOf([namespace(), withSpec('web', { selector: { matchLabels } })], 'dep-selector-matches-template')).toEqual([]);
    matchLabels.tier = 'front';
    expect(findingsOf([namespace(), withSpec('web', { selector: { matchLabels } })], 'dep-selector-matches-template').map((f) => f.message))
      .toEqual(['spec.selector.matchLabels tier=front not on spec.template.metadata.labels.']);
  });
});

describe('dep-strategy-valid', () => {
  test('a Deployment with both 0: the exact finding; another kind is not read', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } };
    expect(findingsOf([namespace(), withSpec('web', { strategy })], 'dep-strategy-valid')).toEqual([{
      rule: 'dep-strategy-valid', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web',
      message: 'spec.strategy.rollingUpdate.maxUnavailable: and maxSurge are both 0, so no pod could ever be replaced; the API server rejects that. Got: 0. Allowed: maxSurge or maxUnavailable above 0.',
      fix: 'set maxSurge to 1 (or "25%") and keep maxUnavailable 0.',
    }]);
    expect(findingsOf([namespace(), withSpec('web', { strategy }, 'StatefulSet')], 'dep-strategy-valid')).toEqual([]);
    expect(findingsOf([namespace(), withSpec('web', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } })], 'dep-strategy-valid')).toEqual([]);
  });
});

describe('hpa-replicas-range', () => {
  test('minReplicas above maxReplicas: the exact finding on the autoscaler; equal passes', () => {
    expect(findingsOf([namespace(), deployment(), hpa({ minReplicas: 6 })], 'hpa-replicas-range')).toEqual([{
      rule: 'hpa-replicas-range', severity: 'error', kind: 'HorizontalPodAutoscaler', namespace: NS, name: 'web',
      message: 'spec.minReplicas: is above maxReplicas 5; the API server rejects it. Got: 6. Allowed: at most 5.',
      fix: 'lower minReplicas or raise maxReplicas.',
    }]);
    expect(findingsOf([namespace(), deployment(), hpa({ minReplicas: 5 })], 'hpa-replicas-range')).toEqual([]);
  });
});

describe('hpa-replicas-unpinned', () => {
  const unpinned = () => withSpec('web', { replicas: undefined });

  test('a pinned spec.replicas under an autoscaler: a warning on the workload naming the autoscaler', () => {
    expect(findingsOf([namespace(), withSpec('web', { replicas: 3 }), hpa({}, 'scaler')], 'hpa-replicas-unpinned')).toEqual([{
      rule: 'hpa-replicas-unpinned', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'web',
      message: 'spec.replicas 3 is pinned, but HorizontalPodAutoscaler shop/scaler owns the replica count: every apply or GitOps sync resets it to 3, fighting the autoscaler.',
      fix: ruleFix('hpa-replicas-unpinned'),
    }]);
  });

  test('no spec.replicas, no such target, or a target reference without kind or name: nothing', () => {
    expect(findingsOf([namespace(), unpinned(), hpa()], 'hpa-replicas-unpinned')).toEqual([]);
    expect(findingsOf([namespace(), deployment('api'), hpa()], 'hpa-replicas-unpinned')).toEqual([]);
    for (const scaleTargetRef of [{ name: 'web' }, { kind: 'Deployment' }, { kind: 'Deployment', name: 7 }, undefined]) {
      expect(findingsOf([namespace(), deployment(), hpa({ scaleTargetRef })], 'hpa-replicas-unpinned')).toEqual([]);
    }
    // The target is looked up in the autoscaler's namespace.
    expect(findingsOf([namespace(), namespace('other'), deployment(), hpa({}, 'web', 'other')], 'hpa-replicas-unpinned')).toEqual([]);
  });
});

describe('hpa-resource-requests', () => {
  const noCpu = () => deployment('web', { container: { resources: { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } } } });
  const message = (metric: string, resource: string) => `${metric}: targets ${resource} utilization, but Deployment shop/web spec.template.spec.containers[0] (web) requests no ${resource}, so the autoscaler cannot compute it and never scales.`;

  test('no metrics: the default CPU target; the finding names the workload and its container', () => {
    expect(findingsOf([namespace(), noCpu(), hpa()], 'hpa-resource-requests')).toEqual([{
      rule: 'hpa-resource-requests', severity: 'warning', kind: 'HorizontalPodAutoscaler', namespace: NS, name: 'web',
      message: message('spec.metrics[0]', 'cpu'),
      fix: 'set resources.requests.cpu on every container the metric covers, or target an AverageValue instead.',
    }]);
    expect(findingsOf([namespace(), noCpu(), hpa({ metrics: [] })], 'hpa-resource-requests').map((f) => f.message)).toEqual([message('spec.metrics[0]', 'cpu')]);
    expect(findingsOf([namespace(), deployment(), hpa()], 'hpa-resource-requests')).toEqual([]);
  });

  test("autoscaling/v1's targetCPUUtilizationPercentage is a CPU utilization target; given metrics replace the default", () => {
    expect(findingsOf([namespace(), noCpu(), hpa({ targetCPUUtilizationPercentage: 50 })], 'hpa-resource-requests')).toHaveLength(1);
    const memory = [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } }];
    expect(findingsOf([namespace(), noCpu(), hpa({ metrics: memory })], 'hpa-resource-requests')).toEqual([]);
    const noMemory = deployment('web', { container: { resources: { requests: { cpu: '1' } } } });
    expect(findingsOf([namespace(), noMemory, hpa({ metrics: memory, targetCPUUtilizationPercentage: 50 })], 'hpa-resource-requests').map((f) => f.message))
      .toEqual([message('spec.metrics[0]', 'memory')]);
    const value = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } }];
    expect(findingsOf([namespace(), noCpu(), hpa({ metrics: value })], 'hpa-resource-requests')).toEqual([]);
  });

  test('without a target in the set, or a target without a pod template: nothing', () => {
    expect(findingsOf([namespace(), hpa()], 'hpa-resource-requests')).toEqual([]);
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: NS } };
    expect(findingsOf([namespace(), configMap, hpa({ scaleTargetRef: { kind: 'ConfigMap', name: 'web' } })], 'hpa-resource-requests')).toEqual([]);
  });
});

describe('pdb-allows-eviction', () => {
  test('minAvailable at the pods it covers: the exact warning; below: nothing', () => {
    expect(findingsOf([namespace(), deployment(), pdb({ minAvailable: 2 })], 'pdb-allows-eviction')).toEqual([{
      rule: 'pdb-allows-eviction', severity: 'warning', kind: 'PodDisruptionBudget', namespace: NS, name: 'web',
      message: 'spec.minAvailable: keeps every pod of the 2 pods it covers available, so no pod may be evicted and every node drain and upgrade waits on it forever. Got: 2. Allowed: fewer than 2.',
      fix: 'use maxUnavailable: 1 instead (it never blocks a drain), or run more replicas than minAvailable.',
    }]);
    expect(findingsOf([namespace(), deployment(), pdb({ minAvailable: 1 })], 'pdb-allows-eviction')).toEqual([]);
  });

  test('the pods of every matching workload add up; an autoscaler minimum counts', () => {
    const api = deployment('api', { labels: { app: 'web', part: 'api' } });
    api.spec.selector = { matchLabels: { part: 'api' } };
    expect(findingsOf([namespace(), deployment(), api, pdb({ minAvailable: 4 })], 'pdb-allows-eviction').map((f) => f.message))
      .toEqual([expect.stringContaining('of the 4 pods it covers')]);
    expect(findingsOf([namespace(), deployment(), api, pdb({ minAvailable: 3 })], 'pdb-allows-eviction')).toEqual([]);
    expect(findingsOf([namespace(), withSpec('web', { replicas: undefined }), hpa({ minReplicas: 3 }), pdb({ minAvailable: 2 })], 'pdb-allows-eviction')).toEqual([]);
  });

  test('when the covered pods cannot be known, only "100%" is judged (without a count)', () => {
    const labels = { app: 'web' };
    const daemonSet = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'web', namespace: NS }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container()] } } } };
    const unknown = [
      [deployment(), pdb({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'x', operator: 'Exists' }] }, minAvailable: 2 })],
      [deployment(), pdb({ selector: {}, minAvailable: 2 })],
      [deployment(), pdb({ selector: { matchLabels: 'app=web' }, minAvailable: 2 })],
      [deployment('api'), pdb({ minAvailable: 2 })],
      [deployment(), daemonSet, pdb({ minAvailable: 2 })],
    ];
    for (const objects of unknown) expect(findingsOf([namespace(), ...objects], 'pdb-allows-eviction')).toEqual([]);
    // An empty matchExpressions list is no expression: the count is known.
    expect(findingsOf([namespace(), deployment(), pdb({ selector: { matchLabels: { app: 'web' }, matchExpressions: [] }, minAvailable: 2 })], 'pdb-allows-eviction')).toHaveLength(1);
    expect(findingsOf([namespace(), daemonSet, pdb({ minAvailable: '100%' })], 'pdb-allows-eviction').map((f) => f.message))
      .toEqual(['spec.minAvailable: keeps every pod available, so no pod may be evicted and every node drain and upgrade waits on it forever. Got: "100%". Allowed: less than "100%".']);
  });

  test('a matchLabels that is not a map covers no pod: null does not stop the rule, a string is not read as its characters', () => {
    // A string read as a map would be {"0": "w", "1": "e", "2": "b"}: a workload labelled so would be "covered".
    const charLabels = deployment('chars', { labels: { 0: 'w', 1: 'e', 2: 'b' } as Record<string, string> });
    for (const matchLabels of [null, 'web']) {
      const objects = [namespace(), deployment(), charLabels, pdb({ selector: { matchLabels }, minAvailable: 2 })];
      expect(checkPolicies(objects).filter((f) => f.rule === 'pdb-allows-eviction' || f.kind === 'PolicyRule')).toEqual([]);
    }
  });
});

describe('rollout-keeps-ready', () => {
  const rolling = (replicas: number | undefined, maxUnavailable: unknown, name = 'web') => {
    const d = withSpec(name, { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable } } });
    return d;
  };

  test('a served Deployment whose rollout can empty the Service: the exact warning, naming the first Service', () => {
    expect(findingsOf([namespace(), rolling(2, 2), service('web'), service('other', { selector: { app: 'web' } })], 'rollout-keeps-ready')).toEqual([{
      rule: 'rollout-keeps-ready', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'web',
      message: 'spec.strategy.rollingUpdate.maxUnavailable: lets 2 of 2 pods be unavailable at once, so a rollout can take every ready pod out of Service shop/web. Got: 2. Allowed: fewer than 2 pods.',
      fix: 'set maxUnavailable to 0 and maxSurge to 1 (or "25%"): new pods start before old ones stop.',
    }]);
    expect(findingsOf([namespace(), rolling(3, 2), service('web')], 'rollout-keeps-ready')).toEqual([]);
  });

  test('replicas unset count as 1; an autoscaler minimum replaces them', () => {
    expect(findingsOf([namespace(), rolling(undefined, 1), service('web')], 'rollout-keeps-ready').map((f) => f.message))
      .toEqual([expect.stringContaining('lets 1 of 1 pod be unavailable')]);
    expect(findingsOf([namespace(), rolling(undefined, 1), service('web'), hpa({ minReplicas: 2 })], 'rollout-keeps-ready')).toEqual([]);
  });

  test('served Deployments that keep a ready pod before and after one that does not: only that one, in the order of the Services', () => {
    const objects = [namespace(), rolling(3, 0, 'a'), service('a'), rolling(2, 2, 'b'), rolling(3, 1, 'c'), service('c'), service('b')];
    expect(findingsOf(objects, 'rollout-keeps-ready').map((f) => `${f.name}: ${f.message.split(', so')[0]}`))
      .toEqual(['b: spec.strategy.rollingUpdate.maxUnavailable: lets 2 of 2 pods be unavailable at once']);
  });

  test('a Deployment no Service selects, and other kinds, are not judged', () => {
    expect(findingsOf([namespace(), rolling(2, 2)], 'rollout-keeps-ready')).toEqual([]);
    // One that could empty a Service but has none in front, beside a served one that keeps a ready pod.
    expect(findingsOf([namespace(), rolling(2, 2, 'lonely'), rolling(3, 0), service('web')], 'rollout-keeps-ready')).toEqual([]);
    expect(findingsOf([namespace(), { ...rolling(2, 2), kind: 'StatefulSet' }, service('web')], 'rollout-keeps-ready')).toEqual([]);
  });
});

describe('prestop-within-grace', () => {
  test('a sleep action as long as the grace period: the exact error on the workload; shorter passes', () => {
    const sleeping = (seconds: number, grace?: number) => deployment('web', {
      container: { lifecycle: { preStop: { sleep: { seconds } } } }, podSpec: grace === undefined ? {} : { terminationGracePeriodSeconds: grace },
    });
    const found = findingsOf([namespace(), sleeping(30)], 'prestop-within-grace');
    expect(found).toEqual([expect.objectContaining({
      rule: 'prestop-within-grace', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web',
      message: expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.lifecycle\.preStop/),
    })]);
    expect(found[0].fix).toMatch(/\S/);
    expect(findingsOf([namespace(), sleeping(29)], 'prestop-within-grace')).toEqual([]);
    expect(findingsOf([namespace(), sleeping(30, 31)], 'prestop-within-grace')).toEqual([]);
  });
});

describe('the replica count the workload rules share (rules/replicas.ts)', () => {
  const unnamespaced = (o: any) => ({ ...o, metadata: { ...o.metadata, namespace: undefined } });

  test('two autoscalers of one workload: the first one\'s minimum counts', () => {
    const objects = [namespace(), withSpec('web', { replicas: undefined }), hpa({ minReplicas: 3 }, 'first'), hpa({ minReplicas: 1 }, 'second'), pdb({ minAvailable: 2 })];
    expect(findingsOf(objects, 'pdb-allows-eviction')).toEqual([]);
    const reversed = [namespace(), withSpec('web', { replicas: undefined }), hpa({ minReplicas: 1 }, 'first'), hpa({ minReplicas: 3 }, 'second'), pdb({ minAvailable: 2 })];
    expect(findingsOf(reversed, 'pdb-allows-eviction').map((f) => f.message)).toEqual([expect.stringContaining('of the 1 pod it covers')]);
  });

  test('objects without a namespace are in "default": the budget, the workload and its autoscaler meet there', () => {
    const objects = [unnamespaced(withSpec('web', { replicas: undefined })), unnamespaced(hpa({ minReplicas: 3 })), unnamespaced(pdb({ minAvailable: 3 }))];
    expect(findingsOf(objects, 'pdb-allows-eviction').map((f) => [f.namespace, f.message])).toEqual([
      ['default', 'spec.minAvailable: keeps every pod of the 3 pods it covers available, so no pod may be evicted and every node drain and upgrade waits on it forever. Got: 3. Allowed: fewer than 3.'],
    ]);
    // The same objects in "default" by name: the same answer.
    const named = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: 'default' } }));
    expect(findingsOf(named, 'pdb-allows-eviction')).toHaveLength(1);
  });

  test('a Pod is one pod; a ReplicaSet and a StatefulSet count their replicas; a Job has no count', () => {
    const labels = { app: 'web' };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: NS, labels }, spec: { containers: [container()] } };
    expect(findingsOf([namespace(), pod, pdb({ minAvailable: 1 })], 'pdb-allows-eviction').map((f) => f.message)).toEqual([expect.stringContaining('of the 1 pod it covers')]);
    for (const kind of ['ReplicaSet', 'StatefulSet']) {
      expect(findingsOf([namespace(), withSpec('web', { replicas: 3 }, kind), pdb({ minAvailable: 3 })], 'pdb-allows-eviction').map((f) => f.message)).toEqual([expect.stringContaining('of the 3 pods it covers')]);
    }
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'web', namespace: NS }, spec: { template: { metadata: { labels }, spec: { restartPolicy: 'Never', containers: [container()] } } } };
    expect(findingsOf([namespace(), job, pdb({ minAvailable: 1 })], 'pdb-allows-eviction')).toEqual([]);
  });

  test('a replica count or autoscaler minimum that is not a number is not judged', () => {
    expect(findingsOf([namespace(), withSpec('web', { replicas: '2' }), pdb({ minAvailable: 2 })], 'pdb-allows-eviction')).toEqual([]);
    expect(findingsOf([namespace(), withSpec('web', { replicas: undefined }), hpa({ minReplicas: '2' }), pdb({ minAvailable: 2 })], 'pdb-allows-eviction')).toEqual([]);
  });
});

describe('the workload rules on partial objects and other workloads\' autoscalers', () => {
  const noSpec = (o: any) => ({ ...o, spec: undefined });

  test('an autoscaler counts for its own target only: another name or namespace leaves spec.replicas', () => {
    const objects = (scaler: any) => [namespace(), namespace('other'), withSpec('web', { replicas: 3 }), scaler, pdb({ minAvailable: 3 })];
    const apiScaler = hpa({ minReplicas: 1, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' } }, 'api');
    for (const scaler of [apiScaler, hpa({ minReplicas: 1 }, 'web', 'other')]) {
      expect(findingsOf(objects(scaler), 'pdb-allows-eviction').map((f) => f.message)).toEqual([expect.stringContaining('of the 3 pods it covers')]);
    }
  });

  test('a budget that selects no pod: only "100%" is judged, without a count', () => {
    expect(findingsOf([namespace(), deployment('api'), pdb({ minAvailable: '100%' })], 'pdb-allows-eviction').map((f) => f.message))
      .toEqual(['spec.minAvailable: keeps every pod available, so no pod may be evicted and every node drain and upgrade waits on it forever. Got: "100%". Allowed: less than "100%".']);
  });

  test('matchLabels that is not a map (true, 5) makes the covered pods unknown, not every pod', () => {
    for (const matchLabels of [true, 5]) {
      expect(findingsOf([namespace(), deployment(), pdb({ selector: { matchLabels }, minAvailable: 2 })], 'pdb-allows-eviction')).toEqual([]);
    }
  });

  test('objects without spec, selector or template are judged without failing', () => {
    const rules = ['pdb-allows-eviction', 'hpa-replicas-unpinned', 'hpa-resource-requests', 'dep-selector-matches-template'];
    const judged = (objects: any[]) => checkPolicies(objects).filter((f) => rules.includes(f.rule)).map((f) => `${f.rule} ${f.kind} ${f.message}`);
    expect(judged([namespace(), deployment(), noSpec(pdb({})), noSpec(hpa())])).toEqual([]);
    expect(judged([namespace(), deployment(), { ...pdb({}), spec: { minAvailable: 2 } }])).toEqual([]);
    // An autoscaler without spec (or scaleTargetRef) owns nothing: the budget counts spec.replicas.
    expect(judged([namespace(), deployment(), noSpec(hpa()), { ...hpa(), spec: { maxReplicas: 5 } }, pdb({ minAvailable: 2 })])).toEqual([
      'pdb-allows-eviction PodDisruptionBudget spec.minAvailable: keeps every pod of the 2 pods it covers available, so no pod may be evicted and every node drain and upgrade waits on it forever. Got: 2. Allowed: fewer than 2.',
    ]);
    expect(judged([namespace(), noSpec(deployment()), hpa()])).toEqual([]);
    const noTemplate = withSpec('web', { template: undefined });
    expect(judged([namespace(), noTemplate])).toEqual(['dep-selector-matches-template Deployment spec.selector.matchLabels app=web not on spec.template.metadata.labels.']);
  });

  test("autoscaling/v1's CPU target names the resource in the message", () => {
    const noCpu = deployment('web', { container: { resources: { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } } } });
    expect(findingsOf([namespace(), noCpu, hpa({ targetCPUUtilizationPercentage: 50 })], 'hpa-resource-requests').map((f) => f.message))
      .toEqual(['spec.metrics[0]: targets cpu utilization, but Deployment shop/web spec.template.spec.containers[0] (web) requests no cpu, so the autoscaler cannot compute it and never scales.']);
  });
});
