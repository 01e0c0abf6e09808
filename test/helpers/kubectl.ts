import { spawnSync } from 'node:child_process';

/** Whether a kubectl client is on PATH; the tests that run it need no cluster. */
export const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

/** Tests that run kubectl are skipped (and reported as skipped) where it is not installed. */
export const testWithKubectl = hasKubectl ? test : test.skip;

// maxBuffer: the Gateway API CRDs make dist/ over 1 MB, spawnSync's default limit (past it the child is killed).
// The timeout leaves room for a loaded machine: kustomize reads those CRDs too.
export function kubectl(args: readonly string[]) {
  return spawnSync('kubectl', [...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The files `kubectl apply -f <dir>` opens, relative to `dir`, sorted. With no
 * cluster, client-side validation fails on each file it reads and names it,
 * so the error list is exactly the list of files it would apply.
 */
export function filesKubectlApplyReads(dir: string, extraArgs: readonly string[] = []): string[] {
  const result = kubectl(['apply', '-f', dir, ...extraArgs, '--dry-run=client', '--request-timeout=2s']);
  return [...result.stderr.matchAll(/error validating "([^"]+)"/g)].map((m) => m[1].slice(dir.length + 1)).sort();
}
