import { characters, crdSchemaErrors } from '../../lib/policy/schema/crd-schema';

// The edges of the CRD schema walk, one keyword at a time (the combined cases are in crd-schema.test.ts).

/** The errors of `value` against `schema`, as `path message` lines. */
const errors = (schema: unknown, value: unknown, path?: string) => crdSchemaErrors(schema, value, path).map((e) => `${e.path} ${e.message}`);
const UNKNOWN = 'is not a field of this kind in the CRD schema; kubectl rejects it (strict field validation) or the API server drops it.';

describe('types', () => {
  test.each([
    [{ type: 'integer' }, 1.5, ['(root) must be of type integer (got number 1.5).']],
    [{ type: 'integer' }, 2, []],
    [{ type: 'number' }, 2, []],
    [{ type: 'number' }, 2.5, []],
    [{ type: 'number' }, '2', ['(root) must be of type number (got string "2").']],
    [{ type: 'array' }, {}, ['(root) must be of type array (got object {}).']],
    [{ type: 'object' }, [], ['(root) must be of type object (got array []).']],
    [{ type: 'boolean' }, 'true', ['(root) must be of type boolean (got string "true").']],
    [{ type: 'string' }, undefined, []],
    [{ type: 'string' }, null, []],
    [{ enum: ['a'] }, 'b', ['(root) must be one of "a" (got "b").']],
    [{ enum: ['a', 1] }, 1, []],
    [{ enum: 'a' }, 'b', []],
  ])('%j given %j', (schema, value, expected) => {
    expect(errors(schema, value)).toEqual(expected);
  });

  test('a type error is the only error of the value', () => {
    expect(errors({ type: 'integer', enum: [1], minimum: 5 }, 'x')).toEqual(['(root) must be of type integer (got string "x").']);
    expect(errors({ type: 'string', enum: ['a'], maxLength: 1 }, 'bb')).toEqual(['(root) must be one of "a" (got "bb").', '(root) must be at most 1 characters long (it has 2).']);
  });

  test('int-or-string: an integer or a string, nothing else, and no other keyword read', () => {
    const schema = { 'x-kubernetes-int-or-string': true, type: 'string', maxLength: 1 };
    expect([1, 'http', 1.5, true, {}].map((value) => errors(schema, value))).toEqual([[], [], ...Array(3).fill(['(root) must be an integer or a string.'])]);
  });
});

describe('strings', () => {
  test('maxLength and minLength at their bounds, each alone', () => {
    expect(['ab', 'abc', 'abcd'].map((s) => errors({ maxLength: 3 }, s))).toEqual([[], [], ['(root) must be at most 3 characters long (it has 4).']]);
    expect(['a', 'ab', 'abc'].map((s) => errors({ minLength: 2 }, s))).toEqual([['(root) must be at least 2 characters long.'], [], []]);
  });

  // The walk counts characters only when the UTF-16 units cannot tell: n units hold n characters at most, ⌈n/2⌉ at least.
  test('lengths in characters where units and characters differ, at the edges of what the units tell', () => {
    const smile = '\u{1F600}';
    expect([smile + smile, smile + smile + 'a', 'abc'].map((s) => errors({ maxLength: 2 }, s))).toEqual([[], ['(root) must be at most 2 characters long (it has 3).'], ['(root) must be at most 2 characters long (it has 3).']]);
    expect([smile, smile + 'a', 'ab', smile + smile].map((s) => errors({ minLength: 2 }, s))).toEqual([['(root) must be at least 2 characters long.'], [], [], []]);
    expect([smile + smile, smile + 'a'].map((s) => errors({ minLength: 3 }, s))).toEqual([['(root) must be at least 3 characters long.'], ['(root) must be at least 3 characters long.']]);
    // Bounds that are not numbers compare as JavaScript compares them, as before the shortcut.
    expect([errors({ maxLength: '3' }, 'abcd'), errors({ minLength: '2' }, 'a'), errors({ maxLength: '3' }, 'abc')]).toEqual([['(root) must be at most 3 characters long (it has 4).'], ['(root) must be at least 2 characters long.'], []]);
    expect(errors({ maxLength: '0' }, 'a')).toEqual(['(root) must be at most 0 characters long (it has 1).']);
  });

  test('a pattern judges every string, whatever it accepted before (it remembers the last one it accepted)', () => {
    expect(errors({ items: { pattern: '^[a-z]+$' } }, ['ab', 'ab', 'A', 'ab', 'A', 'cd'])).toEqual(['[2] "A" does not match the pattern ^[a-z]+$.', '[4] "A" does not match the pattern ^[a-z]+$.']);
  });

  test('a pattern is read with Unicode semantics, as RE2 reads it (one character is one code point)', () => {
    expect([errors({ pattern: '^.$' }, '\u{1F600}'), errors({ pattern: '^.$' }, 'ab')]).toEqual([[], ['(root) "ab" does not match the pattern ^.$.']]);
  });

  test('a pattern JavaScript cannot read (RE2 flags) is not judged; a pattern that is not a string neither', () => {
    expect([errors({ pattern: '(?i)^abc$' }, 'xyz'), errors({ pattern: 5 }, 'xyz'), errors({ pattern: '(?i)^abc$' }, 'abc')]).toEqual([[], [], []]);
    // Asked again: the remembered answer is the same.
    expect([errors({ pattern: '^[a-z]+$' }, 'A'), errors({ pattern: '^[a-z]+$' }, 'A')]).toEqual([['(root) "A" does not match the pattern ^[a-z]+$.'], ['(root) "A" does not match the pattern ^[a-z]+$.']]);
  });

  test('characters: surrogate pairs at the edges of the surrogate ranges count as one', () => {
    const samples = ['\uD800\uDC00', '\uDBFF\uDFFF', '\uD7FF\uDC00', '\uDC00\uDC00', '\uD800\uDBFF', '\uD800\uE000', '\uDBFF\uDBFF\uDFFF', 'a\uD800\uDC00', '\uD800\uDC00b', '\uD800\uDC00\uD800\uDC00'];
    for (const s of samples) expect([s, characters(s)]).toEqual([s, [...s].length]);
  });
});

