/**
 * The name and value syntaxes the Kubernetes API server enforces
 * (k8s.io/apimachinery/pkg/util/validation, v1.31). Shared by the constructs
 * (eager errors) and the policy rules (findings on any manifest).
 */

import { remembering } from './remembering';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** A DNS-1123 label: Namespace names, port names. At most 63 characters. */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** A DNS-1035 label: Service names (must start with a letter). At most 63 characters. */
export function isDns1035Label(value: string): boolean {
  return value.length <= 63 && DNS1035_LABEL.test(value);
}

/**
 * Dot-separated DNS-1123 labels, as apimachinery's IsDNS1123Subdomain reads
 * them: its pattern sets no length per label (only 253 in all), so a name
 * with a 64-character label is accepted by the API server and must be here too.
 */
const DNS1123_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 subdomain: most object names, hosts. At most 253 characters. */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/**
 * An IANA service name, the form of a named container port or targetPort:
 * at most 15 characters of `[-a-z0-9]`, at least one letter, no leading,
 * trailing or double hyphen.
 */
export function isIanaSvcName(value: string): boolean {
  return value.length <= 15 && IANA_SVC_NAME.test(value) && /[a-z]/.test(value)
    && !value.startsWith('-') && !value.endsWith('-') && !value.includes('--');
}

/**
 * A ConfigMap or Secret data key (IsConfigMapKey): at most 253 of `[-._a-zA-Z0-9]`,
 * and not "." or "..", nor starting with ".." (the kubelet's volume writer uses those names).
 */
export function isConfigMapKey(value: string): boolean {
  return value.length <= 253 && CONFIG_MAP_KEY.test(value) && value !== '.' && !value.startsWith('..');
}

/** A qualified name: label and annotation keys, `appProtocol` (`[prefix/]name`). */
export const isQualifiedName = remembering((value) => {
  const parts = value.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (name.length > 63 || !QUALIFIED_NAME_PART.test(name)) return false;
  return parts.length === 1 || isDns1123Subdomain(parts[0]);
});

/** A label value: empty, or at most 63 alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric. */
export const isLabelValue = remembering((value) => value.length <= 63 && LABEL_VALUE.test(value));

/** Explains the DNS-1035 rule in the words of an error message. */
export const DNS1035_RULE = 'lowercase letters, digits and "-", starting with a letter, ending with a letter or digit, at most 63 characters';
/** Explains the DNS-1123 label rule. */
export const DNS1123_LABEL_RULE = 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters';
/** Explains the DNS-1123 subdomain rule. */
export const DNS1123_SUBDOMAIN_RULE = 'dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters';
/** Explains the IANA service name rule. */
export const IANA_SVC_NAME_RULE = 'at most 15 lowercase letters, digits and "-", with at least one letter and no leading, trailing or double "-"';
/** Explains the ConfigMap and Secret data key rule. */
export const CONFIG_MAP_KEY_RULE = 'letters, digits, "-", "_" and ".", at most 253 characters, not "." or "..", not starting with ".."';
/** Explains the label value rule. */
export const LABEL_VALUE_RULE = 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

/**
 * Turns any string into a valid DNS-1035 label for generated names, the way a
 * person would: lower case, runs of other characters to "-", trimmed.
 */
export function toDns1035Label(value: string): string {
  let s = value.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^[-0-9]+/, '');
  s = s.slice(0, 63).replace(/-+$/, '');
  return s;
}
