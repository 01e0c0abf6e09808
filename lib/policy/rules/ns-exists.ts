import { BUILT_IN_NAMESPACES } from '../../core/chart';
import { Rule, RuleViolation } from '../types';

export const nsExists: Rule = {
  id: 'ns-exists',
  severity: 'warning',
  severityReason: 'kubectl apply fails when the namespace does not exist in the cluster, which these files alone cannot tell (info when they create no Namespace at all).',
  crossObject: true,
  description: "Every namespaced object's namespace is a Namespace of the app, a built-in one (default, kube-system, kube-public, kube-node-lease) or declared external.",
  fix: 'Add the Namespace to the app (NetkitChart does it for its namespace), fix the name, or declare it with the externalNamespaces option.',
  check: (context) => {
    const known = new Set([...BUILT_IN_NAMESPACES, ...(context.options.externalNamespaces ?? []), ...context.ofKind('Namespace').map((n) => n.name)]);
    const out: RuleViolation[] = [];
    for (const o of context.objects) {
      if (o.namespace !== undefined && !known.has(o.namespace)) {
        out.push({ object: o, message: `metadata.namespace "${o.namespace}" is not created by these manifests and is not declared external; kubectl apply fails with "namespaces not found".` });
      }
    }
    return out;
  },
};
