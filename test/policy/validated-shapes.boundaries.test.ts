import facts from '../../lib/policy/schema/validator-facts.json';
import { FORMAT_GUARDS, matchesShape, shapeOf, ValidatedShapes } from '../../lib/policy/schema/validated-shapes';

// The edges of the shape memo, one by one (the randomized and pairwise tests are in validated-shapes.test.ts).

/** A simple string test: enum-like words and strings starting with a digit are significant. */
const significant = (s: string) => s === 'Always' || s === 'Never' || /^\d/.test(s);
const matches = (a: unknown, b: unknown) => matchesShape(shapeOf(a, significant)!, b, significant);
/** `levels` objects nested in `next`, with `leaf` at the bottom: the leaf is `levels` levels deep. */
const deep = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { next: deep(levels - 1, leaf) });

/** ValidatedShapes.create() with the validator facts and the installed formats changed, in a fresh module registry. */
function memoWith(change: { facts?: Record<string, unknown>; formats?: Record<string, unknown> }): any {
  return freshModule(change).ValidatedShapes.create();
}

/** The module, loaded afresh with the validator facts and the installed formats changed. */
function freshModule(change: { facts?: Record<string, unknown>; formats?: Record<string, unknown> }): any {
  let loaded: any;
  jest.isolateModules(() => {
    if (change.facts) jest.doMock('../../lib/policy/schema/validator-facts.json', () => ({ ...facts, ...change.facts }));
    if (change.formats) {
      const formats = { ...jest.requireActual('@kubernetes-models/validate').formats, ...change.formats };
      jest.doMock('../../lib/policy/schema/openapi-validators', () => ({ ...jest.requireActual('../../lib/policy/schema/openapi-validators'), installedFormats: () => formats }));
    }
    loaded = require('../../lib/policy/schema/validated-shapes');
  });
  jest.dontMock('../../lib/policy/schema/validator-facts.json');
  jest.dontMock('../../lib/policy/schema/openapi-validators');
  return loaded;
}

/** Whether a memo that kept `kept` answers that `other` passes too. */
function memoAnswers(memo: ValidatedShapes, kept: unknown, other: unknown): boolean {
  memo.add('T', kept);
  return memo.has('T', other);
}

