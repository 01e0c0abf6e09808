// The "check: 50 MB file" section of `npm run bench` (issue 16): js-yaml 4's
// loadAll, `yaml`'s parseAllDocuments and `cdk8s-netkit check` on one file of
// 331,838 ConfigMaps, each in its own process, round-robin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sample, spread, Spread } from '../stats';
import type { ScaleTool } from './child';
import { SCALE_DOCUMENTS, writeScaleFile } from './generate';

export interface ScaleCell {
  readonly tool: ScaleTool;
  readonly samples: (Sample & { readonly outcome: string })[];
  readonly wallMs: Spread;
  readonly peakRssMiB: Spread;
}

export interface CheckScaleResults {
  readonly documents: number;
  readonly bytes: number;
  readonly cells: ScaleCell[];
}

/** The order of the table; `yaml` takes minutes and 1.6 GB, so it runs once. */
const TOOLS: readonly ScaleTool[] = ['js-yaml', 'check', 'yaml'];
const RUN_TIMEOUT_MS = 15 * 60 * 1000;

export function measureCheckScale(buildDir: string, runs: number, log: (message: string) => void): CheckScaleResults {
  const dir = mkdtempSync(join(tmpdir(), 'netkit-bench-check-scale-'));
  try {
    const file = join(dir, 'configmaps.yaml');
    const bytes = writeScaleFile(file);
    const samples = new Map<ScaleTool, ScaleCell['samples']>(TOOLS.map((t) => [t, []]));
    for (let run = 0; run < runs; run++) {
      for (const tool of TOOLS) {
        if (tool === 'yaml' && run > 0) continue;
        log(`  check: 50 MB file, ${tool} run ${run + 1}/${tool === 'yaml' ? 1 : runs}`);
        samples.get(tool)!.push(measureOnce(buildDir, tool, file));
      }
    }
    const cells = TOOLS.map((tool) => {
      const s = samples.get(tool)!;
      return { tool, samples: s, wallMs: spread(s.map((x) => x.wallMs)), peakRssMiB: spread(s.map((x) => x.peakRssMiB)) };
    });
    return { documents: SCALE_DOCUMENTS, bytes, cells };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureOnce(buildDir: string, tool: ScaleTool, file: string): ScaleCell['samples'][number] {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [join(buildDir, 'bench', 'check-scale', 'child.js'), tool, file], {
    encoding: 'utf8', timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`check-scale ${tool} failed (${child.signal ?? child.status}): ${child.stderr}`);
  return { wallMs, ...JSON.parse(child.stdout.trim().split('\n').pop()!) };
}
