import { spawnSync } from 'node:child_process';

/** Whether a kubectl client is on PATH; the tests that run it need no cluster. */
export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** Tests that run kubectl are skipped (and reported as skipped) where it is not installed. */
export const testWithKubectl = hasKubectl ? test : test.skip;

export function kubectl(args: readonly string[]) {
  return spawnSync('kubectl', [...args], { encoding: 'utf8', timeout: 60_000 });
}
