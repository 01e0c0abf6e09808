import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Problem, throwIfProblems } from '../core/errors';
import { markClusterScoped } from '../core/cluster-scoped';
import { recommendedLabels } from '../core/labels';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../core/names';
import { checkProps } from '../core/props';

/** cert-manager's API group and version (cert-manager.io/v1, stable since cert-manager 1.0). */
export const CERT_MANAGER_API_VERSION = 'cert-manager.io/v1';
/** Let's Encrypt production ACME directory (letsencrypt.org/docs/acme-protocol-updates). */
export const LETS_ENCRYPT_PRODUCTION = 'https://acme-v02.api.letsencrypt.org/directory';
/** Let's Encrypt staging ACME directory: untrusted certificates, generous rate limits. */
export const LETS_ENCRYPT_STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';

/** The kinds a cert-manager Certificate can name in `issuerRef`. */
export type CertManagerIssuerKind = 'Issuer' | 'ClusterIssuer';

/** An Issuer or ClusterIssuer a Certificate can use, made here or elsewhere. */
export interface ICertManagerIssuerRef {
  /** The issuer's name. */
  readonly issuerName: string;
  /** Issuer (same namespace as the Certificate) or ClusterIssuer. */
  readonly issuerKind: CertManagerIssuerKind;
  /**
   * The namespace of an Issuer, when known (a Certificate can only use an Issuer in its own namespace).
   * @default - unknown
   */
  readonly issuerNamespace?: string;
  /**
   * Whether the issuer can sign wildcard names, when known (ACME only with a DNS-01 solver).
   * @default - unknown
   */
  readonly canIssueWildcards?: boolean;
}

/** One way to prove control of a domain to an ACME server. Set exactly one of `http01IngressClassName` and `dns01`. */
export interface AcmeSolver {
  /**
   * HTTP-01: cert-manager answers the challenge through a temporary Ingress of this class. Cannot issue wildcards.
   * @default - not an HTTP-01 solver
   */
  readonly http01IngressClassName?: string;
  /**
   * DNS-01: the provider block exactly as cert-manager documents it, e.g.
   * `{ cloudflare: { apiTokenSecretRef: { name: 'cloudflare-token', key: 'api-token' } } }`. Needed for wildcards.
   * @default - not a DNS-01 solver
   */
  readonly dns01?: Record<string, unknown>;
  /**
   * Use this solver only for names in these DNS zones.
   * @default - every name
   */
  readonly dnsZones?: readonly string[];
}

/** An ACME account (Let's Encrypt or another ACME CA). */
export interface AcmeIssuerOptions {
  /** Contact address registered with the ACME account (expiry notices). */
  readonly email: string;
  /**
   * The ACME directory URL.
   * @default LETS_ENCRYPT_PRODUCTION
   */
  readonly server?: string;
  /**
   * Secret cert-manager keeps the ACME account key in.
   * @default - `<issuer name>-account-key`
   */
  readonly privateKeySecretName?: string;
  /** How to prove domain control; at least one. */
  readonly solvers: readonly AcmeSolver[];
}

export interface CertManagerIssuerProps {
  /**
   * The issuer's name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * A ClusterIssuer (usable from every namespace) instead of an Issuer in the chart's namespace.
   * @default false
   */
  readonly clusterIssuer?: boolean;
  /**
   * Sign certificates with their own key (development; clients will not trust them).
   * @default false - set exactly one of `selfSigned` and `acme`
   */
  readonly selfSigned?: boolean;
  /**
   * Get certificates from an ACME CA such as Let's Encrypt.
   * @default - set exactly one of `selfSigned` and `acme`
   */
  readonly acme?: AcmeIssuerOptions;
}

/** A cert-manager Issuer or ClusterIssuer (self-signed or ACME). cert-manager must be installed in the cluster. */
export class CertManagerIssuer extends Construct implements ICertManagerIssuerRef {
  /** An issuer created elsewhere, by name. */
  public static fromName(issuerName: string, issuerKind: CertManagerIssuerKind = 'ClusterIssuer'): ICertManagerIssuerRef {
    return { issuerName, issuerKind };
  }

