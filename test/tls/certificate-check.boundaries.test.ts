import { checkCertificate, EXPIRY_WARNING_WINDOW, readCertificateFacts } from '../../lib/tls';
import { makeCertificate } from './fixtures';

// Boundaries and exact texts of checkCertificate: each test here fails if a comparison is loosened or
// tightened by one (issue 17, found by `npm run mutate`). The clock is an input, so "now" is set to the
// certificate's own dates (second precision) plus or minus one millisecond.

const MS = 1;
const cert = makeCertificate({ dnsNames: ['www.example.com'], notBeforeDays: -10, notAfterDays: 100 });
const facts = readCertificateFacts(cert.certificatePem);
const at = (time: number) => new Date(time);
const check = (now: Date, more: { hosts?: string[]; privateKeyPem?: string } = {}) =>
  checkCertificate(cert.certificatePem, { label: 'tls.crt', now, ...more });

/** Signed by openssl with subject "O=Netkit Test, CN=www.example.com" and no subjectAltName (valid 2026-12-05 to 2036-12-02). */
const ORGANIZATION_AND_CN = `-----BEGIN CERTIFICATE-----
MIIBtTCCAVugAwIBAgIUGRBOHSSWQL4ImufuJde2mmI4Sg4wCgYIKoZIzj0EAwIw
MDEUMBIGA1UECgwLTmV0a2l0IFRlc3QxGDAWBgNVBAMMD3d3dy5leGFtcGxlLmNv
bTAeFw0yNjEyMDUxODM3MTZaFw0zNjEyMDIxODM3MTZaMDAxFDASBgNVBAoMC05l
dGtpdCBUZXN0MRgwFgYDVQQDDA93d3cuZXhhbXBsZS5jb20wWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAARFSHFLbHbFsevKocHmrjYgMaN4t4SuUa7eJS7qRtlloxdD
uQ8r5a6NhqR9wa1yokyX5Xd78J8cD6CBebnAPZfAo1MwUTAdBgNVHQ4EFgQUcnzU
dJNrMUvRBxr7R1Uc+KrRR7cwHwYDVR0jBBgwFoAUcnzUdJNrMUvRBxr7R1Uc+KrR
R7cwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiB9avAx1UPf1ZcC
SrAimORx9yejEC9RSOjiRy6mIIZi+wIhAKKiHhFCxkB2Z0BB6CVfnc9bsF3HEtOX
1qKLz9VweL8d
-----END CERTIFICATE-----`;

/** Signed by openssl with subject "O=Netkit Test" only: no CN and no subjectAltName (valid 2026-12-05 to 2036-12-02). */
const ORGANIZATION_ONLY = `-----BEGIN CERTIFICATE-----
MIIBgDCCASegAwIBAgIUer/mWyWaYYwUygSVwPyyy4DWNbcwCgYIKoZIzj0EAwIw
FjEUMBIGA1UECgwLTmV0a2l0IFRlc3QwHhcNMjYxMjA1MTgzNzE3WhcNMzYxMjAy
MTgzNzE3WjAWMRQwEgYDVQQKDAtOZXRraXQgVGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABNkFkf+7hmB65Oo5pbEOa1+gE3+Ci0Ta+ELkrAZn8nRmXPwDA9Uw
kRYck91Dlvw0JL2WmEP5hWOljHgC13Fdre2jUzBRMB0GA1UdDgQWBBRep9xYnc/o
FmtOX7ZHuXI0/i2VbzAfBgNVHSMEGDAWgBRep9xYnc/oFmtOX7ZHuXI0/i2VbzAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIFR25MehbWGlpjlxJne3
HgsXqA8Gpma/0BAJvck2XijXAiA9q4n+5oDEGYgh0Lm4xdZkG5wSF+dL0ygYiUqJ
40cRKA==
-----END CERTIFICATE-----`;

describe('checkCertificate at its time boundaries', () => {
  test('a certificate is expired from the instant of notAfter, and valid one millisecond before', () => {
    const notAfter = facts.notAfter.getTime();
    expect(check(at(notAfter)).problems).toEqual([{
      field: 'certificate',
      message: `tls.crt expired on ${facts.notAfter.toISOString()}.`,
      value: facts.notAfter.toISOString(),
      allowed: `a certificate valid at ${facts.notAfter.toISOString()}`,
      fix: 'renew the certificate and replace the file.',
    }]);
    expect(check(at(notAfter)).warnings).toEqual([]);
    const justBefore = check(at(notAfter - MS));
    expect(justBefore.problems).toEqual([]);
    expect(justBefore.warnings).toEqual([`tls.crt expires on ${facts.notAfter.toISOString()} (in 0 days); renew it.`]);
  });

  test('the expiry warning starts exactly 30 days before notAfter', () => {
    const windowStart = facts.notAfter.getTime() - EXPIRY_WARNING_WINDOW.toMilliseconds();
    expect(EXPIRY_WARNING_WINDOW.toDays()).toBe(30);
    expect(check(at(windowStart)).warnings).toEqual([`tls.crt expires on ${facts.notAfter.toISOString()} (in 30 days); renew it.`]);
    expect(check(at(windowStart - MS)).warnings).toEqual([]);
    expect(check(at(windowStart + MS)).warnings).toEqual([`tls.crt expires on ${facts.notAfter.toISOString()} (in 29 days); renew it.`]);
  });

  test('a certificate is valid from the instant of notBefore, and not yet one millisecond before', () => {
    const notBefore = facts.notBefore.getTime();
    expect(check(at(notBefore)).warnings).toEqual([]);
    expect(check(at(notBefore - MS))).toMatchObject({
      problems: [],
      warnings: [`tls.crt is not valid before ${facts.notBefore.toISOString()}; clients will reject it until then.`],
    });
  });
});

