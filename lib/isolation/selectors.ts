/**
 * Kubernetes label selectors (metav1.LabelSelector) as NetworkPolicies use
 * them: `matchLabels` and `matchExpressions` are ANDed, and an empty selector
 * (`{}`) matches everything. A missing selector is the caller's business: in a
 * NetworkPolicy peer it means "not this dimension", which differs per field.
 */

/** One `matchExpressions` entry. */
export interface LabelSelectorRequirement {
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;
  readonly values?: readonly string[];
}

/** A metav1.LabelSelector as written in a manifest. */
export interface KubeLabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** A selector compiled once into a predicate, so a policy checked against many pods parses it once. */
export type LabelPredicate = (labels: Readonly<Record<string, string>>) => boolean;

const MATCH_ALL: LabelPredicate = () => true;

/**
 * Compiles a selector. An unknown operator matches nothing: the API server
 * rejects such a policy, and "matches nothing" is the reading that never
 * claims traffic is allowed when it is not.
 */
export function compileLabelSelector(selector: KubeLabelSelector | undefined | null): LabelPredicate {
  if (!selector || typeof selector !== 'object') return MATCH_ALL;
  const exact = Object.entries(selector.matchLabels ?? {});
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (exact.length === 0 && expressions.length === 0) return MATCH_ALL;
  const tests: LabelPredicate[] = exact.map(([key, value]) => (labels) => labels[key] === value);
  for (const requirement of expressions) tests.push(requirementPredicate(requirement));
  return (labels) => tests.every((test) => test(labels));
}

/** Whether `labels` satisfy `selector` (an empty or missing selector matches everything). */
export function labelSelectorMatches(selector: KubeLabelSelector | undefined | null, labels: Readonly<Record<string, string>>): boolean {
  return compileLabelSelector(selector)(labels);
}

function requirementPredicate(requirement: LabelSelectorRequirement): LabelPredicate {
  const key = requirement?.key;
  const values = new Set(Array.isArray(requirement?.values) ? requirement.values : []);
  const has = (labels: Readonly<Record<string, string>>) => Object.prototype.hasOwnProperty.call(labels, key);
  switch (requirement?.operator) {
    case 'In': return (labels) => has(labels) && values.has(labels[key]);
    // NotIn also matches objects without the key (apimachinery's labels.Selector semantics).
    case 'NotIn': return (labels) => !has(labels) || !values.has(labels[key]);
    case 'Exists': return has;
    case 'DoesNotExist': return (labels) => !has(labels);
    default: return () => false;
  }
}
