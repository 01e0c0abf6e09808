import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { Problem } from '../core/errors';
import {
  bitString, boolean, explicit, implicitPrimitive, integer, nullValue, objectIdentifier, octetString,
  sequence, set, time, tlv, toPem, utf8String,
} from './der';

/** The key types a generated certificate can have (what browsers and ingress-nginx accept everywhere). */
export type TlsKeyAlgorithm = 'rsa-2048' | 'ecdsa-p256';

const TLS_KEY_ALGORITHMS: readonly string[] = ['rsa-2048', 'ecdsa-p256'];

/** Any other value would silently become an ECDSA key (self-signed and cert-manager alike), so it is refused. */
export function keyAlgorithmProblems(field: string, value: unknown): Problem[] {
  if (value === undefined || TLS_KEY_ALGORITHMS.includes(value as string)) return [];
  return [{ field, message: 'is not a key type these certificates are made with.', value, allowed: TLS_KEY_ALGORITHMS.join(', '), fix: 'use "rsa-2048" (the widest support) or "ecdsa-p256".' }];
}

/** What to put in a self-signed certificate. */
export interface SelfSignedCertificateSpec {
  /** Subject and issuer CN. */
  readonly commonName: string;
  /** DNS names for the subjectAltName extension (wildcards allowed). */
  readonly dnsNames: readonly string[];
  /** Start of validity. */
  readonly notBefore: Date;
  /** End of validity. */
  readonly notAfter: Date;
  /**
   * Positive serial number, big-endian.
   * @default - 16 random bytes
   */
  readonly serialNumber?: Buffer;
}

// Object identifiers from RFC 5280 (extensions), RFC 4055 and RFC 5758 (signatures).
const OID = {
  commonName: '2.5.4.3',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

/** A new key pair, synchronously (constructs cannot await). */
export function generateTlsKeyPair(algorithm: TlsKeyAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  return algorithm === 'rsa-2048'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** The private key as unencrypted PKCS#8 PEM, the form `openssl req -nodes` writes. */
export function privateKeyPem(privateKey: KeyObject): string {
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return sequence(objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value));
}

function name(commonName: string): Buffer {
  return sequence(set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))));
}

/**
 * A self-signed X.509 v3 server certificate as PEM, equivalent to
 * `openssl req -x509 -sha256 -nodes -newkey …` plus a subjectAltName:
 * SHA-256 signature, not a CA, key usage for TLS servers.
 */
export function buildSelfSignedCertificate(spec: SelfSignedCertificateSpec, privateKey: KeyObject, publicKey: KeyObject): string {
  const isRsa = privateKey.asymmetricKeyType === 'rsa';
  const signatureAlgorithm = isRsa
    ? sequence(objectIdentifier(OID.sha256WithRsa), nullValue())
    : sequence(objectIdentifier(OID.ecdsaWithSha256));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = spec.serialNumber ?? randomBytes(16);
  serial[0] &= 0x7f;
  // digitalSignature (+ keyEncipherment for RSA key exchange), as a BIT STRING with its unused-bit count.
  const keyUsage = isRsa ? tlv(0x03, Buffer.from([5, 0xa0])) : tlv(0x03, Buffer.from([7, 0x80]));
  const extensions = [
    extension(OID.basicConstraints, true, sequence()),
    extension(OID.keyUsage, true, keyUsage),
    extension(OID.extKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
    extension(OID.subjectKeyIdentifier, false, octetString(createHash('sha1').update(spki).digest())),
  ];
  if (spec.dnsNames.length > 0) {
    const names = spec.dnsNames.map((dns) => implicitPrimitive(2, Buffer.from(dns, 'ascii')));
    extensions.push(extension(OID.subjectAltName, false, sequence(...names)));
  }
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    signatureAlgorithm,
    name(spec.commonName),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.commonName),
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, privateKey);
  return toPem('CERTIFICATE', sequence(tbs, signatureAlgorithm, bitString(signature)));
}
