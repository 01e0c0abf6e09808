import { characters, crdSchemaErrors } from '../../lib/policy/schema/crd-schema';

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
  test('a valid object has none; a null unknown field where unknown fields are kept is not judged', () => {
    expect(crdSchemaErrors(schema, { spec: { mode: 'A', name: 'ab', port: 10, target: 'http', tags: ['x'], listeners: [{ name: 'a' }], options: { k: 'v' }, free: { other: null, a: 'x' } } })).toEqual([]);
    // A null field without a default: server-side apply refuses it (crd-schema.boundaries.test.ts "null values").
    expect(crdSchemaErrors(schema, { spec: { mode: null } }).map((e) => e.path)).toEqual(['spec.mode']);
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

  test('lengths count characters (code points), as the API server does: a surrogate pair is one, a lone surrogate one too', () => {
    expect(crdSchemaErrors(schema, { spec: { options: { k: '\u{1F600}\u{1F600}' } } })).toEqual([]);
    expect(crdSchemaErrors(schema, { spec: { options: { k: '\u{1F600}\u{1F600}a' } } })).toEqual([{ path: 'spec.options["k"]', message: 'must be at most 2 characters long (it has 3).' }]);
    const samples = ['', 'abc', '\u{1F600}', 'a\u{1F600}b', '\uD83D', '\uDE00', '\uD83D\uD83D\uDE00', '\uDE00\uD83D', 'x\uD83D', '\uD83D\uDE00\uDE00'];
    for (const s of samples) expect([s, characters(s)]).toEqual([s, [...s].length]);
  });

  test('paths through nested lists, from the root and under a prefix', () => {
    const lists = { type: 'array', items: { type: 'object', properties: { a: { type: 'array', items: { type: 'integer' } } } } };
    expect(crdSchemaErrors(lists, [{ a: [1, 'x'] }])).toEqual([{ path: '[0].a[1]', message: 'must be of type integer (got string "x").' }]);
    expect(crdSchemaErrors(lists, [{}, { a: [1, 2], b: 1 }], 'spec.list')).toEqual([{ path: 'spec.list[1].b', message: 'is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.' }]);
    expect(crdSchemaErrors({ type: 'string' }, 1)).toEqual([{ path: '(root)', message: 'must be of type string (got integer 1).' }]);
  });
});
