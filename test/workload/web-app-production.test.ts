import { Duration } from 'cdk8s';
import { checkPolicies, collectWarnings, NetkitError, WebApp, WebAppProps } from '../../lib';
import { find, newChart, synth } from '../helpers/objects';

/** The objects one WebApp writes, by kind (undefined when it writes none of that kind). */
function render(props: Partial<WebAppProps> = {}) {
  const chart = newChart();
  const app = new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 80, ...props });
  const objects = synth(chart);
  const ofKind = (kind: string) => objects.find((o) => o.kind === kind);
  const deployment = find(objects, 'Deployment', 'web');
  return {
    app, chart, objects, deployment,
    pod: deployment.spec.template.spec,
    container: deployment.spec.template.spec.containers[0],
    pdb: ofKind('PodDisruptionBudget'),
    hpa: ofKind('HorizontalPodAutoscaler'),
  };
}
const SELECTOR = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' };

describe('WebApp production defaults', () => {
  const r = render();

  test('a 10 s preStop sleep action (no shell needed) and a 40 s grace period', () => {
    expect(r.container.lifecycle).toEqual({ preStop: { sleep: { seconds: 10 } } });
    expect(r.pod.terminationGracePeriodSeconds).toBe(40);
  });

  test('new pods start before old ones stop, and must stay ready 10 s', () => {
    expect(r.deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    expect(r.deployment.spec.minReadySeconds).toBe(10);
    expect(r.deployment.spec.replicas).toBe(2);
  });

  test('a PodDisruptionBudget named like the WebApp, one pod at a time, crash-looping pods evictable', () => {
    expect(r.pdb).toEqual({
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: 'test', labels: r.deployment.metadata.labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: SELECTOR }, unhealthyPodEvictionPolicy: 'AlwaysAllow' },
    });
    expect(r.app.podDisruptionBudget?.name).toBe('web');
  });

  test('a soft spread over nodes, no zone spread, no autoscaler', () => {
    expect(r.pod.topologySpreadConstraints).toEqual([{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: SELECTOR } }]);
    expect(r.hpa).toBeUndefined();
    expect(r.app.autoscaler).toBeUndefined();
    expect([r.app.replicas, r.app.maxReplicas]).toEqual([2, 2]);
  });

  test('one replica: no budget (it would only block drains) and nothing to spread', () => {
    const one = render({ replicas: 1 });
    expect(one.pdb).toBeUndefined();
    expect(one.app.podDisruptionBudget).toBeUndefined();
    expect(one.pod.topologySpreadConstraints).toBeUndefined();
    expect(one.container.lifecycle).toBeDefined();
  });

  test('every object, in every shape the options give, passes every policy rule (schema-valid included), exposed behind a Service', () => {
    const chart = newChart();
    const apps = [
      new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080, autoscaling: { maxReplicas: 6, memoryUtilizationPercent: 80 }, spreadAcrossZones: { whenUnsatisfiable: 'DoNotSchedule' } }),
      new WebApp(chart, 'old', { image: 'nginx:1.27.3', port: 8080, replicas: 3, kubernetesVersion: '1.29', spreadAcrossNodes: { whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2 }, disruptionBudget: { minAvailable: '50%' } }),
      new WebApp(chart, 'tuned', { image: 'nginx:1.27.3', port: 8080, replicas: 4, rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' }, spreadAcrossZones: { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }, gracefulShutdown: { preStopDelay: Duration.seconds(15) } }),
      new WebApp(chart, 'plain', { image: 'nginx:1.27.3', port: 8080, gracefulShutdown: false, rollingUpdate: false, disruptionBudget: false, spreadAcrossNodes: false }),
    ];
    apps.forEach((app) => app.expose(app.name, { port: 80 }));
    expect(synth(chart).map((o) => o.kind).filter((k) => k === 'PodDisruptionBudget' || k === 'HorizontalPodAutoscaler')).toEqual(['PodDisruptionBudget', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'PodDisruptionBudget']);
    expect(checkPolicies(chart, { externalNamespaces: ['test'] })).toEqual([]);
  });
});