describe('checkCertificate messages', () => {
  const now = at(facts.notBefore.getTime() + 1000);

  test('a file that is not a certificate: field, message and fix', () => {
    expect(checkCertificate('-----BEGIN PRIVATE KEY-----\n...', { label: 'tls.crt', now })).toEqual({
      problems: [{
        field: 'certificate',
        message: 'tls.crt is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" block).',
        fix: 'use the certificate file (BEGIN CERTIFICATE), not the key or a CSR.',
      }],
      warnings: [],
    });
  });

  test('a key that does not parse: field, message, allowed and fix', () => {
    expect(check(now, { privateKeyPem: 'not a key' }).problems).toEqual([{
      field: 'privateKey',
      message: 'is not an unencrypted PEM private key.',
      allowed: 'PKCS#8 "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY"',
      fix: 'use the key file written by `openssl req -nodes`; decrypt an encrypted key with `openssl pkey`.',
    }]);
  });

  test('a key of another certificate: field, message and fix; its own key passes', () => {
    const other = makeCertificate({ dnsNames: ['www.example.com'] });
    expect(check(now, { privateKeyPem: other.privateKeyPem }).problems).toEqual([{
      field: 'privateKey',
      message: 'does not belong to tls.crt; the ingress controller would reject the pair.',
      fix: 'use the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`).',
    }]);
    expect(check(now, { privateKeyPem: cert.privateKeyPem }).problems).toEqual([]);
  });

  test('a host the SANs miss: value, allowed (the SANs) and fix', () => {
    expect(check(now, { hosts: ['www.example.com', 'api.example.com'] }).problems).toEqual([{
      field: 'hosts',
      message: 'tls.crt does not cover "api.example.com".',
      value: 'api.example.com',
      allowed: 'www.example.com',
      fix: 'reissue the certificate with this host (or a wildcard one label above it) in its subjectAltName, or drop the host.',
    }]);
  });

  test('without a SAN only the CN counts, even when another attribute comes first in the subject', () => {
    const withCn = readCertificateFacts(ORGANIZATION_AND_CN);
    expect(withCn).toMatchObject({ commonName: 'www.example.com', subjectAltNames: [], dnsNames: ['www.example.com'] });
    const result = checkCertificate(ORGANIZATION_AND_CN, { label: 'tls.crt', now: new Date('2027-01-01T00:00:00Z'), hosts: ['www.example.com', 'api.example.com'] });
    expect(result.problems).toEqual([{
      field: 'hosts',
      message: 'tls.crt does not cover "api.example.com" (it has no SAN, so only its CN counts).',
      value: 'api.example.com',
      allowed: 'www.example.com',
      fix: 'reissue the certificate with this host (or a wildcard one label above it) in its subjectAltName, or drop the host.',
    }]);
  });

  test('a certificate with neither SAN nor CN names no host', () => {
    const nameless = readCertificateFacts(ORGANIZATION_ONLY);
    expect(nameless).toMatchObject({ commonName: undefined, subjectAltNames: [], dnsNames: [] });
    const result = checkCertificate(ORGANIZATION_ONLY, { label: 'tls.crt', now: new Date('2027-01-01T00:00:00Z'), hosts: ['www.example.com'] });
    expect(result.problems).toEqual([expect.objectContaining({
      message: 'tls.crt does not cover "www.example.com" (it has no SAN, so only its CN counts).',
      allowed: 'nothing: the certificate names no host',
    })]);
  });

  test('an empty CN and no SAN also name no host', () => {
    const empty = makeCertificate({ dnsNames: [], commonName: '' });
    expect(readCertificateFacts(empty.certificatePem)).toMatchObject({ commonName: '', dnsNames: [] });
  });

  test('SAN entries Node prints JSON-quoted (a comma inside) are read whole, next to plain ones', () => {
    const quoted = makeCertificate({ dnsNames: ['a,b.example.com', 'www.example.com'] });
    expect(readCertificateFacts(quoted.certificatePem).subjectAltNames).toEqual(['a,b.example.com', 'www.example.com']);
  });
});
