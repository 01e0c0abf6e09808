// Passing and failing fixtures of the rules about traffic while pods come and go; rules.test.ts runs them with the others.
import { deployment, NS, validApp } from './builders';

const withoutKind = (objects: any[], kind: string) => objects.filter((o) => o.kind !== kind);

export function pdb(spec: any, name = 'web'): any {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: NS }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } };
}

export function hpa(spec: any, name = 'web', apiVersion = 'autoscaling/v2'): any {
  return {
    apiVersion, kind: 'HorizontalPodAutoscaler', metadata: { name, namespace: NS },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, ...spec },
  };
}

/** The valid app's Deployment with its spec changed (replicas, strategy…) and its pod spec extended. */
export function webDeployment(spec: any = {}, podSpec: any = {}, container: any = {}): any {
  const d = deployment('web', { podSpec, container });
  return { ...d, spec: { ...d.spec, ...spec } };
}

const appWith = (...objects: any[]) => [...withoutKind(validApp(), 'Deployment'), ...objects];
const unpinned = (container: any = {}) => { const d = webDeployment({}, {}, container); delete d.spec.replicas; return d; };
const sleepFor = (seconds: number) => ({ lifecycle: { preStop: { sleep: { seconds } } } });
const zoneSpread = (extra: any) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });

export const PRODUCTION_CASES = {
  'rollout-keeps-ready': {
    pass: appWith(webDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } })),
    fail: appWith(webDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '100%' } } })),
    expected: { kind: 'Deployment', name: 'web', message: /spec\.strategy\.rollingUpdate\.maxUnavailable: lets 2 of 2 pods be unavailable at once, so a rollout can take every ready pod out of Service shop\/web\./ },
  },
  'pdb-allows-eviction': {
    pass: [...validApp(), pdb({ maxUnavailable: 1 })],
    fail: [...validApp(), pdb({ minAvailable: 2 })],
    expected: { kind: 'PodDisruptionBudget', name: 'web', message: /spec\.minAvailable: keeps every pod of the 2 pods it covers available/ },
  },
  'hpa-resource-requests': {
    pass: appWith(unpinned(), hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] })),
    // A limit alone counts (the API server copies it to the request): this container has neither for memory.
    fail: appWith(unpinned({ resources: { requests: { cpu: '100m' } } }), hpa({ metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 70 } } }] })),
    expected: { kind: 'HorizontalPodAutoscaler', name: 'web', message: /spec\.metrics\[0\]: targets memory utilization, but Deployment shop\/web spec\.template\.spec\.containers\[0\] \(web\) requests no memory/ },
  },
  'hpa-replicas-unpinned': {
    pass: appWith(unpinned(), hpa({})),
    fail: appWith(webDeployment(), hpa({})),
    expected: { kind: 'Deployment', name: 'web', message: /spec\.replicas 2 is pinned, but HorizontalPodAutoscaler shop\/web owns the replica count/ },
  },
  'pod-spread-satisfiable': {
    pass: appWith(webDeployment({ replicas: 3 }, zoneSpread({ minDomains: 3 }))),
    fail: appWith(webDeployment({ replicas: 2 }, zoneSpread({ minDomains: 3 }))),
    expected: { kind: 'Deployment', name: 'web', message: /topologySpreadConstraints\[0\]\.minDomains: asks for 3 topology\.kubernetes\.io\/zone domains, but only 2 pods run/ },
  },
  'prestop-within-grace': {
    pass: appWith(webDeployment({}, { terminationGracePeriodSeconds: 45 }, sleepFor(15))),
    fail: appWith(webDeployment({}, {}, sleepFor(45))),
    expected: { kind: 'Deployment', name: 'web', message: /spec\.template\.spec\.containers\[0\]\.lifecycle\.preStop: pauses 45 s, longer than terminationGracePeriodSeconds 30 \(the default\); the API server rejects that/ },
  },
  'dep-strategy-valid': {
    pass: appWith(webDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } })),
    fail: appWith(webDeployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } })),
    expected: { kind: 'Deployment', name: 'web', message: /spec\.strategy\.rollingUpdate\.maxUnavailable: and maxSurge are both 0, so no pod could ever be replaced; the API server rejects that/ },
  },
  'hpa-replicas-range': {
    pass: appWith(unpinned(), hpa({ minReplicas: 5, maxReplicas: 5 })),
    fail: appWith(unpinned(), hpa({ minReplicas: 6, maxReplicas: 5 })),
    expected: { kind: 'HorizontalPodAutoscaler', name: 'web', message: /spec\.minReplicas: is above maxReplicas 5; the API server rejects it\. Got: 6/ },
  },
};
