import { readFileSync } from 'node:fs';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { addWarning } from '../core/warnings';
import { checkCertificate } from './certificate-check';
import { certificateDnsNameProblems } from './dns-names';
import { TlsSecretOutput } from './secret-output';
import { TlsCertificate, TlsCertificateProps } from './tls-certificate';
import { checkProps } from '../core/props';

export interface PemFileTlsCertificateProps extends TlsCertificateProps {
  /** Path of the PEM certificate (chain, leaf first), e.g. the `tls.crt` of `openssl req -x509 -out tls.crt`. */
  readonly certificateFile: string;
  /** Path of the unencrypted PEM private key, e.g. the `tls.key` of `openssl req -nodes -keyout tls.key`. */
  readonly privateKeyFile: string;
  /**
   * Hosts the certificate must cover (wildcard-aware, SANs or else the CN); an uncovered host is an error.
   * @default - no host is checked here (an Ingress still checks its own hosts against `dnsNames`)
   */
  readonly hosts?: readonly string[];
  /**
   * The moment expiry is judged at; tests inject a fixed date.
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
 * A certificate and key from PEM files: the `openssl req -x509 …` then
 * `kubectl create secret tls` workflow, checked when the app runs. The key
 * must belong to the certificate, the certificate must cover `hosts` and not
 * be expired (an error); expiring within 30 days is a warning.
 */
export class PemFileTlsCertificate extends TlsCertificate {
  /** The names the certificate covers: its SAN DNS names, or its CN when it has no SAN. */
  public readonly dnsNames: readonly string[];
  public readonly managedOutside: boolean;
  /** The PEM certificate as read. */
  public readonly certificatePem: string;
  /** When the certificate expires. */
  public readonly notAfter: Date;
  /** The Secret manifest, private key included. */
  public readonly secretManifest: ISecret;
  /** The Secret object in the chart, only with `TlsSecretOutput.manifestWithPrivateKey()`. */
  public readonly secret?: ApiObject;
  /** The git-ignored file the Secret was written to, only with `TlsSecretOutput.localFile()`. */
  public readonly secretFile?: string;

  constructor(scope: Construct, id: string, props: PemFileTlsCertificateProps) {
    super(scope, id, props);
    checkProps(this, 'PemFileTlsCertificateProps', props);
    const output = props.secretOutput ?? TlsSecretOutput.localFile();
    this.managedOutside = output.kind !== 'manifest-with-private-key';
    // An empty list checks no host, as when hosts is left out (certificateDnsNameProblems would call it a certificate without names).
    if (props.hosts && props.hosts.length > 0) throwIfProblems(this, certificateDnsNameProblems('hosts', props.hosts));
    this.certificatePem = this.readPem('certificateFile', props.certificateFile);
    const privateKeyPem = this.readPem('privateKeyFile', props.privateKeyFile);
    const result = checkCertificate(this.certificatePem, {
      label: `certificate ${props.certificateFile}`,
      hosts: props.hosts,
      now: props.now ?? new Date(),
      privateKeyPem,
    });
    // The check names the certificate and key; the user gave them as the two file props.
    throwIfProblems(this, result.problems.map((p): Problem => {
      if (p.field === 'privateKey') return { ...p, field: 'privateKeyFile', value: props.privateKeyFile };
      if (p.field === 'certificate') return { ...p, field: 'certificateFile', value: p.value ?? props.certificateFile };
      return p;
    }));
    for (const warning of result.warnings) addWarning(this, warning);
    this.dnsNames = result.facts!.dnsNames;
    this.notAfter = result.facts!.notAfter;
    const delivered = this.deliverSecret(this.certificatePem, privateKeyPem, output);
    this.secretManifest = delivered.manifest;
    this.secret = delivered.apiObject;
    this.secretFile = delivered.file;
  }

  private readPem(field: string, file: string): string {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new NetkitError(this, {
        field, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, value: file,
        fix: 'give the path of the PEM file, relative to the folder you run `cdk8s synth` in.',
      });
    }
  }
}
