import { SKIP_ANNOTATION_PREFIX } from '../../core/annotations';
import { closest } from '../suggest';
import { Rule, RuleViolation } from '../types';

export const skipHasReason: Rule = {
  id: 'skip-has-reason',
  severity: 'warning',
  severityReason: 'Very likely a mistake: a skip without a reason, or for a rule that does not exist, has no effect.',
  description: `Every ${SKIP_ANNOTATION_PREFIX}<rule-id> annotation names an existing rule and gives a reason (a skip without one does not apply).`,
  fix: `Write why the rule does not apply as the value: ${SKIP_ANNOTATION_PREFIX}host-network-ports: "bare-metal ingress controller binds 80/443".`,
  check: (context) => {
    // Read at call time: rules/index.ts imports this file.
    const { RULES } = require('./index') as typeof import('./index');
    const ids = new Set(RULES.map((r) => r.id));
    const out: RuleViolation[] = [];
    const objects = context.objects;
    // An indexed loop: runs for every object of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      const annotations = o.manifest.metadata?.annotations;
      if (!annotations || typeof annotations !== 'object') continue;
      for (const [key, value] of Object.entries(annotations)) {
        if (!key.startsWith(SKIP_ANNOTATION_PREFIX)) continue;
        const id = key.slice(SKIP_ANNOTATION_PREFIX.length);
        if (!ids.has(id)) {
          const near = closest(id, ids);
          out.push({
            object: o, message: `metadata.annotations["${key}"] skips "${id}", which is not a rule, so it skips nothing.`,
            fix: near !== undefined ? `Did you mean ${SKIP_ANNOTATION_PREFIX}${near}?` : 'Use the id of a rule from the rules table (the rule a finding names).',
          });
        }
        else if (typeof value !== 'string' || value.trim() === '') out.push({ object: o, message: `metadata.annotations["${key}"] has no reason, so the skip does not apply.` });
      }
    }
    return out;
  },
};
