// CLI start-up (issue 14: at most 0.5 s above `node -e ''`), from a clone and
// from the installed package. `npm run bench -- --startup` measures only this.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSpread, markdownTable, seconds, spread, Spread } from './stats';

export interface StartupCell {
  readonly name: string;
  readonly runs: number;
  readonly wallMs: Spread;
  /** User + system CPU time: on a shared machine it moves far less than wall time. */
  readonly cpuMs: Spread;
}

/** The start-up budget above `node -e ''`. */
export const STARTUP_BUDGET_MS = 500;

function timeOnce(args: readonly string[], cwd: string): { wallMs: number; cpuMs: number } {
  const start = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', 'netkit-bench-cpu=%U %S', process.execPath, ...args], { cwd, encoding: 'utf8' });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = /netkit-bench-cpu=([\d.]+) ([\d.]+)/.exec(child.stderr);
  if (!cpu) throw new Error(`node ${args.join(' ')} did not run: ${child.stderr}`);
  return { wallMs, cpuMs: (Number(cpu[1]) + Number(cpu[2])) * 1000 };
}

/**
 * `cdk8s-netkit --help` (which loads every command) and `check` of a
 * one-object file, started as `node bin/cdk8s-netkit.js`: in this clone
 * (sources transpiled by sucrase, cached in node_modules/.cache; also with the
 * cache emptied before each run, as after a change to every file), and from the
 * packed package (`npm pack`, unpacked inside the clone so it resolves the
 * clone's node_modules as an installed copy resolves the app's), which runs
 * build/. Measured round-robin against `node -e ''`.
 */
export function measureStartup(root: string, runs: number): StartupCell[] {
  const scratch = mkdtempSync(join(root, '.bench-startup-'));
  try {
    const tarball = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].filename;
    execFileSync('tar', ['xzf', join(scratch, tarball), '-C', scratch]);
    const manifest = join(scratch, 'service.yaml');
    writeFileSync(manifest, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  type: ExternalName\n  externalName: web.example.com\n');
    mkdirSync(join(scratch, 'cwd'));
    const clone = join(root, 'bin', 'cdk8s-netkit.js');
    const installed = join(scratch, 'package', 'bin', 'cdk8s-netkit.js');
    const emptyCache = () => rmSync(join(root, 'node_modules', '.cache', 'cdk8s-netkit-cli'), { recursive: true, force: true });
    const cases: Array<{ name: string; args: string[]; before?: () => void }> = [
      { name: "node -e '' (the baseline)", args: ['-e', ''] },
      { name: 'clone (cached sucrase): cdk8s-netkit --help', args: [clone, '--help'] },
      { name: 'clone (cached sucrase): cdk8s-netkit check (one file)', args: [clone, 'check', manifest] },
      { name: 'clone, cache emptied (every file changed): cdk8s-netkit --help', args: [clone, '--help'], before: emptyCache },
      { name: 'installed package (build/): cdk8s-netkit --help', args: [installed, '--help'] },
      { name: 'installed package (build/): cdk8s-netkit check (one file)', args: [installed, 'check', manifest] },
    ];
    const samples = cases.map(() => [] as Array<{ wallMs: number; cpuMs: number }>);
    for (let run = 0; run < runs; run++) {
      cases.forEach((c, i) => {
        c.before?.();
        samples[i].push(timeOnce(c.args, join(scratch, 'cwd')));
      });
    }
    return cases.map((c, i) => ({
      name: c.name, runs, wallMs: spread(samples[i].map((s) => s.wallMs)), cpuMs: spread(samples[i].map((s) => s.cpuMs)),
    }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The start-up table: each case's wall and CPU time, and its median above the baseline's. */
export function renderStartup(cells: readonly StartupCell[]): string {
  const base = cells[0];
  const above = (c: StartupCell) => {
    const wall = c.wallMs.median - base.wallMs.median;
    const cpu = c.cpuMs.median - base.cpuMs.median;
    return `${seconds(wall)} (CPU ${seconds(cpu)})${c === base ? '' : wall <= STARTUP_BUDGET_MS ? '' : ' **over 0.5 s**'}`;
  };
  return `${markdownTable(['command', 'wall time', 'CPU time', 'above the baseline'], cells.map((c) => [
    c.name, formatSpread(c.wallMs, seconds, c.runs), formatSpread(c.cpuMs, seconds, c.runs), c === base ? '–' : above(c)]))}\n`;
}
