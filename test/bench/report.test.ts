import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, Results, VariantCell } from '../../bench/report';
import { Layout } from '../../bench/workload';

/** A cell of one run (median = min = max), enough for the report's arithmetic. */
function cell(variant: string, layout: Layout, n: number, wallMs: number, peakRssMiB: number, extra: Partial<VariantCell> = {}): VariantCell {
  const one = (v: number) => ({ median: v, min: v, max: v });
  return { variant, layout, n, samples: [{ wallMs, peakRssMiB }], wallMs: one(wallMs), peakRssMiB: one(peakRssMiB), ...extra };
}

/** Both workloads at N = 1,000 and 5,000; the Gateway API variant's numbers differ from the Ingress workload's. */
function results(): Results {
  const one = (v: number) => ({ median: v, min: v, max: v });
  const cells: VariantCell[] = [];
  for (const layout of ['one-chart', 'chart-per-app'] as const) {
    for (const n of [1000, 5000]) {
      const k = n / 1000;
      cells.push(cell('floor', layout, n, 1000 * k, 100), cell('ours', layout, n, 1200 * k, 120, { synthCheckMs: one(60 * k) }), cell('plus', layout, n, 1500 * k, 150));
      cells.push(cell('floor-gateway', layout, n, 1000 * k, 100));
      // Over the limits at N = 5,000: 1.80× the floor in time with one chart, 2.50× in memory, checks 12 % of the synth.
      cells.push(cell('ours-gateway', layout, n, (n === 5000 && layout === 'one-chart' ? 1800 : 1300) * k, n === 5000 ? 250 : 130, { synthCheckMs: one(n === 5000 && layout === 'one-chart' ? 1080 : 65 * k) }));
      cells.push(cell('plus-gateway', layout, n, 1600 * k, 160));
    }
  }
  const policy = [1000, 5000].flatMap((n) => [
    cell('policy', 'one-chart', n, 0, 70, { checkMs: one(n / 20) }),
    cell('policy-gateway', 'one-chart', n, 0, 75, { checkMs: one(n / 10) }),
  ]);
  return {
    started: '2026-12-05T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, node: 'v20', loadAverageAtEnd: [0, 0, 0] },
    runs: 1, cells, policy, commands: [],
  };
}

const row = (report: string, ...cells: string[]) => report.split('\n').find((line) => cells.every((c) => line.includes(`| ${c} `)));

describe('benchmark report', () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '../../bench/results.json'), 'utf8')) as Results;

  test('bench/RESULTS.md is exactly what bench/results.json renders to', () => {
    expect(committed.cells.some((c) => c.variant.endsWith('-gateway'))).toBe(true);
    expect(renderReport(committed)).toBe(readFileSync(join(__dirname, '../../bench/RESULTS.md'), 'utf8'));
  });

  test('results without the Gateway API variant (runs before it existed) render without its sections', () => {
    const ingressOnly: Results = {
      ...committed,
      cells: committed.cells.filter((c) => !c.variant.endsWith('-gateway')),
      policy: committed.policy.filter((c) => !c.variant.endsWith('-gateway')),
    };
    const report = renderReport(ingressOnly);
    expect(report).toContain('## Synth: N apps (WebApp + ClusterIP Service + an Ingress route each)');
    expect(report).not.toContain('Gateway API');
  });

  test('the Gateway API variant has its own table, compared with its own floor', () => {
    const report = renderReport(results());
    expect(report).toContain('## Synth: N apps (WebApp + ClusterIP Service + an Ingress route each)');
    expect(report).toContain('## Synth: Gateway API: N apps (WebApp + ClusterIP Service + an HTTPRoute each, one Gateway)');
    const gatewaySection = report.slice(report.indexOf('## Synth: Gateway API'), report.indexOf('## Growth'));
    expect(row(gatewaySection, 'one-chart', '5,000', 'ours (cdk8s-netkit + policy checks)')).toContain('| 1.80× ');
    expect(row(gatewaySection, 'one-chart', '5,000', 'hand-written cdk8s-plus-27 + plain Gateway API objects')).toContain('| 1.60× ');
    expect(gatewaySection).not.toContain('serialized as NetkitApp does');
    expect(row(report, 'chart-per-app', 'Gateway API: ours (cdk8s-netkit + policy checks)')).toContain('| 5.00 ');
    // The policy checks alone: policy-gateway's cells in the Gateway API table, policy's above it.
    const policySection = report.slice(report.indexOf('## Policy checks'), report.indexOf('## `cdk8s synth`'));
    const [ingressPolicy, gatewayPolicy] = policySection.split('Gateway API: the same');
    expect(row(ingressPolicy, '5,000', 'one-chart')).toContain('| 250.0 ms ');
    expect(row(gatewayPolicy, '5,000', 'one-chart')).toMatch(/\| 1080\.0 ms +\| 12\.0 % +\| 500\.0 ms +\| 5\.6 % /);
  });

  test('the Gateway API variant is held to the issue-6 targets, from its own cells', () => {
    const report = renderReport(results());
    const target = (what: string) => row(report, what);
    expect(target('one chart, N=5,000: ours / floor (time)')).toMatch(/1\.20× .*\| yes/);
    expect(target('Gateway API: one chart, N=5,000: ours / floor (time)')).toMatch(/1\.80× .*\| \*\*no\*\*/);
    expect(target('Gateway API: chart per app, N=5,000: ours / floor (time)')).toMatch(/1\.30× .*\| yes/);
    expect(target('Gateway API: peak RSS one-chart, N=5,000: ours / floor')).toMatch(/2\.50× .*\| \*\*no\*\*/);
    expect(target("Gateway API: policy checks inside ours' synth / that synth, one-chart, N=5,000")).toMatch(/12\.0 % .*\| \*\*no\*\*/);
    // Alone: policy-gateway's 500 ms over ours-gateway's 6.5 s, not the Ingress workload's 250 ms.
    expect(target('Gateway API: policy checks alone (cold process) / ours synth, chart-per-app, N=5,000')).toMatch(/7\.7 % .*\| yes/);
    expect(target('Gateway API: chart-per-app, ours: time(5,000) / time(1,000)')).toMatch(/5\.00 .*\| yes/);
  });
});
