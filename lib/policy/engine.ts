import { Construct, IConstruct } from 'constructs';
import { SKIP_ANNOTATION_PREFIX } from '../core/annotations';
import { describeProblem, Problem, throwIfProblems } from '../core/errors';
import { formatKubernetesVersion, targetKubernetesVersion } from '../core/kubernetes-version';
import { synthesizedObjects } from '../core/synthesized';
import { PolicyContext, RawObject } from './context';
import { PolicyRecord } from './policy-record';
import { ruleIdProblems, ruleIds } from './rule-ids';
import { RULES } from './rules';
import { Finding, PolicyObject, PolicyOptions, Rule, RuleViolation, Severity } from './types';

/**
 * What can be checked: an App, a Chart or any construct (its ApiObjects, with
 * construct paths), or manifests: plain objects, `readManifests` results
 * (with file and line) or `synthesizedObjects` results.
 */
export type PolicyInput = IConstruct | ReadonlyArray<RawObject | Record<string, any>>;

/** Errors first, then warnings, then infos: the order of reports, and how `failOn` thresholds compare. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Turns any accepted input into the engine's raw objects. */
export function policyObjectsOf(input: PolicyInput): RawObject[] {
  if (Construct.isConstruct(input)) return synthesizedObjects(input);
  const items = input as ReadonlyArray<any>;
  const out: RawObject[] = new Array(items.length);
  // An indexed loop without closure, over every object of the check. A manifest (an object or array that is not
  // a raw object) becomes the record the PolicyContext keeps for it (a RawObject too), not a wrapper it copies.
  for (let i = 0; i < items.length; i++) {
    // A hole stays a hole, as map left it.
    if (!(i in items)) continue;
    const item = items[i];
    if (item && typeof item === 'object' && 'manifest' in item && !('kind' in item)) out[i] = item;
    else out[i] = item && typeof item === 'object' && !Array.isArray(item) ? new PolicyRecord(item, undefined, undefined, undefined) : { manifest: item };
  }
  return out;
}

/** The reason given in the object's skip annotation for a rule; '' when the skip has no reason, undefined when there is no skip. */
export function skipReason(object: PolicyObject, ruleId: string): string | undefined {
  const value = object.manifest.metadata?.annotations?.[`${SKIP_ANNOTATION_PREFIX}${ruleId}`];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Runs every rule (minus `disabledRules`) over the objects and returns the
 * findings, errors first, then warnings, then infos; within a severity in
 * rule order, then object order, so output is stable. An object annotated
 * `netkit.io/skip-<rule-id>: "<reason>"` gets no finding from that rule.
 */
export function checkPolicies(input: PolicyInput, options: PolicyOptions = {}): Finding[] {
  throwIfProblems('checkPolicies()', ruleIdProblems('disabledRules', options.disabledRules));
  // A construct tree is checked against its app's target release unless the caller names one.
  const targeted = options.kubernetesVersion === undefined && !Array.isArray(input)
    ? { ...options, kubernetesVersion: formatKubernetesVersion(targetKubernetesVersion(input as IConstruct)) } : options;
  const context = new PolicyContext(policyObjectsOf(input), targeted);
  return runRules(context, RULES, targeted);
}

/** Runs the given rules over a prepared context; exported for custom rule sets. */
export function runRules(context: PolicyContext, rules: readonly Rule[], options: PolicyOptions = {}): Finding[] {
  if (options.disabledRules?.length) throwIfProblems('runRules()', ruleIdProblems('disabledRules', options.disabledRules, [...rules.map((r) => r.id), ...ruleIds()]));
  const disabled = new Set(options.disabledRules ?? []);
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (disabled.has(rule.id)) continue;
    let violations: RuleViolation[];
    try {
      violations = rule.check(context);
    } catch (e) {
      // Rules read well-formed objects; a malformed one (a null list item, a number where a
      // string belongs) must become a finding, never a stack trace that hides the other findings.
      // A warning: schema-valid reports the malformed field itself as an error, and a rule that
      // cannot run must not be what fails a synth.
      findings.push({
        rule: rule.id, severity: 'warning', kind: 'PolicyRule', name: rule.id,
        message: `could not run on these objects: ${(e as Error).message}.`,
        fix: 'Fix the schema-valid findings (malformed fields) first; the rule runs once the objects are well formed.',
      });
      continue;
    }
    for (const v of violations) {
      // A skip without a reason does not count; skip-has-reason reports it.
      if (skipReason(v.object, rule.id)) continue;
      findings.push(toFinding(rule, v));
    }
  }
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

function toFinding(rule: Rule, v: RuleViolation): Finding {
  const o = v.object;
  return {
    rule: rule.id,
    severity: v.severity ?? rule.severity,
    kind: o.kind,
    ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    name: o.name,
    ...(o.constructPath !== undefined ? { constructPath: o.constructPath } : {}),
    ...(o.file !== undefined ? { file: o.file } : {}),
    ...(o.line !== undefined ? { line: o.line } : {}),
    message: v.message,
    fix: v.fix ?? rule.fix,
  };
}

/** No violations: shared, since most objects have none. */
const NO_VIOLATIONS: readonly RuleViolation[] = Object.freeze([]);

/** One violation per {@link Problem}, worded as the constructs word their errors (the fix goes to the finding's fix). */
export function problemViolations(object: PolicyObject, problems: readonly Problem[]): readonly RuleViolation[] {
  return problems.length === 0 ? NO_VIOLATIONS
    : problems.map((p) => ({ object, message: describeProblem(p), fix: p.fix, ...(p.severity === 'warning' ? { severity: 'warning' as const } : {}) }));
}
