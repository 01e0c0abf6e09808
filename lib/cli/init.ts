/**
 * `cdk8s-netkit init [dir] [--package <spec>]`: writes a ready cdk8s project
 * (package.json, tsconfig.json, cdk8s.yaml, main.ts, main.test.ts,
 * .gitignore) from the templates shipped in templates/init/. After
 * `npm install`, `npx cdk8s synth` and `npm test` pass in it.
 *
 * It never overwrites: when any file it would write exists, it lists them
 * and writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CliCommand, CliIo } from './main';

/** The root of the running cdk8s-netkit package (a checkout, or an installed copy). */
export const PACKAGE_DIR = join(__dirname, '..', '..');

/** Template files whose name npm would not ship as is (`npm pack` drops `.gitignore`). */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/**
 * The dependency spec a new project gets for cdk8s-netkit, from where the
 * running copy came from:
 * - a git checkout: `file:<checkout>` (installed as a packed copy, see `.npmrc` in {@link projectFiles});
 * - `npx <tarball or folder> init`: the spec npx was given, as npx recorded it
 *   in its cache folder's package.json (a `file:` path);
 * - an installed release: `^<version>`.
 */
export function defaultPackageSpec(packageDir: string = PACKAGE_DIR): string {
  const pkg = readPackageJson(packageDir);
  if (existsSync(join(packageDir, 'lib', 'cli', 'init.ts'))) return `file:${resolve(packageDir)}`;
  // npx installs into <cache>/_npx/<hash>/node_modules/<name> and lists what it installed in <cache>/_npx/<hash>/package.json.
  const parts = resolve(packageDir).split(sep);
  const nodeModules = parts.lastIndexOf('node_modules');
  if (nodeModules > 0 && parts[nodeModules - 2] === '_npx') {
    const npxRoot = parts.slice(0, nodeModules).join(sep);
    const spec = existsSync(join(npxRoot, 'package.json')) ? readPackageJson(npxRoot).dependencies?.[pkg.name] : undefined;
    // npx records a tarball or folder relative to its cache folder.
    if (spec?.startsWith('file:')) return `file:${resolve(npxRoot, spec.slice('file:'.length))}`;
  }
  return `^${pkg.version}`;
}

/**
 * A `file:` spec as the new package.json needs it: npm reads a relative path
 * from the project folder, so a path given relative to `base` (the shell's
 * folder) is rewritten relative to the project. Other specs stay as they are.
 */
export function projectFileSpec(spec: string, base: string, projectDir: string): string {
  if (!spec.startsWith('file:')) return spec;
  const target = resolve(base, spec.slice('file:'.length));
  const rel = relative(resolve(base, projectDir), target).split(sep).join('/');
  return `file:${rel === '' ? '.' : rel}`;
}

/** Whether a spec names a folder on disk (a checkout) rather than a tarball or a registry release. */
function isFolderSpec(spec: string): boolean {
  return spec.startsWith('file:') && !/\.(tgz|tar\.gz)$/.test(spec);
}

/** An npm package name from a folder name: lower case, only the characters npm allows. */
function projectName(dir: string): string {
  const name = basename(resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return name || 'netkit-app';
}

/** `^x.y.z` for an exact version; a range as it is. */
function caret(version: string): string {
  return /^\d/.test(version) ? `^${version}` : version;
}

/**
 * The new project's package.json. cdk8s and constructs get the range
 * cdk8s-netkit accepts (its peer range, or the version it depends on), so npm
 * installs one copy of each; the tools get the releases this package is
 * tested with. TypeScript stays below 7 (ts-jest does not support 7), and
 * there is no ts-node: synth runs through `cdk8s-netkit/register`.
 */
export function projectPackageJson(name: string, packageSpec: string, netkit: PackageJson): Record<string, unknown> {
  const runtime = (dep: string): string => {
    const range = netkit.peerDependencies?.[dep] ?? netkit.dependencies?.[dep];
    if (!range) throw new Error(`${netkit.name} declares no version of ${dep}`);
    return range;
  };
  const tool = (dep: string): string => {
    const version = netkit.devDependencies?.[dep];
    if (!version) throw new Error(`${netkit.name} has no dev dependency ${dep} to take the version from`);
    return caret(version);
  };
  return {
    name,
    version: '0.1.0',
    private: true,
    scripts: { synth: 'cdk8s synth', typecheck: 'tsc --noEmit', test: 'jest' },
    dependencies: { 'cdk8s': runtime('cdk8s'), 'cdk8s-netkit': packageSpec, 'constructs': runtime('constructs') },
    devDependencies: Object.fromEntries(['@types/jest', '@types/node', 'cdk8s-cli', 'jest', 'ts-jest', 'typescript'].map((d) => [d, tool(d)])),
    // ts-jest type-checks each test and what it imports (main.ts).
    jest: { preset: 'ts-jest', testEnvironment: 'node', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '/dist/'] },
  };
}

