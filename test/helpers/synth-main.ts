import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Every file below `dir`, as relative path → contents, sorted by path. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * Runs main.ts in-process with CDK8S_OUTDIR pointing at `dist` in a fresh
 * temp folder (exactly what `cdk8s synth` does), reads what it wrote, and
 * cleans up, including anything written beside `dist`.
 */
function runMain<T>(read: (parent: string, outdir: string) => T): T {
  const parent = mkdtempSync(join(tmpdir(), 'netkit-synth-'));
  const outdir = join(parent, 'dist');
  const previous = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      require('../../main');
    });
    return read(parent, outdir);
  } finally {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    rmSync(parent, { recursive: true, force: true });
  }
}

/** What main.ts wrote to its output folder, relative to it. */
export function synthMainApp(): Record<string, string> {
  return runMain((_parent, outdir) => readTree(outdir));
}

/**
 * What main.ts published beside its output folder too, relative to the
 * folder holding `dist` (`dist/…`, `dist-traffic/…`, `cluster-addons/…`);
 * not the git-ignored `.netkit/` (local Secrets, staging).
 */
export function synthMainAppWithSiblings(): Record<string, string> {
  return runMain((parent) => Object.fromEntries(Object.entries(readTree(parent)).filter(([file]) => !file.startsWith('.netkit/'))));
}
