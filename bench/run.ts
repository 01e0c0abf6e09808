// `npm run bench`: a benchmark, not a test. Prints a table, writes
// bench/results.json and bench/RESULTS.md, and never fails on timing.
// `npm run bench -- --quick` runs N=100 and 1,000 once each (a smoke run);
// `npm run bench -- --startup` measures only the CLI start-up (bench/startup.ts);
// `npm run bench -- --only check-scale` only the check of a 50 MB file (bench/check-scale/).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCheckScale } from './check-scale/measure';
import { renderCheckScale } from './check-scale/report';
import { compileForBench } from './compile';
import { measureCommand, measureVariant } from './measure';
import { renderReport, Results, VariantCell, CommandCell } from './report';
import { Sample, spread } from './stats';
import { measureStartup, renderStartup } from './startup';
import { LAYOUTS } from './workload';

const ROOT = join(__dirname, '..');
const BUILD = join(__dirname, '.build');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [100, 1000] : [100, 1000, 5000];
const RUNS = quick ? 1 : 3;
// The Ingress workload, then its Gateway API variant (bench/workload.ts), each with its own floor.
const VARIANTS = ['floor', 'floor-as-netkit', 'ours', 'plus', 'floor-gateway', 'ours-gateway', 'plus-gateway'] as const;
const POLICY_VARIANTS = ['policy', 'policy-gateway'] as const;
const TS_NODE = require.resolve('ts-node/dist/bin.js');

/** Hand-written cdk8s-plus-27, one chart per app, is quadratic in stock cdk8s: minutes per run at N = 5,000. */
function runsFor(variant: string, layout: string, n: number): number {
  return (variant === 'plus' || variant === 'plus-gateway') && layout === 'chart-per-app' && n >= 5000 ? 1 : RUNS;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function main(): void {
  if (process.argv.includes('--startup')) {
    log('CLI start-up: node -e \'\' against cdk8s-netkit from this clone and from the packed package, 10 runs each…');
    process.stdout.write(`## CLI start-up\n\n${renderStartup(measureStartup(ROOT, 10))}`);
    return;
  }
  const started = new Date();
  log('compiling lib/, bench/ and main.ts to plain JavaScript as the published build does (tsc options, no type check)…');
  compileForBench(ROOT, BUILD);
  if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'check-scale') {
    const section = renderCheckScale(measureCheckScale(BUILD, RUNS, log));
    process.stdout.write(`Run ${started.toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`
      + ` (load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}).\n\n${section}`);
    return;
  }

  const cells: VariantCell[] = [];
  for (const n of SIZES) {
    for (const layout of LAYOUTS) {
      const samples = new Map<string, Sample[]>(VARIANTS.map((v) => [v, []]));
      // Round-robin over the variants, so a burst of load on the shared machine hits all of them.
      for (let run = 0; run < RUNS; run++) {
        for (const variant of VARIANTS) {
          if (run >= runsFor(variant, layout, n)) continue;
          log(`  ${layout} N=${n} ${variant} run ${run + 1}/${runsFor(variant, layout, n)}`);
          samples.get(variant)!.push(measureVariant(BUILD, variant, layout, n));
        }
      }
      for (const variant of VARIANTS) cells.push({ variant, layout, n, samples: samples.get(variant)! });
    }
  }

  const policy: VariantCell[] = [];
  for (const variant of POLICY_VARIANTS) {
    for (const n of SIZES) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(measureVariant(BUILD, variant, 'one-chart', n));
      policy.push({ variant, layout: 'one-chart', n, samples });
    }
  }

  log('  npx cdk8s synth of the example app, and its app step alone…');
  const commands = measureExampleSynth();
  log('  CLI start-up, from this clone and from the packed package…');
  const startup = measureStartup(ROOT, quick ? 3 : 10);
  const checkScale = quick ? undefined : measureCheckScale(BUILD, RUNS, log);

  const results: Results = {
    started: started.toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    },
    runs: RUNS,
    cells: cells.map(withSummary),
    policy: policy.map(withSummary),
    commands,
    startup,
    ...(checkScale ? { checkScale } : {}),
  };
  const report = renderReport(results);
  // A --quick smoke run only prints: the committed files hold the last full run, which the README quotes.
  if (!quick) {
    writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(__dirname, 'RESULTS.md'), report);
  }
  process.stdout.write(report);
}

function withSummary(cell: VariantCell): VariantCell {
  return {
    ...cell,
    wallMs: spread(cell.samples.map((s) => s.wallMs)),
    peakRssMiB: spread(cell.samples.map((s) => s.peakRssMiB)),
    ...(cell.samples[0]?.checkMs !== undefined ? { checkMs: spread(cell.samples.map((s) => s.checkMs!)) } : {}),
    ...(cell.samples[0]?.cpuMs !== undefined ? { cpuMs: spread(cell.samples.map((s) => s.cpuMs!)) } : {}),
    ...(cell.samples[0]?.synthCheckMs !== undefined ? { synthCheckMs: spread(cell.samples.map((s) => s.synthCheckMs!)) } : {}),
  };
}

/** `npx cdk8s synth` as cdk8s.yaml runs it, and the app step (main.ts) alone with each way of running TypeScript. */
function measureExampleSynth(): CommandCell[] {
  const out: CommandCell[] = [];
  const outdir = mkdtempSync(join(tmpdir(), 'netkit-bench-synth-'));
  const env = { ...process.env, CDK8S_CHECK_UPGRADE: 'false', CDK8S_OUTDIR: outdir };
  const cases: { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
    { name: 'npx cdk8s synth (cdk8s.yaml: node -r ./scripts/register-ts.js, sucrase)', command: 'npx', args: ['cdk8s', 'synth', '--output', outdir] },
    { name: 'npx cdk8s synth --app "npx ts-node --transpile-only main.ts"', command: 'npx', args: ['cdk8s', 'synth', '--output', outdir, '--app', 'npx ts-node --transpile-only main.ts'] },
    { name: 'npx cdk8s synth --app "node <precompiled main.js>"', command: 'npx', args: ['cdk8s', 'synth', '--output', outdir, '--app', `node ${join(BUILD, 'main.js')}`] },
    // The app step alone, started with node directly (no npx lookup):
    { name: 'app step: ts-node --transpile-only main.ts', command: process.execPath, args: [TS_NODE, '--transpile-only', 'main.ts'] },
    { name: 'app step: node -r ./scripts/register-ts.js main.ts', command: process.execPath, args: ['-r', './scripts/register-ts.js', 'main.ts'] },
    { name: 'app step: node, precompiled JS', command: process.execPath, args: [join(BUILD, 'main.js')] },
    { name: 'app step: ts-node main.ts (with type check)', command: process.execPath, args: [TS_NODE, 'main.ts'] },
  ];
  try {
    for (const c of cases) {
      const samples: Sample[] = [];
      for (let run = 0; run < RUNS; run++) samples.push(measureCommand(c.command, c.args, { cwd: ROOT, env }));
      out.push({ name: c.name, samples, wallMs: spread(samples.map((s) => s.wallMs)), peakRssMiB: spread(samples.map((s) => s.peakRssMiB)) });
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    // main.ts writes the JSON traffic map beside its output folder.
    rmSync(`${outdir}-traffic`, { recursive: true, force: true });
  }
  return out;
}

main();
