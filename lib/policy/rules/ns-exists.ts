import { BUILT_IN_NAMESPACES } from '../../core/chart';
import { PolicyObject, Rule, RuleViolation } from '../types';

export const nsExists: Rule = {
  id: 'ns-exists',
  severity: 'warning',
  severityReason: 'kubectl apply fails when the namespace does not exist in the cluster, which these files alone cannot tell (info when they create no Namespace at all).',
  crossObject: true,
  description: "Every namespaced object's namespace is a Namespace of the app, a built-in one (default, kube-system, kube-public, kube-node-lease) or declared external.",
  fix: 'Add the Namespace to the app (NetkitChart does it for its namespace), fix the name, or declare it with the externalNamespaces option.',
  check: (context) => {
    const created = context.ofKind('Namespace');
    const known = new Set([...BUILT_IN_NAMESPACES, ...(context.options.externalNamespaces ?? []), ...created.map((n) => n.name)]);
    // Manifests that create no Namespace at all leave that to someone else (a platform team,
    // Argo CD's CreateNamespace, kubectl create namespace): nothing to judge by.
    const severity = created.length > 0 ? 'warning' : 'info';
    // One finding per missing namespace, on its first object: fifty objects do not make fifty findings.
    const missing = new Map<string, { first: PolicyObject; count: number }>();
    const objects = context.objects;
    // An indexed loop: runs for every object of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      if (o.namespace === undefined || known.has(o.namespace) || !o.apiVersion || !o.kind) continue;
      const seen = missing.get(o.namespace);
      if (seen) seen.count++;
      else missing.set(o.namespace, { first: o, count: 1 });
    }
    const out: RuleViolation[] = [];
    for (const [namespace, { first, count }] of missing) {
      const others = count > 1 ? ` (as do ${count - 1} other object(s))` : '';
      out.push({ object: first, severity, message: `metadata.namespace "${namespace}"${others} is not created by these manifests and is not declared external; kubectl apply fails with "namespaces not found" unless it exists in the cluster.` });
    }
    return out;
  },
};
