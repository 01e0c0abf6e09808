import { schemaTypeOf, unknownFields } from '../../lib/policy/schema/known-fields';

describe('unknownFields', () => {
  const deploymentType = schemaTypeOf('apps/v1', 'Deployment')!;
  const deployment = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', labels: { 'any/key': 'free-form map' }, annotations: { constructor: 'also free-form' } },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'ok', image: 'nginx' }, container] } }, ...extra },
  });

  test('a valid object has none (free-form maps take any key)', () => {
    expect(deploymentType).toBeDefined();
    expect(unknownFields(deployment({ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }), deploymentType)).toEqual([]);
  });

  test('paths through arrays and nested objects, with a suggestion', () => {
    const found = unknownFields(deployment({ name: 'web', image: 'nginx', imagePullPolcy: 'Always', ports: [{ containerPort: 80 }, { contanerPort: 81 }] }, { replica: 2 }), deploymentType);
    expect(found).toEqual([
      { path: 'spec.template.spec.containers[1].imagePullPolcy', typeName: 'Container', suggestion: 'imagePullPolicy' },
      { path: 'spec.template.spec.containers[1].ports[1].contanerPort', typeName: 'ContainerPort', suggestion: 'containerPort' },
      { path: 'spec.replica', typeName: 'DeploymentSpec', suggestion: 'replicas' },
    ]);
  });

  test('keys that objects inherit (constructor, toString) are not fields', () => {
    const found = unknownFields(deployment({ name: 'web', image: 'nginx', constructor: 'x', toString: 'y' }), deploymentType);
    expect(found.map((f) => f.path)).toEqual(['spec.template.spec.containers[1].constructor', 'spec.template.spec.containers[1].toString']);
  });

  test('a type that several API versions define is named without the table\'s "#2" (networking.k8s.io/v1 after extensions/v1beta1)', () => {
    const ingressType = schemaTypeOf('networking.k8s.io/v1', 'Ingress')!;
    const found = unknownFields({ spec: { rules: [{ http: { paths: [{ pathTyp: 'Prefix' }] } }] } }, ingressType);
    expect(found.map((f) => f.typeName)).toEqual(['HTTPIngressPath']);
    expect(ingressType).toMatch(/#\d+$/);
  });

  test('a base path prefixes every reported path', () => {
    expect(unknownFields({ replica: 1 }, schemaTypeOf('apps/v1', 'Deployment')!, 'items[3]')).toEqual([
      { path: 'items[3].replica', typeName: expect.any(String), suggestion: undefined },
    ]);
  });
});

describe('schemaTypeOf remembers its answers', () => {
  test('the same answers asked again, past the 10,000 it keeps, and for names every object has', () => {
    const deployment = schemaTypeOf('apps/v1', 'Deployment');
    expect(deployment).toBeDefined();
    for (let i = 0; i < 10_050; i++) expect(schemaTypeOf('example.com/v1', `Kind${i}`)).toBeUndefined();
    expect([schemaTypeOf('apps/v1', 'Deployment'), schemaTypeOf('apps/v1', 'Deployment')]).toEqual([deployment, deployment]);
    expect([schemaTypeOf('v1', 'Service'), schemaTypeOf('apps/v1', 'Service'), schemaTypeOf('v1', 'constructor')]).toEqual([expect.any(String), undefined, undefined]);
  });
});
