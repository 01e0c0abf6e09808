import { isPodSecurityLevel, PodSecurityLevel, podSecurityViolations, POD_SECURITY_LEVELS, POD_SECURITY_MODES } from '../../isolation/pod-security';
import { PodTemplate } from '../context';
import { Rule, RuleViolation } from '../types';

const LABEL = 'pod-security.kubernetes.io/';

/** specPath → the keys leading to the pod template: a handful of distinct paths, split once instead of once per template. */
const templateKeys = new Map<string, readonly string[]>();

function keysOf(template: PodTemplate): readonly string[] {
  let keys = templateKeys.get(template.specPath);
  if (!keys) templateKeys.set(template.specPath, (keys = template.specPath.split('.').slice(0, -1)));
  return keys;
}

/** The path of the pod template (`spec.template`), or '' for a Pod: its metadata sits beside its spec. */
const templatePath = (template: PodTemplate) => keysOf(template).join('.');

/** The pod template's annotations (AppArmor used to be set there). */
function templateAnnotations(template: PodTemplate): Readonly<Record<string, string>> | undefined {
  let v: any = template.owner.manifest;
  const keys = keysOf(template);
  // An indexed loop: runs for every pod template of every synth, mostly before V8 optimizes it.
  // Stryker disable next-line OptionalChaining: equivalent, the path leads to the template the context found, so every step is set
  for (let k = 0; k < keys.length; k++) v = v?.[keys[k]];
  return v?.metadata?.annotations;
}

/** Where a violation's field is: an annotation under the template's metadata, any other field under its spec. */
function violationPath(template: PodTemplate, field: string): string {
  if (!field.startsWith('metadata.')) return `${template.specPath}.${field}`;
  const base = templatePath(template);
  return base ? `${base}.${field}` : field;
}

export const nsPodSecurityAdmits: Rule = {
  id: 'ns-pod-security-admits',
  severity: 'error',
  severityReason: 'The API server refuses the pods: a workload in a Namespace whose Pod Security `enforce` level it violates never runs a pod (audit and warn levels only log or warn: warning).',
  crossObject: true,
  description: 'The pod templates of workloads in a Namespace meet its Pod Security Admission levels (pod-security.kubernetes.io/enforce, audit, warn).',
  fix: "Change the pod's securityContext to meet the level (see the control named), or lower the Namespace's level and state why.",
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ns of context.ofKind('Namespace')) {
      const labels = ns.manifest.metadata?.labels;
      // The common case: no Pod Security label at all, nothing to do (this runs at every synth).
      if (!labels || !Object.keys(labels).some((k) => k.startsWith(LABEL))) continue;
      const enforce = labels[`${LABEL}enforce`];
      const modes = POD_SECURITY_MODES.map((mode) => ({ mode, level: labels[`${LABEL}${mode}`], version: labels[`${LABEL}${mode}-version`] ?? 'latest' }))
        .filter((m): m is { mode: typeof m.mode; level: PodSecurityLevel; version: string } => isPodSecurityLevel(m.level))
        // audit/warn at a level no stricter than enforce would only repeat the enforce finding.
        .filter((m) => m.mode === 'enforce' || !isPodSecurityLevel(enforce) || POD_SECURITY_LEVELS.indexOf(m.level) > POD_SECURITY_LEVELS.indexOf(enforce));
      if (modes.length === 0) continue;
      const templates = context.podTemplatesIn(ns.name);
      // Indexed loops without destructuring: they run for every pod template of every synth, mostly before V8 optimizes them.
      for (let t = 0; t < templates.length; t++) {
        const template = templates[t];
        for (let m = 0; m < modes.length; m++) {
          const mode = modes[m].mode;
          const level = modes[m].level;
          const version = modes[m].version;
          const violations = podSecurityViolations(template.spec, level, templateAnnotations(template));
          if (violations.length === 0) continue;
          const list = violations.map((v) => `${violationPath(template, v.field)} (${v.control}): ${v.message.replace(/\.$/, '')}`).join('; ');
          out.push({
            object: template.owner,
            severity: mode === 'enforce' ? 'error' : 'warning',
            message: mode === 'enforce'
              ? `Namespace "${ns.name}" enforces Pod Security "${level}" (${version}), which refuses the pods of ${template.owner.kind} ${ns.name}/${template.owner.name}: ${list}.`
              : `Namespace "${ns.name}" ${mode === 'audit' ? 'audits' : 'warns on'} Pod Security "${level}" (${version}), which the pods of ${template.owner.kind} ${ns.name}/${template.owner.name} violate: ${list}.`,
          });
        }
      }
    }
    return out;
  },
};
