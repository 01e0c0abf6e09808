// tlsSecretProblems at its edges, with the whole problem a user sees (value, allowed, fix): written from the first
// mutation run over tls-secret-validation.ts (docs/testing.md), as ValidateSecret (pkg/apis/core/validation) and
// Go's base64 decoding of `data` judge a Secret, plus what an ingress controller needs to serve it.
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { MAX_SECRET_SIZE_BYTES, tlsSecretProblems } from '../../lib/tls';
import { makeCertificate } from './fixtures';

const cert = makeCertificate({ dnsNames: ['web.example.com'] });
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (overrides: Partial<ISecret> = {}): ISecret => ({
  apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: 'dev' }, type: 'kubernetes.io/tls',
  data: { 'tls.crt': b64(cert.certificatePem), 'tls.key': b64(cert.privateKeyPem) }, ...overrides,
});
const NOT_BASE64 = {
  message: 'is not base64; `data` values must be base64-encoded.', value: undefined, allowed: 'base64 (RFC 4648)',
  fix: 'encode the value with base64, or put the plain text under stringData.',
};

describe('the Secret itself', () => {
  test('without metadata, the name is judged as ""', () => {
    expect(tlsSecretProblems(secret({ metadata: undefined }))).toEqual([expect.objectContaining({ field: 'metadata.name', message: 'is not a valid Secret name.', value: '' })]);
  });
  test('another type: the whole message, value, allowed and fix', () => {
    expect(tlsSecretProblems(secret({ type: 'Opaque' }))).toEqual([{
      field: 'type', message: 'is not kubernetes.io/tls; ingress controllers only read certificates from TLS Secrets.', value: 'Opaque',
      allowed: 'kubernetes.io/tls', fix: 'set type: kubernetes.io/tls (what `kubectl create secret tls` does).',
    }]);
  });
});

describe('data keys (IsConfigMapKey)', () => {
  const withKey = (key: string) => tlsSecretProblems(secret({ data: { ...secret().data, [key]: b64('x') } }));
  test('253 characters pass; 254, ".", ".." and a key starting with ".." are refused with the rule and the fix', () => {
    expect(withKey('k'.repeat(253))).toEqual([]);
    expect(withKey('.a')).toEqual([]);
    for (const key of ['k'.repeat(254), '.', '..', '..a']) {
      expect(withKey(key)).toEqual([{
        field: `data[${JSON.stringify(key)}]`, message: 'is not a valid Secret data key.', value: key,
        allowed: 'letters, digits, "-", "_" and ".", at most 253 characters, not "." or starting with ".."', fix: 'rename the key, e.g. "tls.crt".',
      }]);
    }
  });
});

describe('data values (Go base64.StdEncoding: padded, only \\r and \\n skipped)', () => {
  test('a value that is not a string, or not a multiple of 4 characters, is not base64; the key then counts as present, undecoded', () => {
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'tls.crt': 5 as any } }))).toEqual([{ field: 'data["tls.crt"]', ...NOT_BASE64 }]);
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'tls.key': 'YWJjZ' } }))).toEqual([{ field: 'data["tls.key"]', ...NOT_BASE64 }]);
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'ca.crt': 'YWJjZA' } }))).toEqual([{ field: 'data["ca.crt"]', ...NOT_BASE64 }]);
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'ca.crt': 'YWJjZA==' } }))).toEqual([]);
  });
});

describe('stringData (merged over data by the API server)', () => {
  test('a stringData certificate is judged, and wins over data on the same key', () => {
    const notPem = {
      field: 'data["tls.crt"]', message: 'is not a PEM certificate, so the ingress controller cannot serve it.', value: undefined,
      allowed: 'one or more "-----BEGIN CERTIFICATE-----" blocks, leaf first', fix: 'put the PEM file from your CA or `openssl req -x509` here (base64-encoded under data).',
    };
    expect(tlsSecretProblems(secret({ stringData: { 'tls.crt': 'not a certificate' } }))).toEqual([notPem]);
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'tls.crt': b64('junk') }, stringData: { 'tls.crt': cert.certificatePem } }))).toEqual([]);
  });
  test('a stringData value that is not a string is not read (the schema refuses it)', () => {
    expect(tlsSecretProblems(secret({ stringData: { 'tls.crt': 5 as any } }))).toEqual([]);
  });
});

describe('the certificate and the key', () => {
  test('missing: each with its fix', () => {
    expect(tlsSecretProblems(secret({ data: {} }))).toEqual([
      { field: 'data["tls.crt"]', message: 'is missing; a TLS Secret needs both tls.crt and tls.key.', value: undefined, allowed: undefined, fix: 'add the PEM certificate (chain) under tls.crt.' },
      { field: 'data["tls.key"]', message: 'is missing; a TLS Secret needs both tls.crt and tls.key.', value: undefined, allowed: undefined, fix: 'add the PEM private key under tls.key.' },
    ]);
  });
  test('a key that is not a PEM key: what is allowed and the fix', () => {
    expect(tlsSecretProblems(secret({ data: { ...secret().data, 'tls.key': b64('junk') } }))).toEqual([{
      field: 'data["tls.key"]', message: 'is not a PEM private key.', value: undefined,
      allowed: 'an unencrypted PEM private key (PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY")',
      fix: 'use the key file written by `openssl req -nodes`; decrypt an encrypted key with `openssl pkey -in key.pem -out plain.pem`.',
    }]);
  });
});

describe('the size limit (MaxSecretSize, the decoded bytes of all keys)', () => {
  const padded = (extra: number) => {
    const pad = MAX_SECRET_SIZE_BYTES - Buffer.byteLength(cert.certificatePem) - Buffer.byteLength(cert.privateKeyPem) + extra;
    return tlsSecretProblems(secret({ data: { ...secret().data, 'ca.crt': b64('x'.repeat(pad)) } }));
  };
  test('exactly 1 MiB passes; one byte more is refused with the size, the limit and the fix', () => {
    expect(padded(0)).toEqual([]);
    expect(padded(1)).toEqual([{
      field: 'data', message: 'is larger than the API server accepts.', value: `${MAX_SECRET_SIZE_BYTES + 1} bytes`,
      allowed: 'at most 1048576 bytes (1 MiB)', fix: 'keep only the leaf certificate and its intermediates in tls.crt.',
    }]);
  });
});
