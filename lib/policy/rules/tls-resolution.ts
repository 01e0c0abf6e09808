import { X509Certificate } from 'node:crypto';
import { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** What a TLS secretName of an Ingress resolves to in the app. */
export interface ResolvedTlsSecret {
  /** The kubernetes.io/tls Secret, or the object that will write it (cert-manager Certificate, SealedSecret, ExternalSecret). */
  readonly source: PolicyObject;
  /** The DNS names the certificate covers when known at synth; undefined when not known. */
  readonly dnsNames?: readonly string[];
}

interface SecretSources {
  /** `namespace/secret name` → the object that writes it. */
  readonly bySecret: Map<string, PolicyObject>;
  /** Namespaces with at least one such object. */
  readonly namespaces: Set<string | undefined>;
}

const sourcesBySecret = new WeakMap<PolicyContext, SecretSources>();
const namesCache = new WeakMap<object, readonly string[] | undefined>();

/**
 * Objects that make a Secret appear in the cluster, by `namespace/secret name`:
 * cert-manager Certificates (spec.secretName), Sealed Secrets (the same name)
 * and External Secrets (spec.target.name, else their own name). Built once per context.
 */
function secretSources(context: PolicyContext): SecretSources {
  let index = sourcesBySecret.get(context);
  if (!index) {
    const bySecret = new Map<string, PolicyObject>();
    const namespaces = new Set<string | undefined>();
    const add = (o: PolicyObject, secretName: unknown) => {
      if (typeof secretName !== 'string' || !secretName) return;
      namespaces.add(o.namespace);
      if (!bySecret.has(`${o.namespace}/${secretName}`)) bySecret.set(`${o.namespace}/${secretName}`, o);
    };
    for (const cert of context.ofKind('Certificate')) if (cert.apiVersion.startsWith('cert-manager.io/')) add(cert, cert.manifest.spec?.secretName);
    for (const sealed of context.ofKind('SealedSecret')) if (sealed.apiVersion.startsWith('bitnami.com/')) add(sealed, sealed.name);
    for (const external of context.ofKind('ExternalSecret')) {
      if (external.apiVersion.startsWith('external-secrets.io/')) add(external, external.manifest.spec?.target?.name ?? external.name);
    }
    index = { bySecret, namespaces };
    sourcesBySecret.set(context, index);
  }
  return index;
}

/** Whether the manifests hold anything a TLS secretName in this namespace could resolve to. */
export function hasTlsSecretSources(context: PolicyContext, namespace: string | undefined): boolean {
  return context.hasAny('Secret', namespace) || (!context.options.incompleteInput && secretSources(context).namespaces.has(namespace));
}

/** The Secret (any type), or the object that will write it, behind a secretName, if the app has one. */
export function resolveTlsSecret(context: PolicyContext, namespace: string | undefined, secretName: string): ResolvedTlsSecret | undefined {
  const secret = context.find('Secret', namespace, secretName);
  if (secret) return { source: secret, dnsNames: secretCertificateNames(secret.manifest) };
  const source = secretSources(context).bySecret.get(`${namespace}/${secretName}`);
  if (source?.kind === 'Certificate') {
    const spec = source.manifest.spec ?? {};
    const names = [...(Array.isArray(spec.dnsNames) ? spec.dnsNames : []), ...(spec.commonName ? [spec.commonName] : [])];
    return { source, dnsNames: names };
  }
  // A sealed or external Secret: its certificate is not readable here.
  return source ? { source } : undefined;
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
