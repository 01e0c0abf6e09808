import { crdSchemaErrors } from '../../lib/policy/schema/crd-schema';

const schema = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: {
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['A', 'B'] },
        name: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' },
        port: { type: 'integer', minimum: 1, maximum: 10 },
        target: { 'x-kubernetes-int-or-string': true },
        tags: { type: 'array', maxItems: 2, 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
        listeners: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object', properties: { name: { type: 'string' } } } },
        options: { type: 'object', maxProperties: 1, additionalProperties: { type: 'string', maxLength: 2 } },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } },
      },
    },
  },
};

describe('crdSchemaErrors', () => {
  test('a valid object has none; null values are dropped as the API server does', () => {
    expect(crdSchemaErrors(schema, { spec: { mode: 'A', name: 'ab', port: 10, target: 'http', tags: ['x'], listeners: [{ name: 'a' }], options: { k: 'v' }, free: { other: 1, a: null } } })).toEqual([]);
    expect(crdSchemaErrors(schema, { spec: { mode: null } })).toEqual([]);
  });

  test('each keyword, with the field path', () => {
    const errors = crdSchemaErrors(schema, { spec: {
      mode: 'C', name: 'abcd1', port: 0, target: true, tags: ['x', 'x', 'y'], listeners: [{ name: 'a' }, { name: 'a' }], options: { a: 'long', b: 'x' }, typo: 1,
    } });
    expect(errors.map((e) => `${e.path} ${e.message}`)).toEqual([
      'spec.mode must be one of "A", "B" (got "C").',
      'spec.name must be at most 3 characters long (it has 5).',
      'spec.name "abcd1" does not match the pattern ^[a-z]+$.',
      'spec.port must be at least 1 (got 0).',
      'spec.target must be an integer or a string.',
      'spec.tags must have at most 2 items (it has 3).',
      'spec.tags[1] duplicates item 0; the list allows each value once.',
      'spec.listeners[1] duplicates item 0 (same name); the list allows each key once.',
      'spec.options must have at most 1 entries (it has 2).',
      'spec.options["a"] must be at most 2 characters long (it has 4).',
      'spec.typo is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.',
    ]);
  });

  test('required fields and types', () => {
    expect(crdSchemaErrors(schema, {})).toEqual([{ path: '(root)', message: 'requires field "spec".' }]);
    expect(crdSchemaErrors(schema, { spec: { port: '8' } })).toEqual([{ path: 'spec.port', message: 'must be of type integer (got string "8").' }]);
  });
});
