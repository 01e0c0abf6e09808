import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// The whole loop a pipeline runs: `npx cdk8s synth`, then `git status` / commit. Each synth spawns the CLI: seconds.
jest.setTimeout(120_000);

describe('npx cdk8s synth with cdk8s.yaml output: .netkit/dist, in a git checkout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netkit-git-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'cdk8s.yaml'), `language: typescript\napp: node -r ${join(root, 'scripts', 'register-ts.js')} main.ts\noutput: .netkit/dist\n`);
  writeFileSync(join(dir, '.gitignore'), '.netkit/\nnode_modules\n');
  writeFileSync(join(dir, 'main.ts'), [
    "import { ApiObject } from 'cdk8s';",
    `import { ClusterAddonChart, enforcePolicies, NetkitApp, NetkitChart, WebApp } from ${JSON.stringify(join(root, 'lib'))};`,
    'const app = new NetkitApp({ kustomization: true, trafficMap: true });',
    "const shop = new NetkitChart(app, 'shop', { namespace: 'shop' });",
    "new WebApp(shop, 'web', { image: 'nginx:1.27.3', port: 8080 }).expose('web', { port: 80 });",
    "if (process.env.WITH_BLOG) new WebApp(new NetkitChart(app, 'blog', { namespace: 'blog' }), 'blog', { image: 'ghost:5.0.0', port: 2368 });",
    "const addons = new ClusterAddonChart(app, 'classes', { changes: 'creates PriorityClass apps-high.' });",
    "new ApiObject(addons, 'pc', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'apps-high' }, value: 1000 });",
    // A Service selecting no pod: a policy error.
    "if (process.env.BREAK) new ApiObject(shop, 'typo', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' }, spec: { selector: { app: 'nobody' }, ports: [{ port: 80 }] } });",
    'enforcePolicies(app);',
    'app.synth();',
  ].join('\n'));
  const run = (command: string, args: string[], env: Record<string, string> = {}) =>
    spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false', ...env } });
  const git = (...args: string[]) => run('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', ...args]);
  const synth = (env: Record<string, string> = {}) => run('npx', ['cdk8s', 'synth'], env);

  test('a good synth publishes dist/, dist-traffic/ and cluster-addons/; the CLI lists what was published', () => {
    const first = synth({ WITH_BLOG: '1' });
    expect({ code: first.status, stderr: first.status === 0 ? '' : first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(first.stdout).toContain('.netkit/dist/shop.k8s.yaml');
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['ACCESS.md', 'Kustomization', 'blog.k8s.yaml', 'shop.k8s.yaml']);
    expect(readdirSync(join(dir, 'cluster-addons', '2-install')).sort()).toEqual(['Kustomization', 'classes.k8s.yaml']);
    expect(git('init', '-q').status).toBe(0);
    expect(git('add', '-A').status).toBe(0);
    expect(git('commit', '-qm', 'synth').status).toBe(0);
  });

  test('a synth failing on a policy error exits non-zero and leaves `git status` clean', () => {
    const broken = synth({ WITH_BLOG: '1', BREAK: '1' });
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('svc-selector-matches-pod');
    expect(git('status', '--porcelain').stdout).toBe('');
  });

  test('the next good synth prunes the removed chart, and git shows exactly that', () => {
    expect(synth().status).toBe(0);
    expect(git('status', '--porcelain').stdout.split('\n').filter(Boolean).sort()).toEqual([' D dist/blog.k8s.yaml', ' M dist/Kustomization']);
  });
});
