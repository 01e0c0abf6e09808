import { Problem } from './errors';
import { DNS1123_LABEL_RULE, isDns1123Label, isLabelValue, isQualifiedName, LABEL_VALUE_RULE } from './names';

const QUALIFIED_NAME_RULE = 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/** Label (or selector) keys must be qualified names and values label values (apimachinery, v1.31). */
export function labelProblems(field: string, labels: Readonly<Record<string, string>> | undefined): Problem[] {
  const problems: Problem[] = [];
  // for…in over undefined or null listed nothing.
  if (labels === undefined || labels === null) return problems;
  // Object.keys and an indexed loop, not Object.entries nor for…in with an own-key test per key (the same keys, in
  // the same order): the policy checks run this on every label map of every object in each synth, mostly before V8
  // optimizes it.
  const keys = Object.keys(labels);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = labels[key];
    if (!isQualifiedName(key)) {
      problems.push({ field: `${field}`, message: `has a key that is not a valid label key.`, value: key, allowed: QUALIFIED_NAME_RULE, fix: 'use a key such as "app" or "example.com/team".' });
    }
    if (typeof value !== 'string' || !isLabelValue(value)) {
      problems.push({ field: `${field}["${key}"]`, message: 'is not a valid label value.', value, allowed: LABEL_VALUE_RULE, fix: 'shorten it, or replace spaces and other characters with "-".' });
    }
  }
  return problems;
}

/**
 * Whether {@link labelProblems} finds nothing in the map, judged without
 * building anything (no key list, no problem list): the policy checks ask this
 * for every label map of every object in each synth, mostly before V8
 * optimizes it, and build the problems only for a map that has some. `for…in`
 * lists every key `Object.keys` lists, and inherited ones too: a map this
 * calls clean has no problem, and a map it wrongly suspects is only judged again.
 */
export function labelsAreValid(labels: object): boolean {
  for (const key in labels) {
    const value = (labels as Record<string, unknown>)[key];
    if (!isQualifiedName(key) || typeof value !== 'string' || !isLabelValue(value)) return false;
  }
  return true;
}

/** apimachinery's TotalAnnotationSizeLimitB: the keys and values of one map together, in UTF-8 bytes. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/**
 * Annotation keys must be qualified names once lowercased (apimachinery's
 * ValidateAnnotations reads `IsQualifiedName(strings.ToLower(key))`, so
 * `Example.com/Owner` is accepted); values are free text, but keys and values
 * together are at most 256 KiB.
 */
export function annotationProblems(field: string, annotations: Readonly<Record<string, string>> | undefined): Problem[] {
  const keys = Object.keys(annotations ?? {});
  // The lowercased key is tried only when the key fails as written: valid keys cost what they did.
  const problems: Problem[] = keys.filter((key) => !isQualifiedName(key) && !isQualifiedName(key.toLowerCase())).map((key) => ({
    field, message: 'has a key that is not a valid annotation key.', value: key, allowed: QUALIFIED_NAME_RULE,
    fix: 'use a key such as "example.com/owner".',
  }));
  let units = 0;
  for (const key of keys) units += key.length + String(annotations![key]).length;
  // A UTF-16 unit is 1 to 3 UTF-8 bytes (a surrogate pair 4 for 2 units): only a map over a third of the limit is encoded.
  if (units * 3 > ANNOTATIONS_MAX_BYTES) {
    let bytes = 0;
    for (const key of keys) bytes += Buffer.byteLength(key) + Buffer.byteLength(String(annotations![key]));
    if (bytes > ANNOTATIONS_MAX_BYTES) {
      problems.push({
        field, message: `is too long: the keys and values together have ${bytes} bytes.`,
        allowed: `at most ${ANNOTATIONS_MAX_BYTES} bytes (256 KiB) of keys and values in UTF-8`, fix: 'move large data into a ConfigMap and keep only a reference in the annotation.',
      });
    }
  }
  return problems;
}

/** A namespace name is a DNS-1123 label. */
export function namespaceProblems(field: string, namespace: string | undefined): Problem[] {
  if (namespace === undefined || isDns1123Label(namespace)) return [];
  return [{ field, message: 'is not a valid Namespace name.', value: namespace, allowed: DNS1123_LABEL_RULE, fix: 'use lowercase letters, digits and "-", e.g. "my-team".' }];
}

/** The metadata rules every namespaced object shares: namespace, labels, annotation keys. */
export function metadataProblems(metadata: { namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } | undefined): Problem[] {
  return [
    ...namespaceProblems('metadata.namespace', metadata?.namespace),
    ...labelProblems('metadata.labels', metadata?.labels),
    ...annotationProblems('metadata.annotations', metadata?.annotations),
  ];
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/**
 * A `metav1.LabelSelector`, checked as apimachinery's ValidateLabelSelector
 * does (v1.31): matchLabels as labels, and each matchExpressions entry with a
 * qualified-name key, a known operator, values for In/NotIn (none for
 * Exists/DoesNotExist), each value a label value. A CRD (Gateway's
 * allowedRoutes) does not check this, but no object can carry such a label, so
 * the selector matches nothing, and controllers fail to parse it.
 */
export function labelSelectorProblems(field: string, selector: unknown): Problem[] {
  if (selector === undefined || selector === null || typeof selector !== 'object') return [];
  const { matchLabels, matchExpressions } = selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown };
  const problems = labelProblems(`${field}.matchLabels`, matchLabels);
  (Array.isArray(matchExpressions) ? matchExpressions : []).forEach((expression, i) => {
    const at = `${field}.matchExpressions[${i}]`;
    const { key, operator, values } = (expression ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
    if (typeof key !== 'string' || !isQualifiedName(key)) {
      problems.push({ field: `${at}.key`, message: 'is not a valid label key.', value: key, allowed: QUALIFIED_NAME_RULE, fix: 'use a key such as "team" or "kubernetes.io/metadata.name".' });
    }
    if (!(SELECTOR_OPERATORS as readonly unknown[]).includes(operator)) {
      const right = typeof operator === 'string' ? SELECTOR_OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase()) : undefined;
      problems.push({
        field: `${at}.operator`, message: 'is not a label selector operator.', value: operator, allowed: SELECTOR_OPERATORS.join(', '),
        fix: right ? `write operator: "${right}" (operators are case-sensitive).` : 'use In or NotIn with values, or Exists or DoesNotExist without.',
      });
    }
    const list = Array.isArray(values) ? values : [];
    if ((operator === 'In' || operator === 'NotIn') && list.length === 0) {
      problems.push({ field: `${at}.values`, message: `must be non-empty when operator is ${operator}.`, fix: 'list the label values to match, or use Exists.' });
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && list.length > 0) {
      problems.push({ field: `${at}.values`, message: `must be empty when operator is ${operator}.`, value: values, fix: 'drop the values, or use In to match them.' });
    }
    list.forEach((value, j) => {
      if (typeof value !== 'string' || !isLabelValue(value)) {
        problems.push({ field: `${at}.values[${j}]`, message: 'is not a valid label value.', value, allowed: LABEL_VALUE_RULE, fix: 'shorten it, or replace spaces and other characters with "-".' });
      }
    });
  });
  return problems;
}