describe('WebApp production options reach the YAML', () => {
  test('graceful shutdown: pause and grace period, or off', () => {
    const custom = render({ gracefulShutdown: { preStopDelay: Duration.seconds(20), terminationGracePeriod: Duration.minutes(1) } });
    expect(custom.container.lifecycle).toEqual({ preStop: { sleep: { seconds: 20 } } });
    expect(custom.pod.terminationGracePeriodSeconds).toBe(60);
    expect(render({ gracefulShutdown: { preStopDelay: Duration.seconds(5) } }).pod.terminationGracePeriodSeconds).toBe(35);
    const noPause = render({ gracefulShutdown: { preStopDelay: Duration.seconds(0) } });
    expect(noPause.container.lifecycle).toBeUndefined();
    expect(noPause.pod.terminationGracePeriodSeconds).toBe(30);
    const off = render({ gracefulShutdown: false });
    expect(off.container.lifecycle).toBeUndefined();
    expect(off.pod.terminationGracePeriodSeconds).toBeUndefined();
  });

  test('before Kubernetes 1.30 the pause is an exec of sleep, with a warning about shell-less images', () => {
    const old = render({ kubernetesVersion: '1.29' });
    expect(old.container.lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '10'] } } });
    expect(collectWarnings(old.chart).map((w) => w.message)).toEqual([expect.stringContaining('Kubernetes 1.29 has no preStop sleep action (1.30+)')]);
    expect(collectWarnings(render({ kubernetesVersion: 'v1.30.2' }).chart)).toEqual([]);
  });

  test('rolling update and minReady, or off', () => {
    const custom = render({ replicas: 4, rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' }, minReady: Duration.seconds(30) });
    expect(custom.deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 2, maxUnavailable: '25%' } });
    expect(custom.deployment.spec.minReadySeconds).toBe(30);
    const off = render({ rollingUpdate: false, minReady: Duration.seconds(0) });
    expect(off.deployment.spec.strategy).toBeUndefined();
    expect(off.deployment.spec.minReadySeconds).toBeUndefined();
  });

  test('disruption budget: minAvailable, an eviction policy, older clusters, or off', () => {
    expect(render({ replicas: 3, disruptionBudget: { minAvailable: 2, unhealthyPodEvictionPolicy: 'IfHealthyBudget' } }).pdb.spec)
      .toEqual({ minAvailable: 2, selector: { matchLabels: SELECTOR }, unhealthyPodEvictionPolicy: 'IfHealthyBudget' });
    expect(render({ disruptionBudget: { maxUnavailable: '50%' } }).pdb.spec.maxUnavailable).toBe('50%');
    expect(render({ kubernetesVersion: '1.26' }).pdb.spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: SELECTOR } });
    expect(render({ replicas: 1, disruptionBudget: {} }).pdb.spec.maxUnavailable).toBe(1);
    expect(render({ disruptionBudget: false }).pdb).toBeUndefined();
  });

  test('spread: hard over nodes honours taints (a cordoned node must not count), zones soft or hard, or off', () => {
    const hard = render({ replicas: 3, spreadAcrossNodes: { whenUnsatisfiable: 'DoNotSchedule', maxSkew: 2 }, spreadAcrossZones: true });
    expect(hard.pod.topologySpreadConstraints).toEqual([
      { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: SELECTOR }, nodeTaintsPolicy: 'Honor' },
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: SELECTOR } },
    ]);
    const zones = render({ replicas: 3, spreadAcrossNodes: false, spreadAcrossZones: { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 } });
    expect(zones.pod.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: SELECTOR }, minDomains: 3 },
    ]);
    expect(render({ replicas: 3, kubernetesVersion: '1.25', spreadAcrossNodes: { whenUnsatisfiable: 'DoNotSchedule' } }).pod.topologySpreadConstraints[0].nodeTaintsPolicy).toBeUndefined();
    expect(render({ replicas: 1, spreadAcrossNodes: true }).pod.topologySpreadConstraints).toHaveLength(1);
  });

  test('autoscaling: an autoscaling/v2 HPA owns the count, spec.replicas is left out', () => {
    const r = render({ replicas: 3, autoscaling: { maxReplicas: 10 } });
    expect(r.hpa).toEqual({
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'test', labels: r.deployment.metadata.labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 3, maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    });
    expect('replicas' in r.deployment.spec).toBe(false);
    expect(r.app.autoscaler?.name).toBe('web');
    expect([r.app.replicas, r.app.maxReplicas]).toEqual([3, 10]);
  });

  test('autoscaling targets, the default minimum, and a budget and spread once there can be several pods', () => {
    const memory = render({ autoscaling: { minReplicas: 1, maxReplicas: 4, memoryUtilizationPercent: 80 } });
    expect(memory.hpa.spec.minReplicas).toBe(1);
    expect(memory.hpa.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }]);
    expect(memory.pdb.spec.maxUnavailable).toBe(1);
    expect(memory.pod.topologySpreadConstraints).toHaveLength(1);
    const both = render({ autoscaling: { maxReplicas: 4, cpuUtilizationPercent: 60, memoryUtilizationPercent: 80 } });
    expect(both.hpa.spec.minReplicas).toBe(2);
    expect(both.hpa.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([['cpu', 60], ['memory', 80]]);
  });
});

