import { formatGoDuration, formatGoDurationNanos, parseGoDuration } from '../../../lib/addons/kube-proxy/go-duration';

describe('Go durations', () => {
  test.each([
    [0, '0s'], [1, '1ns'], [1500, '1.5\u00b5s'], [1e6, '1ms'], [500e6, '500ms'], [1e9, '1s'], [1.5e9, '1.5s'],
    [30e9, '30s'], [60e9, '1m0s'], [90e9, '1m30s'], [15 * 60e9, '15m0s'], [3600e9, '1h0m0s'], [24 * 3600e9, '24h0m0s'],
    [-30e9, '-30s'],
  ])('%d ns prints as %s, like time.Duration.String()', (nanos, text) => {
    expect(formatGoDurationNanos(nanos)).toBe(text);
  });

  test('milliseconds are converted', () => {
    expect(formatGoDuration(900_000)).toBe('15m0s');
    expect(formatGoDuration(250)).toBe('250ms');
  });

  test.each([
    ['0', 0], ['0s', 0], ['30s', 30e9], ['1m30s', 90e9], ['1.5h', 5400e9], ['300ms', 300e6], ['-2s', -2e9], ['+5m', 300e9],
    ['10us', 10e3], ['10\u00b5s', 10e3], ['2h45m', 9900e9],
  ])('parses %s', (text, nanos) => {
    expect(parseGoDuration(text)).toBe(nanos);
  });

  test.each(['', '30', '1d', 's', '30 s', '1m 30s', 'abc', '-'])('rejects %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});
