import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { readCertificateFacts, SelfSignedTlsCertificate, SelfSignedTlsCertificateProps, TlsSecretOutput } from '../../lib/tls';
import { daysFromNow, decodedData, devChart, NOW, privateKeysChart, tempDir } from './fixtures';

describe('SelfSignedTlsCertificate', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const base: SelfSignedTlsCertificateProps = { dnsNames: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'], commonName: 'xiaohan.com', keyAlgorithm: 'ecdsa-p256' };
  const make = (props: Partial<SelfSignedTlsCertificateProps> = {}, id = 'tls-secret') => {
    const { chart } = devChart();
    const cert = new SelfSignedTlsCertificate(chart, id, {
      ...base, now: NOW, keyPairDirectory: join(dir, 'tls'), secretOutput: TlsSecretOutput.localFile(join(dir, 'secrets')), ...props,
    });
    return { chart, cert };
  };

  test('generates a certificate with the SANs, CN, key type and validity asked for', () => {
    const { cert, chart } = make({ validity: Duration.days(90) });
    expect(cert.generated).toBe(true);
    expect(cert.dnsNames).toEqual(['nginx.xiaohan.com', 'tomcat.xiaohan.com']);
    expect(cert.commonName).toBe('xiaohan.com');
    expect(cert.managedOutside).toBe(true);
    const facts = readCertificateFacts(cert.certificatePem);
    expect(facts.subjectAltNames).toEqual(['nginx.xiaohan.com', 'tomcat.xiaohan.com']);
    expect(facts.commonName).toBe('xiaohan.com');
    expect(facts.notBefore).toEqual(NOW);
    expect(facts.notAfter).toEqual(daysFromNow(90));
    expect(facts.certificate.publicKey.asymmetricKeyType).toBe('ec');
    // The Secret goes to the local file; the chart holds only its Namespace.
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['Namespace']);
    const secret = parse(readFileSync(cert.secretFile!, 'utf8'));
    expect(secret.metadata).toMatchObject({ name: 'tls-secret', namespace: 'dev' });
    expect(decodedData(secret)['tls.crt']).toBe(cert.certificatePem);
    expect(decodedData(secret)['tls.key']).toContain('-----BEGIN PRIVATE KEY-----');
  });

  test('defaults: RSA 2048, 365 days, CN = first DNS name', () => {
    const { cert } = make({ keyAlgorithm: undefined, commonName: undefined });
    const facts = readCertificateFacts(cert.certificatePem);
    expect(facts.certificate.publicKey.asymmetricKeyType).toBe('rsa');
    expect(facts.certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(facts.commonName).toBe('nginx.xiaohan.com');
    expect(facts.notAfter).toEqual(daysFromNow(365));
  });

  test('a second run reuses the stored pair: same certificate, same key', () => {
    const first = make().cert;
    const second = make({ now: daysFromNow(100) }).cert;
    expect(second.generated).toBe(false);
    expect(second.certificatePem).toBe(first.certificatePem);
    expect(second.secretManifest).toEqual(first.secretManifest);
    expect(second.keyPairFile).toBe(join(dir, 'tls', 'dev', 'tls-secret.pem'));
  });

  test.each<[string, Partial<SelfSignedTlsCertificateProps>]>([
    ['the SANs change', { dnsNames: ['nginx.xiaohan.com'] }],
    ['the SAN order changes', { dnsNames: ['tomcat.xiaohan.com', 'nginx.xiaohan.com'] }],
    ['the CN changes', { commonName: 'example.com' }],
    ['the key type changes', { keyAlgorithm: 'rsa-2048' }],
    ['it is within 30 days of expiry', { now: daysFromNow(340) }],
    ['it has expired', { now: daysFromNow(400) }],
    ['the validity changes', { validity: Duration.days(60) }],
  ])('a new pair is generated when %s', (_, change) => {
    const first = make().cert;
    const second = make(change).cert;
    expect(second.generated).toBe(true);
    expect(second.certificatePem).not.toBe(first.certificatePem);
  });

  test('a damaged stored file is replaced', () => {
    const first = make().cert;
    require('node:fs').writeFileSync(first.keyPairFile, 'garbage');
    expect(make().cert.generated).toBe(true);
  });

  test('opt-in: manifestWithPrivateKey puts the Secret in the chart <chart>-private-keys', () => {
    const { cert, chart } = make({ secretOutput: TlsSecretOutput.manifestWithPrivateKey() });
    expect(cert.managedOutside).toBe(false);
    const secret = Testing.synth(privateKeysChart(chart)).find((o) => o.kind === 'Secret');
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(decodedData(secret)['tls.crt']).toBe(cert.certificatePem);
  });

  test('bad DNS names are errors with the construct path', () => {
    expect(() => make({ dnsNames: [] })).toThrow('[dev/tls-secret] dnsNames: is empty; a certificate needs at least one DNS name.');
    expect(() => make({ dnsNames: ['10.0.0.1'] })).toThrow('dnsNames[0]: is an IP address; Ingress TLS hosts must be DNS names. Got: "10.0.0.1".');
    expect(() => make({ dnsNames: ['a.*.example.com'] })).toThrow('dnsNames[0]: is not a DNS name (a wildcard may only be the whole first label, "*.example.com"). Got: "a.*.example.com".');
    expect(() => make({ dnsNames: ['Upper.example.com'] })).toThrow('Got: "Upper.example.com"');
    expect(() => make({ dnsNames: ['a.example.com', 'a.example.com'] })).toThrow('dnsNames[1]: is listed twice. Got: "a.example.com".');
  });

  test('a bad CN or a validity under 31 days is an error', () => {
    expect(() => make({ commonName: 'not a name' })).toThrow('[dev/tls-secret] commonName: is not a DNS name of at most 64 characters (the X.509 CN limit). Got: "not a name".');
    expect(() => make({ commonName: `${'a'.repeat(61)}.com` })).toThrow('commonName: is not a DNS name of at most 64 characters');
    expect(() => make({ validity: Duration.days(30) })).toThrow('[dev/tls-secret] validity: is too short: a pair within 30 days of expiry is replaced on every run. Got: "30 days". Allowed: more than 30 days.');
  });
});
