import { execFileSync } from 'node:child_process';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { buildSelfSignedCertificate, generateTlsKeyPair } from '../../lib/tls';

describe('buildSelfSignedCertificate', () => {
  test.each(['rsa-2048', 'ecdsa-p256'] as const)('%s: a v3 certificate whose signature, names, dates and key check out', (algorithm) => {
    const { privateKey, publicKey } = generateTlsKeyPair(algorithm);
    const pem = buildSelfSignedCertificate({
      commonName: 'xiaohan.com', dnsNames: ['nginx.xiaohan.com', '*.apps.xiaohan.com'],
      notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z'),
      serialNumber: Buffer.from('8123456789abcdef', 'hex'),
    }, privateKey, publicKey);
    const cert = new X509Certificate(pem);
    expect(cert.verify(publicKey)).toBe(true);
    expect(cert.checkPrivateKey(privateKey)).toBe(true);
    expect(cert.subject).toBe('CN=xiaohan.com');
    expect(cert.issuer).toBe('CN=xiaohan.com');
    expect(cert.subjectAltName).toBe('DNS:nginx.xiaohan.com, DNS:*.apps.xiaohan.com');
    expect(new Date(cert.validFrom).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    // The top bit is cleared so the serial stays positive.
    expect(cert.serialNumber).toBe('0123456789ABCDEF');
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(createPublicKey(pem).asymmetricKeyType).toBe(algorithm === 'rsa-2048' ? 'rsa' : 'ec');
  });

  test('dates from 2050 on are encoded as GeneralizedTime', () => {
    const { privateKey, publicKey } = generateTlsKeyPair('ecdsa-p256');
    const pem = buildSelfSignedCertificate({ commonName: 'a.example.com', dnsNames: ['a.example.com'], notBefore: new Date('2049-12-31T00:00:00Z'), notAfter: new Date('2051-06-01T12:30:00Z') }, privateKey, publicKey);
    const cert = new X509Certificate(pem);
    expect(new Date(cert.validFrom).toISOString()).toBe('2049-12-31T00:00:00.000Z');
    expect(new Date(cert.validTo).toISOString()).toBe('2051-06-01T12:30:00.000Z');
  });

  // openssl is a second, independent parser; skipped where it is not installed.
  const openssl = (() => { try { execFileSync('openssl', ['version']); return true; } catch { return false; } })();
  (openssl ? test : test.skip)('openssl reads the same names and extensions', () => {
    const { privateKey, publicKey } = generateTlsKeyPair('ecdsa-p256');
    const pem = buildSelfSignedCertificate({ commonName: 'a.example.com', dnsNames: ['a.example.com'], notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2099-01-01T00:00:00Z') }, privateKey, publicKey);
    const text = execFileSync('openssl', ['x509', '-noout', '-text'], { input: pem }).toString();
    expect(text).toContain('DNS:a.example.com');
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).toContain('Digital Signature');
  });
});
