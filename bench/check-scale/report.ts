import { formatSpread, markdownTable, mib, ratio, seconds, spread } from '../stats';
import type { ScaleTool } from './child';
import type { CheckScaleResults, ScaleCell } from './measure';

const TOOL_NAMES: Record<ScaleTool, string> = {
  'js-yaml': 'js-yaml 4 `loadAll` (the baseline)',
  check: '`cdk8s-netkit check`',
  yaml: '`yaml` `parseAllDocuments` with positions (how check parsed before)',
};

/** Issue 16's limits, as ratios to js-yaml 4 measured in the same run. */
export const CHECK_SCALE_LIMITS = { time: 3, peakRss: 2 } as const;

/** The "check: 50 MB file" section: one table, and the issue-16 targets met or not. */
export function renderCheckScale(r: CheckScaleResults): string {
  const baseline = r.cells.find((c) => c.tool === 'js-yaml');
  const check = r.cells.find((c) => c.tool === 'check');
  const out: string[] = [];
  out.push(`## check: 50 MB file (${r.documents.toLocaleString('en-US')} ConfigMaps, ${(r.bytes / 2 ** 20).toFixed(1)} MiB in one file)`, '');
  out.push('Each tool in its own process, round-robin; wall time is spawn to exit, memory the peak RSS of the process.'
    + ' The file is generated into a temp folder (bench/check-scale/generate.ts).', '');
  const cpu = (c: ScaleCell) => (c.samples.every((s) => s.cpuMs !== undefined) ? spread(c.samples.map((s) => s.cpuMs!)).median : undefined);
  const baselineCpu = baseline && cpu(baseline);
  out.push(markdownTable(['tool', 'runs', 'wall time', '× js-yaml', 'CPU time', '× js-yaml', 'peak RSS', '× js-yaml', 'outcome'], r.cells.map((c) => {
    const cpuMs = cpu(c);
    return [
      TOOL_NAMES[c.tool], String(c.samples.length), formatSpread(c.wallMs, seconds, c.samples.length),
      baseline ? ratio(c.wallMs.median, baseline.wallMs.median) : '–',
      cpuMs !== undefined ? seconds(cpuMs) : '–', cpuMs !== undefined && baselineCpu ? ratio(cpuMs, baselineCpu) : '–',
      formatSpread(c.peakRssMiB, mib, c.samples.length), baseline ? ratio(c.peakRssMiB.median, baseline.peakRssMiB.median) : '–',
      c.samples[0]?.outcome ?? '–',
    ];
  })), '');
  out.push('CPU time (user + system, all threads) moves far less than wall time when the machine is busy; the targets compare wall times, as the issue measured them.', '');
  if (baseline && check) {
    const time = check.wallMs.median / baseline.wallMs.median;
    const rss = check.peakRssMiB.median / baseline.peakRssMiB.median;
    const row = (what: string, value: number, limit: number) => [what, `${value.toFixed(2)}×`, `${limit.toFixed(2)}×`, value <= limit ? 'yes' : '**no**'];
    out.push('Targets (issue 16):', '');
    out.push(markdownTable(['target', 'measured', 'limit', 'met'], [
      row('check time / js-yaml 4 loadAll time', time, CHECK_SCALE_LIMITS.time),
      row('check peak RSS / js-yaml 4 loadAll peak RSS', rss, CHECK_SCALE_LIMITS.peakRss),
    ]), '');
  }
  return `${out.join('\n')}\n`;
}
