import { renderReport, Results } from '../../bench/report';
import { CheckScaleResults } from '../../bench/check-scale/measure';
import { renderCheckScale } from '../../bench/check-scale/report';
import { scaleConfigMap, SCALE_DOCUMENTS } from '../../bench/check-scale/generate';

const one = (v: number) => ({ median: v, min: v, max: v });

/** js-yaml at 5 s and 300 MiB; check and yaml at the given time and memory. */
function scale(checkMs: number, checkRssMiB: number): CheckScaleResults {
  // CPU time half the wall time, but js-yaml's a quarter: the CPU ratios differ from the wall-time ones.
  const cell = (tool: 'js-yaml' | 'check' | 'yaml', wallMs: number, peakRssMiB: number, outcome: string) =>
    ({ tool, samples: [{ wallMs, peakRssMiB, cpuMs: tool === 'js-yaml' ? wallMs / 4 : wallMs / 2, outcome }], wallMs: one(wallMs), peakRssMiB: one(peakRssMiB) });
  return {
    documents: SCALE_DOCUMENTS, bytes: 50 * 2 ** 20,
    cells: [cell('js-yaml', 5000, 300, '331838 documents'), cell('check', checkMs, checkRssMiB, 'exit 0: 0 error(s), 0 warning(s), 40 info(s)'), cell('yaml', 42000, 1600, '331838 documents')],
  };
}

const row = (report: string, first: string) => report.split('\n').find((line) => line.startsWith(`| ${first} `));

describe('benchmark report: check of a 50 MB file', () => {
  test('ratios to js-yaml 4 from the same run, and the issue-16 targets met', () => {
    const report = renderCheckScale(scale(12_000, 450));
    expect(report).toContain('## check: 50 MB file (331,838 ConfigMaps, 50.0 MiB in one file)');
    expect(row(report, '`cdk8s-netkit check`')).toMatch(/\| 12\.0 s +\| 2\.40× +\| 6\.00 s +\| 4\.80× +\| 450 MiB +\| 1\.50× +\| exit 0: 0 error/);
    expect(row(report, '`yaml` `parseAllDocuments` with positions (how check parsed before)')).toMatch(/\| 8\.40× .*\| 5\.33× /);
    expect(row(report, 'check time / js-yaml 4 loadAll time')).toMatch(/2\.40× +\| 3\.00× +\| yes/);
    expect(row(report, 'check peak RSS / js-yaml 4 loadAll peak RSS')).toMatch(/1\.50× +\| 2\.00× +\| yes/);
  });

  test('a target missed says so', () => {
    const report = renderCheckScale(scale(16_000, 700));
    expect(row(report, 'check time / js-yaml 4 loadAll time')).toMatch(/3\.20× .*\| \*\*no\*\*/);
    expect(row(report, 'check peak RSS / js-yaml 4 loadAll peak RSS')).toMatch(/2\.33× .*\| \*\*no\*\*/);
  });

  test('the full report holds the section when the run measured it', () => {
    const base: Results = {
      started: '2026-12-05T00:00:00.000Z', machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, node: 'v20', loadAverageAtEnd: [0, 0, 0] },
      runs: 1, cells: [], policy: [], commands: [],
    };
    expect(renderReport(base)).not.toContain('## check: 50 MB file');
    expect(renderReport({ ...base, checkScale: scale(12_000, 450) })).toContain(renderCheckScale(scale(12_000, 450)));
  });

  test('the generated documents are the ConfigMaps the issue measured: about 156 bytes each', () => {
    expect(scaleConfigMap(42)).toBe('---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-000042\n  namespace: team-02\n  labels:\n'
      + '    app: web-0042\ndata:\n  url: "http://backend-000042:80"\n');
    expect(Buffer.byteLength(scaleConfigMap(123_456))).toBe(156);
  });
});
