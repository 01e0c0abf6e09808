import type { NodePortRange } from '../service/service-validation';
import type { PolicyContext } from './context';

/**
 * How bad a finding is, on one scale everywhere: **error** = the API server
 * rejects the object, or traffic cannot flow as written; **warning** = very
 * likely a mistake; **info** = advice. Only errors fail synth and `check`.
 */
export type Severity = 'error' | 'warning' | 'info';

/** One thing a rule found wrong, on one object. */
export interface Finding {
  /** The rule's id (`svc-selector-matches-pod`). */
  readonly rule: string;
  readonly severity: Severity;
  /** The object the finding is about. */
  readonly kind: string;
  /** Its namespace; undefined for cluster-scoped objects. */
  readonly namespace?: string;
  readonly name: string;
  /** The construct path of the object, when it was made by cdk8s. */
  readonly constructPath?: string;
  /** The file the object was read from, when it came from a file. */
  readonly file?: string;
  /** The line its document starts on in that file. */
  readonly line?: number;
  /** What is wrong, naming the field and value. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

/** What a rule reports; the engine adds the rule id, severity and object identity. */
export interface RuleViolation {
  /** The object the finding is attributed to (and whose skip annotations count). */
  readonly object: PolicyObject;
  readonly message: string;
  /** @default - the rule's own fix text */
  readonly fix?: string;
  /**
   * The severity of this finding, for rules whose findings differ in nature
   * (a named port that resolves nowhere is an error, a number the container
   * does not declare is only advice).
   * @default - the rule's severity
   */
  readonly severity?: Severity;
}

/**
 * One policy rule: metadata for the docs and a pure check over the whole set
 * of objects. Adding a rule is adding a file to rules/ and a line to
 * rules/index.ts.
 */
export interface Rule {
  /** Stable id, used in findings and in `netkit.io/skip-<id>` annotations. */
  readonly id: string;
  /** The severity of its findings; for a rule whose findings vary, the highest one. */
  readonly severity: Severity;
  /** One line: why the findings have that severity on the scale (shown in the rules table). */
  readonly severityReason: string;
  /** One line: what the rule asserts. */
  readonly description: string;
  /** One line: how to fix a violation. */
  readonly fix: string;
  /** Whether the rule looks across objects (documentation only). */
  readonly crossObject?: boolean;
  readonly check: (context: PolicyContext) => RuleViolation[];
}

/** An object under check, with where it came from. */
export interface PolicyObject {
  readonly manifest: any;
  readonly apiVersion: string;
  readonly kind: string;
  /** The effective namespace (`default` when a namespaced object names none); undefined when cluster-scoped. */
  readonly namespace?: string;
  readonly name: string;
  readonly constructPath?: string;
  readonly file?: string;
  readonly line?: number;
}

/** Options of {@link checkPolicies}. */
export interface PolicyOptions {
  /**
   * Namespaces that exist in the cluster but are not in these manifests.
   * default, kube-system, kube-public and kube-node-lease are always known.
   * @default - none
   */
  readonly externalNamespaces?: readonly string[];
  /**
   * IngressClasses installed outside these manifests (e.g. by a platform team).
   * @default - none
   */
  readonly externalIngressClasses?: readonly string[];
  /**
   * TLS Secrets managed outside these manifests, as `namespace/name` or just
   * `name` (any namespace). Per Ingress, the `netkit.io/external-secrets`
   * annotation does the same.
   * @default - none
   */
  readonly externalSecrets?: readonly string[];
  /**
   * Gateways managed outside these manifests (a platform team's shared
   * Gateway), as `namespace/name` or just `name` (any namespace): routes
   * that attach to them are not judged against their listeners.
   * @default - none
   */
  readonly externalGateways?: readonly string[];
  /**
   * The Gateway API CRD bundle installed on the cluster (`v1.5.1`): kinds and
   * versions that only newer bundles serve are reported (gw-api-version).
   * @default - the bundle-version of the Gateway API CRDs in the manifests, else DEFAULT_GATEWAY_API_VERSION (what GatewayApiCrds installs)
   */
  readonly gatewayApiVersion?: string;
  /**
   * The API server's `--service-node-port-range`.
   * @default DEFAULT_NODE_PORT_RANGE (30000-32767)
   */
  readonly nodePortRange?: NodePortRange;
  /**
   * Rule ids not to run at all.
   * @default - every rule runs
   */
  readonly disabledRules?: readonly string[];
  /**
   * The Kubernetes minor version the manifests target (`1.34`): API
   * versions removed by then, and the field rules that differ by release
   * (env var names).
   * @default - the app's target when checking a construct tree (`targetKubernetesVersion`), else DEFAULT_KUBERNETES_VERSION
   */
  readonly kubernetesVersion?: string;
}
