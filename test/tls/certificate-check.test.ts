import { checkCertificate, readCertificateFacts } from '../../lib/tls';
import { makeCertificate, NOW } from './fixtures';

describe('checkCertificate', () => {
  const good = makeCertificate({ dnsNames: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'], commonName: 'xiaohan.com' });

  test('a matching, valid, covering certificate has no problems and no warnings', () => {
    const result = checkCertificate(good.certificatePem, { label: 'cert', now: NOW, privateKeyPem: good.privateKeyPem, hosts: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'] });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.facts!.dnsNames).toEqual(['nginx.xiaohan.com', 'tomcat.xiaohan.com']);
    expect(result.facts!.commonName).toBe('xiaohan.com');
  });

  test('an expired certificate is an error naming the expiry date', () => {
    const expired = makeCertificate({ dnsNames: ['a.example.com'], notBeforeDays: -400, notAfterDays: -1 });
    const result = checkCertificate(expired.certificatePem, { label: 'certificate tls.crt', now: NOW });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toBe('certificate tls.crt expired on 2026-05-31T00:00:00.000Z.');
    expect(result.problems[0].allowed).toBe('a certificate valid at 2026-06-01T00:00:00.000Z');
  });

  test('expiring within 30 days is a warning, not an error', () => {
    const soon = makeCertificate({ dnsNames: ['a.example.com'], notAfterDays: 10 });
    const result = checkCertificate(soon.certificatePem, { label: 'cert', now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual(['cert expires on 2026-06-11T00:00:00.000Z (in 10 days); renew it.']);
    const later = makeCertificate({ dnsNames: ['a.example.com'], notAfterDays: 31 });
    expect(checkCertificate(later.certificatePem, { label: 'cert', now: NOW }).warnings).toEqual([]);
  });

  test('a certificate not yet valid is a warning', () => {
    const future = makeCertificate({ dnsNames: ['a.example.com'], notBeforeDays: 2 });
    expect(checkCertificate(future.certificatePem, { label: 'cert', now: NOW }).warnings).toEqual([
      'cert is not valid before 2026-06-03T00:00:00.000Z; clients will reject it until then.',
    ]);
  });

  test('a host the SANs do not cover is an error listing what they cover', () => {
    const result = checkCertificate(good.certificatePem, { label: 'cert', now: NOW, hosts: ['www.xiaohan.com'] });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      field: 'hosts', value: 'www.xiaohan.com', message: 'cert does not cover "www.xiaohan.com".',
      allowed: 'nginx.xiaohan.com, tomcat.xiaohan.com',
    });
  });

  test('a wildcard covers one label, not a nested host nor the apex', () => {
    const wildcard = makeCertificate({ dnsNames: ['*.cluster.example.com'] });
    const result = checkCertificate(wildcard.certificatePem, { label: 'cert', now: NOW, hosts: ['web01.cluster.example.com', 'a.b.cluster.example.com', 'cluster.example.com'] });
    expect(result.problems.map((p) => p.value)).toEqual(['a.b.cluster.example.com', 'cluster.example.com']);
  });

  test('without a SAN the CN counts, and the message says so', () => {
    const cnOnly = makeCertificate({ dnsNames: [], commonName: 'xiaohan.com' });
    expect(readCertificateFacts(cnOnly.certificatePem).dnsNames).toEqual(['xiaohan.com']);
    const result = checkCertificate(cnOnly.certificatePem, { label: 'cert', now: NOW, hosts: ['xiaohan.com', 'nginx.xiaohan.com'] });
    expect(result.problems.map((p) => p.message)).toEqual(['cert does not cover "nginx.xiaohan.com" (it has no SAN, so only its CN counts).']);
  });

  test('with a SAN the CN is ignored, as browsers do', () => {
    const cert = makeCertificate({ dnsNames: ['nginx.xiaohan.com'], commonName: 'xiaohan.com' });
    expect(checkCertificate(cert.certificatePem, { label: 'cert', now: NOW, hosts: ['xiaohan.com'] }).problems).toHaveLength(1);
  });

  test('a key that belongs to another certificate is an error', () => {
    const other = makeCertificate({ dnsNames: ['nginx.xiaohan.com'] });
    const result = checkCertificate(good.certificatePem, { label: 'certificate tls.crt', now: NOW, privateKeyPem: other.privateKeyPem });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: 'privateKey', message: 'does not belong to certificate tls.crt; the ingress controller would reject the pair.' });
  });

  test('a key that does not parse is an error', () => {
    const result = checkCertificate(good.certificatePem, { label: 'cert', now: NOW, privateKeyPem: 'not a key' });
    expect(result.problems.map((p) => p.message)).toEqual(['is not an unencrypted PEM private key.']);
  });

  test('a file that is not a certificate is an error', () => {
    const result = checkCertificate(good.privateKeyPem, { label: 'certificate tls.crt', now: NOW });
    expect(result.problems.map((p) => p.message)).toEqual(['certificate tls.crt is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" block).']);
    expect(result.facts).toBeUndefined();
  });
});
