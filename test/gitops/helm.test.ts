import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { readTree } from '../helpers/synth-main';

const root = join(__dirname, '..', '..');

// `cdk8s synth --format helm` runs main.ts with CDK8S_OUTDIR=<chart>/templates; run the real CLI once.
describe('cdk8s synth --format helm', () => {
  const out = mkdtempSync(join(tmpdir(), 'netkit-helm-'));
  const chartDir = join(out, 'chart');
  const result = spawnSync('npx', ['cdk8s', 'synth', '--format', 'helm', '--chart-version', '1.2.3', '--output', chartDir], {
    cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
  const tree = result.status === 0 ? readTree(chartDir) : {};
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('succeeds with --chart-version (required; the chart apiVersion defaults to v2)', () => {
    expect({ status: result.status, stderr: result.status === 0 ? '' : result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(parse(tree['Chart.yaml'])).toEqual({
      apiVersion: 'v2', name: basename(root), version: '1.2.3', description: `Generated chart for ${basename(root)}`, type: 'application',
    });
  });

  test('templates/ holds exactly the manifests of a plain synth, and nothing Helm would try to render as a template', () => {
    const templates = Object.keys(tree).filter((f) => f.startsWith('templates/')).sort();
    const dist = readTree(join(root, 'dist'));
    expect(templates).toEqual(Object.keys(dist).filter((f) => f.endsWith('.k8s.yaml')).map((f) => `templates/${f}`).sort());
    for (const t of templates) {
      expect(tree[t]).toBe(dist[t.slice('templates/'.length)]);
      // `{{` would be read as a Go template action.
      expect(tree[t]).not.toContain('{{');
      for (const doc of parseAllDocuments(tree[t])) expect(doc.errors).toEqual([]);
    }
  });

  test('the traffic map goes to the chart root, and no Kustomization is written', () => {
    expect(Object.keys(tree).filter((f) => !f.startsWith('templates/')).sort()).toEqual(['ACCESS.md', 'Chart.yaml', 'README.md', 'access.json']);
    expect(tree['access.json']).toBe(readFileSync(join(root, 'dist-traffic', 'access.json'), 'utf8'));
    expect(Object.keys(tree).filter((f) => f.startsWith('templates/') && !f.endsWith('.k8s.yaml'))).toEqual([]);
    expect(tree['ACCESS.md']).toBe(readTree(join(root, 'dist'))['ACCESS.md']);
  });
});
