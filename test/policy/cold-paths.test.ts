import { checkPolicies, Finding } from '../../lib';
import { deployment, namespace, NS, service } from './builders';

// The shortcuts the rules take for objects with nothing to report (the last valid namespace and name, the
// kinds already judged, budgets that cannot block, rollouts counted in whole pods): a clean object first,
// then one that takes the same shortcut's path but has a finding, which must still be reported.

const findingsOf = (objects: any[], rule: string): Finding[] => checkPolicies(objects).filter((f) => f.rule === rule);
const configMap = (name: string, ns?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: ns === undefined ? { name } : { name, namespace: ns } });

describe('label-values-valid on objects without a spec', () => {
  test('a null or missing spec: the metadata labels are still judged', () => {
    const bad = { 'bad key': 'x' };
    const objects = [namespace(), { ...configMap('a', NS), metadata: { name: 'a', namespace: NS, labels: bad } }, { ...configMap('b', NS), metadata: { name: 'b', namespace: NS, labels: bad }, spec: null }];
    expect(findingsOf(objects, 'label-values-valid').map((f) => f.name)).toEqual(['a', 'b']);
  });
});

describe('name-valid after a valid namespace and name', () => {
  test('a bad namespace after a valid one, and an object without one after it (not judged)', () => {
    expect(findingsOf([namespace(), configMap('a', NS), configMap('b', 'Bad_NS'), configMap('c', NS), configMap('d')], 'name-valid')
      .map((f) => [f.name, f.message])).toEqual([
      ['b', 'metadata.namespace "Bad_NS" is not a valid namespace name. Allowed: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.'],
    ]);
  });

  test('a bad name after a valid one of the same kind, and the same valid name on the next object', () => {
    expect(findingsOf([namespace(), configMap('web', NS), configMap('web', NS), configMap('Web', NS), configMap('web', NS)], 'name-valid')
      .map((f) => f.message)).toEqual([
      'metadata.name "Web" is not a valid ConfigMap name. Allowed: dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters.',
    ]);
  });

  test('a Namespace named like a valid subdomain is still judged as a DNS label', () => {
    expect(findingsOf([configMap('a.b', 'default'), namespace('a.b')], 'name-valid').map((f) => [f.kind, f.message])).toEqual([
      ['Namespace', 'metadata.name "a.b" is not a valid Namespace name. Allowed: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters.'],
    ]);
  });
});

describe('ns-explicit after a kind already judged', () => {
  test('the second Deployment without a namespace is reported; a cluster-scoped kind and a custom resource are not', () => {
    const bare = deployment('bare');
    delete bare.metadata.namespace;
    const clusterRole = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' } };
    const custom = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(findingsOf([namespace(), deployment('web'), bare, clusterRole, custom, clusterRole, custom], 'ns-explicit').map((f) => f.name)).toEqual(['bare']);
  });
});

describe('pdb-allows-eviction after a budget that cannot block', () => {
  const budget = (name: string, spec: any) => ({
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: NS },
    spec: { selector: { matchLabels: { app: 'web' } }, ...spec },
  });

  test('maxUnavailable 1 passes; minAvailable at the pods and maxUnavailable 0 after it are reported', () => {
    expect(findingsOf([namespace(), deployment(), budget('a', { maxUnavailable: 1 }), budget('b', { minAvailable: 2 }), budget('c', { maxUnavailable: '0%' })], 'pdb-allows-eviction')
      .map((f) => [f.name, f.message.split(':')[0]])).toEqual([['b', 'spec.minAvailable'], ['c', 'spec.maxUnavailable']]);
  });
});

describe('rollout-keeps-ready after a Deployment counted in whole pods', () => {
  const rolling = (name: string, replicas: number, maxUnavailable: unknown) => {
    const d = deployment(name, { labels: { app: name } });
    d.spec = { ...d.spec, replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable } } };
    return d;
  };

  test('1 of 2 passes; 3 of 3, 0 of 1 with no surge, a fractional count and an unset maxUnavailable (25 %, rounded down) are judged as before', () => {
    const noSurge = rolling('d', 1, 0);
    noSurge.spec.strategy.rollingUpdate.maxSurge = '1%';
    const unset = rolling('e', 1, undefined);
    delete unset.spec.strategy.rollingUpdate.maxUnavailable;
    const objects = [namespace(), rolling('a', 2, 1), rolling('b', 3, 3), rolling('c', 2, 1.5), noSurge, unset];
    for (const name of ['a', 'b', 'c', 'd', 'e']) objects.push(service(name));
    expect(findingsOf(objects, 'rollout-keeps-ready').map((f) => [f.name, f.message.split(',')[0]])).toEqual([
      ['b', 'spec.strategy.rollingUpdate.maxUnavailable: lets 3 of 3 pods be unavailable at once'],
    ]);
  });
});

describe('label-values-valid and prestop-within-grace after a clean object', () => {
  test('a bad label value on the second Deployment, and an own bad label beside an inherited one', () => {
    const bad = deployment('b');
    bad.metadata.labels = Object.assign(Object.create({ inherited: 'not judged!' }), { app: 'b', team: 'a b' });
    expect(findingsOf([namespace(), deployment('a'), bad], 'label-values-valid').map((f) => [f.name, f.message.split(':')[0]])).toEqual([
      ['b', 'metadata.labels["team"]'],
    ]);
  });

  test('the second container of a pod pausing as long as the grace period is named by its index', () => {
    const d = deployment('web', { podSpec: { terminationGracePeriodSeconds: 20 } });
    const first = d.spec.template.spec.containers[0];
    d.spec.template.spec.containers = [{ ...first, lifecycle: { preStop: { sleep: { seconds: 5 } } } }, { ...first, name: 'side', lifecycle: { preStop: { sleep: { seconds: 20 } } } }];
    expect(findingsOf([namespace(), deployment('clean'), d], 'prestop-within-grace').map((f) => f.message)).toEqual([
      'spec.template.spec.containers[1].lifecycle.preStop: pauses 20 s, not less than terminationGracePeriodSeconds 20, so the container is killed before it can finish its requests. Got: 20. Allowed: less than 20 s.',
    ]);
  });
});
