import { Problem } from '../errors';
import { DEFAULT_KUBERNETES_VERSION, KubernetesMinorVersion, parseKubernetesVersion } from '../kubernetes-version';
import { DNS1035_RULE, DNS1123_SUBDOMAIN_RULE, isDns1035Label, isDns1123Subdomain } from '../names';
import { PROTOCOLS } from '../protocol';
import { envVarNameVerdict } from './env-var-name';
import { IMAGE_REFERENCE_RULE, imageReferenceError } from './image-reference';
import { ingressRules } from './ingress-fields';
import { tlsRules } from './tls-fields';
import { probeRules } from './probe-fields';
import { quantityRules } from './quantity-fields';
import { securityRules } from './security-fields';

/**
 * One table from each field our constructs write to the rule that checks it,
 * derived from the API server's own validation (k8s.io/kubernetes
 * pkg/apis/core/validation, v1.31–1.36) and the kubelet's image grammar.
 * Constructs call it with a prop name as `field`, policy rules with the path
 * in the manifest, so both say the same thing about the same value.
 */
export interface FieldCheckContext {
  /** The field the problem is reported under: a prop (`resources.limits.cpu`) or a manifest path (`spec.template.spec.containers[0].image`). */
  readonly field: string;
  /** The release the object targets, for the rules that differ by release. @default DEFAULT_KUBERNETES_VERSION */
  readonly version?: KubernetesMinorVersion;
  /**
   * Construct time: also refuse values the API server silently replaces by its
   * default (a probe period of 0 becomes 10 s), which is never what the user meant.
   * @default false - only what the API server rejects, or what cannot work
   */
  readonly construct?: boolean;
  /** The API server's `--service-node-port-range`. @default 30000-32767 */
  readonly nodePortRange?: { readonly min: number; readonly max: number };
  /**
   * The other fields of the object the value is in, for the rules that depend
   * on them (an Ingress path is judged under its pathType).
   * @default - none
   */
  readonly siblings?: Readonly<Record<string, unknown>>;
}

/** One row of the table. */
export interface FieldRule {
  /** Where the rule comes from upstream. */
  readonly source: string;
  /** What is allowed, in words. */
  readonly allowed: string;
  /** The problems with `value` (warnings carry `severity: 'warning'`); none when it is fine. */
  readonly check: (value: unknown, context: FieldCheckContext) => Problem[];
}

export const DEFAULT_VERSION: KubernetesMinorVersion = parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION)!;

/** The longest ClientIP affinity the API server accepts: one day (MaxClientIPServiceAffinitySeconds). */
export const MAX_SESSION_AFFINITY_SECONDS = 86400;

const PORT_RULE = '1-65535';
const isPortNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;

