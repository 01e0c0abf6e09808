import { join } from 'node:path';
import { checkPolicies, Finding, preStopSeconds, readManifestFile } from '../../lib';
import { deployment, validApp } from './builders';
import { hpa, pdb, webDeployment } from './production-cases';

const findingsOf = (objects: any[], rule: string): Finding[] => checkPolicies(objects).filter((f) => f.rule === rule);
const messagesOf = (objects: any[], rule: string): string[] => findingsOf(objects, rule).map((f) => f.message);
const appWith = (...objects: any[]) => [...validApp().filter((o) => o.kind !== 'Deployment'), ...objects];
const unpinned = (container: any = {}, podSpec: any = {}) => { const d = webDeployment({}, podSpec, container); delete d.spec.replicas; return d; };
const rolling = (rollingUpdate: any, replicas = 2) => webDeployment({ replicas, strategy: { type: 'RollingUpdate', rollingUpdate } });

describe('rollout-keeps-ready', () => {
  test("Kubernetes' default strategy keeps a pod (25 % unavailable rounds down), and so does Recreate's choice", () => {
    expect(messagesOf(appWith(webDeployment({ replicas: 1 })), 'rollout-keeps-ready')).toEqual([]);
    expect(messagesOf(appWith(webDeployment({ strategy: { type: 'Recreate' } })), 'rollout-keeps-ready')).toEqual([]);
    expect(messagesOf(appWith(rolling({ maxUnavailable: '25%' }, 4)), 'rollout-keeps-ready')).toEqual([]);
  });

  test('one pod with maxUnavailable 1, or both rounding to 0 (the controller then takes one), empties the Service', () => {
    expect(messagesOf(appWith(rolling({ maxUnavailable: 1 }, 1)), 'rollout-keeps-ready')).toEqual([expect.stringContaining('lets 1 of 1 pod be unavailable at once')]);
    expect(messagesOf(appWith(rolling({ maxSurge: '10%', maxUnavailable: '0%' }, 1)), 'rollout-keeps-ready')).toEqual([]);
    expect(messagesOf(appWith(rolling({ maxSurge: '0%', maxUnavailable: '10%' }, 1)), 'rollout-keeps-ready')).toEqual([expect.stringContaining('lets 1 of 1 pod be unavailable')]);
  });

  test('both 0, a count that is no count, or over 100 % are rejected by the API server (dep-strategy-valid, not this rule)', () => {
    expect(messagesOf(appWith(rolling({ maxSurge: 0, maxUnavailable: 0 })), 'rollout-keeps-ready')).toEqual([]);
    expect(messagesOf(appWith(rolling({ maxSurge: 0, maxUnavailable: 0 })), 'dep-strategy-valid')).toEqual([expect.stringContaining('and maxSurge are both 0, so no pod could ever be replaced; the API server rejects that')]);
    expect(messagesOf(appWith(rolling({ maxSurge: '1.5', maxUnavailable: '150%' })), 'dep-strategy-valid')).toEqual([
      expect.stringMatching(/^spec\.strategy\.rollingUpdate\.maxSurge: is not a pod count/),
      expect.stringMatching(/^spec\.strategy\.rollingUpdate\.maxUnavailable: is above 100%/),
    ]);
    expect(messagesOf(appWith(webDeployment({ strategy: { type: 'Recreate' } })), 'dep-strategy-valid')).toEqual([]);
    expect(messagesOf(appWith(webDeployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } })), 'dep-strategy-valid')).toEqual([expect.stringMatching(/^spec\.strategy\.rollingUpdate: is set with strategy type Recreate; the API server rejects that/)]);
  });

  test('counts the autoscaler minimum, and ignores Deployments no Service sends traffic to', () => {
    const scaled = unpinned();
    scaled.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } };
    expect(messagesOf(appWith(scaled, hpa({ minReplicas: 1 })), 'rollout-keeps-ready')).toEqual([expect.stringContaining('lets 1 of 1 pod')]);
    expect(messagesOf(appWith(scaled, hpa({ minReplicas: 2 })), 'rollout-keeps-ready')).toEqual([]);
    const worker = { ...deployment('worker'), spec: { ...deployment('worker').spec, strategy: { rollingUpdate: { maxUnavailable: '100%' } } } };
    expect(messagesOf([...validApp(), worker], 'rollout-keeps-ready')).toEqual([]);
  });
});

