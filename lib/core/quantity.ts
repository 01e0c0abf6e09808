/**
 * Kubernetes resource quantities (`100m`, `128Mi`, `1.5`, `2e3`), as
 * k8s.io/apimachinery/pkg/api/resource parses them: a decimal number, then a
 * binary (Ki…Ei), decimal (n, u, m, k, M…E) or exponent suffix.
 */
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const SUFFIX: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

/** The quantity's value in base units (cores, bytes), or undefined when it is not a quantity. */
export function parseQuantity(quantity: string): number | undefined {
  const match = QUANTITY.exec(quantity.trim() === quantity ? quantity : '');
  if (!match) return undefined;
  const number = Number(match[1]);
  const suffix = match[2] ?? '';
  if (suffix === '') return number;
  if (suffix in SUFFIX) return number * SUFFIX[suffix];
  return number * 10 ** Number(suffix.slice(1));
}

/** Explains the quantity syntax in an error message. */
export const QUANTITY_RULE = 'a number with an optional suffix: m for millicores (250m), Ki/Mi/Gi for bytes (128Mi), or k/M/G';
