import { IConstruct } from 'constructs';
import { DEFAULT_TARGET_VERSION } from '../core/kubernetes-version';

/**
 * A Pod Security Standard level (kubernetes.io/docs/concepts/security/pod-security-standards).
 * `privileged` allows everything (host network, privileged containers), `baseline` blocks known
 * privilege escalations, `restricted` also requires non-root, all capabilities dropped
 * (NET_BIND_SERVICE may be added back) and a seccomp profile.
 */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** The label prefix Pod Security Admission reads on a Namespace. */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/**
 * The Pod Security Admission labels for one level: `enforce` rejects a pod
 * that breaks it, `audit` records it, `warn` tells `kubectl` users. Each mode
 * is pinned to a Kubernetes minor version, so a cluster upgrade that tightens
 * a level's definition cannot start rejecting pods that were accepted.
 */
export function podSecurityLabels(level: PodSecurityLevel, version: string = DEFAULT_TARGET_VERSION): Record<string, string> {
  const pinned = `v${version.replace(/^v/, '').split('.').slice(0, 2).join('.')}`;
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    labels[`${POD_SECURITY_LABEL_PREFIX}${mode}`] = level;
    labels[`${POD_SECURITY_LABEL_PREFIX}${mode}-version`] = pinned;
  }
  return labels;
}

/** The level each construct that makes pods declared (a WebApp: its security profile). */
const declaredLevels = new WeakMap<IConstruct, PodSecurityLevel>();

/** Records the Pod Security level the pods `scope` makes satisfy. */
export function declarePodSecurityLevel(scope: IConstruct, level: PodSecurityLevel): void {
  declaredLevels.set(scope, level);
}

/**
 * The level a namespace can enforce for the pods constructs below `scope`
 * declared: `restricted` when there is at least one and all are restricted;
 * `baseline` otherwise. Pods made by other means (an ApiObject, an add-on)
 * declare nothing, and baseline is what the WebApp default profile and most
 * off-the-shelf images satisfy; the policy checks and
 * `podSecurity` on the chart cover the rest.
 */
export function podSecurityLevelOf(scope: IConstruct): PodSecurityLevel {
  let declared = 0;
  let restricted = 0;
  for (const construct of scope.node.findAll()) {
    const level = declaredLevels.get(construct);
    if (level === undefined) continue;
    declared++;
    if (level === 'restricted') restricted++;
  }
  return declared > 0 && declared === restricted ? 'restricted' : 'baseline';
}
