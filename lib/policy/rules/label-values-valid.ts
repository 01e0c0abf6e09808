import { labelProblems } from '../../core/metadata-validation';
import { problemViolations } from '../engine';
import { PolicyObject, Rule, RuleViolation } from '../types';

/** Where label maps live in an object, as paths. */
function labelMaps(manifest: any): Array<{ field: string; labels: unknown }> {
  const maps = [{ field: 'metadata.labels', labels: manifest.metadata?.labels }];
  if (manifest.kind === 'Service') maps.push({ field: 'spec.selector', labels: manifest.spec?.selector });
  if (manifest.spec?.selector?.matchLabels) maps.push({ field: 'spec.selector.matchLabels', labels: manifest.spec.selector.matchLabels });
  if (manifest.spec?.template?.metadata?.labels) maps.push({ field: 'spec.template.metadata.labels', labels: manifest.spec.template.metadata.labels });
  return maps;
}

/** The label findings of one object: the same check as the constructs' (labelProblems), on every label map. */
function labelViolations(object: PolicyObject): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const { field, labels } of labelMaps(object.manifest)) {
    if (!labels || typeof labels !== 'object' || Array.isArray(labels)) continue;
    const problems = labelProblems(field, labels as Record<string, string>);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
    if (problems.length > 0) out.push(...problemViolations(object, problems));
  }
  return out;
}

export const labelValuesValid: Rule = {
  id: 'label-values-valid',
  severity: 'error',
  severityReason: 'The API server rejects label keys and values of the wrong syntax.',
  description: 'Label keys and values (metadata, selectors, pod templates) have the syntax the API server accepts.',
  fix: 'Use label keys like "app.kubernetes.io/name" and values of at most 63 letters, digits, "-", "_" and ".", starting and ending alphanumeric (quote numbers and booleans).',
  check: (context) => context.objects.flatMap(labelViolations),
};
