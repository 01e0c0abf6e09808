import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Problem, throwIfProblems } from '../core/errors';
import { formatGoDuration } from '../core/go-duration';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../core/names';
import { CERT_MANAGER_API_VERSION, ICertManagerIssuerRef } from './cert-manager-issuer';
import { certificateDnsNameProblems, commonNameProblems } from './dns-names';
import { keyAlgorithmProblems, TlsKeyAlgorithm } from './self-signed-builder';
import { TlsCertificate, TlsCertificateProps } from './tls-certificate';
import { checkProps } from '../core/props';

export interface CertManagerTlsCertificateProps extends TlsCertificateProps {
  /** The DNS names to certify, wildcards included (`*.cluster.example.com`; ACME needs a DNS-01 solver for those). */
  readonly dnsNames: readonly string[];
  /** The Issuer or ClusterIssuer that signs it: a {@link CertManagerIssuer}, or `CertManagerIssuer.fromName(…)`. */
  readonly issuer: ICertManagerIssuerRef;
  /**
   * The Certificate object's name.
   * @default - the Secret name
   */
  readonly certificateName?: string;
  /**
   * Subject CN (at most 64 characters; clients ignore it).
   * @default - no CN
   */
  readonly commonName?: string;
  /**
   * Requested lifetime (the CA may shorten it).
   * @default - cert-manager's default, 90 days
   */
  readonly duration?: Duration;
  /**
   * How long before expiry cert-manager renews.
   * @default - cert-manager's default, a third of the lifetime
   */
  readonly renewBefore?: Duration;
  /**
   * Key type cert-manager generates.
   * @default - cert-manager's default, RSA 2048
   */
  readonly keyAlgorithm?: TlsKeyAlgorithm;
}

/**
 * A cert-manager `Certificate`: cert-manager obtains the certificate, writes
 * the Secret and renews it, so no key is ever in the manifests. The
 * Certificate is, and it names the Secret, so `managedOutside` is false:
 * policy checks find the Secret through it.
 */
export class CertManagerTlsCertificate extends TlsCertificate {
  public readonly dnsNames: readonly string[];
  public readonly managedOutside = false;
  /** The cert-manager Certificate object. */
  public readonly certificate: ApiObject;

  constructor(scope: Construct, id: string, props: CertManagerTlsCertificateProps) {
    super(scope, id, props);
    checkProps(this, 'CertManagerTlsCertificateProps', props);
    this.dnsNames = [...props.dnsNames];
    const name = props.certificateName ?? this.secretName;
    throwIfProblems(this, [
      ...certificateDnsNameProblems('dnsNames', props.dnsNames),
      ...this.issuerProblems(props.issuer, props.dnsNames),
      ...optionProblems(name, props),
    ]);
    const spec: Record<string, unknown> = {
      secretName: this.secretName,
      ...(props.commonName !== undefined ? { commonName: props.commonName } : {}),
      dnsNames: [...this.dnsNames],
      ...(props.duration ? { duration: formatGoDuration(props.duration.toMilliseconds()) } : {}),
      ...(props.renewBefore ? { renewBefore: formatGoDuration(props.renewBefore.toMilliseconds()) } : {}),
      ...(props.keyAlgorithm ? { privateKey: props.keyAlgorithm === 'rsa-2048' ? { algorithm: 'RSA', size: 2048 } : { algorithm: 'ECDSA', size: 256 } } : {}),
      issuerRef: { group: 'cert-manager.io', kind: props.issuer.issuerKind, name: props.issuer.issuerName },
    };
    this.certificate = new ApiObject(this, 'Certificate', {
      apiVersion: CERT_MANAGER_API_VERSION,
      kind: 'Certificate',
      metadata: { name, ...(this.namespace !== undefined ? { namespace: this.namespace } : {}), labels: this.labels },
      spec,
    });
  }

  private issuerProblems(issuer: ICertManagerIssuerRef, dnsNames: readonly string[]): Problem[] {
    const problems: Problem[] = [];
    const wildcards = dnsNames.filter((n) => n.startsWith('*.'));
    if (wildcards.length > 0 && issuer.canIssueWildcards === false) {
      problems.push({
        field: 'issuer', message: `cannot issue the wildcard ${JSON.stringify(wildcards[0])}: ACME CAs only sign wildcards after a DNS-01 challenge, and this issuer has no DNS-01 solver.`,
        value: issuer.issuerName, allowed: 'an ACME issuer with a dns01 solver, or a self-signed/CA issuer', fix: 'add a DNS-01 solver to the issuer, or list the hosts one by one.',
      });
    }
    if (issuer.issuerKind === 'Issuer' && issuer.issuerNamespace !== undefined && issuer.issuerNamespace !== this.namespace) {
      problems.push({
        field: 'issuer', message: `is an Issuer in namespace ${JSON.stringify(issuer.issuerNamespace)}; a Certificate can only use an Issuer in its own namespace (${JSON.stringify(this.namespace)}).`,
        value: issuer.issuerName, fix: 'create the Issuer in the same chart, or make it a ClusterIssuer.',
      });
    }
    return problems;
  }
}

const MINIMUM_DURATION_SECONDS = 3600;
const MINIMUM_RENEW_BEFORE_SECONDS = 300;

function optionProblems(name: string, props: CertManagerTlsCertificateProps): Problem[] {
  const problems: Problem[] = [];
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'certificateName', message: 'is not a valid object name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'use a name such as "web-tls".' });
  }
  if (props.commonName !== undefined) problems.push(...commonNameProblems('commonName', props.commonName));
  problems.push(...keyAlgorithmProblems('keyAlgorithm', props.keyAlgorithm));
  // cert-manager's webhook refuses a lifetime under an hour and a renewal window under five minutes (MinimumCertificateDuration, MinimumRenewBefore).
  if (props.duration && props.duration.toSeconds() < MINIMUM_DURATION_SECONDS) {
    problems.push({ field: 'duration', message: 'is shorter than cert-manager\'s minimum certificate lifetime; its webhook refuses the Certificate.', value: formatGoDuration(props.duration.toMilliseconds()), allowed: 'at least 1h', fix: 'use Duration.hours(1) or more (the default is 90 days).' });
  }
  if (props.renewBefore && props.renewBefore.toSeconds() < MINIMUM_RENEW_BEFORE_SECONDS) {
    problems.push({ field: 'renewBefore', message: 'is shorter than cert-manager\'s minimum renewal window; its webhook refuses the Certificate.', value: formatGoDuration(props.renewBefore.toMilliseconds()), allowed: 'at least 5m', fix: 'use Duration.minutes(5) or more, or leave it out (a third of the lifetime).' });
  }
  if (props.duration && props.renewBefore && props.renewBefore.toSeconds() >= props.duration.toSeconds()) {
    problems.push({ field: 'renewBefore', message: 'is not shorter than duration; cert-manager would renew forever.', value: formatGoDuration(props.renewBefore.toMilliseconds()), allowed: `less than ${formatGoDuration(props.duration.toMilliseconds())}`, fix: 'use e.g. a third of the duration.' });
  }
  return problems;
}
