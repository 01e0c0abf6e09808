import { formatSpread, markdownTable, mib, ratio, Sample, seconds, Spread } from './stats';
import { renderStartup, StartupCell } from './startup';
import { Layout } from './workload';

export interface VariantCell {
  readonly variant: string;
  readonly layout: Layout;
  readonly n: number;
  readonly samples: Sample[];
  readonly wallMs?: Spread;
  readonly peakRssMiB?: Spread;
  readonly checkMs?: Spread;
  readonly cpuMs?: Spread;
  readonly synthCheckMs?: Spread;
}

export interface CommandCell {
  readonly name: string;
  readonly samples: Sample[];
  readonly wallMs: Spread;
  readonly peakRssMiB: Spread;
}

export interface Results {
  readonly started: string;
  readonly machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverageAtEnd: number[] };
  readonly runs: number;
  readonly cells: VariantCell[];
  readonly policy: VariantCell[];
  readonly commands: CommandCell[];
  /** Absent in results written before the start-up measurement existed. */
  readonly startup?: StartupCell[];
}

const VARIANT_NAMES: Record<string, string> = {
  floor: 'floor (plain objects + yaml)',
  'floor-as-netkit': 'floor, serialized as NetkitApp does',
  ours: 'ours (cdk8s-netkit + policy checks)',
  plus: 'hand-written cdk8s-plus-27',
};

interface Target { readonly what: string; readonly measured: string; readonly limit: string; readonly met: boolean }

export function renderReport(r: Results): string {
  const find = (variant: string, layout: string, n: number) => r.cells.find((c) => c.variant === variant && c.layout === layout && c.n === n);
  const sizes = [...new Set(r.cells.map((c) => c.n))];
  const layouts = [...new Set(r.cells.map((c) => c.layout))];
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Run ${r.started} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`
    + ` (load average at the end ${r.machine.loadAverageAtEnd.join(' ')}; the machine is shared, so compare ratios, not seconds).`);
  out.push(`Each variant runs in its own process; ${r.runs > 1 ? `median of ${r.runs} runs (min–max)` : 'one run each (a --quick run)'}, except where the runs column says fewer.`
    + ' Wall time is spawn to exit; memory is the peak RSS of the process.', '');

  const rows: string[][] = [];
  for (const layout of layouts) {
    for (const n of sizes) {
      const floor = find('floor', layout, n)!;
      for (const variant of Object.keys(VARIANT_NAMES)) {
        const c = find(variant, layout, n);
        if (!c?.wallMs || !c.peakRssMiB) continue;
        rows.push([layout, n.toLocaleString('en-US'), VARIANT_NAMES[variant], String(c.samples.length),
          formatSpread(c.wallMs, seconds, c.samples.length), ratio(c.wallMs.median, floor.wallMs!.median),
          c.cpuMs ? seconds(c.cpuMs.median) : '–',
          formatSpread(c.peakRssMiB, mib, c.samples.length), ratio(c.peakRssMiB.median, floor.peakRssMiB!.median)]);
      }
    }
  }
  out.push('## Synth: N apps (WebApp + ClusterIP Service + an Ingress route each)', '');
  out.push(markdownTable(['layout', 'N', 'variant', 'runs', 'wall time', '× floor', 'CPU time', 'peak RSS', '× floor'], rows), '');
  out.push('CPU time is user + system time of all the threads of the process (V8 compiles and collects garbage on helper threads).', '');
  const asNetkit = find('floor-as-netkit', 'one-chart', 5000)?.wallMs?.median;
  const ours5000 = find('ours', 'one-chart', 5000)?.wallMs?.median;
  if (asNetkit && ours5000) {
    out.push('NetkitApp has cdk8s serialize each file\'s documents smallest first and skip the YAML library\'s tag scan (the same bytes; see docs/performance.md). The floor does neither;'
      + ' "floor, serialized as NetkitApp does" is the floor doing both. The targets compare with the floor; against the floor serialized as NetkitApp does,'
      + ` ours with one chart at N = 5,000 is ${ratio(ours5000, asNetkit)}.`, '');
  }

  const growthRows: string[][] = [];
  for (const layout of layouts) {
    for (const variant of Object.keys(VARIANT_NAMES)) {
      const small = find(variant, layout, 1000)?.wallMs;
      const large = find(variant, layout, 5000)?.wallMs;
      if (small && large) growthRows.push([layout, VARIANT_NAMES[variant], (large.median / small.median).toFixed(2)]);
    }
  }
  if (growthRows.length > 0) {
    out.push('## Growth: time(N = 5,000) / time(N = 1,000) (5 = linear)', '');
    out.push(markdownTable(['layout', 'variant', 'ratio'], growthRows), '');
  }

  out.push('## Policy checks', '');
  out.push('Inside ours: the time `checkPolicies` takes during the synth of `ours` (minus rendering the objects to JSON, which the written files reuse), as a share of that synth.'
    + ' Alone: `checkPolicies` over the same objects as plain JSON in a fresh process that does nothing else (cold: it also loads the schema validators and compiles the rules), as a share of the synth of `ours`.', '');
  const percent = (part: number | undefined, whole: number | undefined) => (part !== undefined && whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
  out.push(markdownTable(['N', 'layout', 'inside ours', '% of ours', 'alone (cold process)', '% of ours', 'alone: process peak RSS'], r.policy.flatMap((p) => layouts.map((l) => {
    const ours = find('ours', l, p.n);
    const inside = ours?.synthCheckMs;
    return [p.n.toLocaleString('en-US'), l,
      inside ? formatSpread(inside, (v) => `${v.toFixed(1)} ms`, ours!.samples.length) : '–', percent(inside?.median, ours?.wallMs?.median),
      formatSpread(p.checkMs!, (v) => `${v.toFixed(1)} ms`, p.samples.length), percent(p.checkMs!.median, ours?.wallMs?.median), mib(p.peakRssMiB!.median)];
  }))), '');

  out.push('## `cdk8s synth` of the example app (main.ts)', '');
  out.push(markdownTable(['command', 'wall time', 'peak RSS'], r.commands.map((c) => [
    c.name, formatSpread(c.wallMs, seconds, c.samples.length), mib(c.peakRssMiB.median)])), '');

  if (r.startup) out.push('## CLI start-up (`node bin/cdk8s-netkit.js`, issue 14: at most 0.5 s above `node -e \'\'`)', '', renderStartup(r.startup));

  const targets = evaluateTargets(r, find);
  if (targets.length > 0) {
    out.push('## Targets (issue 6)', '');
    out.push(markdownTable(['target', 'measured', 'limit', 'met'], targets.map((t) => [t.what, t.measured, t.limit, t.met ? 'yes' : '**no**'])), '');
  }
  return `${out.join('\n')}\n`;
}

