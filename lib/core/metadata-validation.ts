import { Problem } from './errors';
import { DNS1123_LABEL_RULE, isDns1123Label, isLabelValue, isQualifiedName, LABEL_VALUE_RULE } from './names';

const QUALIFIED_NAME_RULE = 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/** Label (or selector) keys must be qualified names and values label values (apimachinery, v1.31). */
export function labelProblems(field: string, labels: Readonly<Record<string, string>> | undefined): Problem[] {
  const problems: Problem[] = [];
  // for…in, not Object.entries: the policy checks run this on every label map of every object in each synth.
  for (const key in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, key)) continue;
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

/** Annotation keys must be qualified names; values are free text. */
export function annotationProblems(field: string, annotations: Readonly<Record<string, string>> | undefined): Problem[] {
  return Object.keys(annotations ?? {}).filter((key) => !isQualifiedName(key)).map((key) => ({
    field, message: 'has a key that is not a valid annotation key.', value: key, allowed: QUALIFIED_NAME_RULE,
    fix: 'use a key such as "example.com/owner".',
  }));
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