/** Every file `init` writes, by path relative to the project folder. */
export function projectFiles(dir: string, packageSpec: string, packageDir: string = PACKAGE_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const netkit = readPackageJson(packageDir);
  files.set('package.json', `${JSON.stringify(projectPackageJson(projectName(dir), packageSpec, netkit), null, 2)}\n`);
  const templates = join(packageDir, 'templates', 'init');
  for (const entry of readdirSync(templates).sort()) {
    files.set(RENAMED[entry] ?? entry, readFileSync(join(templates, entry), 'utf8'));
  }
  // A folder dependency is symlinked by default, and then resolves cdk8s from the checkout's own
  // node_modules: two copies of cdk8s, whose types and objects do not mix. install-links makes npm
  // install it as a packed copy (its `files`), whose dependencies come from this project.
  if (isFolderSpec(packageSpec)) files.set('.npmrc', 'install-links=true\n');
  return files;
}

/** For a folder spec (a checkout) whose compiled build/ is missing, the folder: npm installs only what `files` lists. */
function unbuiltFolder(spec: string, projectDir: string): string | undefined {
  if (!isFolderSpec(spec)) return undefined;
  const folder = resolve(projectDir, spec.slice('file:'.length));
  return existsSync(join(folder, 'build', 'index.js')) ? undefined : folder;
}

/** Thrown when files exist where `init` would write; nothing has been written. */
export class InitRefusedError extends Error {
  constructor(public readonly dir: string, public readonly existing: readonly string[], message?: string) {
    super(message ?? `${dir}: ${existing.length === 1 ? 'a file' : 'files'} already exist${existing.length === 1 ? 's' : ''} where init would write: ${existing.join(', ')}. `
      + 'Nothing was written. Run init in a new or empty folder, or move these files away first.');
    this.name = 'InitRefusedError';
  }
}

/** Writes the project into `dir` (created if missing); returns the paths written. */
export function initProject(dir: string, packageSpec: string = defaultPackageSpec()): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InitRefusedError(dir, [], `${dir} is a file, not a folder. Nothing was written.`);
  const files = projectFiles(dir, packageSpec);
  const existing = [...files.keys()].filter((f) => existsSync(join(dir, f)));
  if (existing.length > 0) throw new InitRefusedError(dir, existing);
  for (const [file, text] of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text, { flag: 'wx' });
  }
  return [...files.keys()];
}

const USAGE = 'Usage: cdk8s-netkit init [dir] [--package <spec>]\n';

function parseArgs(args: readonly string[]): { dir: string; packageSpec?: string } | string {
  let dir: string | undefined;
  let packageSpec: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--package') {
      packageSpec = args[++i];
      if (!packageSpec) return '--package needs a spec: a version range, a file: path or a git URL.';
    } else if (arg.startsWith('--package=')) {
      packageSpec = arg.slice('--package='.length);
    } else if (arg.startsWith('-')) {
      return `unknown option "${arg}".`;
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `one folder at most, got "${dir}" and "${arg}".`;
    }
  }
  return { dir: dir ?? '.', packageSpec };
}

export const initCommand: CliCommand = {
  summary: 'write a new cdk8s project using cdk8s-netkit into [dir] (default: here)',
  run(args: string[], io: CliIo): number {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${USAGE}\n  --package <spec>  how package.json depends on cdk8s-netkit (default: ${defaultPackageSpec()})\n`);
      return 0;
    }
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(`cdk8s-netkit init: ${parsed}\n${USAGE}`);
      return 2;
    }
    const spec = projectFileSpec(parsed.packageSpec ?? defaultPackageSpec(), process.cwd(), parsed.dir);
    const unbuilt = unbuiltFolder(spec, parsed.dir);
    if (unbuilt) io.err(`cdk8s-netkit init: ${unbuilt} has no build/ yet: run \`npm install && npm run build\` there before \`npm install\` here.\n`);
    try {
      const written = initProject(parsed.dir, spec);
      io.out([
        `Wrote ${written.join(', ')} in ${resolve(parsed.dir)} (cdk8s-netkit: ${spec}).`,
        'Next:',
        ...(parsed.dir === '.' ? [] : [`  cd ${parsed.dir}`]),
        '  npm install',
        '  npx cdk8s synth    # writes dist/',
        '  npm test',
        '',
      ].join('\n'));
      return 0;
    } catch (e) {
      if (e instanceof InitRefusedError) {
        io.err(`cdk8s-netkit init: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  },
};