function evaluateTargets(r: Results, find: (v: string, l: string, n: number) => VariantCell | undefined): Target[] {
  const targets: Target[] = [];
  const wall = (v: string, l: string, n: number) => find(v, l, n)?.wallMs?.median;
  const rss = (v: string, l: string, n: number) => find(v, l, n)?.peakRssMiB?.median;
  const check = (what: string, value: number | undefined, limit: number, format: (v: number) => string) => {
    if (value !== undefined && Number.isFinite(value)) targets.push({ what, measured: format(value), limit: format(limit), met: value <= limit });
  };
  const times = (v: number) => `${v.toFixed(2)}×`;
  const ofFloor = (v: string, l: string, n: number, m: (v: string, l: string, n: number) => number | undefined) => {
    const a = m(v, l, n); const b = m('floor', l, n);
    return a !== undefined && b !== undefined ? a / b : undefined;
  };
  check('one chart, N=5,000: ours / floor (time)', ofFloor('ours', 'one-chart', 5000, wall), 1.5, times);
  check('chart per app, N=5,000: ours / floor (time)', ofFloor('ours', 'chart-per-app', 5000, wall), 2, times);
  for (const layout of ['one-chart', 'chart-per-app']) {
    const small = wall('ours', layout, 1000); const large = wall('ours', layout, 5000);
    if (small && large) check(`${layout}, ours: time(5,000) / time(1,000)`, large / small, 6, (x) => x.toFixed(2));
  }
  const alone5000 = r.policy.find((p) => p.n === 5000)?.checkMs?.median;
  for (const layout of ['one-chart', 'chart-per-app']) {
    const synth = wall('ours', layout, 5000);
    const inside = find('ours', layout, 5000)?.synthCheckMs?.median;
    const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
    if (inside !== undefined && synth) check(`policy checks inside ours' synth / that synth, ${layout}, N=5,000`, inside / synth, 0.1, percent);
    if (alone5000 !== undefined && synth) check(`policy checks alone (cold process) / ours synth, ${layout}, N=5,000`, alone5000 / synth, 0.1, percent);
  }
  for (const layout of ['one-chart', 'chart-per-app']) {
    check(`peak RSS ${layout}, N=5,000: ours / floor`, ofFloor('ours', layout, 5000, rss), 2, times);
  }
  return targets;
}