export const FIELD_RULES = {
  'Container.image': {
    source: 'distribution/reference (kubelet image pull); core validation: no leading or trailing whitespace',
    allowed: IMAGE_REFERENCE_RULE,
    check: (value, { field }) => {
      if (typeof value !== 'string') return [{ field, message: 'is not a string.', value, allowed: IMAGE_REFERENCE_RULE, fix: 'give the image as a string, e.g. "nginx:1.27.3".' }];
      const error = imageReferenceError(value);
      return error ? [{ field, message: error.message, value, allowed: IMAGE_REFERENCE_RULE, fix: error.fix }] : [];
    },
  },
  'EnvVar.name': {
    source: 'core validation validateEnvVarName (IsEnvVarName; IsRelaxedEnvVarName from 1.32, KEP-4369)',
    allowed: 'printable ASCII other than "=" (1.32+); letters, digits, "_", "-", "." not starting with a digit (1.31)',
    check: (value, { field, version }) => {
      if (typeof value !== 'string') return [{ field, message: 'is not a string.', value, allowed: 'a name such as "LOG_LEVEL"', fix: 'name the variable with a string.' }];
      const verdict = envVarNameVerdict(value, version ?? DEFAULT_VERSION);
      if (!verdict) return [];
      return [{ field, message: verdict.message, value, allowed: verdict.allowed, fix: verdict.fix, ...(verdict.severity === 'warning' ? { severity: 'warning' as const } : {}) }];
    },
  },
  'Container.imagePullPolicy': {
    source: 'core validation validatePullPolicy',
    allowed: 'Always, IfNotPresent, Never',
    check: (value, { field }) => (['Always', 'IfNotPresent', 'Never'].includes(value as string) ? [] : [{
      field, message: 'is not a pull policy.', value, allowed: 'Always, IfNotPresent, Never',
      fix: typeof value === 'string' && ['always', 'ifnotpresent', 'never'].includes(value.toLowerCase())
        ? `write it with this case: "${['Always', 'IfNotPresent', 'Never'].find((p) => p.toLowerCase() === value.toLowerCase())}".`
        : 'use "IfNotPresent" (the default) for a pinned tag, "Always" for a moving one.',
    }]),
  },
  'Pod.serviceAccountName': {
    source: 'core validation ValidateServiceAccountName (DNS-1123 subdomain)',
    allowed: DNS1123_SUBDOMAIN_RULE,
    check: (value, { field }) => (typeof value === 'string' && isDns1123Subdomain(value) ? [] : [{
      field, message: 'is not a valid ServiceAccount name.', value, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use the lowercase name of the ServiceAccount, e.g. "web".',
    }]),
  },
  ...quantityRules,
  ...probeRules,
  ...securityRules,
  'Service.metadata.name': {
    source: 'core validation ValidateServiceName (DNS-1035 label)',
    allowed: DNS1035_RULE,
    check: (value, { field }) => (typeof value === 'string' && isDns1035Label(value) ? [] : [{
      field, message: 'is not a valid Service name (Services need DNS-1035 labels, which must start with a letter).', value, allowed: DNS1035_RULE,
      fix: 'rename the Service, e.g. "web" or "web-v2".',
    }]),
  },
  'Service.spec.ports[].port': {
    source: 'core validation validateServicePort (IsValidPortNum)',
    allowed: PORT_RULE,
    check: (value, { field }) => (isPortNumber(value) ? [] : [{ field, message: 'is not a valid port number.', value, allowed: PORT_RULE, fix: 'use a port from 1 to 65535.' }]),
  },
  'Service.spec.ports[].protocol': {
    source: 'core validation validateServicePort (supportedPortProtocols)',
    allowed: `${PROTOCOLS.join(', ')} (uppercase)`,
    check: (value, { field }) => {
      if ((PROTOCOLS as readonly unknown[]).includes(value)) return [];
      const upper = typeof value === 'string' ? value.toUpperCase() : undefined;
      const wrongCase = upper !== undefined && (PROTOCOLS as readonly string[]).includes(upper);
      return [{
        field, message: wrongCase ? `is not a supported protocol: protocols are uppercase, so "${value}" must be written "${upper}".` : 'is not a supported protocol.',
        value, allowed: `${PROTOCOLS.join(', ')} (uppercase)`, fix: wrongCase ? `write protocol: '${upper}'.` : "use 'TCP' (the default), 'UDP' or 'SCTP'.",
      }];
    },
  },
  'Service.spec.ports[].nodePort': {
    source: "the API server's node port allocator (--service-node-port-range, default 30000-32767)",
    allowed: '30000-32767 (the default --service-node-port-range)',
    check: (value, { field, nodePortRange }) => {
      const range = nodePortRange ?? { min: 30000, max: 32767 };
      if (typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max) return [];
      return [{
        field, message: 'is outside the node port range.', value, allowed: `${range.min}-${range.max}`,
        fix: `pick a port in ${range.min}-${range.max}, leave it unset so the cluster allocates one, or set nodePortRange to the API server's --service-node-port-range.`,
      }];
    },
  },
  'Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds': {
    source: 'core validation validateClientIPAffinityConfig (0 < t <= MaxClientIPServiceAffinitySeconds)',
    allowed: `1-${MAX_SESSION_AFFINITY_SECONDS} seconds (default 10800)`,
    check: (value, { field }) => {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_SESSION_AFFINITY_SECONDS) return [];
      const tooLong = typeof value === 'number' && value > MAX_SESSION_AFFINITY_SECONDS;
      const tooShort = typeof value === 'number' && value <= 0;
      return [{
        field,
        message: tooLong ? 'is longer than one day, the longest ClientIP affinity the API server accepts.'
          : tooShort ? 'must be greater than 0 seconds.' : 'is not a whole number of seconds.',
        value, allowed: `1-${MAX_SESSION_AFFINITY_SECONDS} seconds (default 10800)`,
        fix: tooLong ? `use at most ${MAX_SESSION_AFFINITY_SECONDS} seconds (one day).`
          : tooShort ? 'use at least 1 second, or leave it unset for the default 10800 (3 hours).'
            : `use a whole number of seconds from 1 to ${MAX_SESSION_AFFINITY_SECONDS}.`,
      }];
    },
  },
  ...ingressRules,
  ...tlsRules,
} satisfies Record<string, FieldRule>;

/** A key of {@link FIELD_RULES}: the kind and field path, `[]` for every item of a list. */
export type FieldKey = keyof typeof FIELD_RULES;

/** The problems of `value` under the rule of `key` (errors, and warnings marked `severity: 'warning'`). */
export function fieldProblems(key: FieldKey, value: unknown, context: FieldCheckContext): Problem[] {
  return (FIELD_RULES[key] as FieldRule).check(value, context);
}

/** The context of {@link hasFieldProblems}' default: its field is never shown. */
const PROBE: FieldCheckContext = Object.freeze({ field: '' });

/**
 * Whether `value` has problems under `key`, judged without its field path: a
 * check over many objects asks this first and writes the path (and calls
 * {@link fieldProblems}) only for a value that has some.
 */
export function hasFieldProblems(key: FieldKey, value: unknown, context: FieldCheckContext = PROBE): boolean {
  return (FIELD_RULES[key] as FieldRule).check(value, context).length > 0;
}

/** Only the errors of a problem list. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity !== 'warning');
}

/** Only the warnings of a problem list. */
export function warningsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'warning');
}
