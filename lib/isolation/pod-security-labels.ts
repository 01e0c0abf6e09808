import { ApiObject } from 'cdk8s';
import { DEFAULT_KUBERNETES_VERSION } from '../core/kubernetes-version';
import { IConstruct } from 'constructs';
import { apiObjectJson, constructsBelow } from '../core/synthesized';
import { podTemplateOfManifest } from '../policy/context';
import { PodSecurityLevel, podSecurityViolations } from './pod-security';

/** On a Namespace whose derived level is privileged: which pods need it. */
export const POD_SECURITY_REASONS_ANNOTATION = 'netkit.io/pod-security';

/** The label prefix Pod Security Admission reads on a Namespace. */
export const POD_SECURITY_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/**
 * The Pod Security Admission labels for one level: `enforce` rejects a pod
 * that breaks it, `audit` records it, `warn` tells `kubectl` users. Each mode
 * is pinned to a Kubernetes minor version, so a cluster upgrade that tightens
 * a level's definition cannot start rejecting pods that were accepted; the
 * version is the app's target release (`targetKubernetesVersionText`).
 */
export function podSecurityLabels(level: PodSecurityLevel, version: string = DEFAULT_KUBERNETES_VERSION): Record<string, string> {
  const pinned = `v${version.replace(/^v/, '').split('.').slice(0, 2).join('.')}`;
  const labels: Record<string, string> = {};
  for (const mode of ['enforce', 'audit', 'warn']) {
    labels[`${POD_SECURITY_LABEL_PREFIX}${mode}`] = level;
    labels[`${POD_SECURITY_LABEL_PREFIX}${mode}-version`] = pinned;
  }
  return labels;
}

/**
 * The level a construct declared for the pods of one workload object (a WebApp for its
 * Deployment: its security profile), so the level of a chart of WebApps is known without
 * rendering their manifests once more.
 */
const declaredLevels = new WeakMap<ApiObject, PodSecurityLevel>();

/** Records the level the pods of `workload` meet. */
export function declarePodSecurityLevel(workload: ApiObject, level: PodSecurityLevel): void {
  declaredLevels.set(workload, level);
}

/** The levels, strictest first. */
const STRICTEST_FIRST: readonly PodSecurityLevel[] = ['restricted', 'baseline', 'privileged'];

/** What the level derived for a chart rests on. */
export interface DerivedPodSecurity {
  readonly level: PodSecurityLevel;
  /** The pods that keep the level below baseline, with the first control each breaks; empty otherwise. */
  readonly reasons: readonly string[];
}

/**
 * The strictest level that admits every pod template the objects below `scope`
 * write (a WebApp with the restricted profile meets `restricted`, the default
 * profile `baseline`), judged by {@link podSecurityViolations}: the
 * Namespace then enforces what its pods are. `baseline` when there is no pod
 * template (pods may come from elsewhere: a Gateway's data plane, `kubectl run`).
 * Below baseline only when a pod needs it (host ports, host network, privileged),
 * and then the reasons are stated on the Namespace.
 */
export function derivePodSecurity(scope: IConstruct): DerivedPodSecurity {
  let level: PodSecurityLevel | undefined;
  const reasons: string[] = [];
  for (const construct of constructsBelow(scope)) {
    if (!ApiObject.isApiObject(construct) || !WORKLOAD_KINDS.has(construct.kind)) continue;
    const declared = declaredLevels.get(construct);
    if (declared !== undefined) {
      if (level === undefined || STRICTEST_FIRST.indexOf(declared) > STRICTEST_FIRST.indexOf(level)) level = declared;
      continue;
    }
    const manifest = apiObjectJson(construct);
    const template = podTemplateOfManifest(manifest);
    if (!template) continue;
    const admitted = STRICTEST_FIRST.find((l) => podSecurityViolations(template.spec, l, template.metadata?.annotations ?? {}).length === 0) ?? 'privileged';
    if (admitted === 'privileged') {
      const first = podSecurityViolations(template.spec, 'baseline', template.metadata?.annotations ?? {})[0];
      reasons.push(`${manifest.kind} ${manifest.metadata?.name}: ${first ? `${first.field} (${first.control})` : 'see the ns-pod-security-admits check'}`);
    }
    if (level === undefined || STRICTEST_FIRST.indexOf(admitted) > STRICTEST_FIRST.indexOf(level)) level = admitted;
  }
  return { level: level ?? 'baseline', reasons };
}

const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Rollout']);
