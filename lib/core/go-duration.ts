/**
 * Go's `time.Duration` text form, which `metav1.Duration` uses in component
 * configuration: kube-proxy parses it with `time.ParseDuration` and kubeadm
 * prints it with `Duration.String()` (`30s`, `15m0s`, `24h0m0s`, `500ms`).
 */

const NANOS_PER_UNIT: Record<string, number> = {
  'ns': 1, 'us': 1e3, '\u00b5s': 1e3, '\u03bcs': 1e3, 'ms': 1e6, 's': 1e9, 'm': 60e9, 'h': 3600e9,
};

/** `time.Duration.String()` (Go 1.22) of a number of nanoseconds. */
export function formatGoDurationNanos(nanos: number): string {
  const total = Math.round(nanos);
  if (total === 0) return '0s';
  // Stryker disable next-line EqualityOperator: total is not 0 here (returned above), so `<= 0` is the same test.
  const sign = total < 0 ? '-' : '';
  const u = Math.abs(total);
  if (u < 1e3) return `${sign}${u}ns`;
  if (u < 1e6) return `${sign}${withFraction(u, 3)}\u00b5s`;
  if (u < 1e9) return `${sign}${withFraction(u, 6)}ms`;
  const seconds = Math.floor(u / 1e9);
  const fraction = fractionDigits(u % 1e9, 9);
  let text = `${seconds % 60}${fraction}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes > 0) {
    text = `${minutes % 60}m${text}`;
    const hours = Math.floor(minutes / 60);
    if (hours > 0) text = `${hours}h${text}`;
  }
  return sign + text;
}

/** `time.Duration.String()` of a number of milliseconds. */
export function formatGoDuration(milliseconds: number): string {
  return formatGoDurationNanos(milliseconds * 1e6);
}

function withFraction(value: number, digits: number): string {
  const scale = 10 ** digits;
  return `${Math.floor(value / scale)}${fractionDigits(value % scale, digits)}`;
}

function fractionDigits(remainder: number, digits: number): string {
  if (remainder === 0) return '';
  return `.${String(remainder).padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * `time.ParseDuration`: a signed sequence of decimal numbers with units
 * (`1h30m`, `-1.5s`, `300ms`), or a bare `0`. Returns nanoseconds, or
 * undefined when Go would reject the text.
 */
export function parseGoDuration(text: string): number | undefined {
  const signed = text.startsWith('-') || text.startsWith('+');
  const sign = text.startsWith('-') ? -1 : 1;
  const body = signed ? text.slice(1) : text;
  if (body === '0') return 0;
  if (body === '') return undefined;
  const part = /(\d*)(?:\.(\d*))?([a-z\u00b5\u03bc]+)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = part.exec(body); m; m = part.exec(body)) {
    const unit = NANOS_PER_UNIT[m[3]];
    const fraction = m[2] ?? '';
    if (unit === undefined || m[1] === '' && fraction === '') return undefined;
    // Go adds whole nanoseconds: the fraction's share of the unit is cut, not rounded ("1.9ns" is 1ns).
    total += Number(m[1]) * unit + Math.trunc(Number(fraction) * (unit / 10 ** fraction.length));
    consumed = part.lastIndex;
  }
  // A Duration is an int64 of nanoseconds: -2^63 to 2^63 - 1.
  if (consumed !== body.length || total > 2 ** 63 || total === 2 ** 63 && sign > 0) return undefined;
  return sign * total;
}