describe('pdb-allows-eviction', () => {
  test('maxUnavailable 0 or "0%" blocks every drain whatever the pods', () => {
    expect(messagesOf([...validApp(), pdb({ maxUnavailable: '0%' }, 'a'), pdb({ maxUnavailable: 0, selector: { matchLabels: { app: 'none' } } }, 'b')], 'pdb-allows-eviction'))
      .toEqual([expect.stringMatching(/^spec\.maxUnavailable: lets no pod be evicted/), expect.stringMatching(/^spec\.maxUnavailable: lets no pod be evicted/)]);
  });

  test('minAvailable is rounded up as the disruption controller does, against the pods it covers', () => {
    expect(messagesOf([...validApp(), pdb({ minAvailable: '50%' })], 'pdb-allows-eviction')).toEqual([]);
    expect(messagesOf([...validApp(), pdb({ minAvailable: '60%' })], 'pdb-allows-eviction')).toEqual([expect.stringContaining('keeps every pod of the 2 pods it covers available')]);
    expect(messagesOf([...validApp(), pdb({ minAvailable: 1 })], 'pdb-allows-eviction')).toEqual([]);
  });

  test('the autoscaler minimum is what a drain may meet; unknown counts only catch 100%', () => {
    expect(messagesOf(appWith(unpinned(), hpa({ minReplicas: 2 }), pdb({ minAvailable: 2 })), 'pdb-allows-eviction')).toHaveLength(1);
    expect(messagesOf(appWith(unpinned(), hpa({ minReplicas: 3 }), pdb({ minAvailable: 2 })), 'pdb-allows-eviction')).toEqual([]);
    const byExpression = { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] };
    expect(messagesOf([...validApp(), pdb({ minAvailable: 2, selector: byExpression })], 'pdb-allows-eviction')).toEqual([]);
    expect(messagesOf([...validApp(), pdb({ minAvailable: '100%', selector: byExpression })], 'pdb-allows-eviction')).toEqual([expect.stringContaining('Allowed: less than "100%"')]);
  });
});

describe('hpa-resource-requests', () => {
  const noCpu = { resources: { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } } };

  test('an HPA without metrics targets 80 % CPU, as the API server fills in; autoscaling/v1 reads its CPU target', () => {
    expect(messagesOf(appWith(unpinned(noCpu), hpa({})), 'hpa-resource-requests')).toEqual([expect.stringContaining('targets cpu utilization, but Deployment shop/web spec.template.spec.containers[0] (web) requests no cpu')]);
    expect(messagesOf(appWith(unpinned(noCpu), hpa({ targetCPUUtilizationPercentage: 60 }, 'web', 'autoscaling/v1')), 'hpa-resource-requests')).toHaveLength(1);
  });

  test('a limit counts as the request, AverageValue needs none, ContainerResource looks at its container only', () => {
    expect(messagesOf(appWith(unpinned({ resources: { limits: { cpu: '1', memory: '1Gi' } } }), hpa({})), 'hpa-resource-requests')).toEqual([]);
    const averageValue = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '500m' } } }];
    expect(messagesOf(appWith(unpinned(noCpu), hpa({ metrics: averageValue })), 'hpa-resource-requests')).toEqual([]);
    const sidecar = { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' };
    const containerMetric = (container: string) => [{ type: 'ContainerResource', containerResource: { name: 'cpu', container, target: { type: 'Utilization', averageUtilization: 60 } } }];
    const withSidecar = unpinned({}, { containers: [deployment().spec.template.spec.containers[0], sidecar] });
    expect(messagesOf(appWith(withSidecar, hpa({ metrics: containerMetric('web') })), 'hpa-resource-requests')).toEqual([]);
    expect(messagesOf(appWith(withSidecar, hpa({ metrics: containerMetric('proxy') })), 'hpa-resource-requests')).toEqual([expect.stringContaining('containers[1] (proxy) requests no cpu')]);
  });
});

describe('hpa-replicas-unpinned and hpa-replicas-range', () => {
  test('an HPA whose target is not in the set says nothing about it', () => {
    expect(messagesOf([...validApp(), hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'elsewhere' } })], 'hpa-replicas-unpinned')).toEqual([]);
  });

  test('minReplicas defaults to 1; 0 and a maxReplicas of 0 are rejected', () => {
    const noMin = hpa({ maxReplicas: 1 });
    delete noMin.spec.minReplicas;
    expect(messagesOf(appWith(unpinned(), noMin), 'hpa-replicas-range')).toEqual([]);
    expect(messagesOf(appWith(unpinned(), hpa({ minReplicas: 0 })), 'hpa-replicas-range')).toEqual([expect.stringMatching(/^spec\.minReplicas: must be at least 1/)]);
    expect(messagesOf(appWith(unpinned(), hpa({ minReplicas: 1, maxReplicas: 0 })), 'hpa-replicas-range')).toEqual([expect.stringMatching(/^spec\.maxReplicas: must be at least 1/)]);
  });
});

