import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// The `cdk8s-netkit` command in a clone: lib/'s TypeScript through sucrase, never ts-node (4-5 s to start).
describe('bin/cdk8s-netkit.js in a clone', () => {
  test('runs the CLI from lib/ without loading ts-node', () => {
    const script = `
      process.argv.push('bin/cdk8s-netkit.js', '--help');
      require('./bin/cdk8s-netkit.js');
      process.on('exit', () => {
        const loaded = Object.keys(require.cache);
        console.log(JSON.stringify({
          tsNode: loaded.some((f) => f.includes('/node_modules/ts-node/')),
          fromLib: loaded.includes(${JSON.stringify(join(root, 'lib', 'cli', 'main.ts'))}),
        }));
      });`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(out).toContain('Usage: cdk8s-netkit <command>');
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ tsNode: false, fromLib: true });
  }, 60_000);
});
