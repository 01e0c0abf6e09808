// Boundary tests of the core validation helpers (lib/core/names, metadata-validation, int-or-percent, go-duration,
// wildcard-domain, kubernetes-version), written for their first mutation measurement (docs/testing.md "Last scores").
// Each expectation is what apimachinery's validation (or Go's time package) answers for the same input.
import { annotationProblems } from '../../lib/core/metadata-validation';

describe('annotation keys and sizes, as apimachinery ValidateAnnotations', () => {
  // ValidateAnnotations checks IsQualifiedName(strings.ToLower(key)): case does not matter in annotation keys.
  test.each(['Example.com/Owner', 'EXAMPLE.COM/x', 'UpperCase123'])('accepts %j, whose lowercase form is a qualified name', (key) => {
    expect(annotationProblems('annotations', { [key]: 'v' })).toEqual([]);
  });

  test.each(['Bad Key', 'Example.com/', 'a/b/c', 'Ex_ample.com/x'])('refuses %j, naming the field, the key and the rule', (key) => {
    expect(annotationProblems('annotations', { [key]: 'v' })).toEqual([{
      field: 'annotations', message: 'has a key that is not a valid annotation key.', value: key,
      allowed: 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
      fix: 'use a key such as "example.com/owner".',
    }]);
  });

  // TotalAnnotationSizeLimitB: keys and values together, in UTF-8 bytes, at most 256 KiB.
  const LIMIT = 256 * 1024;
  test('accepts keys and values of exactly 262144 bytes, refuses one byte more', () => {
    expect(annotationProblems('annotations', { a: 'b'.repeat(LIMIT - 1) })).toEqual([]);
    expect(annotationProblems('annotations', { a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) })).toEqual([]);
    expect(annotationProblems('podAnnotations', { a: 'b'.repeat(LIMIT) })).toEqual([{
      field: 'podAnnotations', message: 'is too long: the keys and values together have 262145 bytes.',
      allowed: 'at most 262144 bytes (256 KiB) of keys and values in UTF-8', fix: 'move large data into a ConfigMap and keep only a reference in the annotation.',
    }]);
  });

  test('counts UTF-8 bytes, not characters', () => {
    // "é" is 2 bytes, "€" 3, "😀" 4 (2 UTF-16 units).
    expect(annotationProblems('a', { k: 'é'.repeat((LIMIT - 2) / 2) + 'x' })).toEqual([]);
    expect(annotationProblems('a', { k: 'é'.repeat((LIMIT - 2) / 2) + 'xy' })).toHaveLength(1);
    expect(annotationProblems('a', { k: '€'.repeat((LIMIT - 1) / 3) })).toEqual([]);
    expect(annotationProblems('a', { k: `${'€'.repeat((LIMIT - 1) / 3)}x` })[0].message).toBe('is too long: the keys and values together have 262145 bytes.');
    expect(annotationProblems('a', { k: '😀'.repeat((LIMIT - 4) / 4) + 'abc' })).toEqual([]);
    expect(annotationProblems('a', { k: '😀'.repeat((LIMIT - 4) / 4) + 'abcd' })).toHaveLength(1);
  });

  test('a map of fewer than a third of the limit in UTF-16 units is never measured too long; inherited keys do not count', () => {
    expect(annotationProblems('a', { k: '€'.repeat(Math.floor(LIMIT / 3) - 1) })).toEqual([]);
    const inherited = Object.create({ 'bad key': 'b'.repeat(LIMIT) }) as Record<string, string>;
    expect(annotationProblems('a', inherited)).toEqual([]);
    expect(annotationProblems('a', undefined)).toEqual([]);
  });
});

describe('Go durations at the edges time.ParseDuration has', () => {
  const { parseGoDuration, formatGoDurationNanos } = require('../../lib/core/go-duration');
  // Go keeps whole nanoseconds: the fraction of each part is cut, not rounded ("1.9ns" is 1ns, "0.5ns" is 0).
  test.each([['1.9ns', 1], ['0.5ns', 0], ['1.5us', 1500], ['0.3s', 300e6], ['1.1s', 1.1e9], ['.5m', 30e9], ['1.s', 1e9], ['-1.9ns', -1], ['1.0000000001s', 1e9]])(
    'parses %s as %d ns, as Go does', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));

  // A Duration is an int64 of nanoseconds: 2562047h is the largest whole number of hours; Go refuses 2562048h.
  test.each([['2562047h', 2562047 * 3600e9], ['-9223372036854775808ns', -(2 ** 63)]])('accepts %s', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));
  test.each(['2562048h', '9223372036854775808ns', '-9223372036854775809000ns', '106751992d', '3000000h'])('refuses %s, beyond an int64 of nanoseconds', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  test.each(['.s', '-.s', '1..5s', '1.5.5s', 'µs', '1µ', '1S', '+-1s', '1s ', ' 1s'])('refuses %j', (text) => expect(parseGoDuration(text)).toBeUndefined());
  test.each([['1\u03bcs', 1e3], ['-0', 0], ['+0', 0], ['1h1m1s1ms1us1ns', 3661001001001]])('parses %j', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));

  test.each([[999, '999ns'], [1000, '1µs'], [999_999, '999.999µs'], [1e6, '1ms'], [999_999_999, '999.999999ms'], [1e9, '1s'], [1e9 + 1, '1.000000001s'],
    [59e9, '59s'], [3599e9, '59m59s'], [3600e9 + 1, '1h0m0.000000001s'], [-1, '-1ns'], [-1500, '-1.5µs'], [-90e9, '-1m30s'], [0.4, '0s'], [1.5, '2ns']])(
    '%d ns prints as %s', (nanos, text) => expect(formatGoDurationNanos(nanos)).toBe(text));
});
