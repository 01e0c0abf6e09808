import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { defaultPackageSpec, initProject, PACKAGE_DIR, projectFileSpec } from '../../lib/cli/init';
import { main } from '../../lib/cli/main';
import { checkPolicies } from '../../lib';
import { buildApp, WebChart } from '../../templates/init/main';
import { crdSchemaErrors, GATEWAY_API_VERSIONS, gatewayApiObjects } from '../gateway/crd-schema';

const root = join(__dirname, '..', '..');
const ownPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'netkit-init-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(['init', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) })
    .then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

describe('cdk8s-netkit init', () => {
  test('writes a project: package.json, tsconfig.json, cdk8s.yaml with the shipped register, main.ts, a test, .gitignore', async () => {
    const project = join(dir, 'My App');
    const r = await run(project, '--package', '^1.2.3');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('npm install');
    expect(readdirSync(project).sort()).toEqual(['.gitignore', 'cdk8s.yaml', 'main.test.ts', 'main.ts', 'package.json', 'tsconfig.json']);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('my-app');
    expect(pkg.dependencies['cdk8s-netkit']).toBe('^1.2.3');
    // One copy of cdk8s and constructs: the range cdk8s-netkit itself accepts.
    for (const dep of ['cdk8s', 'constructs']) {
      expect(pkg.dependencies[dep]).toBe(ownPackage.peerDependencies?.[dep] ?? ownPackage.dependencies[dep]);
    }
    // No ts-node; TypeScript in the 5.x line this package is tested with (ts-jest does not support 7).
    expect(pkg.devDependencies['ts-node']).toBeUndefined();
    expect(pkg.devDependencies.typescript).toBe(`^${ownPackage.devDependencies.typescript}`);
    expect(pkg.devDependencies.typescript).toMatch(/^\^5\./);
    expect(Object.keys(pkg.devDependencies).sort()).toEqual(['@types/jest', '@types/node', 'cdk8s-cli', 'jest', 'ts-jest', 'typescript']);
    expect(pkg.scripts).toMatchObject({ synth: 'cdk8s synth', test: 'jest' });
    expect(readFileSync(join(project, 'cdk8s.yaml'), 'utf8')).toContain('app: node -r cdk8s-netkit/register main.ts\n');
    expect(readFileSync(join(project, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', '.netkit/']));
    // A registry or tarball spec is installed as is: no .npmrc.
    expect(existsSync(join(project, '.npmrc'))).toBe(false);
  });

  test('refuses to overwrite: lists every existing file it would write, exits 1, writes nothing', async () => {
    writeFileSync(join(dir, 'main.ts'), 'mine');
    writeFileSync(join(dir, '.gitignore'), 'mine');
    const r = await run(dir, '--package', '^1.0.0');
    expect(r.code).toBe(1);
    expect(r.err).toContain('files already exist where init would write: .gitignore, main.ts. Nothing was written.');
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'main.ts']);
    expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('mine');
  });

  test('refuses a dir that is a file', async () => {
    writeFileSync(join(dir, 'app'), 'mine');
    expect(await run(join(dir, 'app'), '--package', '^1.0.0')).toMatchObject({ code: 1, err: `cdk8s-netkit init: ${join(dir, 'app')} is a file, not a folder. Nothing was written.\n` });
  });

  test('writes into the current folder when given none, next to files it does not write', async () => {
    writeFileSync(join(dir, 'README.md'), 'mine');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await run('--package=file:../cdk8s-netkit-0.1.0.tgz')).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies['cdk8s-netkit']).toBe('file:../cdk8s-netkit-0.1.0.tgz');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('mine');
  });

  test('a folder spec (a checkout) gets install-links, so npm installs a packed copy instead of a symlink', () => {
    initProject(dir, `file:${root}`);
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe('install-links=true\n');
  });

  test('a checkout without build/ is named, since npm would install it without the compiled library', async () => {
    const checkout = join(dir, 'checkout');
    mkdirSync(checkout);
    const r = await run(join(dir, 'app'), '--package', `file:${checkout}`);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`cdk8s-netkit init: ${checkout} has no build/ yet: run \`npm install && npm run build\` there before \`npm install\` here.\n`);
    mkdirSync(join(checkout, 'build'));
    writeFileSync(join(checkout, 'build', 'index.js'), '');
    expect((await run(join(dir, 'app2'), '--package', `file:${checkout}`)).err).toBe('');
  });

  test("the template's cdk8s.yaml writes where this repository's does (NetkitApp's publishing relies on that folder)", () => {
    const output = (file: string) => /^output: (.+)$/m.exec(readFileSync(file, 'utf8'))?.[1];
    expect(output(join(root, 'templates', 'init', 'cdk8s.yaml'))).toBe(output(join(root, 'cdk8s.yaml')));
  });

  test('docs/getting-started.md describes every file init writes', () => {
    const docs = readFileSync(join(root, 'docs', 'getting-started.md'), 'utf8');
    const written = initProject(dir, `file:${root}`);
    expect(written.filter((file) => !docs.includes(`| \`${file}\` |`))).toEqual([]);
  });

  test('bad arguments exit 2 with the usage', async () => {
    expect(await run('--pakage', 'x')).toMatchObject({ code: 2, err: expect.stringContaining('unknown option "--pakage"') });
    expect(await run('a', 'b')).toMatchObject({ code: 2, err: expect.stringContaining('one folder at most') });
    expect(await run('--package')).toMatchObject({ code: 2, err: expect.stringContaining('--package needs a spec') });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the default cdk8s-netkit spec: where the running copy came from', () => {
  const fakePackage = (packageDir: string, version = '0.4.2') => {
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'cdk8s-netkit', version }));
  };

  test('a checkout: file:<checkout>', () => {
    expect(defaultPackageSpec(PACKAGE_DIR)).toBe(`file:${root}`);
  });

  test('npx <tarball> init: the file: spec npx recorded in its cache folder', () => {
    const npxRoot = join(dir, '_npx', '0123abcd');
    fakePackage(join(npxRoot, 'node_modules', 'cdk8s-netkit'));
    writeFileSync(join(npxRoot, 'package.json'), JSON.stringify({ dependencies: { 'cdk8s-netkit': 'file:/home/me/cdk8s-netkit-0.4.2.tgz' } }));
    expect(defaultPackageSpec(join(npxRoot, 'node_modules', 'cdk8s-netkit'))).toBe('file:/home/me/cdk8s-netkit-0.4.2.tgz');
    // npx writes a path relative to its cache folder.
    writeFileSync(join(npxRoot, 'package.json'), JSON.stringify({ dependencies: { 'cdk8s-netkit': 'file:../../x/cdk8s-netkit-0.4.2.tgz' } }));
    expect(defaultPackageSpec(join(npxRoot, 'node_modules', 'cdk8s-netkit'))).toBe(`file:${join(dir, 'x', 'cdk8s-netkit-0.4.2.tgz')}`);
  });

  test('a file: spec is written relative to the project folder, as npm reads it', async () => {
    expect(projectFileSpec('file:/opt/pkgs/cdk8s-netkit-0.4.2.tgz', '/home/me', '/home/me/apps/web')).toBe('file:../../../../opt/pkgs/cdk8s-netkit-0.4.2.tgz');
    expect(projectFileSpec('file:./cdk8s-netkit-0.4.2.tgz', '/home/me', 'web')).toBe('file:../cdk8s-netkit-0.4.2.tgz');
    expect(projectFileSpec('^0.4.2', '/home/me', 'web')).toBe('^0.4.2');
    const r = await run(join(dir, 'web'), '--package', `file:${join(dir, 'cdk8s-netkit-0.4.2.tgz')}`);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'web', 'package.json'), 'utf8')).dependencies['cdk8s-netkit']).toBe('file:../cdk8s-netkit-0.4.2.tgz');
  });

  test('a release from the registry (through npx or installed): ^<version>', () => {
    const npxRoot = join(dir, '_npx', '0123abcd');
    fakePackage(join(npxRoot, 'node_modules', 'cdk8s-netkit'));
    writeFileSync(join(npxRoot, 'package.json'), JSON.stringify({ dependencies: { 'cdk8s-netkit': '^0.4.2' } }));
    expect(defaultPackageSpec(join(npxRoot, 'node_modules', 'cdk8s-netkit'))).toBe('^0.4.2');
    fakePackage(join(dir, 'app', 'node_modules', 'cdk8s-netkit'), '1.0.0');
    expect(defaultPackageSpec(join(dir, 'app', 'node_modules', 'cdk8s-netkit'))).toBe('^1.0.0');
  });
});

describe('the main.ts template', () => {
  test('builds a NetkitApp with a WebApp, its Service, a Gateway and an HTTPRoute that pass the policy checks and the CRD schemas', () => {
    const app = buildApp();
    expect(app.charts.map((c) => c.node.id)).toEqual(['web']);
    const chart = new WebChart(Testing.app(), 'web');
    expect(checkPolicies(chart).filter((f) => f.severity === 'error')).toEqual([]);
    const objects = Testing.synth(chart);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort())
      .toEqual(['Deployment/web', 'Gateway/web-gateway', 'HTTPRoute/web-route', 'Namespace/web',
        'NetworkPolicy/allow-gateway-web-gateway-from-clients', 'NetworkPolicy/allow-web-from-gateway-web-gateway', 'NetworkPolicy/default-deny',
        'PodDisruptionBudget/web', 'Service/web']);
    expect(gatewayApiObjects(objects)).toHaveLength(2);
    for (const gatewayApiObject of gatewayApiObjects(objects)) {
      for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(gatewayApiObject, version)).toEqual([]);
    }
  });
});
