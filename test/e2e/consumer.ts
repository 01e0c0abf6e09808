// The consumer test (`npm run test:consumer`, run by .ci/run after `npm test`):
// the library as a user gets it. Packs it (`npm pack`), installs the tarball
// into a scratch cdk8s app with the LOWEST and with the NEWEST cdk8s 2.x of the
// package's peer range (and the constructs of the same ends of its range),
// then type-checks the app with tsc and synthesizes it with `cdk8s synth`,
// once with a stock App and once with NetkitApp, compares both outputs with the
// committed files in test/e2e/consumer/expected/, and runs the installed
// `cdk8s-netkit check` on them. `cdk8s synth` is this repository's cdk8s-cli
// (the CLI only runs the app's command; installing it per app would double the
// time): the app's own cdk8s and constructs are the ones under test.
//
//   npm run test:consumer                      both ends of the peer range
//   npm run test:consumer -- --cdk8s 2.70.100 --constructs 10.5.0
//                                              one pair of versions
//   npm run test:consumer -- --update          rewrite expected/stock and expected/netkit from the newest end
//
// Fails loudly when the app ends up with two copies of cdk8s or constructs (the
// library resolving its own), which is what exact-pinned dependencies did.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'consumer');
const EXPECTED = join(FIXTURE, 'expected');
const CDK8S_CLI = join(ROOT, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

interface Versions {
  readonly label: string;
  readonly cdk8s: string;
  readonly constructs: string;
}

class ConsumerFailure extends Error {}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  } catch (e: any) {
    throw new ConsumerFailure(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** All published releases of `name` within `range` (npm's own semver matching), lowest first. */
function versionsIn(name: string, range: string): string[] {
  const out = JSON.parse(run('npm', ['view', `${name}@${range}`, 'version', '--json'], ROOT));
  const list: string[] = Array.isArray(out) ? out : [out];
  // npm lists them in publish order, which is not version order (maintenance lines are released in parallel).
  const parts = (v: string) => v.split('.').map(Number);
  return list.filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => {
    const [x, y] = [parts(a), parts(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  });
}

/** The lowest and the newest versions of the peer range: the two ends a user can install. */
function rangeEnds(): Versions[] {
  const ends = (name: string) => {
    const list = versionsIn(name, pkg.peerDependencies[name]);
    if (list.length === 0) throw new ConsumerFailure(`no published ${name} matches the peer range ${pkg.peerDependencies[name]}`);
    return [list[0], list[list.length - 1]];
  };
  const [cdk8sLow, cdk8sHigh] = ends('cdk8s');
  const [constructsLow, constructsHigh] = ends('constructs');
  return [
    { label: 'lowest', cdk8s: cdk8sLow, constructs: constructsLow },
    { label: 'newest', cdk8s: cdk8sHigh, constructs: constructsHigh },
  ];
}

function pack(into: string): string {
  // `npm pack` runs prepack (a clean build), as `npm publish` does.
  const out = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', into], ROOT, { npm_config_loglevel: 'error' }));
  return join(into, out[0].filename);
}

/**
 * The files the app and the installed library load for `name`. Resolved by a
 * node process started in the app, as the app resolves them (in this process
 * `cdk8s-netkit` would resolve to this repository itself).
 */
function resolvedFromAppAndLibrary(dir: string, name: string): { app: string; library: string } {
  const script = `const { dirname } = require('node:path'); const { realpathSync } = require('node:fs');
    const library = dirname(require.resolve('cdk8s-netkit/package.json'));
    const real = (p) => realpathSync(p);
    console.log(JSON.stringify({ app: real(require.resolve(${JSON.stringify(name)})), library: real(require.resolve(${JSON.stringify(name)}, { paths: [library] })) }));`;
  return JSON.parse(run(process.execPath, ['-e', script], dir));
}

function installApp(dir: string, tarball: string, v: Versions): void {
  cpSync(join(FIXTURE, 'app'), join(dir, 'app'), { recursive: true });
  cpSync(join(FIXTURE, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  writeFileSync(join(dir, 'cdk8s.yaml'), 'language: typescript\napp: node js/netkit.js\noutput: dist\n');
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({
    name: 'netkit-consumer', version: '1.0.0', private: true,
    dependencies: { 'cdk8s': v.cdk8s, 'constructs': v.constructs, 'cdk8s-netkit': `file:${tarball}` },
    devDependencies: { '@types/node': pkg.devDependencies['@types/node'], 'typescript': pkg.devDependencies.typescript },
  }, null, 2)}\n`);
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
}

/** One copy of cdk8s and of constructs, shared by the app and the library; anything else breaks types and synth. */
function checkSingleCopies(dir: string, v: Versions): void {
  for (const [name, version] of [['cdk8s', v.cdk8s], ['constructs', v.constructs]]) {
    const loaded = resolvedFromAppAndLibrary(dir, name);
    if (loaded.app !== loaded.library) {
      throw new ConsumerFailure(`TWO COPIES OF ${name.toUpperCase()}: the app loads ${loaded.app}, cdk8s-netkit loads ${loaded.library}. `
        + `${name} must be a peer dependency of cdk8s-netkit, never an ordinary one.`);
    }
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    if (installed !== version) throw new ConsumerFailure(`${name} ${installed} was installed, not ${version}`);
  }
  // The tests' and the benchmark's cdk8s-plus-27 (with backport, octokit, rxjs …) must not reach users.
  if (existsSync(join(dir, 'node_modules', 'cdk8s-plus-27'))) {
    throw new ConsumerFailure('cdk8s-plus-27 was installed with cdk8s-netkit: it is a devDependency, nothing in lib/ uses it.');
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]).sort();
}

/** Differences between the synthesized tree and expected/<entry>/, as readable lines. */
function compare(actualDir: string, expectedDir: string): string[] {
  const actual = filesUnder(actualDir);
  const expected = filesUnder(expectedDir);
  const problems: string[] = [];
  for (const f of expected.filter((e) => !actual.includes(e))) problems.push(`missing file ${f}`);
  for (const f of actual.filter((a) => !expected.includes(a))) problems.push(`unexpected file ${f}`);
  for (const f of actual.filter((a) => expected.includes(a))) {
    const want = readFileSync(join(expectedDir, f), 'utf8').split('\n');
    const got = readFileSync(join(actualDir, f), 'utf8').split('\n');
    const line = want.findIndex((l, i) => l !== got[i]);
    if (line >= 0 || want.length !== got.length) {
      const at = line >= 0 ? line : Math.min(want.length, got.length);
      problems.push(`${f} differs at line ${at + 1}:\n    expected: ${JSON.stringify(want[at])}\n    actual:   ${JSON.stringify(got[at])}`);
    }
  }
  return problems;
}

/**
 * Synthesizes one entry point and gathers what it published in one tree: a stock App writes everything to
 * its output folder (`dist/`); a NetkitApp writes the apps there and the cluster add-ons to `cluster-addons/`
 * beside it (docs/apply.md).
 */
function synth(dir: string, entry: string): string {
  const out = join(dir, `dist-${entry}`);
  run(process.execPath, [CDK8S_CLI, 'synth', '--app', `node js/${entry}.js`, '--output', out], dir, { CDK8S_CHECK_UPGRADE: 'false' });
  const tree = join(dir, `published-${entry}`);
  cpSync(out, join(tree, 'dist'), { recursive: true });
  const addons = join(dir, 'cluster-addons');
  if (existsSync(addons)) {
    cpSync(addons, join(tree, 'cluster-addons'), { recursive: true });
    rmSync(addons, { recursive: true, force: true });
  }
  return tree;
}

function testVersions(tarball: string, v: Versions, update: boolean): void {
  const dir = mkdtempSync(join(tmpdir(), `netkit-consumer-${v.label}-`));
  try {
    log(`[${v.label}] cdk8s ${v.cdk8s}, constructs ${v.constructs}: npm install (in ${dir})`);
    installApp(dir, tarball, v);
    checkSingleCopies(dir, v);
    log(`[${v.label}] tsc (type check, then compile the app)`);
    run(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], dir);
    for (const entry of ['stock', 'netkit']) {
      log(`[${v.label}] cdk8s synth, ${entry === 'stock' ? 'stock App' : 'NetkitApp'}`);
      const out = synth(dir, entry);
      const expected = join(EXPECTED, entry);
      if (update) {
        rmSync(expected, { recursive: true, force: true });
        mkdirSync(expected, { recursive: true });
        cpSync(out, expected, { recursive: true });
        continue;
      }
      const problems = compare(out, expected);
      if (problems.length > 0) {
        throw new ConsumerFailure(`[${v.label}] the ${entry} app's output differs from test/e2e/consumer/expected/${entry}/:\n  ${problems.join('\n  ')}`);
      }
    }
    // The installed command (compiled build/): no error finding in what the app wrote.
    log(`[${v.label}] npx cdk8s-netkit check published-netkit/ (dist/ and cluster-addons/)`);
    run(process.execPath, [join(dir, 'node_modules', 'cdk8s-netkit', 'bin', 'cdk8s-netkit.js'), 'check', join(dir, 'published-netkit')], dir);
    log(`[${v.label}] ok`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const update = process.argv.includes('--update');
  const cdk8s = option('--cdk8s');
  const constructs = option('--constructs');
  const packDir = mkdtempSync(join(tmpdir(), 'netkit-pack-'));
  try {
    let matrix = cdk8s || constructs
      ? [{ label: 'chosen', cdk8s: cdk8s ?? pkg.devDependencies.cdk8s, constructs: constructs ?? pkg.devDependencies.constructs }]
      : rangeEnds();
    if (update) matrix = matrix.slice(-1);
    const tarball = option('--tarball') ?? pack(packDir);
    log(`packed ${tarball}`);
    for (const v of matrix) testVersions(tarball, v, update);
    log(update ? `rewrote ${EXPECTED}` : 'consumer test passed');
    return 0;
  } catch (e) {
    if (!(e instanceof ConsumerFailure)) throw e;
    process.stderr.write(`\nCONSUMER TEST FAILED\n${e.message}\n`);
    return 1;
  } finally {
    rmSync(packDir, { recursive: true, force: true });
  }
}

process.exitCode = main();
