import type { IIngressTLS } from 'kubernetes-models/networking.k8s.io/v1/IngressTLS';
import { Problem } from '../core/errors';
import { ITlsCertificateRef } from '../tls/certificate-ref';
import { certificateCoversHost } from '../tls/host-coverage';

/** One TLS block of an Ingress: the hosts it serves over HTTPS and the Secret with their certificate. */
export interface IngressTlsOptions {
  /** The hosts served with this certificate (each must also have a rule to be reachable). */
  readonly hosts: string[];
  /**
   * The certificate, as made by lib/tls; its DNS names, when known, must cover every host.
   * @default - give `secretName` instead
   */
  readonly certificate?: ITlsCertificateRef;
  /**
   * The name of a kubernetes.io/tls Secret managed outside these manifests (recorded in the
   * `netkit.io/external-secrets` annotation). Give either this or `certificate`.
   * @default - the certificate's Secret
   */
  readonly secretName?: string;
}

/** A TLS block after checks: the Secret name and, when known, the certificate. */
export interface ResolvedIngressTls {
  readonly hosts: string[];
  readonly secretName: string;
  readonly certificate?: ITlsCertificateRef;
  /** Whether the Secret is not in these manifests (a bare secretName, or a certificate managed outside). */
  readonly external: boolean;
}

/**
 * Whether a certificate's Secret lives outside the manifests. Reads the
 * optional `managedOutside` member lib/tls adds to ITlsCertificateRef, so
 * this works before and after that member exists.
 */
export function isManagedOutside(certificate: ITlsCertificateRef): boolean {
  return (certificate as { readonly managedOutside?: boolean }).managedOutside === true;
}

/**
 * The hosts a certificate with known DNS names does not cover (RFC 6125
 * matching: `*.d` covers `a.d`, not `a.b.d` nor `d`). None when the names are unknown.
 */
export function uncoveredHostProblems(field: string, hosts: readonly string[], certificate: ITlsCertificateRef): Problem[] {
  const names = certificate.dnsNames;
  if (names === undefined) return [];
  return hosts.flatMap((host, i) => (certificateCoversHost(names, host) ? [] : [{
    field: `${field}[${i}]`,
    message: `is not covered by the certificate in Secret "${certificate.secretName}"; clients would reject the connection.`,
    value: host,
    allowed: names.join(', ') || 'none',
    fix: 'add the host to the certificate\'s DNS names (a "*.<domain>" name covers exactly one label), or serve it with another certificate.',
  }]));
}

/** The Ingress `spec.tls` list, one block per Secret in first-seen order, hosts deduplicated. */
export function renderTls(blocks: readonly ResolvedIngressTls[]): IIngressTLS[] {
  // Sets keep first-seen order and make this linear in the number of hosts.
  const bySecret = new Map<string, Set<string>>();
  for (const block of blocks) {
    const hosts = bySecret.get(block.secretName) ?? new Set<string>();
    for (const host of block.hosts) hosts.add(host);
    bySecret.set(block.secretName, hosts);
  }
  return [...bySecret.entries()].map(([secretName, hosts]) => ({ hosts: [...hosts], secretName }));
}