describe('numbers', () => {
  test.each([
    [{ maximum: 10 }, [9, 10, 11], [[], [], ['(root) must be at most 10 (got 11).']]],
    // Exclusive bounds are said as such: "at most 10 (got 10)" would contradict itself.
    [{ maximum: 10, exclusiveMaximum: true }, [9, 10, 11], [[], ['(root) must be less than 10 (got 10).'], ['(root) must be less than 10 (got 11).']]],
    [{ maximum: 10, exclusiveMaximum: false }, [10], [[]]],
    [{ minimum: 1 }, [0, 1, 2], [['(root) must be at least 1 (got 0).'], [], []]],
    [{ minimum: 1, exclusiveMinimum: true }, [0, 1, 2], [['(root) must be greater than 1 (got 0).'], ['(root) must be greater than 1 (got 1).'], []]],
    [{ type: 'number', maximum: 1.5 }, [1.5, 1.6], [[], ['(root) must be at most 1.5 (got 1.6).']]],
  ])('%j given %j', (schema, values, expected) => {
    expect(values.map((n) => errors(schema, n))).toEqual(expected);
  });
});

describe('lists', () => {
  test('maxItems and minItems at their bounds', () => {
    expect([['a'], ['a', 'b'], ['a', 'b', 'c']].map((list) => errors({ maxItems: 2 }, list))).toEqual([[], [], ['(root) must have at most 2 items (it has 3).']]);
    expect([[], ['a'], ['a', 'b']].map((list) => errors({ minItems: 1 }, list))).toEqual([['(root) must have at least 1 item(s).'], [], []]);
  });

  test('a set: each value once, the second and later repeats named; under a prefix', () => {
    expect(errors({ 'x-kubernetes-list-type': 'set' }, ['a', 'b', 'a', 'a', 'b'], 'spec.tags')).toEqual([
      'spec.tags[2] duplicates item 0; the list allows each value once.',
      'spec.tags[3] duplicates item 0; the list allows each value once.',
      'spec.tags[4] duplicates item 1; the list allows each value once.',
    ]);
  });

  test('a map: each key once, over all its keys; a null item is no repeat (it is refused as null)', () => {
    const schema = { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name', 'port'] };
    expect(errors(schema, [{ name: 'a', port: 1 }, { name: 'a', port: 2 }, { name: 'a', port: 1, x: 1 }, null])).toEqual([
      '[2] duplicates item 0 (same name, port); the list allows each key once.',
    ]);
    expect(errors(schema, [null, { other: 1 }, { other: 2 }])).toEqual(['[2] duplicates item 1 (same name, port); the list allows each key once.']);
    expect(errors({ ...schema, items: { type: 'object' } }, [null, null])).toEqual([0, 1].map((i) => `[${i}] must be of type object (got null); the API server rejects a null list item (create and apply alike): remove the item.`));
    expect(errors({ 'x-kubernetes-list-type': 'set' }, [null, null])).toEqual([]);
  });

  test('list-map keys on a list of another type are not read; an atomic list may repeat', () => {
    expect(errors({ 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-list-map-keys': ['name'] }, [{ name: 'a' }, { name: 'a' }])).toEqual([]);
    expect(errors({ type: 'array' }, ['a', 'a'])).toEqual([]);
  });

  test('items are checked at their index; holes and undefined items are skipped', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(errors({ items: { type: 'integer' } }, [1, , undefined, 'x'])).toEqual(['[3] must be of type integer (got string "x").']);
    expect(errors({ items: { type: 'integer' } }, [])).toEqual([]);
    expect(errors({ type: 'array' }, ['x'])).toEqual([]);
  });

  test('items schema `true` accepts anything', () => {
    expect(errors({ items: true }, ['x', 1])).toEqual([]);
  });
});

describe('objects', () => {
  test('required: a missing or null field is missing; 0, "" and false are present', () => {
    const schema = { required: ['a', 'b'] };
    expect([{}, { a: null, b: undefined }, { a: 0, b: '' }, { a: false, b: [] }].map((o) => errors(schema, o))).toEqual([
      ['(root) requires field "a".', '(root) requires field "b".'],
      ['(root) requires field "a".', '(root) requires field "b".'],
      [], [],
    ]);
    expect(errors({ required: 'a' }, {})).toEqual([]);
  });

  test('maxProperties and minProperties at their bounds', () => {
    expect([{ a: 1 }, { a: 1, b: 2 }, { a: 1, b: 2, c: 3 }].map((o) => errors({ maxProperties: 2 }, o))).toEqual([[], [], ['(root) must have at most 2 entries (it has 3).']]);
    expect([{}, { a: 1 }, { a: 1, b: 2 }].map((o) => errors({ minProperties: 1 }, o))).toEqual([['(root) must have at least 1 entries.'], [], []]);
  });

  test('unknown fields: reported only where properties are listed and neither unknown fields nor any additional ones are allowed', () => {
    const properties = { a: { type: 'string' } };
    expect([
      errors({ properties }, { a: 'x', b: 1 }),
      errors({ properties, 'x-kubernetes-preserve-unknown-fields': true }, { b: 1 }),
      errors({ properties, additionalProperties: true }, { b: 1 }),
      errors({ properties, additionalProperties: false }, { b: 1 }),
      errors({ type: 'object' }, { b: 1 }),
      errors({ additionalProperties: false }, { b: 1 }),
    ]).toEqual([['b ' + UNKNOWN], [], [], ['b ' + UNKNOWN], [], []]);
  });

  test('a key named like an Object.prototype member is a field only if listed', () => {
    expect(errors({ properties: { a: { type: 'string' } } }, JSON.parse('{"toString": 1, "__proto__": 2}'))).toEqual(['toString ' + UNKNOWN, '__proto__ ' + UNKNOWN]);
    expect(errors({ properties: { toString: { type: 'string' } } }, { toString: 1 })).toEqual(['toString must be of type string (got integer 1).']);
  });

  test('object keywords are read of objects only: a boolean where no type is given has no fields', () => {
    expect([errors({ required: ['a'], properties: { a: {} } }, true), errors({ required: ['a'], maxProperties: 0 }, 5)]).toEqual([[], []]);
  });

  test('only a schema object admits other keys: additionalProperties null or a number is none', () => {
    const properties = { a: { type: 'string' } };
    expect([errors({ properties, additionalProperties: null }, { b: 1 }), errors({ properties, additionalProperties: 5 }, { b: 1 })]).toEqual([['b ' + UNKNOWN], ['b ' + UNKNOWN]]);
  });

  test('inherited keys are not fields of the object', () => {
    expect(errors({ properties: { a: { type: 'string' } } }, Object.create({ b: 1 }))).toEqual([]);
  });

  test('map values are checked by additionalProperties, at ["key"]; a property schema `true` accepts anything', () => {
    expect(errors({ additionalProperties: { type: 'integer' } }, { a: 1, 'b.c': 'x' }, 'spec.map')).toEqual(['spec.map["b.c"] must be of type integer (got string "x").']);
    expect(errors({ properties: { a: true } }, { a: { anything: 1 } })).toEqual([]);
  });

  test('paths: a field at the root has no leading dot; nested fields, lists and map keys are joined', () => {
    const schema = { properties: { a: { properties: { b: { items: { additionalProperties: { type: 'integer' } } } } } } };
    expect(errors(schema, { a: { b: [{ k: 1 }, { k: 'x' }] } })).toEqual(['a.b[1]["k"] must be of type integer (got string "x").']);
    expect(errors(schema, { a: { b: [{ k: 'x' }] } }, 'spec')).toEqual(['spec.a.b[0]["k"] must be of type integer (got string "x").']);
    expect(errors({ properties: { a: { required: ['x'] } } }, { a: {} })).toEqual(['a requires field "x".']);
  });

  test('a schema read once answers the same for the next object (its nodes are kept)', () => {
    const schema = { properties: { list: { items: { properties: { n: { type: 'integer' } } } }, map: { additionalProperties: { type: 'integer' } } } };
    for (let i = 0; i < 2; i++) {
      expect(errors(schema, { list: [{ n: 'x' }], map: { k: 'y' } })).toEqual(['list[0].n must be of type integer (got string "x").', 'map["k"] must be of type integer (got string "y").']);
    }
  });

  test('no schema: nothing is checked', () => {
    expect([errors(undefined, { a: 1 }), errors(null, 'x')]).toEqual([[], []]);
  });
});

// What kube-apiserver 1.36.2 answered (Gateway API v1.6.1 CRDs, 2026-12-06; docs/api-server-proof.md "Null values"):
// a null list item is refused by create, client-side and server-side apply alike; a null field or map entry is
// dropped by create and client-side apply but refused by server-side apply, unless the field has a default (then
// it is dropped and defaulted on every path) or is nullable.
describe('null values, as the API server answers them', () => {
  const ITEM = 'the API server rejects a null list item (create and apply alike): remove the item.';
  const FIELD = 'server-side apply rejects a null field (create and client-side apply drop it): remove the field.';

  test('a null list item is an error at its index, typed by the item schema; items without a schema are not judged', () => {
    expect(errors({ items: { type: 'object' } }, [{}, null], 'spec.listeners')).toEqual([`spec.listeners[1] must be of type object (got null); ${ITEM}`]);
    expect(errors({ items: { type: 'string' } }, [null])).toEqual([`[0] must be of type string (got null); ${ITEM}`]);
    expect(errors({ items: { 'x-kubernetes-int-or-string': true } }, [null])).toEqual([`[0] must be an integer or a string (got null); ${ITEM}`]);
    expect(errors({ items: { maxLength: 1 } }, [null])).toEqual([`[0] must not be null; ${ITEM}`]);
    expect(errors({ type: 'array' }, [null])).toEqual([]);
  });

  test('a null item of a nullable item schema is allowed', () => {
    expect(errors({ items: { type: 'string', nullable: true } }, [null])).toEqual([]);
  });

  test('a null field without a default is an error; with a default, nullable, or without a schema it is not', () => {
    const schema = { properties: { tls: { type: 'object' }, weight: { type: 'integer', default: 1 }, zero: { type: 'integer', default: 0 }, note: { type: 'string', nullable: true } }, 'x-kubernetes-preserve-unknown-fields': true };
    expect(errors(schema, { tls: null }, 'spec')).toEqual([`spec.tls must be of type object (got null); ${FIELD}`]);
    expect(errors(schema, { weight: null, zero: null, note: null, other: null })).toEqual([]);
  });

  test('a null map entry is judged like a field', () => {
    expect(errors({ additionalProperties: { type: 'string' } }, { a: null, b: 'x' }, 'spec.labels')).toEqual([`spec.labels["a"] must be of type string (got null); ${FIELD}`]);
    expect(errors({ additionalProperties: { type: 'string', default: '' } }, { a: null })).toEqual([]);
  });

  test('a null required field is reported once, as missing', () => {
    expect(errors({ required: ['port'], properties: { port: { type: 'integer' } } }, { port: null })).toEqual(['(root) requires field "port".']);
  });

  test('a null value at the root is not judged', () => {
    expect(errors({ type: 'object' }, null)).toEqual([]);
  });
});
