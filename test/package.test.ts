import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Users import the constructs from npm: `import { WebApp } from 'cdk8s-netkit'`.
describe('the npm package', () => {
  test('is named cdk8s-netkit and points main/types at the compiled lib/index.ts', () => {
    expect(pkg.name).toBe('cdk8s-netkit');
    expect(pkg.main).toBe('build/index.js');
    expect(pkg.types).toBe('build/index.d.ts');
    expect(pkg.files).toContain('build/');
    expect(pkg.scripts.prepack).toBe('npm run build');
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
