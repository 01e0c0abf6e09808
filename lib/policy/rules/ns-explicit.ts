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
    // apiVersion → kind → whether such an object is judged: a large app has a handful of kinds, and looking one up
    // here costs less than the schema table's `apiVersion/kind` key built for every object of every synth.
    const judged = new Map<string, Map<string, boolean>>();
    const objects = context.objects;
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, an object without apiVersion or kind has no schema type: not judged
      if (!o.apiVersion || !o.kind) continue;
      let kinds = judged.get(o.apiVersion);
      // Stryker disable next-line ConditionalExpression: equivalent, a cache: a new map for the apiVersion only judges its kinds again.
      if (kinds === undefined) judged.set(o.apiVersion, (kinds = new Map()));
      let judge = kinds.get(o.kind);
      // Stryker disable next-line ConditionalExpression: equivalent, a cache: judging the kind again gives the same answer
      if (judge === undefined) {
        // Custom resources may be cluster-scoped; only kinds the schemas know are judged.
        judge = !isClusterScoped(o.kind) && !!schemaTypeOf(o.apiVersion, o.kind);
        kinds.set(o.kind, judge);
      }
      if (!judge) continue;
      if (typeof o.manifest.metadata?.namespace !== 'string' || o.manifest.metadata.namespace === '') {
        out.push({ object: o, message: 'has no metadata.namespace: it goes to whatever namespace the applying tool defaults to.' });
      }
    }
    return out;
  },
};
