import { X509Certificate } from 'node:crypto';
import { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** What a TLS secretName of an Ingress resolves to in the app. */
export interface ResolvedTlsSecret {
  /** The kubernetes.io/tls Secret, or the cert-manager Certificate that will write it. */
  readonly source: PolicyObject;
  /** The DNS names the certificate covers when known at synth; undefined when not known. */
  readonly dnsNames?: readonly string[];
}

const certificatesBySecret = new WeakMap<PolicyContext, Map<string, PolicyObject>>();
const namesCache = new WeakMap<object, readonly string[] | undefined>();

/** cert-manager Certificates by `namespace/secretName`, built once per context. */
function certificateIndex(context: PolicyContext): Map<string, PolicyObject> {
  let index = certificatesBySecret.get(context);
  if (!index) {
    index = new Map();
    for (const cert of context.ofKind('Certificate')) {
      if (!cert.apiVersion.startsWith('cert-manager.io/')) continue;
      const secretName = cert.manifest.spec?.secretName;
      if (typeof secretName === 'string') index.set(`${cert.namespace}/${secretName}`, cert);
    }
    certificatesBySecret.set(context, index);
  }
  return index;
}

/** The Secret (any type) or Certificate behind a secretName, if the app has one. */
export function resolveTlsSecret(context: PolicyContext, namespace: string | undefined, secretName: string): ResolvedTlsSecret | undefined {
  const secret = context.find('Secret', namespace, secretName);
  if (secret) return { source: secret, dnsNames: secretCertificateNames(secret.manifest) };
  const cert = certificateIndex(context).get(`${namespace}/${secretName}`);
  if (cert) {
    const spec = cert.manifest.spec ?? {};
    const names = [...(Array.isArray(spec.dnsNames) ? spec.dnsNames : []), ...(spec.commonName ? [spec.commonName] : [])];
    return { source: cert, dnsNames: names };
  }
  return undefined;
}

/**
 * The DNS names of the certificate in a TLS Secret (its SANs, or the CN when
 * it has none), read from `stringData` or base64 `data`; undefined when the
 * Secret carries no readable certificate.
 */
export function secretCertificateNames(secret: any): readonly string[] | undefined {
  if (namesCache.has(secret)) return namesCache.get(secret);
  let names: readonly string[] | undefined;
  const pem = secret?.stringData?.['tls.crt']
    ?? (typeof secret?.data?.['tls.crt'] === 'string' ? Buffer.from(secret.data['tls.crt'], 'base64').toString('utf8') : undefined);
  if (typeof pem === 'string' && pem.includes('BEGIN CERTIFICATE')) {
    try {
      const cert = new X509Certificate(pem);
      const sans = (cert.subjectAltName ?? '').split(',').map((s) => s.trim()).filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
      const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
      names = sans.length > 0 ? sans : cn ? [cn] : [];
    } catch {
      names = undefined;
    }
  }
  namesCache.set(secret, names);
  return names;
}