describe('format guards at their edges', () => {
  test('date-time: at least 10 characters, starting with a digit (0 to 9, not the characters around them)', () => {
    const guard = FORMAT_GUARDS['date-time'];
    expect(['123456789', '1234567890', '0000000000', '9999999999', '/999999999', ':999999999', '', 'a234567890'].map(guard))
      .toEqual([false, true, true, true, false, false, false, false]);
  });

  test('quantity: a digit, a sign or a dot first; an empty string fails', () => {
    const guard = FORMAT_GUARDS.quantity;
    expect(['', '0', '9', '+', '-', '.', '/', ':', 'a', 'm5', ' 5'].map(guard))
      .toEqual([false, true, true, true, true, true, false, false, false, false, false]);
  });

  test('byte: a length that is a multiple of four', () => {
    expect(['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'abcdefgh'].map(FORMAT_GUARDS.byte)).toEqual([true, false, false, false, true, false, true]);
  });

  test('a string that passes a guard but not its format is interchangeable with another such string', () => {
    // 11 characters from a digit: past the date-time and quantity guards, neither a date-time nor a quantity; not a length for base64.
    const memo = ValidatedShapes.create()!;
    expect(memoAnswers(memo, { a: '1-345678901' }, { a: '1-345678902' })).toBe(true);
    // A quantity and a date-time are compared exactly.
    expect(memo.has('T', { a: '500m' })).toBe(false);
    expect(memoAnswers(ValidatedShapes.create()!, { a: '2026-12-06T05:00:00Z' }, { a: '2026-12-06T05:00:01Z' })).toBe(false);
  });
});

test('in a fresh module registry too, quantities, date-times and base64 strings that pass their guards are compared exactly', () => {
  const memo = memoWith({});
  // Five characters: a quantity only (four would pass byte's guard and check too).
  const pairs = [['1500m', '2500m'], ['2026-12-06T05:00:00Z', '2026-12-06T05:00:01Z'], ['YWJj', 'YWJk'], ['web-a', 'shop-b']];
  expect(pairs.map(([a, b]) => memoAnswers(memoWith({}), { a }, { a: b }))).toEqual([false, false, false, true]);
  expect(memo).toBeDefined();
  const guards = freshModule({}).FORMAT_GUARDS;
  expect(Object.keys(guards)).toEqual(['date-time', 'quantity', 'byte']);
  expect([guards['date-time']('1234567890'), guards.quantity('-1'), guards.byte('abcd'), guards.quantity('a')]).toEqual([true, true, true, false]);
});

describe('when the memo is off (the facts do not hold for the installed validators)', () => {
  test('a validator keyword the shapes do not account for (pattern)', () => {
    expect(memoWith({ facts: { keywords: [...facts.keywords, 'pattern'] } })).toBeUndefined();
    expect(memoWith({ facts: { keywords: [...facts.keywords] } })).toBeDefined();
  });

  test.each<[string, unknown]>([
    ['a sticky expression (it keeps state between tests)', /^[a-z]+$/y],
    ['an object of another type than string or number', { type: 'boolean', validate: () => true }],
    ['an object whose check is for numbers', { type: 'string', validate: { type: 'number', validate: () => true } }],
    ['an object without a check', { type: 'string' }],
    ['an asynchronous check', { type: 'string', async: true, validate: async () => true }],
    ['null', null],
    ['a number', 5],
  ])('a string format given as %s', (_case, definition) => {
    expect(memoWith({ formats: { byte: definition } })).toBeUndefined();
  });

  test('formats that are still readable keep it on: an expression, an object with an expression, one without a type', () => {
    for (const byte of [/^[a-z]*$/, { type: 'string', validate: /^[a-z]*$/ }, { validate: (s: string) => /^[a-z]*$/.test(s) }]) {
      const memo = memoWith({ formats: { byte } });
      // Four letters pass byte's guard; with this format they are significant, so two names differ and one equals itself.
      expect([memoAnswers(memo, { a: 'abcd' }, { a: 'wxyz' }), memo.has('T', { a: 'abcd' }), memoAnswers(memoWith({ formats: { byte } }), { a: 'ab-d' }, { a: 'wx-z' })])
        .toEqual([false, true, true]);
    }
  });

  test('a format named like an Object.prototype member has no guard of its own (hasOwnProperty would throw unbound)', () => {
    const memo = memoWith({ facts: { formats: [...facts.formats, 'hasOwnProperty'] }, formats: { hasOwnProperty: { type: 'string', validate: (s: string) => s === 'special' } } });
    expect([memoAnswers(memo, { a: 'web' }, { a: 'shop-b' }), memo.has('T', { a: 'special' })]).toEqual([true, false]);
  });
});

describe('shapeOf at its limits', () => {
  test('an object of exactly 20,000 values gets a shape, one more value and it gets none', () => {
    // The array itself is a value: 19,999 items make 20,000.
    expect(shapeOf(Array.from({ length: 19_999 }, () => 'v'), significant)).toBeDefined();
    expect(shapeOf(Array.from({ length: 20_000 }, () => 'v'), significant)).toBeUndefined();
    // Too large inside an array, or inside an array of an object: no shape either.
    expect(shapeOf([Array.from({ length: 20_000 }, () => 'v')], significant)).toBeUndefined();
    expect(shapeOf({ list: [{ data: Array.from({ length: 20_000 }, () => 'v') }] }, significant)).toBeUndefined();
  });

  test('values 64 levels deep are compared by kind, at 65 levels only an identical value is alike', () => {
    expect([matches(deep(64, 'a'), deep(64, 'b')), matches(deep(65, 'a'), deep(65, 'b')), matches(deep(65, 'a'), deep(65, 'a'))]).toEqual([true, false, true]);
    const arrays = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : [arrays(levels - 1, leaf)]);
    expect([matches(arrays(64, 'a'), arrays(64, 'b')), matches(arrays(65, 'a'), arrays(65, 'b'))]).toEqual([true, false]);
    // Below the top: the depth given counts.
    expect([matchesShape(shapeOf('a', significant, 64)!, 'b', significant), matchesShape(shapeOf('a', significant, 65)!, 'b', significant)]).toEqual([true, false]);
  });
});

describe('matchesShape, one difference at a time', () => {
  test.each([
    ['the same keys in another order', { a: 'x', b: 1, c: [true] }, { c: [true], a: 'y', b: 1 }, true],
    ['a key replaced by another', { a: 'x', b: 1 }, { a: 'x', c: 1 }, false],
    ['the first key replaced', { a: 'x', b: 1 }, { z: 'x', b: 1 }, false],
    ['one key fewer (the last)', { a: 'x', b: 1 }, { a: 'x' }, false],
    ['one key fewer (the first)', { a: 'x', b: 1 }, { b: 1 }, false],
    ['one key more', { a: 'x' }, { a: 'x', b: 1 }, false],
    ['two empty objects', {}, {}, true],
    ['a null-prototype object and a plain one with the same keys', Object.assign(Object.create(null), { a: 'x' }), { a: 'y' }, true],
    ['a nested array of another length', { a: [[1, 2]] }, { a: [[1]] }, false],
    ['a nested array with an item changed at its end', { a: [[1, 2]] }, { a: [[1, 3]] }, false],
    ['a nested array with an item changed at its start', { a: [[1, 2]] }, { a: [[0, 2]] }, false],
    ['nested arrays of insignificant strings', { a: [['x', 'y']] }, { a: [['p', 'q']] }, true],
    ['a nested object with a key changed', { a: { b: { c: 1 } } }, { a: { b: { d: 1 } } }, false],
    ['an empty array and an empty object', { a: [] }, { a: {} }, false],
    ['an empty object and an empty array', { a: {} }, { a: [] }, false],
    ['an object and a string', { a: {} }, { a: 'x' }, false],
    ['an object and a number', { a: {} }, { a: 1 }, false],
    ['an object and undefined', { a: {} }, { a: undefined }, false],
    ['an object and null', { a: {} }, { a: null }, false],
    ['an array and a string', { a: [] }, { a: '' }, false],
    ['an array and undefined', { a: [] }, { a: undefined }, false],
    ['a string and a number', { a: 'x' }, { a: 1 }, false],
    ['a string and undefined', { a: 'x' }, { a: undefined }, false],
    ['a significant string and an insignificant one', { a: 'Always' }, { a: 'web' }, false],
    ['an insignificant string and a significant one', { a: 'web' }, { a: '80' }, false],
    ['two significant strings', { a: 'Always' }, { a: 'Never' }, false],
    ['a significant string and itself', { a: 'Always' }, { a: 'Always' }, true],
    ['a long insignificant string and a short one', { a: 'x'.repeat(100_000) }, { a: 'y' }, true],
    ['two numbers', { a: 1 }, { a: 2 }, false],
    ['NaN and NaN', { a: NaN }, { a: NaN }, false],
    ['null and undefined', { a: null }, { a: undefined }, false],
    ['a hole and undefined', { a: [1, , 3] }, { a: [1, undefined, 3] }, true],
    ['undefined and a hole', { a: [1, undefined, 3] }, { a: [1, , 3] }, true],
    ['a class instance and an alike plain object', { a: new (class { x = 1; })() }, { a: { x: 1 } }, false],
    ['a plain object and an alike class instance', { a: { x: 1 } }, { a: new (class { x = 1; })() }, false],
    ['an array and an array-like object', { a: ['x'] }, { a: { 0: 'x', length: 1 } }, false],
  ])('%s', (_case, a, b, alike) => {
    expect(matches(a, b)).toBe(alike);
  });

  test('an own key that is not enumerable does not count, on either side', () => {
    const hidden: any = { a: 'x' };
    Object.defineProperty(hidden, 'b', { value: 1, enumerable: false });
    expect([matches(hidden, { a: 'y' }), matches(hidden, { a: 'y', b: 1 }), matches({ a: 'y' }, hidden)]).toEqual([true, false, true]);
  });

  test('the other object\'s strings are tested with the test given for them', () => {
    const shape = shapeOf({ a: 'web' }, significant)!;
    expect([matchesShape(shape, { a: 'shop' }, () => false), matchesShape(shape, { a: 'shop' }, () => true)]).toEqual([true, false]);
  });

  test('with a key inherited by every plain object (a polluted Object.prototype), nothing but the object itself is alike', () => {
    const keptBefore = shapeOf({ a: 'x' }, significant)!;
    const keptOwning = shapeOf({ a: 'x', polluted: 1 }, significant)!;
    const proto = Object.prototype as any;
    proto.polluted = 1;
    try {
      const plain = { a: 'x' };
      const results = [matches(plain, { a: 'y' }), matches(plain, plain), matchesShape(keptBefore, { a: 'y' }, significant), matches(['x'], ['y'])];
      // The inherited key is no key for the validators: an object that owns it has one key more.
      results.push(matches({ a: 'x' }, { a: 'y', polluted: 1 }), matchesShape(keptOwning, { a: 'y' }, significant));
      expect(results).toEqual([false, true, false, true, false, false]);
    } finally {
      delete proto.polluted;
    }
  });
});

describe('ValidatedShapes.has and add', () => {
  test('an unknown kind, a kept object too large for a shape, and a kept object alike', () => {
    const memo = ValidatedShapes.create()!;
    expect(memo.has('T', {})).toBe(false);
    memo.add('T', { data: Array.from({ length: 20_000 }, () => 'v') });
    expect(memo.has('T', { data: Array.from({ length: 20_000 }, () => 'w') })).toBe(false);
    memo.add('T', { name: 'web' });
    // The large one stays kept and never matches: the next kept object still answers.
    expect([memo.has('T', { name: 'shop-b' }), memo.has('T', { name: 'shop-b', x: 1 })]).toEqual([true, false]);
  });

  test('a match moves the kept object first: the least recently matched of four goes when a fifth is added', () => {
    const memo = ValidatedShapes.create()!;
    const kept = (i: number) => ({ [`k${i}`]: 'v' });
    for (let i = 0; i < 4; i++) memo.add('T', kept(i));
    // Matched in the order 1, 0, 3, 2: 1 is now the least recently matched.
    for (const i of [1, 0, 3, 2]) expect(memo.has('T', kept(i))).toBe(true);
    memo.add('T', kept(4));
    expect([0, 1, 2, 3, 4].map((i) => memo.has('T', kept(i)))).toEqual([true, false, true, true, true]);
  });

  test('the first match is kept first without moving (nothing goes when it is matched again)', () => {
    const memo = ValidatedShapes.create()!;
    const kept = (i: number) => ({ [`k${i}`]: 'v' });
    for (let i = 0; i < 4; i++) memo.add('T', kept(i));
    expect(memo.has('T', kept(3))).toBe(true);
    memo.add('T', kept(4));
    expect([0, 1, 2, 3, 4].map((i) => memo.has('T', kept(i)))).toEqual([false, true, true, true, true]);
  });
});

describe('withoutAlikeItems at its edges', () => {
  const memo = ValidatedShapes.create()!;
  const item = (key: string, value = 'x') => ({ [key]: value });

  test('an item is compared with the first four unlike items only', () => {
    const four = [item('a'), item('b'), item('c'), item('d')];
    expect((memo.withoutAlikeItems({ list: [...four, item('d', 'y')] }) as any).list).toEqual(four);
    const five = [...four, item('e')];
    expect((memo.withoutAlikeItems({ list: [...five, item('e', 'y')] }) as any).list).toEqual([...five, item('e', 'y')]);
  });

  test('an item alike the first unlike item is left out though it is unlike the second', () => {
    expect((memo.withoutAlikeItems({ list: [item('a'), item('b'), item('a', 'y')] }) as any).list).toEqual([item('a'), item('b')]);
  });

  test('an item alike the second unlike item is left out (each compared with its own shape)', () => {
    expect((memo.withoutAlikeItems({ list: [item('a'), item('b'), item('c'), item('b', 'y'), item('c', 'y')] }) as any).list)
      .toEqual([item('a'), item('b'), item('c')]);
  });

  test('a list of items too large for a shape is kept whole; a small item after them is compared with none of them', () => {
    const large = (name: string) => ({ name, data: Array.from({ length: 20_000 }, () => 'v') });
    const list = [large('a'), { name: 'b' }, { name: 'c' }];
    expect((memo.withoutAlikeItems({ list }) as any).list.map((i: any) => i.name)).toEqual(['a', 'b']);
  });

  test('a list 64 levels deep is cut by kind; at 65 levels only identical items go; past that it is left whole', () => {
    const listAt = (levels: number, list: unknown[]) => deep(levels, list);
    const leaf = (value: unknown, levels: number): unknown => (levels === 0 ? value : leaf((value as any).next, levels - 1));
    expect(leaf(memo.withoutAlikeItems(listAt(63, ['x', 'y'])), 63)).toEqual(['x']);
    expect(leaf(memo.withoutAlikeItems(listAt(64, ['x', 'y'])), 64)).toEqual(['x', 'y']);
    expect(leaf(memo.withoutAlikeItems(listAt(64, ['x', 'x'])), 64)).toEqual(['x']);
    const whole = listAt(65, ['x', 'x']);
    expect(memo.withoutAlikeItems(whole)).toBe(whole);
    // Through lists of lists the same.
    const lists = (levels: number, leaf: unknown[]): unknown[] => (levels === 0 ? leaf : [lists(levels - 1, leaf)]);
    const deepLists = lists(65, ['x', 'x']);
    expect(memo.withoutAlikeItems(deepLists)).toBe(deepLists);
    expect(JSON.stringify(memo.withoutAlikeItems(lists(64, ['x', 'x'])))).toBe(JSON.stringify(lists(64, ['x'])));
  });

  test('values that are not plain objects or arrays come back as they are, their lists uncut', () => {
    class Holder {
      list = [item('a'), item('a', 'y')];
    }
    for (const value of [new Holder(), null, undefined, 'text', 5, new Map([['list', [1, 2]]])]) {
      expect(memo.withoutAlikeItems(value)).toBe(value);
    }
    const holder = new Holder();
    expect((memo.withoutAlikeItems({ h: holder }) as any).h).toBe(holder);
  });

  test('the copy is an ordinary object: the cut list is an own, enumerable, writable, configurable field in its place', () => {
    const value = { a: 1, list: [item('a'), item('a', 'y')], z: 2 };
    const cut = memo.withoutAlikeItems(value) as any;
    expect(Object.keys(cut)).toEqual(['a', 'list', 'z']);
    expect(Object.getOwnPropertyDescriptor(cut, 'list')).toEqual({ value: [item('a')], enumerable: true, writable: true, configurable: true });
    expect(value.list).toHaveLength(2);
  });

  test('two fields cut: one copy holds both', () => {
    const value = { a: [item('a'), item('a', 'y')], b: [item('b'), item('b', 'y')] };
    expect(memo.withoutAlikeItems(value)).toEqual({ a: [item('a')], b: [item('b')] });
  });

  test('a list whose items change inside but none goes is a new list', () => {
    const value = [{ list: [item('a'), item('a', 'y')] }];
    const cut = memo.withoutAlikeItems(value) as any;
    expect(cut).not.toBe(value);
    expect(cut).toEqual([{ list: [item('a')] }]);
  });

  test('with a key inherited by every plain object (a polluted Object.prototype), only own fields are cut', () => {
    const proto = Object.prototype as any;
    proto.polluted = [item('a'), item('a', 'y')];
    try {
      const value = { own: 1 };
      const result = memo.withoutAlikeItems(value);
      expect(result).toBe(value);
    } finally {
      delete proto.polluted;
    }
  });
});
