// Rules on objects that lack parts (no spec, no selector, no template metadata, no metadata): judged, never a crash
// ("could not run"). Written from the survivors of a mutation run over the naming rules (each `?.` removed).
import { checkPolicies } from '../../lib';

const NS = 'shop';
const ofRule = (objects: any[], rule: string) => checkPolicies(objects).filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);
const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } };

describe('label-values-valid on partial objects', () => {
  test('a Service without spec, a Deployment without selector, a template without metadata: nothing to judge, no crash', () => {
    const objects = [
      namespace,
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bare', namespace: NS } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'noselector', namespace: NS }, spec: { template: { spec: { containers: [] } } } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nometa', namespace: NS }, spec: { selector: {}, template: { spec: { containers: [] } } } },
    ];
    expect(ofRule(objects, 'label-values-valid')).toEqual([]);
  });

  test('the bad label value of a selector is still found beside them', () => {
    const objects = [namespace, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: NS }, spec: { selector: { app: 'bad value' }, ports: [{ port: 80 }] } }];
    expect(ofRule(objects, 'label-values-valid')).toEqual([expect.stringMatching(/^error Service web: spec\.selector/)]);
  });
});

describe('ns-explicit on partial and cluster-scoped objects', () => {
  test('a cluster-scoped object has no namespace to state; an object without metadata is reported, not a crash', () => {
    const clusterRole = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' }, rules: [] };
    expect(ofRule([namespace, clusterRole], 'ns-explicit')).toEqual([]);
    expect(ofRule([namespace, { apiVersion: 'v1', kind: 'ConfigMap', data: {} }], 'ns-explicit')).toEqual([expect.stringMatching(/^\w+ ConfigMap : /)]);
  });
});

describe('the operator-pods note beside custom resources that lack parts', () => {
  const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'prom', namespace: NS }, spec: { selector: { app: 'prom' }, ports: [{ port: 9090 }] } };
  const cr = (extra: any) => ({ apiVersion: 'monitoring.coreos.com/v1', kind: 'Prometheus', ...extra });
  const partial = [
    cr({ metadata: { name: 'no-labels', namespace: NS } }),
    cr({ metadata: { name: 'null-labels', namespace: NS, labels: null } }),
    cr({ metadata: { name: 'no-template', namespace: NS }, spec: {} }),
    cr({ metadata: { name: 'bare-template', namespace: NS }, spec: { template: {} } }),
  ];
  const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'other', namespace: NS }, spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'c', image: 'registry.example.com/c:1.0' }] } } } };

  test('custom resources without labels, spec or template metadata cover nothing: the selector error stands', () => {
    expect(ofRule([namespace, deployment, service, ...partial], 'svc-selector-matches-pod')).toEqual([expect.stringMatching(/^error Service prom: /)]);
  });

  test('pod labels under spec.podMetadata, after those, make it the operator note', () => {
    const labelled = cr({ metadata: { name: 'main', namespace: NS }, spec: { podMetadata: { labels: { app: 'prom' } } } });
    expect(ofRule([namespace, deployment, service, ...partial, labelled], 'svc-selector-matches-pod')).toEqual([
      expect.stringMatching(/^info Service prom: cannot judge .* Prometheus shop\/main carries these labels/),
    ]);
  });
});
