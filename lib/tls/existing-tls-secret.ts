import { Construct } from 'constructs';
import { throwIfProblems } from '../core/errors';
import { certificateDnsNameProblems } from './dns-names';
import { TlsCertificate, TlsCertificateProps } from './tls-certificate';
import { checkProps } from '../core/props';

export interface ExistingTlsSecretProps extends TlsCertificateProps {
  /**
   * The names the certificate in the Secret covers, if you know them, so an
   * Ingress can check its hosts against them.
   * @default - unknown: host coverage is not checked
   */
  readonly dnsNames?: readonly string[];
}

/**
 * A TLS Secret managed outside these manifests (Sealed Secrets, External
 * Secrets, `kubectl create secret tls`): nothing is emitted, the Ingress
 * just names it.
 */
export class ExistingTlsSecret extends TlsCertificate {
  public readonly dnsNames?: readonly string[];
  public readonly managedOutside = true;

  constructor(scope: Construct, id: string, props: ExistingTlsSecretProps = {}) {
    super(scope, id, props);
    checkProps(this, 'ExistingTlsSecretProps', props);
    if (props.dnsNames) throwIfProblems(this, certificateDnsNameProblems('dnsNames', props.dnsNames));
    this.dnsNames = props.dnsNames ? [...props.dnsNames] : undefined;
  }
}
