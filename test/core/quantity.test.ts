import { parseQuantity } from '../../lib';

describe('parseQuantity', () => {
  test.each([
    ['100m', 0.1], ['1', 1], ['1.5', 1.5], ['128Mi', 128 * 2 ** 20], ['1Gi', 2 ** 30], ['2k', 2000], ['1M', 1e6], ['2e3', 2000], ['.5', 0.5],
  ])('%s = %d', (q, v) => expect(parseQuantity(q)).toBeCloseTo(v));

  test.each(['lots', '', '1 Gi', 'Mi', '1GB', ' 1'])('%j is not a quantity', (q) => expect(parseQuantity(q)).toBeUndefined());
});
