/**
 * A `kubernetes.io/tls` Secret an Ingress can name in `tls[].secretName`,
 * whatever made it (PEM files, a self-signed pair, cert-manager, or a Secret
 * managed elsewhere). Implemented by the certificate sources in this folder.
 */
export interface ITlsCertificateRef {
  /** The Secret's name. */
  readonly secretName: string;
  /** The Secret's namespace, when known. */
  readonly namespace?: string;
  /**
   * The DNS names the certificate covers (its SANs, or CN when it has none),
   * when known at synth time; undefined when the certificate is not known
   * (an existing Secret), so coverage cannot be checked.
   */
  readonly dnsNames?: readonly string[];
}