describe('WebApp production errors', () => {
  const build = (props: Partial<WebAppProps>) => () => new WebApp(newChart(), 'web', { image: 'nginx:1.27.3', port: 80, ...props });
  const cases: Array<[string, Partial<WebAppProps>, RegExp]> = [
    ['a pause as long as the grace period', { gracefulShutdown: { preStopDelay: Duration.seconds(30), terminationGracePeriod: Duration.seconds(30) } },
      /gracefulShutdown\.terminationGracePeriod: spec\.template\.spec\.containers\[0\]\.lifecycle\.preStop pauses 30 s, not less than terminationGracePeriodSeconds 30/],
    ['a pause longer than the grace period', { gracefulShutdown: { preStopDelay: Duration.seconds(45), terminationGracePeriod: Duration.seconds(30) } }, /pauses 45 s, longer than terminationGracePeriodSeconds 30; the API server rejects that/],
    ['a sub-second pause', { gracefulShutdown: { preStopDelay: Duration.millis(500) } }, /gracefulShutdown\.preStopDelay: is not a whole number of seconds/],
    ['every pod unavailable during a rollout', { replicas: 2, rollingUpdate: { maxUnavailable: 2 } }, /rollingUpdate\.maxUnavailable: .*lets 2 of 2 pods be unavailable at once/],
    ['no surge and no unavailable pod', { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } }, /and maxSurge are both 0.*the API server rejects that/],
    ['a bad surge', { rollingUpdate: { maxSurge: '1.5' } }, /rollingUpdate\.maxSurge: spec\.strategy\.rollingUpdate\.maxSurge is not a pod count; the API server rejects it\. Got: "1\.5"/],
    ['a sub-second minReady', { minReady: Duration.millis(1500) }, /minReady: is not a whole number of seconds/],
    ['both budget counts', { disruptionBudget: { maxUnavailable: 1, minAvailable: 1 } }, /disruptionBudget\.minAvailable: and maxUnavailable are both set/],
    ['a bad budget count', { disruptionBudget: { minAvailable: -1 } }, /disruptionBudget\.minAvailable: is not a pod count/],
    ['autoscaler minimum above its maximum', { autoscaling: { minReplicas: 5, maxReplicas: 3 } }, /autoscaling\.minReplicas: spec\.minReplicas is above maxReplicas 3/],
    ['autoscaler maximum of 0', { autoscaling: { maxReplicas: 0 } }, /autoscaling\.maxReplicas: spec\.maxReplicas must be at least 1/],
    ['replicas and an autoscaler minimum', { replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 5 } }, /replicas: and autoscaling\.minReplicas are both set/],
    ['a bad utilization target', { autoscaling: { maxReplicas: 5, cpuUtilizationPercent: 0 } }, /autoscaling\.cpuUtilizationPercent: is not a whole percentage above 0/],
    ['minDomains on a soft spread', { spreadAcrossZones: { minDomains: 3 } }, /spreadAcrossZones\.minDomains: only applies with whenUnsatisfiable "DoNotSchedule"/],
    ['a skew of 0', { spreadAcrossNodes: { maxSkew: 0 } }, /spreadAcrossNodes\.maxSkew: must be a whole number of pods, at least 1/],
    ['a version that is not one', { kubernetesVersion: 'latest' }, /kubernetesVersion: is not a Kubernetes release\. Got: "latest"/],
    ['an eviction policy the target release drops', { kubernetesVersion: '1.26', disruptionBudget: { unhealthyPodEvictionPolicy: 'AlwaysAllow' } }, /disruptionBudget\.unhealthyPodEvictionPolicy: needs Kubernetes 1\.27 or later; kubernetesVersion is 1\.26/],
    ['a fractional autoscaler maximum', { autoscaling: { maxReplicas: 4.5 } }, /autoscaling\.maxReplicas: must be a whole number of pods\. Got: 4\.5/],
    ['a budget that blocks every drain', { replicas: 2, disruptionBudget: { minAvailable: 2 } }, /disruptionBudget\.minAvailable: spec\.minAvailable keeps every pod of the 2 pods it covers available/],
    ['a budget of no pod', { disruptionBudget: { maxUnavailable: '0%' } }, /disruptionBudget\.maxUnavailable: spec\.maxUnavailable lets no pod be evicted/],
    ['more zones than pods', { replicas: 2, spreadAcrossZones: { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 } }, /spreadAcrossZones: spec\.template\.spec\.topologySpreadConstraints\[1\]\.minDomains asks for 3 topology\.kubernetes\.io\/zone domains, but only 2 pods run/],
    ['more nodes than pods', { replicas: 2, spreadAcrossNodes: { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 } }, /spreadAcrossNodes: spec\.template\.spec\.topologySpreadConstraints\[0\]\.minDomains asks for 3/],
  ];
  test.each(cases)('%s', (_label, props, message) => {
    expect(build(props)).toThrow(NetkitError);
    expect(build(props)).toThrow(message);
  });
});
