import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { collectWarnings, NetkitError } from '../../lib/core';
import { PemFileTlsCertificate, TlsSecretOutput } from '../../lib/tls';
import { decodedData, devChart, makeCertificate, NOW, privateKeysChart, tempDir, writePemFiles } from './fixtures';

describe('PemFileTlsCertificate', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const hosts = ['nginx.xiaohan.com', 'tomcat.xiaohan.com'];
  const good = makeCertificate({ dnsNames: hosts, commonName: 'xiaohan.com' });

  test('reads the files, exposes the names and writes the Secret to a local file, not the chart', () => {
    const files = writePemFiles(dir, good);
    const { chart } = devChart();
    const cert = new PemFileTlsCertificate(chart, 'tls-secret', { ...files, hosts, now: NOW, secretOutput: TlsSecretOutput.localFile(join(dir, 'secrets')) });
    expect(cert.secretName).toBe('tls-secret');
    expect(cert.namespace).toBe('dev');
    expect(cert.dnsNames).toEqual(hosts);
    expect(cert.managedOutside).toBe(true);
    expect(cert.secret).toBeUndefined();
    expect(cert.notAfter.toISOString()).toBe('2027-06-01T00:00:00.000Z');

    // Nothing of the certificate is in the chart: only the Namespace.
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['Namespace']);

    expect(cert.secretFile).toBe(join(dir, 'secrets', 'dev', 'tls-secret.yaml'));
    const text = readFileSync(cert.secretFile!, 'utf8');
    expect(text.split('\n')[0]).toBe(`# Contains a private key: do not commit. Apply with: kubectl apply -f ${cert.secretFile}`);
    const secret = parse(text);
    expect(secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/tls', metadata: { name: 'tls-secret', namespace: 'dev' } });
    expect(decodedData(secret)).toEqual({ 'tls.crt': good.certificatePem, 'tls.key': good.privateKeyPem });
    expect(statSync(cert.secretFile!).mode & 0o777).toBe(0o600);
  });

  test('opt-in: manifestWithPrivateKey puts the Secret, key included, in the chart <chart>-private-keys, with a warning', () => {
    const files = writePemFiles(dir, good);
    const { chart } = devChart();
    const cert = new PemFileTlsCertificate(chart, 'tls-secret', { ...files, now: NOW, secretOutput: TlsSecretOutput.manifestWithPrivateKey() });
    expect(cert.managedOutside).toBe(false);
    expect(cert.secretFile).toBeUndefined();
    expect(Testing.synth(chart).find((o) => o.kind === 'Secret')).toBeUndefined();
    const secret = Testing.synth(privateKeysChart(chart)).find((o) => o.kind === 'Secret');
    expect(secret.metadata).toEqual({
      name: 'tls-secret', namespace: 'dev',
      labels: { 'app.kubernetes.io/name': 'tls-secret', 'app.kubernetes.io/instance': 'tls-secret', 'app.kubernetes.io/component': 'tls', 'app.kubernetes.io/managed-by': 'cdk8s-netkit' },
    });
    expect(secret.type).toBe('kubernetes.io/tls');
    expect(decodedData(secret)).toEqual({ 'tls.crt': good.certificatePem, 'tls.key': good.privateKeyPem });
    expect(collectWarnings(chart).map((w) => w.message)).toEqual([
      'the private key of Secret "tls-secret" is written to the manifest of chart "dev-private-keys" (manifestWithPrivateKey); keep that file out of git (e.g. "dist/*-private-keys.k8s.yaml" in .gitignore).',
    ]);
  });

  test('snapshot: the opt-in chart (certificate and key bytes replaced, they differ every run)', () => {
    const files = writePemFiles(dir, good);
    const { chart } = devChart();
    new PemFileTlsCertificate(chart, 'tls-secret', { ...files, now: NOW, secretOutput: TlsSecretOutput.manifestWithPrivateKey() });
    const manifests = Testing.synth(privateKeysChart(chart)).map((o) => (o.kind === 'Secret' ? { ...o, data: Object.fromEntries(Object.keys(o.data).map((k) => [k, `<${k}>`])) } : o));
    expect(manifests).toMatchSnapshot();
  });

  test('none() writes no Secret anywhere', () => {
    const files = writePemFiles(dir, good);
    const { chart } = devChart();
    const cert = new PemFileTlsCertificate(chart, 'tls-secret', { ...files, now: NOW, secretOutput: TlsSecretOutput.none() });
    expect(cert.secretFile).toBeUndefined();
    expect(cert.managedOutside).toBe(true);
    expect(existsSync(join(dir, 'secrets'))).toBe(false);
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['Namespace']);
  });

  test('secretName and namespace can be set', () => {
    const files = writePemFiles(dir, good);
    const { chart } = devChart();
    const cert = new PemFileTlsCertificate(chart, 'cert', { ...files, now: NOW, secretName: 'web-tls', namespace: 'web', secretOutput: TlsSecretOutput.localFile(dir) });
    expect(cert.secretFile).toBe(join(dir, 'web', 'web-tls.yaml'));
    expect(cert.secretManifest.metadata).toMatchObject({ name: 'web-tls', namespace: 'web' });
  });

  const build = (props: Partial<ConstructorParameters<typeof PemFileTlsCertificate>[2]>, id = 'tls-secret') => {
    const { chart } = devChart();
    return () => new PemFileTlsCertificate(chart, id, { ...writePemFiles(dir, good), now: NOW, secretOutput: TlsSecretOutput.none(), ...props });
  };

  test('an expired certificate is an error at construct time', () => {
    const expired = writePemFiles(dir, makeCertificate({ dnsNames: hosts, notBeforeDays: -400, notAfterDays: -5 }), 'expired');
    expect(build(expired)).toThrow(`[dev/tls-secret] certificate: certificate ${expired.certificateFile} expired on 2026-05-27T00:00:00.000Z.`);
  });

  test('a certificate that does not cover a host is an error', () => {
    expect(build({ hosts: ['nginx.xiaohan.com', 'www.xiaohan.com'] })).toThrow(/hosts: certificate .*tls\.crt does not cover "www\.xiaohan\.com"\. Got: "www\.xiaohan\.com"\. Allowed: nginx\.xiaohan\.com, tomcat\.xiaohan\.com\./);
  });

  test('a wildcard certificate does not cover a nested host', () => {
    const wildcard = writePemFiles(dir, makeCertificate({ dnsNames: ['*.cluster.example.com'] }), 'wildcard');
    expect(() => build({ ...wildcard, hosts: ['web01.cluster.example.com'] })()).not.toThrow();
    expect(build({ ...wildcard, hosts: ['a.web01.cluster.example.com'] })).toThrow('does not cover "a.web01.cluster.example.com"');
  });

  test('a key that does not belong to the certificate is an error naming the key file', () => {
    const other = writePemFiles(dir, makeCertificate({ dnsNames: hosts }), 'other');
    expect(build({ privateKeyFile: other.privateKeyFile })).toThrow(`privateKeyFile: does not belong to certificate ${join(dir, 'tls.crt')}; the ingress controller would reject the pair. Got: "${other.privateKeyFile}".`);
  });

  test('an unreadable file is an error naming the file', () => {
    const missing = join(dir, 'nope.crt');
    expect(build({ certificateFile: missing })).toThrow(`[dev/tls-secret] certificateFile: cannot be read (ENOENT). Got: "${missing}".`);
  });

  test('an invalid host to check is an error', () => {
    expect(build({ hosts: ['foo.*.com'] })).toThrow('hosts[0]: is not a DNS name');
  });

  test('an invalid Secret name is an error', () => {
    expect(build({}, 'Bad_Name')).toThrow(NetkitError);
    expect(build({}, 'Bad_Name')).toThrow('[dev/Bad_Name] secretName: is not a valid Secret name. Got: "Bad_Name".');
  });

  test('expiring within 30 days is a warning at synth, not an error', () => {
    const soon = writePemFiles(dir, makeCertificate({ dnsNames: hosts, notAfterDays: 7 }), 'soon');
    const { chart } = devChart();
    new PemFileTlsCertificate(chart, 'tls-secret', { ...soon, now: NOW, secretOutput: TlsSecretOutput.none() });
    expect(collectWarnings(chart)).toEqual([{ path: 'dev/tls-secret', message: `certificate ${soon.certificateFile} expires on 2026-06-08T00:00:00.000Z (in 7 days); renew it.` }]);
  });
});
