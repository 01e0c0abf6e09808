import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

// A user's first `npx cdk8s synth` of the example should print nothing to act on: the example
// acknowledges what it chooses (ipvs, ingress-nginx, port 80, a NodePort Service).
test('synthesizing the example app prints no warning and no finding', () => {
  const parent = mkdtempSync(join(tmpdir(), 'netkit-quiet-'));
  try {
    const result = spawnSync(process.execPath, ['-r', join(root, 'scripts', 'register-ts.js'), join(root, 'main.ts')], {
      cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, CDK8S_OUTDIR: join(parent, 'dist') },
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
