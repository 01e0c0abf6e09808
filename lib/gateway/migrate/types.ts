import { Problem } from '../../core/errors';

/** The redirect status codes HTTPRoute's RequestRedirect accepts (301 and 302 are Core, the others Extended). */
export const REDIRECT_STATUS_CODES = [301, 302, 303, 307, 308] as const;
export type RedirectStatusCode = typeof REDIRECT_STATUS_CODES[number];

/** Options of {@link migrateIngresses}. */
export interface MigrateOptions {
  /**
   * The GatewayClass every Gateway names: the class your Gateway controller
   * installs (NGINX Gateway Fabric's default install creates `nginx`).
   * @default 'nginx'
   */
  readonly gatewayClassName?: string;
  /**
   * One shared Gateway per ingress class in this namespace, instead of one
   * beside the Ingresses of each namespace. Its listeners admit routes from
   * exactly the namespaces that had Ingresses, and a ReferenceGrant in each
   * of those namespaces lets it read their TLS Secrets, which stay where they are.
   * @default - one Gateway per namespace and ingress class, in that namespace (no ReferenceGrant needed)
   */
  readonly gatewayNamespace?: string;
  /**
   * The status code of the HTTP → HTTPS redirect written for ssl-redirect and
   * force-ssl-redirect. ingress-nginx answers 308, an Extended feature of
   * Gateway API that not every implementation supports; 301 is Core.
   * @default 301
   */
  readonly redirectStatusCode?: RedirectStatusCode;
}

/** What became of one Ingress. */
export interface IngressMigration {
  readonly namespace: string;
  readonly name: string;
  /** The file the Ingress was read from, when it came from a file. */
  readonly file?: string;
  /** The line its document starts on in that file. */
  readonly line?: number;
  /** The objects written for it, as `Kind namespace/name`, in output order. */
  readonly wrote: readonly string[];
  /** What the written objects do not do, with the reason and what to do instead. */
  readonly notConverted: readonly Problem[];
  /** What the written objects do differently from ingress-nginx: review these. */
  readonly changed: readonly Problem[];
}

/** What {@link migrateIngresses} returns. */
export interface MigrationResult {
  /** Gateways, then ReferenceGrants, then HTTPRoutes, as plain manifests ready to serialize. */
  readonly objects: readonly any[];
  /** One entry per Ingress of the input, in input order. */
  readonly ingresses: readonly IngressMigration[];
}

/** An object of the input with where it came from (`readManifests` gives these). */
export interface MigrationInput {
  readonly manifest: any;
  readonly file?: string;
  readonly line?: number;
}
