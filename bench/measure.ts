import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sample } from './stats';

/** A slow variant gets this long before its run counts as failed. */
const RUN_TIMEOUT_MS = 10 * 60 * 1000;

/** Runs one variant in a fresh `node` process on the compiled bench; its outdir is deleted afterwards. */
export function measureVariant(buildDir: string, variant: string, layout: string, n: number): Sample {
  // `out/` in a temp folder: NetkitApp stages beside its output folder (.netkit/synth/), and that goes too.
  const parent = mkdtempSync(join(tmpdir(), `netkit-bench-${variant}-`));
  const outdir = join(parent, 'out');
  try {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [join(buildDir, 'bench', 'child.js'), variant, layout, String(n), outdir], {
      encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) {
      throw new Error(`${variant} ${layout} N=${n} failed (${child.signal ?? child.status}): ${child.stderr}`);
    }
    const reported = JSON.parse(child.stdout.trim().split('\n').pop()!);
    return { wallMs, ...reported };
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/**
 * Runs a shell command under GNU time (for the peak RSS of the largest
 * process it starts) and measures its wall time.
 */
export function measureCommand(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', 'netkit-bench-maxrss=%M', command, ...args], {
    cwd: options.cwd, env: options.env, encoding: 'utf8', timeout: RUN_TIMEOUT_MS,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${child.stderr}`);
  const kib = Number(/netkit-bench-maxrss=(\d+)/.exec(child.stderr)?.[1] ?? NaN);
  return { wallMs, peakRssMiB: kib / 1024 };
}
