import { IConstruct } from 'constructs';
import { NetkitError, Problem } from './errors';

/**
 * The one Kubernetes release every construct, validator and policy rule
 * targets when the app names none: 1.35, the oldest minor release upstream
 * still patches at the end of 2026 that lies in the supported range. The
 * constructs write only fields that release has, the validators apply its
 * rules (relaxed env var names, kube-proxy's ipvs deprecation), and the
 * stable-API rule checks removals up to it.
 */
export const DEFAULT_KUBERNETES_VERSION = '1.35';

/**
 * The name this constant had when only the policy rules and WebApp read it.
 * @deprecated use DEFAULT_KUBERNETES_VERSION
 */
export const DEFAULT_TARGET_VERSION = DEFAULT_KUBERNETES_VERSION;

/**
 * The releases an app may target: 1.31 (the oldest whose API rules the
 * validators were derived from, k8s.io/kubernetes v1.31.1) to 1.36 (the
 * newest whose types were checked, k8s.io/kube-proxy v0.36.3).
 */
export const SUPPORTED_KUBERNETES_VERSIONS = { oldest: '1.31', newest: '1.36' } as const;

/** The construct context key that sets the app's target: `app.node.setContext(KUBERNETES_VERSION_CONTEXT, '1.34')` before adding charts. */
export const KUBERNETES_VERSION_CONTEXT = 'cdk8s-netkit:kubernetesVersion';

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

/** `{ major: 1, minor: 35 }` → `1.35`. */
export function formatKubernetesVersion(version: KubernetesMinorVersion): string {
  return `${version.major}.${version.minor}`;
}

/** The problem to report for a version string that is not one. */
export function kubernetesVersionProblem(field: string, text: string): Problem | undefined {
  const version = typeof text === 'string' ? parseKubernetesVersion(text) : undefined;
  if (version && version.major === 1) return undefined;
  return {
    field, message: 'is not a Kubernetes release.', value: text, allowed: '"1.<minor>", optionally with "v" and a patch, e.g. "1.35" or "v1.35.2"',
    fix: 'give the version your nodes run (`kubectl version` shows it).',
  };
}

const SUPPORTED_RANGE = `${SUPPORTED_KUBERNETES_VERSIONS.oldest} to ${SUPPORTED_KUBERNETES_VERSIONS.newest}`;

/**
 * The problem to report for an app-wide target that is not a release or lies
 * outside {@link SUPPORTED_KUBERNETES_VERSIONS}: the validators know the rules
 * of those releases only, so a check against another would be a guess.
 */
export function supportedKubernetesVersionProblem(field: string, text: string): Problem | undefined {
  const notRelease = kubernetesVersionProblem(field, text);
  if (notRelease) return { ...notRelease, allowed: `a release from ${SUPPORTED_RANGE}, e.g. "${DEFAULT_KUBERNETES_VERSION}"` };
  const version = parseKubernetesVersion(text)!;
  const oldest = parseKubernetesVersion(SUPPORTED_KUBERNETES_VERSIONS.oldest)!;
  const newest = parseKubernetesVersion(SUPPORTED_KUBERNETES_VERSIONS.newest)!;
  if (version.minor >= oldest.minor && version.minor <= newest.minor) return undefined;
  const older = version.minor < oldest.minor;
  return {
    field,
    message: `is outside the supported range ${SUPPORTED_RANGE}: cdk8s-netkit checks manifests against the API rules of those releases only.`,
    value: text,
    allowed: SUPPORTED_RANGE,
    fix: older
      ? `upgrade the cluster to ${SUPPORTED_KUBERNETES_VERSIONS.oldest} or later (${formatKubernetesVersion(version)} is out of upstream support), or target ${SUPPORTED_KUBERNETES_VERSIONS.oldest}.`
      : `target ${SUPPORTED_KUBERNETES_VERSIONS.newest}, the newest release this version of cdk8s-netkit knows, or upgrade cdk8s-netkit.`,
  };
}

/** True when `version` is `1.<minor>` or later. */
export function atLeast(version: KubernetesMinorVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}

/** The target set by {@link setKubernetesVersion}, per app root. */
const targets = new WeakMap<IConstruct, string>();

/**
 * Sets the Kubernetes release every construct of `app` (and the policy checks
 * of its synth) targets; what NetkitApp's `kubernetesVersion` prop does for a
 * stock cdk8s App. Call it before adding constructs: a construct reads the
 * target when it is created.
 *
 * @throws NetkitError when `version` is not a release from 1.31 to 1.36.
 */
export function setKubernetesVersion(app: IConstruct, version: string): void {
  const problem = supportedKubernetesVersionProblem('kubernetesVersion', version);
  if (problem) throw new NetkitError(app.node.path || 'app', problem);
  targets.set(app.node.root, version);
}

/**
 * The Kubernetes release `scope` targets: what {@link setKubernetesVersion}
 * (or NetkitApp's `kubernetesVersion`) set on its app, else the context key
 * {@link KUBERNETES_VERSION_CONTEXT}, else {@link DEFAULT_KUBERNETES_VERSION}.
 *
 * @throws NetkitError when the context key holds a release outside the supported range.
 */
export function targetKubernetesVersion(scope: IConstruct): KubernetesMinorVersion {
  return parseKubernetesVersion(targetKubernetesVersionText(scope))!;
}

/** {@link targetKubernetesVersion} as the text the user wrote (`1.34`, `v1.34.2`), for messages. */
export function targetKubernetesVersionText(scope: IConstruct): string {
  const set = targets.get(scope.node.root);
  if (set !== undefined) return set;
  const context: unknown = scope.node.tryGetContext(KUBERNETES_VERSION_CONTEXT);
  if (context === undefined) return DEFAULT_KUBERNETES_VERSION;
  const text = typeof context === 'number' ? String(context) : context as string;
  const problem = supportedKubernetesVersionProblem(`context "${KUBERNETES_VERSION_CONTEXT}"`, text);
  if (problem) throw new NetkitError(scope.node.root.node.path || 'app', problem);
  return text;
}
