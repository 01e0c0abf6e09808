import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { runFloor } from '../../bench/variants/floor';
import { runOurs } from '../../bench/variants/ours';
import { runOursGateway } from '../../bench/variants/ours-gateway';
import { runPlusGateway } from '../../bench/variants/plus';
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

  for (const layout of LAYOUTS) {
    test(`Gateway API variant: the floor writes byte for byte what the library writes (${layout})`, () => {
      const ours = written((outdir) => runOursGateway(12, layout, outdir));
      expect(Object.keys(ours)).toHaveLength(layout === 'one-chart' ? 1 : 13);
      const all = Object.values(ours).join('');
      expect(all.match(/^kind: HTTPRoute$/gm)).toHaveLength(13);
      expect(all).toContain('    - app-00011.apps.example.com');
      expect(all).toContain('hostname: "*.apps.example.com"');
      expect(all).not.toContain('kind: Ingress');
      expect(written((outdir) => runFloor(12, layout, outdir, false, 'gateway'))).toEqual(ours);
    });

    test(`Gateway API variant: hand-written cdk8s-plus-27 writes the same Gateway and routes (${layout})`, () => {
      const routing = (files: Record<string, string>) => Object.values(files)
        .flatMap((text) => YAML.parseAllDocuments(text).map((d) => d.toJS()))
        .filter((o) => o.apiVersion === 'gateway.networking.k8s.io/v1');
      const ours = routing(written((outdir) => runOursGateway(12, layout, outdir)));
      expect(ours).toHaveLength(14);
      expect(routing(written((outdir) => runPlusGateway(12, layout, outdir)))).toEqual(ours);
    });
  }

  test('the policy checks find nothing above info in the workload, with an Ingress or through Gateway API', () => {
    expect(runPolicyOnly(12).findings).toBe(0);
    expect(runPolicyOnly(12, 'gateway').findings).toBe(0);
  });
});
