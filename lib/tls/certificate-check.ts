import { createPrivateKey, X509Certificate } from 'node:crypto';
import { Duration } from 'cdk8s';
import { Problem } from '../core/errors';
import { certificateCoversHost } from './host-coverage';

/** How long before expiry a certificate draws a warning. */
export const EXPIRY_WARNING_WINDOW = Duration.days(30);

/** What a certificate says about itself, read with Node's X.509 parser. */
export interface CertificateFacts {
  /** The leaf certificate (the first in the PEM chain). */
  readonly certificate: X509Certificate;
  /** Subject CN, if any. */
  readonly commonName?: string;
  /** SAN DNS names, in certificate order. */
  readonly subjectAltNames: readonly string[];
  /**
   * The names a client matches hosts against: the SAN DNS names, or the CN
   * when there is no SAN (RFC 6125; browsers ignore the CN entirely when a SAN exists).
   */
  readonly dnsNames: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;

/** Reads the leaf certificate of a PEM chain; throws when there is none or it does not parse. */
export function readCertificateFacts(pem: string): CertificateFacts {
  const block = PEM_CERTIFICATE.exec(pem);
  if (!block) throw new Error('no "-----BEGIN CERTIFICATE-----" block');
  const certificate = new X509Certificate(block[0]);
  const commonName = certificate.subject.split('\n').find((line) => line.startsWith('CN='))?.slice(3);
  const subjectAltNames = parseSanDnsNames(certificate.subjectAltName);
  return {
    certificate,
    commonName,
    subjectAltNames,
    dnsNames: subjectAltNames.length > 0 ? subjectAltNames : (commonName ? [commonName] : []),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
  };
}

/**
 * The DNS entries of Node's `subjectAltName` text (`DNS:a, DNS:b, IP Address:…`).
 * Since Node 17.3.1 entries with special characters come JSON-quoted.
 */
function parseSanDnsNames(text: string | undefined): string[] {
  // Stryker disable next-line ConditionalExpression: equivalent, the regex finds no "DNS:" in String(undefined) either.
  if (!text) return [];
  const names: string[] = [];
  // Stryker disable next-line Regex: equivalent, Node escapes a comma inside a quoted entry (\u002c), so [^,]* alone also reads it whole.
  const entry = /(?:^|, )DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    // Stryker disable next-line MethodExpression: equivalent, Node quotes a whole entry, so a quoted one starts and ends with '"'.
    names.push(m[1].startsWith('"') ? JSON.parse(m[1]) : m[1]);
  }
  return names;
}

/** What to check a certificate against. */
export interface CertificateCheckOptions {
  /** Hosts the certificate must cover (wildcard-aware). */
  readonly hosts?: readonly string[];
  /** The moment "expired" is judged at. */
  readonly now: Date;
  /**
   * The PEM private key that must belong to the certificate.
   * @default - the key is not checked
   */
  readonly privateKeyPem?: string;
  /** Name of the certificate in messages, e.g. the file path. */
  readonly label: string;
}

/** Errors and warnings about one certificate. */
export interface CertificateCheckResult {
  readonly facts?: CertificateFacts;
  readonly problems: Problem[];
  readonly warnings: string[];
}

/**
 * Whether a certificate can serve the hosts now: it parses, the key is its
 * key, it is valid at `now` and its names cover every host. Expiring within
 * 30 days is a warning. Pure (the clock is an input), so tests and the
 * policy engine get the same answers as the constructs.
 */
export function checkCertificate(certificatePem: string, options: CertificateCheckOptions): CertificateCheckResult {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  let facts: CertificateFacts;
  try {
    facts = readCertificateFacts(certificatePem);
  } catch (e) {
    problems.push({ field: 'certificate', message: `${options.label} is not a PEM certificate (${(e as Error).message}).`, fix: 'use the certificate file (BEGIN CERTIFICATE), not the key or a CSR.' });
    return { problems, warnings };
  }
  if (options.privateKeyPem !== undefined) {
    // Stryker disable next-line BooleanLiteral: equivalent, read only after checkPrivateKey assigned it (parsed stays true).
    let matches = false;
    let parsed = true;
    try {
      matches = facts.certificate.checkPrivateKey(createPrivateKey(options.privateKeyPem));
    } catch {
      parsed = false;
    }
    if (!parsed) {
      problems.push({ field: 'privateKey', message: 'is not an unencrypted PEM private key.', allowed: 'PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY"', fix: 'use the key file written by `openssl req -nodes`; decrypt an encrypted key with `openssl pkey`.' });
    } else if (!matches) {
      problems.push({ field: 'privateKey', message: `does not belong to ${options.label}; the ingress controller would reject the pair.`, fix: 'use the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`).' });
    }
  }
  const now = options.now.getTime();
  const day = 24 * 3600 * 1000;
  if (facts.notAfter.getTime() <= now) {
    problems.push({ field: 'certificate', message: `${options.label} expired on ${facts.notAfter.toISOString()}.`, value: facts.notAfter.toISOString(), allowed: `a certificate valid at ${options.now.toISOString()}`, fix: 'renew the certificate and replace the file.' });
  } else if (facts.notAfter.getTime() - now <= EXPIRY_WARNING_WINDOW.toMilliseconds()) {
    const days = Math.floor((facts.notAfter.getTime() - now) / day);
    warnings.push(`${options.label} expires on ${facts.notAfter.toISOString()} (in ${days} days); renew it.`);
  }
  if (facts.notBefore.getTime() > now) {
    warnings.push(`${options.label} is not valid before ${facts.notBefore.toISOString()}; clients will reject it until then.`);
  }
  for (const host of options.hosts ?? []) {
    if (!certificateCoversHost(facts.dnsNames, host)) {
      problems.push({
        field: 'hosts',
        message: `${options.label} does not cover ${JSON.stringify(host)}${facts.subjectAltNames.length === 0 ? ' (it has no SAN, so only its CN counts)' : ''}.`,
        value: host,
        allowed: facts.dnsNames.length > 0 ? facts.dnsNames.join(', ') : 'nothing: the certificate names no host',
        fix: 'reissue the certificate with this host (or a wildcard one label above it) in its subjectAltName, or drop the host.',
      });
    }
  }
  return { facts, problems, warnings };
}