describe('pod-spread-satisfiable', () => {
  const hostSpread = (extra: any = {}) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });

  test('a hard spread over nodes must not count cordoned nodes once there are two pods', () => {
    expect(messagesOf(appWith(webDeployment({}, hostSpread())), 'pod-spread-satisfiable')).toEqual([expect.stringContaining('nodeTaintsPolicy: is not "Honor", so a cordoned node still counts as a domain')]);
    expect(messagesOf(appWith(webDeployment({}, hostSpread({ nodeTaintsPolicy: 'Honor' }))), 'pod-spread-satisfiable')).toEqual([]);
    expect(messagesOf(appWith(webDeployment({ replicas: 1 }, hostSpread())), 'pod-spread-satisfiable')).toEqual([]);
    expect(messagesOf(appWith(webDeployment({}, hostSpread({ whenUnsatisfiable: 'ScheduleAnyway' }))), 'pod-spread-satisfiable')).toEqual([]);
  });

  test('DaemonSets have no count to check', () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'shop' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'agent:1' }], ...hostSpread() } } } };
    expect(messagesOf([...validApp(), ds], 'pod-spread-satisfiable')).toEqual([]);
  });
});

describe('prestop-within-grace', () => {
  const execPreStop = (command: string[]) => ({ lifecycle: { preStop: { exec: { command } } } });

  test('an exec sleep as long as the grace period leaves the app no time; shorter passes', () => {
    expect(messagesOf(appWith(webDeployment({}, {}, execPreStop(['sleep', '30']))), 'prestop-within-grace')).toEqual([expect.stringContaining('pauses 30 s, not less than terminationGracePeriodSeconds 30 (the default), so the container is killed before it can finish its requests')]);
    expect(messagesOf(appWith(webDeployment({}, {}, execPreStop(['/bin/sh', '-c', 'sleep 5 && nginx -s quit']))), 'prestop-within-grace')).toEqual([]);
  });

  test('reads the pause of sleep actions and of exec hooks that start with sleep', () => {
    expect(preStopSeconds({ lifecycle: { preStop: { sleep: { seconds: 7 } } } })).toBe(7);
    expect(preStopSeconds(execPreStop(['/usr/bin/sleep', '12s']))).toBe(12);
    expect(preStopSeconds(execPreStop(['sh', '-c', 'sleep 15; kill -QUIT 1']))).toBe(15);
    expect(preStopSeconds(execPreStop(['nginx', '-s', 'quit']))).toBeUndefined();
    expect(preStopSeconds(execPreStop(['sleepy', '5']))).toBeUndefined();
    expect(preStopSeconds({ lifecycle: { preStop: { httpGet: { path: '/drain', port: 8080 } } } })).toBeUndefined();
    expect(preStopSeconds({})).toBeUndefined();
  });
});

test('the rules read any YAML: a Helm-style Deployment with every hazard', () => {
  const findings = checkPolicies(readManifestFile(join(__dirname, 'fixtures', 'rollout-hazards.yaml')));
  const ours = findings.filter((f) => ['rollout-keeps-ready', 'pdb-allows-eviction', 'hpa-resource-requests', 'hpa-replicas-unpinned', 'pod-spread-satisfiable', 'prestop-within-grace'].includes(f.rule));
  expect(ours.map((f) => [f.severity, f.rule, f.kind, f.line, f.message.split(':')[0]])).toEqual([
    ['error', 'prestop-within-grace', 'Deployment', 2, 'spec.template.spec.containers[0].lifecycle.preStop'],
    ['warning', 'rollout-keeps-ready', 'Deployment', 2, 'spec.strategy.rollingUpdate.maxUnavailable'],
    ['warning', 'pdb-allows-eviction', 'PodDisruptionBudget', 60, 'spec.minAvailable'],
    ['warning', 'hpa-resource-requests', 'HorizontalPodAutoscaler', 71, 'spec.metrics[0]'],
    ['warning', 'hpa-replicas-unpinned', 'Deployment', 2, 'spec.replicas 3 is pinned, but HorizontalPodAutoscaler default/api owns the replica count'],
    ['warning', 'pod-spread-satisfiable', 'Deployment', 2, 'spec.template.spec.topologySpreadConstraints[0].nodeTaintsPolicy'],
  ]);
});
