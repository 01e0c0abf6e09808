import { checkPolicies, Finding, RULES } from '../../lib';
import { ValidatedShapes } from '../../lib/policy/schema/validated-shapes';
import { container, deployment, namespace, NS, service } from './builders';

// schema-valid: non-objects, a kind the apiVersion does not serve (with and without a near kind),
// custom resources, unknown fields with and without a suggestion, schema errors, and the memo of
// validated shapes (alike objects and alike list items must still be reported at their own path) (issue 17).

const findingsOf = (objects: any[]): Finding[] => checkPolicies(objects).filter((f) => f.rule === 'schema-valid');
const messages = (objects: any[]) => findingsOf(objects).map((f) => `${f.name}: ${f.message}`);
const ruleFix = RULES.find((r) => r.id === 'schema-valid')!.fix;

describe('schema-valid', () => {
  test('a document without apiVersion or kind: not a Kubernetes object, with its own fix', () => {
    for (const doc of [{ kind: 'ConfigMap', metadata: { name: 'a' } }, { apiVersion: 'v1', metadata: { name: 'a' } }]) {
      expect(findingsOf([doc])).toEqual([expect.objectContaining({
        rule: 'schema-valid', severity: 'error', name: 'a',
        message: 'is not a Kubernetes object: apiVersion and kind are required.',
        fix: 'Set apiVersion and kind, or keep non-Kubernetes YAML (Helm values, configs) out of the checked files.',
      })]);
    }
  });

  test('a kind the apiVersion does not serve: the near kind when there is one, else where to look', () => {
    const typo = { ...deployment('web'), kind: 'Deplyoment' };
    expect(findingsOf([namespace(), typo])).toEqual([{
      rule: 'schema-valid', severity: 'error', kind: 'Deplyoment', namespace: NS, name: 'web',
      message: 'kind "Deplyoment" is not served by apiVersion apps/v1 (did you mean "Deployment"?); kubectl answers "no matches for kind".',
      fix: 'Write kind: Deployment.',
    }]);
    expect(findingsOf([namespace(), { ...deployment('web'), kind: 'Widget' }]).map((f) => `${f.message} ${f.fix}`)).toEqual([
      'kind "Widget" is not served by apiVersion apps/v1; kubectl answers "no matches for kind". Check the kind and its apiVersion (`kubectl api-resources`).',
    ]);
  });

  test('custom resources (apiVersions the schemas do not know) are not checked', () => {
    expect(findingsOf([namespace(), { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: NS }, spec: { anything: [1] } }])).toEqual([]);
  });

  test('an unknown field, with a suggestion when one is near, and a schema error, each with the rule fix', () => {
    const d = deployment('web');
    d.spec.replica = 2;
    d.spec.zzz = 1;
    d.spec.template.spec.containers[0].ports[0].containerPort = '8080';
    expect(findingsOf([namespace(), d])).toEqual([
      { rule: 'schema-valid', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web', message: 'spec.replica is not a field of DeploymentSpec (did you mean "replicas"?); the API server drops or rejects it.', fix: ruleFix },
      { rule: 'schema-valid', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web', message: 'spec.zzz is not a field of DeploymentSpec; the API server drops or rejects it.', fix: ruleFix },
      { rule: 'schema-valid', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web', message: 'spec.template.spec.containers[0].ports[0].containerPort must be of type integer.', fix: ruleFix },
    ]);
    expect(findingsOf([namespace(), deployment('web'), service('web')])).toEqual([]);
  });

  test('alike objects: each bad one is reported; a clean one does not make a later bad one pass', () => {
    const bad = (name: string) => ({ ...service(name), spec: { ...service(name).spec, type: 'Cluster' } });
    expect(messages([namespace(), bad('a'), bad('b')])).toEqual([
      'a: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".',
      'b: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".',
    ]);
    expect(messages([namespace(), service('a'), bad('b'), service('c')])).toEqual(['b: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".']);
  });

  test('a bad item after alike ones is reported at its own index', () => {
    const d = deployment('web', { podSpec: { containers: [container({ name: 'a' }), container({ name: 'b' }), { ...container({ name: 'c' }), imagee: 'x' }] } });
    expect(messages([namespace(), d])).toEqual(['web: spec.template.spec.containers[2].imagee is not a field of Container (did you mean "image"?); the API server drops or rejects it.']);
    const ports = deployment('web', { container: { ports: [{ containerPort: 8080, name: 'a' }, { containerPort: 8081, name: 'b' }, { containerPort: 'x', name: 'c' }] } });
    expect(messages([namespace(), ports])).toEqual(['web: spec.template.spec.containers[0].ports[2].containerPort must be of type integer.']);
  });

  test('without the memo (installed validators other than the generated facts): the same findings, every object validated', () => {
    const bad = (name: string) => ({ ...service(name), spec: { ...service(name).spec, type: 'Cluster' } });
    const d = deployment('web', { podSpec: { containers: [container({ name: 'a' }), container({ name: 'b' }), { ...container({ name: 'c' }), imagee: 'x' }] } });
    const objects = [namespace(), service('a'), bad('b'), service('c'), d];
    const withMemo = messages(objects);
    const create = jest.spyOn(ValidatedShapes, 'create').mockReturnValue(undefined);
    try {
      expect(messages(objects)).toEqual(withMemo);
      expect(create).toHaveBeenCalled();
    } finally {
      create.mockRestore();
    }
    expect(withMemo).toEqual([
      'b: spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort".',
      'web: spec.template.spec.containers[2].imagee is not a field of Container (did you mean "image"?); the API server drops or rejects it.',
    ]);
  });
});
