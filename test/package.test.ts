import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

// Users import the constructs from npm: `import { WebApp } from 'cdk8s-netkit'`.
describe('the npm package', () => {
  test('is named cdk8s-netkit and points main/types/exports at the compiled lib/index.ts', () => {
    expect(pkg.name).toBe('cdk8s-netkit');
    expect(pkg.main).toBe('build/index.js');
    expect(pkg.types).toBe('build/index.d.ts');
    expect(pkg.exports['.']).toEqual({ types: './build/index.d.ts', default: './build/index.js' });
    expect(pkg.exports['./jest-setup'].default).toBe('./build/policy/jest-setup.js');
    expect(pkg.files).toEqual(['build/', 'bin/', 'LICENSE', 'register.js', 'templates/', 'README.md']);
    expect(pkg.exports['./register']).toBe('./register.js');
    // `npm pack` and `npm publish` build first, so build/ is never missing or stale in a package. Not `prepare`:
    // npm lists that as an install script of the dependency and warns every user about it.
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(pkg.scripts.prepare).toBeUndefined();
  });

  test('cdk8s and constructs are peer dependencies, never ordinary ones (two copies break the types and the synth)', () => {
    for (const name of ['cdk8s', 'constructs']) {
      expect(pkg.dependencies[name]).toBeUndefined();
      expect(pkg.peerDependencies[name]).toMatch(/^\^\d+\.\d+\.\d+$/);
      // This repository builds and tests against one exact version inside the range.
      expect(pkg.devDependencies[name]).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  test('the runtime dependencies and peers are exactly the packages lib/ and the shipped register.js import', () => {
    // cdk8s-plus-27 (with its optional backport: octokit, graphql, rxjs, lodash) is for the tests and the benchmark only.
    const imported = new Set<string>();
    for (const file of [...tsFiles(join(root, 'lib')), join(root, 'register.js')]) {
      // Import statements and require calls only: a quoted string after the word "from" in code is no import.
      for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^';]*\bfrom\s*'([^'.][^']*)'|\brequire\(\s*'([^'.][^']*)'\s*\)/gm)) {
        const name = m[1] ?? m[2];
        if (name.startsWith('node:')) continue;
        imported.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]);
      }
    }
    expect([...imported].sort()).toEqual([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)].sort());
  });

  test('ships the Apache-2.0 license its package.json names', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = readFileSync(join(root, 'LICENSE'), 'utf8');
    expect(license).toContain('Apache License\n                           Version 2.0, January 2004');
    expect(license).toContain('END OF TERMS AND CONDITIONS');
  });

  test('npm run build compiles lib/ to JavaScript and declarations that export the constructs', () => {
    // Inside the project, so the compiled files resolve cdk8s from node_modules as an installed package would.
    const out = mkdtempSync(join(root, '.build-test-'));
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { cwd: root, stdio: 'pipe' });
      expect(existsSync(join(out, 'index.d.ts'))).toBe(true);
      const built = require(join(out, 'index.js'));
      expect(typeof built.WebApp).toBe('function');
      expect(typeof built.ExposedService).toBe('function');
      expect(typeof built.NetkitChart).toBe('function');
      expect(readFileSync(join(out, 'index.d.ts'), 'utf8')).toContain("export * from './workload'");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
