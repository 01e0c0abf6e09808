import { withOwnKeys } from '../../lib/core/own-keys';

describe('withOwnKeys', () => {
  test('has the keys, order and values of the literal { ...source, ...extra }', () => {
    const source = { b: 1, a: 2, 10: 'ten', 2: 'two', c: undefined };
    const extra = { a: 3, d: 4, 1: 'one' };
    const copy = withOwnKeys(source, extra);
    const literal = { ...source, ...extra };
    expect(Object.keys(copy)).toEqual(Object.keys(literal));
    expect(copy).toEqual(literal);
    expect('c' in copy).toBe(true);
  });

  test('a missing source gives a copy of extra, and the source is not changed', () => {
    expect(withOwnKeys(undefined, { a: 1 })).toEqual({ a: 1 });
    expect(withOwnKeys(null, { a: 1 })).toEqual({ a: 1 });
    const source = { a: 1 };
    const copy = withOwnKeys(source, { b: 2 });
    expect(source).toEqual({ a: 1 });
    expect(copy).not.toBe(source);
  });

  test('an own __proto__ key is copied as a key, as the spread copies it, and leaves the prototype alone', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const copy = withOwnKeys(source, { b: 2 }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a', 'b']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(Object.keys({ ...source, b: 2 }));
  });

  test('inherited and non-enumerable keys are left out, as the spread leaves them', () => {
    const source = Object.create({ inherited: 1 }, { hidden: { value: 2, enumerable: false }, shown: { value: 3, enumerable: true } });
    expect(withOwnKeys(source, {})).toEqual({ shown: 3 });
  });
});
