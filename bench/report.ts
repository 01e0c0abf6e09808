import { CheckScaleResults } from './check-scale/measure';
import { renderCheckScale } from './check-scale/report';
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
  /** The "check: 50 MB file" section (issue 16); absent in results written before it existed. */
  readonly checkScale?: CheckScaleResults;
}

const VARIANT_NAMES: Record<string, string> = {
  floor: 'floor (plain objects + yaml)',
  'floor-as-netkit': 'floor, serialized as NetkitApp does',
  ours: 'ours (cdk8s-netkit + policy checks)',
  plus: 'hand-written cdk8s-plus-27',
};

/** One workload's variants: the Ingress workload, and its Gateway API variant (bench/workload.ts). */
interface Workload {
  readonly heading: string;
  /** Put before a variant's name and a target where the workload is not in the heading. */
  readonly prefix: string;
  readonly floor: string;
  readonly ours: string;
  readonly policy: string;
  readonly names: Record<string, string>;
}

const WORKLOADS: readonly Workload[] = [
  { heading: 'N apps (WebApp + ClusterIP Service + an Ingress route each)', prefix: '', floor: 'floor', ours: 'ours', policy: 'policy', names: VARIANT_NAMES },
  {
    heading: 'Gateway API: N apps (WebApp + ClusterIP Service + an HTTPRoute each, one Gateway)', prefix: 'Gateway API: ',
    floor: 'floor-gateway', ours: 'ours-gateway', policy: 'policy-gateway',
    names: {
      'floor-gateway': 'floor (plain objects + yaml)',
      'ours-gateway': 'ours (cdk8s-netkit + policy checks)',
      'plus-gateway': 'hand-written cdk8s-plus-27 + plain Gateway API objects',
    },
  },
];

interface Target { readonly what: string; readonly measured: string; readonly limit: string; readonly met: boolean }

type Find = (variant: string, layout: string, n: number) => VariantCell | undefined;

export function renderReport(r: Results): string {
  const find: Find = (variant, layout, n) => r.cells.find((c) => c.variant === variant && c.layout === layout && c.n === n);
  const sizes = [...new Set(r.cells.map((c) => c.n))];
  const layouts = [...new Set(r.cells.map((c) => c.layout))];
  // Results written before the Gateway API variant existed hold the Ingress workload only.
  const workloads = WORKLOADS.filter((w) => r.cells.some((c) => c.variant === w.ours));
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Run ${r.started} on ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`
    + ` (load average at the end ${r.machine.loadAverageAtEnd.join(' ')}; the machine is shared, so compare ratios, not seconds).`);
  out.push(`Each variant runs in its own process; ${r.runs > 1 ? `median of ${r.runs} runs (min–max)` : 'one run each (a --quick run)'}, except where the runs column says fewer.`
    + ' Wall time is spawn to exit; memory is the peak RSS of the process.', '');

  for (const [index, w] of workloads.entries()) {
    out.push(`## Synth: ${w.heading}`, '');
    out.push(markdownTable(['layout', 'N', 'variant', 'runs', 'wall time', '× floor', 'CPU time', 'peak RSS', '× floor'], synthRows(w, layouts, sizes, find)), '');
    if (index > 0) continue;
    out.push('CPU time is user + system time of all the threads of the process (V8 compiles and collects garbage on helper threads).', '');
    const asNetkit = find('floor-as-netkit', 'one-chart', 5000)?.wallMs?.median;
    const ours5000 = find('ours', 'one-chart', 5000)?.wallMs?.median;
    if (asNetkit && ours5000) {
      out.push('NetkitApp has cdk8s serialize each file\'s documents smallest first and skip the YAML library\'s tag scan (the same bytes; see docs/performance.md). The floor does neither;'
        + ' "floor, serialized as NetkitApp does" is the floor doing both. The targets compare with the floor; against the floor serialized as NetkitApp does,'
        + ` ours with one chart at N = 5,000 is ${ratio(ours5000, asNetkit)}.`, '');
    }
  }

  const growthRows: string[][] = [];
  for (const w of workloads) {
    for (const layout of layouts) {
      for (const variant of Object.keys(w.names)) {
        const small = find(variant, layout, 1000)?.wallMs;
        const large = find(variant, layout, 5000)?.wallMs;
        if (small && large) growthRows.push([layout, w.prefix + w.names[variant], (large.median / small.median).toFixed(2)]);
      }
    }
  }
  if (growthRows.length > 0) {
    out.push('## Growth: time(N = 5,000) / time(N = 1,000) (5 = linear)', '');
    out.push(markdownTable(['layout', 'variant', 'ratio'], growthRows), '');
  }

  out.push('## Policy checks', '');
  out.push('Inside ours: the time `checkPolicies` takes during the synth of `ours` (minus rendering the objects to JSON, which the written files reuse), as a share of that synth.'
    + ' Alone: `checkPolicies` over the same objects as plain JSON in a fresh process that does nothing else (cold: it also loads the schema validators and compiles the rules), as a share of the synth of `ours`.', '');
  for (const [index, w] of workloads.entries()) {
    if (index > 0) out.push(`${w.prefix}the same, for the Gateway API variant of the workload.`, '');
    out.push(markdownTable(['N', 'layout', 'inside ours', '% of ours', 'alone (cold process)', '% of ours', 'alone: process peak RSS'], policyRows(w, r.policy, layouts, find)), '');
  }

  out.push('## `cdk8s synth` of the example app (main.ts)', '');
  out.push(markdownTable(['command', 'wall time', 'peak RSS'], r.commands.map((c) => [
    c.name, formatSpread(c.wallMs, seconds, c.samples.length), mib(c.peakRssMiB.median)])), '');

  if (r.checkScale) out.push(renderCheckScale(r.checkScale));

  if (r.startup) out.push('## CLI start-up (`node bin/cdk8s-netkit.js`, issue 14: at most 0.5 s above `node -e \'\'`)', '', renderStartup(r.startup));

  const targets = workloads.flatMap((w) => evaluateTargets(w, r.policy, find));
  if (targets.length > 0) {
    out.push('## Targets (issue 6)', '');
    out.push(markdownTable(['target', 'measured', 'limit', 'met'], targets.map((t) => [t.what, t.measured, t.limit, t.met ? 'yes' : '**no**'])), '');
  }
  return `${out.join('\n')}\n`;
}

