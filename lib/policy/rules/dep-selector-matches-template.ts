import { Rule, RuleViolation } from '../types';

const SELECTING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];
const hasOwnProperty = Object.prototype.hasOwnProperty;

export const depSelectorMatchesTemplate: Rule = {
  id: 'dep-selector-matches-template',
  severity: 'error',
  severityReason: 'The API server rejects a workload whose selector does not match its pod template ("selector does not match template labels").',
  description: "A workload's spec.selector.matchLabels are all present on its pod template (the API server rejects it otherwise).",
  fix: 'Make spec.selector.matchLabels a subset of spec.template.metadata.labels.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Stryker disable next-line EqualityOperator: equivalent, one past the end asks for kind undefined, of which there is no object
    for (let s = 0; s < SELECTING_KINDS.length; s++) {
      const objects = context.ofKind(SELECTING_KINDS[s]);
      // Indexed loops, and a list of the missing labels only for a workload that has one: this runs for every
      // workload of every synth, mostly before V8 optimizes it (Object.entries and filter's closure cost more there).
      for (let i = 0; i < objects.length; i++) {
        const o = objects[i];
        const match: Record<string, string> = o.manifest.spec?.selector?.matchLabels ?? {};
        const labels: Record<string, string> = o.manifest.spec?.template?.metadata?.labels ?? {};
        let missing: string[] | undefined;
        // for-in with an own-key test lists what Object.entries did (own enumerable string keys, in the same order)
        // without making a list of them per workload.
        for (const key in match) {
          if (!hasOwnProperty.call(match, key)) continue;
          const value = match[key];
          if (labels[key] !== value) (missing ??= []).push(`${key}=${value}`);
        }
        if (missing !== undefined) {
          out.push({ object: o, message: `spec.selector.matchLabels ${missing.join(', ')} not on spec.template.metadata.labels.` });
        }
      }
    }
    return out;
  },
};