  public readonly issuerName: string;
  public readonly issuerKind: CertManagerIssuerKind;
  public readonly issuerNamespace?: string;
  public readonly canIssueWildcards: boolean;
  /** The Issuer or ClusterIssuer object. */
  public readonly issuer: ApiObject;

  constructor(scope: Construct, id: string, props: CertManagerIssuerProps) {
    super(scope, id);
    checkProps(this, 'CertManagerIssuerProps', props);
    this.issuerName = props.name ?? id;
    this.issuerKind = props.clusterIssuer ? 'ClusterIssuer' : 'Issuer';
    throwIfProblems(this, issuerProblems(this.issuerName, props));
    let spec: Record<string, unknown>;
    if (props.acme) {
      const acme = props.acme;
      this.canIssueWildcards = acme.solvers.some((s) => s.dns01 !== undefined);
      spec = {
        acme: {
          server: acme.server ?? LETS_ENCRYPT_PRODUCTION,
          email: acme.email,
          privateKeySecretRef: { name: acme.privateKeySecretName ?? `${this.issuerName}-account-key` },
          solvers: acme.solvers.map((s) => ({
            ...(s.dnsZones ? { selector: { dnsZones: [...s.dnsZones] } } : {}),
            ...(s.http01IngressClassName !== undefined ? { http01: { ingress: { ingressClassName: s.http01IngressClassName } } } : {}),
            ...(s.dns01 !== undefined ? { dns01: s.dns01 } : {}),
          })),
        },
      };
    } else {
      this.canIssueWildcards = true;
      spec = { selfSigned: {} };
    }
    this.issuer = new ApiObject(this, this.issuerKind, {
      apiVersion: CERT_MANAGER_API_VERSION,
      kind: this.issuerKind,
      metadata: { name: this.issuerName, labels: recommendedLabels({ name: this.issuerName, instance: this.issuerName, component: 'certificate-issuer' }) },
      spec,
    });
    if (props.clusterIssuer) markClusterScoped(this.issuer);
    else this.issuerNamespace = this.issuer.metadata.namespace;
  }
}

function issuerProblems(name: string, props: CertManagerIssuerProps): Problem[] {
  const problems: Problem[] = [];
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'name', message: 'is not a valid issuer name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a name such as "letsencrypt".' });
  }
  if ((props.selfSigned === true) === (props.acme !== undefined)) {
    problems.push({ field: 'selfSigned, acme', message: 'exactly one issuer type must be chosen.', fix: 'set `selfSigned: true` or `acme: { … }`, not both and not neither.' });
  }
  const acme = props.acme;
  if (acme) {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(acme.email)) {
      problems.push({ field: 'acme.email', message: 'is not an email address.', value: acme.email, fix: 'use the address that should receive expiry notices.' });
    }
    if (acme.server !== undefined && !acme.server.startsWith('https://')) {
      problems.push({ field: 'acme.server', message: 'is not an https:// ACME directory URL.', value: acme.server, allowed: 'https:// URLs', fix: `use e.g. ${LETS_ENCRYPT_STAGING}.` });
    }
    if (acme.solvers.length === 0) {
      problems.push({ field: 'acme.solvers', message: 'is empty; cert-manager cannot prove domain control.', value: acme.solvers, allowed: 'at least one solver', fix: 'add `{ http01IngressClassName: "nginx" }`, or a DNS-01 solver for wildcards.' });
    }
    acme.solvers.forEach((s, i) => {
      if ((s.http01IngressClassName !== undefined) === (s.dns01 !== undefined)) {
        problems.push({ field: `acme.solvers[${i}]`, message: 'must set exactly one of http01IngressClassName and dns01.', value: s, allowed: 'http01IngressClassName or dns01, not both', fix: 'split it into two solvers.' });
      }
    });
  }
  return problems;
}

