import { createPrivateKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { NetkitError, throwIfProblems } from '../core/errors';
import { checkCertificate, EXPIRY_WARNING_WINDOW } from './certificate-check';
import { certificateDnsNameProblems, commonNameProblems } from './dns-names';
import { LOCAL_STATE_DIRECTORY, TlsSecretOutput, writePrivateFile } from './secret-output';
import { buildSelfSignedCertificate, generateTlsKeyPair, keyAlgorithmProblems, privateKeyPem, TlsKeyAlgorithm } from './self-signed-builder';
import { TlsCertificate, TlsCertificateProps } from './tls-certificate';
import { checkProps } from '../core/props';

/** Default folder for generated development key pairs (git-ignored). */
export const DEFAULT_KEY_PAIR_DIRECTORY = join(LOCAL_STATE_DIRECTORY, 'tls');

export interface SelfSignedTlsCertificateProps extends TlsCertificateProps {
  /** The DNS names (subjectAltName) it covers; wildcards such as `*.dev.example.com` allowed. */
  readonly dnsNames: readonly string[];
  /**
   * Subject and issuer CN. Browsers ignore it when there is a SAN; it is for people reading the certificate.
   * @default - the first DNS name
   */
  readonly commonName?: string;
  /**
   * Key type.
   * @default 'rsa-2048' - what `openssl req -newkey rsa:2048` makes
   */
  readonly keyAlgorithm?: TlsKeyAlgorithm;
  /**
   * How long a new certificate is valid.
   * @default Duration.days(365)
   */
  readonly validity?: Duration;
  /**
   * Folder the generated pair is kept in, so the next run reuses it.
   * @default '.netkit/tls' - relative to the working directory, git-ignored
   */
  readonly keyPairDirectory?: string;
  /**
   * The moment validity is judged at and a new certificate starts; tests inject a fixed date.
   * @default - the current time
   */
  readonly now?: Date;
  /**
   * Where the Secret (with the private key) goes.
   * @default TlsSecretOutput.localFile() - a git-ignored file under .netkit/secrets/, never the chart
   */
  readonly secretOutput?: TlsSecretOutput;
}

/**
 * A self-signed certificate for development, like
 * `openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 -subj "/CN=…"`
 * but with SANs. Generated once and kept in a git-ignored folder: later runs
 * reuse the pair while it has the same names and key type and is more than
 * 30 days from expiry, so a synth does not rotate the key.
 *
 * The certificate differs on every machine, so neither it nor its key is
 * ever part of the chart by default; the committed output stays the same on
 * a fresh clone.
 */
export class SelfSignedTlsCertificate extends TlsCertificate {
  public readonly dnsNames: readonly string[];
  public readonly managedOutside: boolean;
  /** The CN. */
  public readonly commonName: string;
  /** The PEM certificate in use. */
  public readonly certificatePem: string;
  /** Whether this run generated a new pair (false when the stored one was reused). */
  public readonly generated: boolean;
  /** The file the pair is kept in. */
  public readonly keyPairFile: string;
  /** The Secret manifest, private key included. */
  public readonly secretManifest: ISecret;
  /** The Secret object in the chart, only with `TlsSecretOutput.manifestWithPrivateKey()`. */
  public readonly secret?: ApiObject;
  /** The git-ignored file the Secret was written to, only with `TlsSecretOutput.localFile()`. */
  public readonly secretFile?: string;

  constructor(scope: Construct, id: string, props: SelfSignedTlsCertificateProps) {
    super(scope, id, props);
    checkProps(this, 'SelfSignedTlsCertificateProps', props);
    const output = props.secretOutput ?? TlsSecretOutput.localFile();
    this.managedOutside = output.kind !== 'manifest-with-private-key';
    throwIfProblems(this, certificateDnsNameProblems('dnsNames', props.dnsNames));
    this.dnsNames = [...props.dnsNames];
    this.commonName = props.commonName ?? props.dnsNames[0];
    throwIfProblems(this, [...commonNameProblems('commonName', this.commonName), ...keyAlgorithmProblems('keyAlgorithm', props.keyAlgorithm)]);
    const algorithm = props.keyAlgorithm ?? 'rsa-2048';
    const validity = props.validity ?? Duration.days(365);
    if (validity.toMilliseconds() <= EXPIRY_WARNING_WINDOW.toMilliseconds()) {
      throw new NetkitError(this, {
        field: 'validity', message: 'is too short: a pair within 30 days of expiry is replaced on every run.',
        value: `${validity.toDays({ integral: false })} days`, allowed: 'more than 30 days', fix: 'use the default of 365 days, or at least Duration.days(31).',
      });
    }
    const now = props.now ?? new Date();
    this.keyPairFile = join(props.keyPairDirectory ?? DEFAULT_KEY_PAIR_DIRECTORY, this.namespace ?? 'default', `${this.secretName}.pem`);

    const stored = this.readStoredPair(algorithm, now, validity);
    this.generated = stored === undefined;
    let pair = stored;
    if (!pair) {
      const { privateKey, publicKey } = generateTlsKeyPair(algorithm);
      const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
      const notAfter = new Date(notBefore.getTime() + validity.toMilliseconds());
      const certificatePem = buildSelfSignedCertificate({ commonName: this.commonName, dnsNames: this.dnsNames, notBefore, notAfter }, privateKey, publicKey);
      pair = { certificatePem, privateKeyPem: privateKeyPem(privateKey) };
      writePrivateFile(this.keyPairFile, pair.certificatePem + pair.privateKeyPem);
    }
    this.certificatePem = pair.certificatePem;
    const delivered = this.deliverSecret(pair.certificatePem, pair.privateKeyPem, output);
    this.secretManifest = delivered.manifest;
    this.secret = delivered.apiObject;
    this.secretFile = delivered.file;
  }

  /** The stored pair when it still answers the request; undefined to generate a new one. */
  private readStoredPair(algorithm: TlsKeyAlgorithm, now: Date, validity: Duration): { certificatePem: string; privateKeyPem: string } | undefined {
    try {
      // A missing file throws here too: then a pair is generated.
      const text = readFileSync(this.keyPairFile, 'utf8');
      const keyStart = text.indexOf('-----BEGIN PRIVATE KEY-----');
      if (keyStart < 0) return undefined;
      const certificatePem = text.slice(0, keyStart);
      const keyPem = text.slice(keyStart);
      const soon = new Date(now.getTime() + EXPIRY_WARNING_WINDOW.toMilliseconds());
      const check = checkCertificate(certificatePem, { label: this.keyPairFile, now: soon, privateKeyPem: keyPem });
      const facts = check.facts;
      if (!facts) return undefined;
      const sameNames = facts.commonName === this.commonName
        && facts.subjectAltNames.length === this.dnsNames.length
        && facts.subjectAltNames.every((name, i) => name === this.dnsNames[i]);
      const valid = check.problems.length === 0 && facts.notBefore.getTime() <= now.getTime();
      // The same requested lifetime (to the second: X.509 times have no milliseconds); a new validity is a new request.
      const sameValidity = Math.abs((facts.notAfter.getTime() - facts.notBefore.getTime()) - validity.toMilliseconds()) < 2000;
      return sameNames && valid && sameValidity && keyAlgorithmOf(createPrivateKey(keyPem)) === algorithm ? { certificatePem, privateKeyPem: keyPem } : undefined;
    } catch {
      // A damaged or foreign file is replaced, like an expired one.
      return undefined;
    }
  }
}

function keyAlgorithmOf(key: KeyObject): TlsKeyAlgorithm | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' && details.modulusLength === 2048) return 'rsa-2048';
  if (key.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') return 'ecdsa-p256';
  return undefined;
}
