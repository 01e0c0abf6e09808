import { kindsOfApiVersion, schemaTypeOf, unknownFields } from '../../lib/policy/schema/known-fields';

// The edges of the field table's walk (the Deployment cases are in known-fields.test.ts).

describe('kindsOfApiVersion', () => {
  test('the kinds of a group version, of the core version, none for an unknown one; the same answer when asked again', () => {
    expect(kindsOfApiVersion('policy/v1')).toEqual(['Eviction', 'PodDisruptionBudget']);
    expect(kindsOfApiVersion('node.k8s.io/v1')).toEqual(['RuntimeClass']);
    expect(kindsOfApiVersion('v1')).toEqual(expect.arrayContaining(['Pod', 'Service', 'Namespace']));
    expect(kindsOfApiVersion('v1')).not.toContain('Deployment');
    expect([kindsOfApiVersion('example.com/v1'), kindsOfApiVersion('policy')]).toEqual([undefined, undefined]);
    expect(kindsOfApiVersion('policy/v1')).toBe(kindsOfApiVersion('policy/v1'));
  });

  test('schemaTypeOf knows built-in kinds only', () => {
    expect([schemaTypeOf('v1', 'Service'), schemaTypeOf('example.com/v1', 'Widget'), schemaTypeOf('v1', 'toString')]).toEqual([expect.any(String), undefined, undefined]);
  });
});

describe('unknownFields', () => {
  const service = schemaTypeOf('v1', 'Service')!;
  const paths = (value: unknown, type = service, base?: string) => unknownFields(value, type, base).map((f) => f.path);

  test('a string, a number or null where an object is expected has no fields (the type check reports it)', () => {
    expect([paths('spec'), paths({ spec: 'text' }), paths({ spec: 5 }), paths({ spec: null }), paths({ spec: { ports: 'abc' } })]).toEqual([[], [], [], [], []]);
  });

  test('objects inside scalar fields and free-form maps are not walked', () => {
    expect(paths({ metadata: { name: { typo: 1 }, labels: { 'any/key': { typo: 1 } } }, spec: { clusterIP: [{ typo: 1 }] } })).toEqual([]);
  });

  test('a list at the root and lists of lists give index paths, with a base path or without', () => {
    expect(paths([{ typo: 1 }, { spec: { ports: [{ port: 80 }, { prot: 81 }] } }])).toEqual(['[0].typo', '[1].spec.ports[1].prot']);
    expect(paths([[{ typo: 1 }]], service, 'items')).toEqual(['items[0][0].typo']);
    expect(paths({ typo: 1 })).toEqual(['typo']);
  });

  test('inherited keys are not the object\'s; a type the table lacks has no fields to compare', () => {
    expect(paths(Object.create({ typo: 1 }))).toEqual([]);
    expect(paths({ typo: 1 }, 'NoSuchType')).toEqual([]);
  });

  test('the type named and the suggestion (none when nothing is close)', () => {
    expect(unknownFields({ spec: { portz: [], zzzzzzzz: 1 } }, service)).toEqual([
      { path: 'spec.portz', typeName: 'ServiceSpec', suggestion: 'ports' },
      { path: 'spec.zzzzzzzz', typeName: 'ServiceSpec', suggestion: undefined },
    ]);
  });
});
