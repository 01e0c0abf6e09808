import { createPrivateKey } from 'node:crypto';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { MAX_SECRET_SIZE_BYTES, tlsSecretProblems } from '../../lib/tls';
import { makeCertificate } from './fixtures';

const cert = makeCertificate({ dnsNames: ['web.example.com'] });
const b64 = (s: string) => Buffer.from(s).toString('base64');

function secret(overrides: Partial<ISecret> = {}): ISecret {
  return {
    apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-tls', namespace: 'dev' }, type: 'kubernetes.io/tls',
    data: { 'tls.crt': b64(cert.certificatePem), 'tls.key': b64(cert.privateKeyPem) },
    ...overrides,
  };
}

const fields = (s: ISecret) => tlsSecretProblems(s).map((p) => `${p.field}: ${p.message}`);

describe('tlsSecretProblems', () => {
  test('a Secret as `kubectl create secret tls` makes it has no problems', () => {
    expect(tlsSecretProblems(secret())).toEqual([]);
  });

  test('stringData counts like data (the API server merges them)', () => {
    expect(tlsSecretProblems(secret({ data: undefined, stringData: { 'tls.crt': cert.certificatePem, 'tls.key': cert.privateKeyPem } }))).toEqual([]);
  });

  test('the type must be kubernetes.io/tls', () => {
    const problems = tlsSecretProblems(secret({ type: 'Opaque' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'type', value: 'Opaque', allowed: 'kubernetes.io/tls' });
    expect(problems[0].fix).toContain('kubectl create secret tls');
  });

  test('both tls.crt and tls.key must be present', () => {
    expect(fields(secret({ data: { 'tls.crt': b64(cert.certificatePem) } }))).toEqual([
      'data["tls.key"]: is missing; a TLS Secret needs both tls.crt and tls.key.',
    ]);
    expect(fields(secret({ data: { 'tls.key': b64(cert.privateKeyPem) } }))).toEqual([
      'data["tls.crt"]: is missing; a TLS Secret needs both tls.crt and tls.key.',
    ]);
  });

  test('tls.crt must be a PEM certificate and tls.key a PEM private key', () => {
    expect(fields(secret({ data: { 'tls.crt': b64(cert.privateKeyPem), 'tls.key': b64(cert.certificatePem) } }))).toEqual([
      'data["tls.crt"]: is not a PEM certificate, so the ingress controller cannot serve it.',
      'data["tls.key"]: is not a PEM private key.',
    ]);
  });

  test('a corrupted certificate or key is reported', () => {
    const brokenCert = cert.certificatePem.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    const brokenKey = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
    expect(fields(secret({ data: { 'tls.crt': b64(brokenCert), 'tls.key': b64(brokenKey) } }))).toEqual([
      'data["tls.crt"]: is not a PEM certificate, so the ingress controller cannot serve it.',
      'data["tls.key"]: looks like a PEM private key but does not parse.',
    ]);
  });

  test('an encrypted private key is rejected (controllers cannot ask for a passphrase)', () => {
    const encrypted = createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }).toString();
    const problems = tlsSecretProblems(secret({ data: { 'tls.crt': b64(cert.certificatePem), 'tls.key': b64(encrypted) } }));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe('is an encrypted private key; ingress controllers cannot ask for a passphrase.');
    expect(problems[0].fix).toContain('openssl pkey');
  });

  test('data values must be base64', () => {
    const problems = tlsSecretProblems(secret({ data: { 'tls.crt': cert.certificatePem, 'tls.key': b64(cert.privateKeyPem) } }));
    expect(problems.map((p) => p.field)).toEqual(['data["tls.crt"]']);
    expect(problems[0].message).toBe('is not base64; `data` values must be base64-encoded.');
  });

  test('base64 wrapped at newlines passes; a space or tab inside is refused (the API server decodes with Go\'s StdEncoding, which skips only \\r and \\n)', () => {
    const wrap = (value: string, sep: string) => value.replace(/(.{64})/g, `$1${sep}`);
    const data = (sep: string) => ({ 'tls.crt': wrap(b64(cert.certificatePem), sep), 'tls.key': b64(cert.privateKeyPem) });
    expect(tlsSecretProblems(secret({ data: data('\n') }))).toEqual([]);
    expect(tlsSecretProblems(secret({ data: data('\r\n') }))).toEqual([]);
    for (const sep of [' ', '\t']) {
      expect(tlsSecretProblems(secret({ data: data(sep) })).map((p) => [p.field, p.message])).toEqual([['data["tls.crt"]', 'is not base64; `data` values must be base64-encoded.']]);
    }
  });

  test('data keys must be valid Secret keys', () => {
    const problems = tlsSecretProblems(secret({ data: { ...secret().data, 'bad/key': b64('x'), '..hidden': b64('x') } }));
    expect(problems.map((p) => [p.field, p.value])).toEqual([
      ['data["bad/key"]', 'bad/key'],
      ['data["..hidden"]', '..hidden'],
    ]);
  });

  test('the Secret name must be a DNS-1123 subdomain', () => {
    const problems = tlsSecretProblems(secret({ metadata: { name: 'Web_TLS' } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'metadata.name', value: 'Web_TLS' });
  });

  test('the total size is at most 1 MiB', () => {
    const big = b64('x'.repeat(MAX_SECRET_SIZE_BYTES));
    const problems = tlsSecretProblems(secret({ data: { ...secret().data, 'ca.crt': big } }));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('data');
    expect(problems[0].message).toBe('is larger than the API server accepts.');
    expect(problems[0].allowed).toBe('at most 1048576 bytes (1 MiB)');
  });
});
