import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFloor } from '../../bench/variants/floor';
import { runOurs } from '../../bench/variants/ours';
import { runPolicyOnly } from '../../bench/variants/policy';
import { LAYOUTS } from '../../bench/workload';
import { readTree } from '../helpers/synth-main';

function written(run: (outdir: string) => void): Record<string, string> {
  const parent = mkdtempSync(join(tmpdir(), 'netkit-bench-test-'));
  const outdir = join(parent, 'out');
  try {
    run(outdir);
    return readTree(outdir);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

// The benchmark's ratios mean something only if every variant writes the same objects.
describe('benchmark workload', () => {
  for (const layout of LAYOUTS) {
    test(`the floor (as it is, and serialized as NetkitApp does) writes byte for byte what the library writes (${layout})`, () => {
      const ours = written((outdir) => runOurs(12, layout, outdir));
      const floor = written((outdir) => runFloor(12, layout, outdir));
      expect(Object.keys(ours)).toHaveLength(layout === 'one-chart' ? 1 : 13);
      expect(Object.values(ours).join('')).toContain('host: app-00011.apps.example.com');
      expect(floor).toEqual(ours);
      expect(written((outdir) => runFloor(12, layout, outdir, true))).toEqual(ours);
    });
  }

  test('the policy checks find nothing above info in the workload', () => {
    expect(runPolicyOnly(12).findings).toBe(0);
  });
});
