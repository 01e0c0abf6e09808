import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../helpers/synth-main';
import { DEFAULT_LOCAL_SECRETS_DIRECTORY, DEFAULT_KEY_PAIR_DIRECTORY, PemFileTlsCertificate, SelfSignedTlsCertificate, TlsSecretOutput } from '../../lib/tls';
import { devChart, makeCertificate, NOW, tempDir, writePemFiles } from './fixtures';

// dist/ is committed for GitOps: by default no private key may reach the chart output.
describe('where TLS Secrets go', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  function synthesize(output?: TlsSecretOutput) {
    const outdir = join(dir, 'dist');
    const { app, chart } = devChart(outdir);
    const pem = makeCertificate({ dnsNames: ['web.example.com'] });
    const fromFiles = new PemFileTlsCertificate(chart, 'pem-tls', { ...writePemFiles(dir, pem), now: NOW, secretOutput: output ?? TlsSecretOutput.localFile(join(dir, 'secrets')) });
    const selfSigned = new SelfSignedTlsCertificate(chart, 'dev-tls', {
      dnsNames: ['nginx.xiaohan.com'], keyAlgorithm: 'ecdsa-p256', now: NOW, keyPairDirectory: join(dir, 'keys'),
      secretOutput: output ?? TlsSecretOutput.localFile(join(dir, 'secrets')),
    });
    app.synth();
    const files = readTree(outdir);
    const everything = Object.values(files).join('\n');
    const keys = [pem.privateKeyPem, selfSigned.secretManifest.data!['tls.key']];
    return { files, everything, keys, fromFiles, selfSigned };
  }

  test('default: no key, and no certificate, anywhere under the chart output', () => {
    const { files, everything, keys, fromFiles, selfSigned } = synthesize();
    expect(Object.keys(files)).toEqual(['dev.k8s.yaml']);
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toContain('kind: Secret');
    for (const key of keys) {
      expect(everything).not.toContain(key);
      expect(everything).not.toContain(Buffer.from(key).toString('base64').slice(0, 40));
    }
    // The Secrets are in the local folder instead, ready for `kubectl apply -f`.
    expect(fromFiles.secretFile).toBe(join(dir, 'secrets', 'dev', 'pem-tls.yaml'));
    expect(readFileSync(selfSigned.secretFile!, 'utf8')).toContain('type: kubernetes.io/tls');
  });

  test('opt-in: manifestWithPrivateKey writes both Secrets, keys included, to a file of their own, never the chart\'s', () => {
    const { files, fromFiles } = synthesize(TlsSecretOutput.manifestWithPrivateKey());
    expect(Object.keys(files)).toEqual(['0000-dev.k8s.yaml', '0001-dev-private-keys.k8s.yaml']);
    expect(files['0000-dev.k8s.yaml']).not.toContain('PRIVATE KEY');
    expect(files['0000-dev.k8s.yaml']).not.toContain(fromFiles.secretManifest.data!['tls.key']);
    const keys = files['0001-dev-private-keys.k8s.yaml'];
    expect(keys.match(/^kind: Secret$/gm)).toHaveLength(2);
    expect(keys).toContain(fromFiles.secretManifest.data!['tls.key']);
    expect(keys).toMatch(/namespace: dev/);
  });

  test('the default local folders are under .netkit/, which git ignores', () => {
    expect(TlsSecretOutput.localFile().directory).toBe(join('.netkit', 'secrets'));
    expect(DEFAULT_LOCAL_SECRETS_DIRECTORY).toBe(join('.netkit', 'secrets'));
    expect(DEFAULT_KEY_PAIR_DIRECTORY).toBe(join('.netkit', 'tls'));
    const gitignore = readFileSync(join(__dirname, '..', '..', '.gitignore'), 'utf8').split('\n');
    expect(gitignore).toContain('.netkit/');
  });
});
