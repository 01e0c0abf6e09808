import { Rule, RuleViolation } from '../types';

const SELECTING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

export const depSelectorMatchesTemplate: Rule = {
  id: 'dep-selector-matches-template',
  severity: 'error',
  severityReason: 'The API server rejects a workload whose selector does not match its pod template ("selector does not match template labels").',
  description: "A workload's spec.selector.matchLabels are all present on its pod template (the API server rejects it otherwise).",
  fix: 'Make spec.selector.matchLabels a subset of spec.template.metadata.labels.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const kind of SELECTING_KINDS) {
      for (const o of context.ofKind(kind)) {
        const match: Record<string, string> = o.manifest.spec?.selector?.matchLabels ?? {};
        const labels: Record<string, string> = o.manifest.spec?.template?.metadata?.labels ?? {};
        const missing = Object.entries(match).filter(([k, v]) => labels[k] !== v);
        if (missing.length > 0) {
          out.push({ object: o, message: `spec.selector.matchLabels ${missing.map(([k, v]) => `${k}=${v}`).join(', ')} not on spec.template.metadata.labels.` });
        }
      }
    }
    return out;
  },
};
