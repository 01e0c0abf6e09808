/**
 * This library's own annotations. Policy exceptions and references to things
 * managed outside the manifests are written next to the object they concern,
 * so a reviewer sees them in the YAML.
 */

/**
 * `netkit.io/skip-<rule-id>: "<reason>"` skips one policy rule for one object.
 * A skip without a reason is itself an error.
 */
export const SKIP_ANNOTATION_PREFIX = 'netkit.io/skip-';

/**
 * On an Ingress or a Gateway: comma-separated names of TLS Secrets it uses
 * that are managed outside these manifests (an existing Secret,
 * Sealed/External Secrets, or a key deliberately kept out of the committed
 * output). On a Gateway, a Secret of another namespace is written
 * `namespace/name`.
 */
export const EXTERNAL_SECRETS_ANNOTATION = 'netkit.io/external-secrets';

/** The Secret names an `annotations` map lists in {@link EXTERNAL_SECRETS_ANNOTATION} (comma-separated); none when absent or not a string. */
export function externalSecretNames(annotations: Record<string, unknown> | undefined): string[] {
  const value = annotations?.[EXTERNAL_SECRETS_ANNOTATION];
  return typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
}
