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
  /**
   * True when nothing in the synthesized manifests provides the Secret: it
   * exists already (Sealed/External Secrets, `kubectl create secret tls`),
   * or its private key is deliberately kept out of the committed output. An
   * Ingress then lists the Secret in the `netkit.io/external-secrets`
   * annotation so the "TLS secret exists" policy knows it is provided
   * elsewhere. False for cert-manager: its Certificate, which is in the
   * manifests, names the Secret it writes.
   * @default false - the Secret, or a cert-manager Certificate writing it, is in the manifests
   */
  readonly managedOutside?: boolean;
}