function synthRows(w: Workload, layouts: readonly string[], sizes: readonly number[], find: Find): string[][] {
  const rows: string[][] = [];
  for (const layout of layouts) {
    for (const n of sizes) {
      const floor = find(w.floor, layout, n)!;
      for (const variant of Object.keys(w.names)) {
        const c = find(variant, layout, n);
        if (!c?.wallMs || !c.peakRssMiB) continue;
        rows.push([layout, n.toLocaleString('en-US'), w.names[variant], String(c.samples.length),
          formatSpread(c.wallMs, seconds, c.samples.length), ratio(c.wallMs.median, floor.wallMs!.median),
          c.cpuMs ? seconds(c.cpuMs.median) : '–',
          formatSpread(c.peakRssMiB, mib, c.samples.length), ratio(c.peakRssMiB.median, floor.peakRssMiB!.median)]);
      }
    }
  }
  return rows;
}

function policyRows(w: Workload, policy: readonly VariantCell[], layouts: readonly string[], find: Find): string[][] {
  const percent = (part: number | undefined, whole: number | undefined) => (part !== undefined && whole ? `${((100 * part) / whole).toFixed(1)} %` : '–');
  return policy.filter((p) => p.variant === w.policy).flatMap((p) => layouts.map((l) => {
    const ours = find(w.ours, l, p.n);
    const inside = ours?.synthCheckMs;
    return [p.n.toLocaleString('en-US'), l,
      inside ? formatSpread(inside, (v) => `${v.toFixed(1)} ms`, ours!.samples.length) : '–', percent(inside?.median, ours?.wallMs?.median),
      formatSpread(p.checkMs!, (v) => `${v.toFixed(1)} ms`, p.samples.length), percent(p.checkMs!.median, ours?.wallMs?.median), mib(p.peakRssMiB!.median)];
  }));
}

/** The targets of issue 6, for one workload (the Gateway API variant is held to the same limits). */
function evaluateTargets(w: Workload, policy: readonly VariantCell[], find: Find): Target[] {
  const targets: Target[] = [];
  const wall = (v: string, l: string, n: number) => find(v, l, n)?.wallMs?.median;
  const rss = (v: string, l: string, n: number) => find(v, l, n)?.peakRssMiB?.median;
  const check = (what: string, value: number | undefined, limit: number, format: (v: number) => string) => {
    if (value !== undefined && Number.isFinite(value)) targets.push({ what: w.prefix + what, measured: format(value), limit: format(limit), met: value <= limit });
  };
  const times = (v: number) => `${v.toFixed(2)}×`;
  const ofFloor = (l: string, n: number, m: (v: string, l: string, n: number) => number | undefined) => {
    const a = m(w.ours, l, n); const b = m(w.floor, l, n);
    return a !== undefined && b !== undefined ? a / b : undefined;
  };
  check('one chart, N=5,000: ours / floor (time)', ofFloor('one-chart', 5000, wall), 1.5, times);
  check('chart per app, N=5,000: ours / floor (time)', ofFloor('chart-per-app', 5000, wall), 2, times);
  for (const layout of ['one-chart', 'chart-per-app']) {
    const small = wall(w.ours, layout, 1000); const large = wall(w.ours, layout, 5000);
    if (small && large) check(`${layout}, ours: time(5,000) / time(1,000)`, large / small, 6, (x) => x.toFixed(2));
  }
  const alone5000 = policy.find((p) => p.variant === w.policy && p.n === 5000)?.checkMs?.median;
  for (const layout of ['one-chart', 'chart-per-app']) {
    const synth = wall(w.ours, layout, 5000);
    const inside = find(w.ours, layout, 5000)?.synthCheckMs?.median;
    const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
    if (inside !== undefined && synth) check(`policy checks inside ours' synth / that synth, ${layout}, N=5,000`, inside / synth, 0.1, percent);
    if (alone5000 !== undefined && synth) check(`policy checks alone (cold process) / ours synth, ${layout}, N=5,000`, alone5000 / synth, 0.1, percent);
  }
  for (const layout of ['one-chart', 'chart-per-app']) {
    check(`peak RSS ${layout}, N=5,000: ours / floor`, ofFloor(layout, 5000, rss), 2, times);
  }
  return targets;
}
