import { labelProblems, labelsAreValid } from '../../core/metadata-validation';
import { problemViolations } from '../engine';
import { PolicyObject, Rule, RuleViolation } from '../types';

/** The findings of one label map of an object (a field that is not a map has none), added to `out`. */
function addLabelViolations(out: RuleViolation[], object: PolicyObject, field: string, labels: unknown): void {
  if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return;
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: labelProblems finds nothing in a map labelsAreValid calls clean.
  if (labelsAreValid(labels)) return;
  const problems = labelProblems(field, labels as Record<string, string>);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
  if (problems.length > 0) out.push(...problemViolations(object, problems));
}

/**
 * The label findings of one object: the same check as the constructs' (labelProblems), on every
 * label map (metadata, a Service's selector, a selector's matchLabels, a pod template's labels).
 * No list of the maps is made: this runs on every object of every synth.
 */
function labelViolations(out: RuleViolation[], object: PolicyObject): void {
  const manifest = object.manifest;
  addLabelViolations(out, object, 'metadata.labels', manifest.metadata?.labels);
  // The spec is read once (every map below is under it): this runs for every object of every synth, mostly before V8 optimizes it.
  const spec = manifest.spec;
  if (spec === undefined || spec === null) return;
  if (manifest.kind === 'Service') addLabelViolations(out, object, 'spec.selector', spec.selector);
  const matchLabels = spec.selector?.matchLabels;
  // Stryker disable next-line ConditionalExpression: equivalent, an unset map has no label to judge
  if (matchLabels) addLabelViolations(out, object, 'spec.selector.matchLabels', matchLabels);
  const templateLabels = spec.template?.metadata?.labels;
  // Stryker disable next-line ConditionalExpression: equivalent, an unset map has no label to judge
  if (templateLabels) addLabelViolations(out, object, 'spec.template.metadata.labels', templateLabels);
}

export const labelValuesValid: Rule = {
  id: 'label-values-valid',
  severity: 'error',
  severityReason: 'The API server rejects label keys and values of the wrong syntax.',
  description: 'Label keys and values (metadata, selectors, pod templates) have the syntax the API server accepts.',
  fix: 'Use label keys like "app.kubernetes.io/name" and values of at most 63 letters, digits, "-", "_" and ".", starting and ending alphanumeric (quote numbers and booleans).',
  check: (context) => {
    const out: RuleViolation[] = [];
    const objects = context.objects;
    for (let i = 0; i < objects.length; i++) labelViolations(out, objects[i]);
    return out;
  },
};
