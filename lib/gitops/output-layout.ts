import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The extensions `kubectl apply -f <dir>` reads (k8s.io/cli-runtime pkg/resource FileExtensions, v0.32). */
export const KUBECTL_MANIFEST_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml'];

/**
 * Whether `outdir` is the templates/ folder of a Helm chart, which is where
 * `cdk8s synth --format helm` points the app (CDK8S_OUTDIR=<chart>/templates,
 * with Chart.yaml one level up).
 */
export function isHelmTemplatesDir(outdir: string): boolean {
  return basename(outdir) === 'templates' && existsSync(join(outdir, '..', 'Chart.yaml'));
}
