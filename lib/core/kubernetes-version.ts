import { Problem } from './errors';

/**
 * The oldest Kubernetes minor version the manifests are meant to run on, when
 * none is given: what the policy rules check removed APIs against and what
 * WebApp picks fields for (a field a 1.33 API server drops is never written).
 */
export const DEFAULT_TARGET_VERSION = '1.33';

/** A Kubernetes release, to the minor version. */
export interface KubernetesMinorVersion {
  readonly major: number;
  readonly minor: number;
}

/** `1.35`, `v1.35`, `1.35.2`, `v1.36.0-rc.1` → `{ major: 1, minor: 35 }`; undefined for anything else. */
export function parseKubernetesVersion(text: string): KubernetesMinorVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** The problem to report for a version string that is not one. */
export function kubernetesVersionProblem(field: string, text: string): Problem | undefined {
  const version = parseKubernetesVersion(text);
  if (version && version.major === 1) return undefined;
  return {
    field, message: 'is not a Kubernetes release.', value: text, allowed: '"1.<minor>", optionally with "v" and a patch, e.g. "1.35" or "v1.35.2"',
    fix: 'give the version your nodes run (`kubectl version` shows it).',
  };
}

/** True when `version` is `1.<minor>` or later. */
export function atLeast(version: KubernetesMinorVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}
