import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../lib/cli/main';
import { readTree } from '../helpers/synth-main';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');
// main.ts maps the whole app: the apps in dist/ and the ingress controller in cluster-addons/.
const addons = join(root, 'cluster-addons');

function run(args: string[]) {
  return spawnSync('node', [join(root, 'bin', 'cdk8s-netkit.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

async function runInProcess(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

describe('cdk8s-netkit map, end to end on the example dist/', () => {
  test('prints the same Markdown main.ts wrote to ACCESS.md', () => {
    const result = run(['map', 'dist/', 'cluster-addons/']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readTree(dist)['ACCESS.md']);
  });

  test('--format json prints the same data as dist-traffic/access.json', () => {
    const result = run(['map', '--format', 'json', 'dist/', 'cluster-addons/']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(root, 'dist-traffic', 'access.json'), 'utf8'));
  });

  test('unreadable input exits 3 naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkit-map-'));
    try {
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n');
      const result = run(['map', bad]);
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(new RegExp(`^cdk8s-netkit map: cannot read ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
      expect(result.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cdk8s-netkit map, arguments', () => {
  test('a missing path exits 3', async () => {
    const r = await runInProcess(['map', 'no/such/folder']);
    expect(r).toEqual({ code: 3, out: '', err: 'cdk8s-netkit map: cannot read no/such/folder: no such file or folder\n' });
  });

  test('an unknown format exits 2 and names the allowed ones', async () => {
    const r = await runInProcess(['map', '--format', 'html', 'dist/']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format must be markdown or json, got "html".');
  });

  test('--format=json is accepted too', async () => {
    const r = await runInProcess(['map', `--format=json`, dist, addons]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(root, 'dist-traffic', 'access.json'), 'utf8')));
  });

  test('no path exits 2 with usage', async () => {
    const r = await runInProcess(['map']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('give at least one file or folder');
    expect(r.err).toContain('Usage: cdk8s-netkit map');
  });

  test('an unknown option exits 2', async () => {
    const r = await runInProcess(['map', '--colour', 'dist/']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown option "--colour"');
  });

  test('--help prints usage and exits 0', async () => {
    expect(await runInProcess(['map', '--help'])).toEqual({ code: 0, out: 'Usage: cdk8s-netkit map [--format markdown|json] <files or folders>…\n', err: '' });
  });

  test('is listed in the command help', async () => {
    expect((await runInProcess(['--help'])).out).toContain('  map      print how traffic reaches the workloads');
  });
});
