import { isClusterScoped } from '../../core/cluster-scoped';
import { schemaTypeOf } from '../schema/known-fields';
import { Rule, RuleViolation } from '../types';

export const nsExplicit: Rule = {
  id: 'ns-explicit',
  severity: 'info',
  severityReason: 'Advice: kustomize, Helm and GitOps tools often set the namespace on purpose, so leaving it out is not a mistake.',
  description: 'Every namespaced built-in object names its namespace, so it lands in the same place whatever namespace kubectl\'s context or a GitOps tool defaults to.',
  fix: 'Set metadata.namespace (NetkitChart and the library\'s constructs always do).',
  check: (context) => {
    const out: RuleViolation[] = [];
    const objects = context.objects;
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, an object without apiVersion or kind has no schema type: not judged
      if (!o.apiVersion || !o.kind) continue;
      // Custom resources may be cluster-scoped; only kinds the schemas know are judged (schemaTypeOf remembers its answers).
      if (isClusterScoped(o.kind) || !schemaTypeOf(o.apiVersion, o.kind)) continue;
      if (typeof o.manifest.metadata?.namespace !== 'string' || o.manifest.metadata.namespace === '') {
        out.push({ object: o, message: 'has no metadata.namespace: it goes to whatever namespace the applying tool defaults to.' });
      }
    }
    return out;
  },
};
