/** The recommended label keys (kubernetes.io/docs/concepts/overview/working-with-objects/common-labels). */
export const LABEL_NAME = 'app.kubernetes.io/name';
export const LABEL_INSTANCE = 'app.kubernetes.io/instance';
export const LABEL_VERSION = 'app.kubernetes.io/version';
export const LABEL_COMPONENT = 'app.kubernetes.io/component';
export const LABEL_PART_OF = 'app.kubernetes.io/part-of';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';

/** The value of `app.kubernetes.io/managed-by` on everything this library makes. */
export const MANAGED_BY = 'cdk8s-netkit';

/** The API group of this library's own annotations (policy exceptions, external references). */
export const NETKIT_ANNOTATION_PREFIX = 'netkit.io/';

export interface RecommendedLabelsOptions {
  readonly name: string;
  readonly instance: string;
  readonly version?: string;
  readonly component?: string;
  readonly partOf?: string;
}

/**
 * The `app.kubernetes.io/*` labels, in a fixed key order so output is stable.
 * Selectors use only name + instance: both are fixed by the user's code, never
 * derived from a construct path, because a Deployment selector is immutable in
 * a cluster.
 */
export function recommendedLabels(options: RecommendedLabelsOptions): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL_NAME]: options.name,
    [LABEL_INSTANCE]: options.instance,
  };
  if (options.version !== undefined) labels[LABEL_VERSION] = options.version;
  if (options.component !== undefined) labels[LABEL_COMPONENT] = options.component;
  if (options.partOf !== undefined) labels[LABEL_PART_OF] = options.partOf;
  labels[LABEL_MANAGED_BY] = MANAGED_BY;
  return labels;
}

/** The two labels a Service or Deployment selects on. */
export function selectorLabels(name: string, instance: string): Record<string, string> {
  return { [LABEL_NAME]: name, [LABEL_INSTANCE]: instance };
}
