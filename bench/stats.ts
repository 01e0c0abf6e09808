/** One measured process. */
export interface Sample {
  /** Spawn to exit, as the user waits for it. */
  readonly wallMs: number;
  /** Peak resident memory of the process. */
  readonly peakRssMiB: number;
  /** Time inside the process from the start of the work (module loading of the variant included). */
  readonly workMs?: number;
  /** User + system CPU time of the process (all its threads). */
  readonly cpuMs?: number;
  /** Policy checks alone (policy variant). */
  readonly checkMs?: number;
  /** Policy checks inside ours' synth, rendering excluded (ours variant). */
  readonly synthCheckMs?: number;
  readonly findings?: number;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

export function seconds(ms: number): string {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

/** `1.23 s (1.20–1.31)`, or just the value for one run. */
export function formatSpread(s: Spread, unit: (v: number) => string, runs: number): string {
  return runs > 1 ? `${unit(s.median)} (${unit(s.min).replace(/ .*/, '')}–${unit(s.max)})` : unit(s.median);
}

export function mib(v: number): string {
  return `${Math.round(v)} MiB`;
}

export function ratio(value: number, floor: number): string {
  return `${(value / floor).toFixed(2)}×`;
}

/** A Markdown table (also readable as plain text). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
