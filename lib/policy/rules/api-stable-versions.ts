import { DEFAULT_KUBERNETES_VERSION, DEFAULT_TARGET_VERSION } from '../../core/kubernetes-version';
import { Rule, RuleViolation } from '../types';

/** The Kubernetes minor version checked against when none is given (shared with the constructs). */
export { DEFAULT_TARGET_VERSION };

/**
 * API versions Kubernetes removed, with the release that removed them and the
 * replacement (kubernetes.io/docs/reference/using-api/deprecation-guide, as of v1.33).
 */
const REMOVED: Record<string, { removedIn: string; use: string }> = {
  'extensions/v1beta1': { removedIn: '1.16', use: 'apps/v1 or networking.k8s.io/v1' },
  'apps/v1beta1': { removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta2': { removedIn: '1.16', use: 'apps/v1' },
  'networking.k8s.io/v1beta1': { removedIn: '1.22', use: 'networking.k8s.io/v1' },
  'admissionregistration.k8s.io/v1beta1': { removedIn: '1.22', use: 'admissionregistration.k8s.io/v1' },
  'apiextensions.k8s.io/v1beta1': { removedIn: '1.22', use: 'apiextensions.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1': { removedIn: '1.22', use: 'rbac.authorization.k8s.io/v1' },
  'certificates.k8s.io/v1beta1': { removedIn: '1.22', use: 'certificates.k8s.io/v1' },
  'coordination.k8s.io/v1beta1': { removedIn: '1.22', use: 'coordination.k8s.io/v1' },
  'policy/v1beta1': { removedIn: '1.25', use: 'policy/v1' },
  'batch/v1beta1': { removedIn: '1.25', use: 'batch/v1' },
  'discovery.k8s.io/v1beta1': { removedIn: '1.25', use: 'discovery.k8s.io/v1' },
  'autoscaling/v2beta1': { removedIn: '1.25', use: 'autoscaling/v2' },
  'autoscaling/v2beta2': { removedIn: '1.26', use: 'autoscaling/v2' },
  'flowcontrol.apiserver.k8s.io/v1beta1': { removedIn: '1.26', use: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta2': { removedIn: '1.29', use: 'flowcontrol.apiserver.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta3': { removedIn: '1.32', use: 'flowcontrol.apiserver.k8s.io/v1' },
  'storage.k8s.io/v1beta1': { removedIn: '1.27', use: 'storage.k8s.io/v1' },
};

/** Kinds whose removal from an apiVersion came later than the rest of it (deprecation guide: Ingress left extensions/v1beta1 in 1.22). */
const REMOVED_FOR_KIND: Record<string, { removedIn: string; use: string }> = {
  'extensions/v1beta1 Ingress': { removedIn: '1.22', use: 'networking.k8s.io/v1' },
};

/** Groups under k8s.io that CRDs serve, not the API server itself: their versions are not feature-gated (gw-* rules judge Gateway API versions). */
const CRD_GROUPS = new Set(['gateway.networking.k8s.io', 'certmanager.k8s.io']);

/** Compares `1.22` with `1.9` numerically. */
export function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** Whether an apiVersion belongs to Kubernetes itself (the core group or a *.k8s.io group, or a legacy unsuffixed one). */
function isKubernetesGroup(apiVersion: string): boolean {
  if (!apiVersion.includes('/')) return true;
  const group = apiVersion.split('/')[0];
  if (CRD_GROUPS.has(group) || group.endsWith('.x-k8s.io')) return false;
  return group.endsWith('.k8s.io') || !group.includes('.');
}

export const apiStableVersions: Rule = {
  id: 'api-stable-versions',
  severity: 'error',
  severityReason: 'The API server rejects a removed API version; an alpha one is off unless the cluster enables it (warning); a served beta one is advice (info).',
  description: 'Kubernetes objects use stable (GA) API versions, never alpha/beta ones or versions removed by the target Kubernetes version.',
  fix: 'Move the object to the stable API version (networking.k8s.io/v1 for Ingress, apps/v1 for workloads, policy/v1, batch/v1 …).',
  check: (context) => {
    const target = context.options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const out: RuleViolation[] = [];
    // What the rule says depends on the apiVersion and kind only: a large app has a handful of them, each judged once.
    const clean = new Map<string, Set<string>>();
    const objects = context.objects;
    // An indexed loop: runs for every object of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      let cleanKinds = clean.get(o.apiVersion);
      if (cleanKinds?.has(o.kind)) continue;
      const before = out.length;
      const removed = REMOVED_FOR_KIND[`${o.apiVersion} ${o.kind}`] ?? REMOVED[o.apiVersion];
      if (removed && compareMinor(removed.removedIn, target) <= 0) {
        out.push({ object: o, message: `apiVersion "${o.apiVersion}" was removed in Kubernetes ${removed.removedIn} (target ${target}); the API server will not accept it.`, fix: `Use ${removed.use}.` });
      } else if (isKubernetesGroup(o.apiVersion)) {
        const stage = /\/v\d+(alpha|beta)\d+$/.exec(o.apiVersion)?.[1];
        if (stage === 'alpha') {
          out.push({ object: o, severity: 'warning', message: `apiVersion "${o.apiVersion}" is an alpha API: the API server serves it only when the cluster enables it, and it may change or go without notice.` });
        } else if (stage === 'beta') {
          out.push({ object: o, severity: 'info', message: `apiVersion "${o.apiVersion}" is not a stable API version; it may be removed in a later release.` });
        }
      }
      if (out.length === before) {
        if (!cleanKinds) clean.set(o.apiVersion, (cleanKinds = new Set()));
        cleanKinds.add(o.kind);
      }
    }
    return out;
  },
};
