import { parseAllDocuments, stringify } from 'yaml';
import { synthMainApp } from '../helpers/synth-main';

// main.ts's dev certificate is self-signed and regenerated on a fresh clone, so nothing of it may
// be in the committed output: not the key (never committed) and not the certificate (not reproducible).
describe('main.ts TLS', () => {
  test('no private key, certificate or TLS Secret in the synthesized output', () => {
    const files = synthMainApp();
    // CustomResourceDefinitions are left out: the Gateway API CRDs' field docs mention "kubernetes.io/tls" Secrets.
    const everything = Object.entries(files)
      .map(([file, text]) => (file.endsWith('.yaml')
        ? parseAllDocuments(text).map((d) => d.toJS()).filter((o) => o?.kind !== 'CustomResourceDefinition').map((o) => stringify(o)).join('\n')
        : text))
      .join('\n');
    expect(everything).toContain('kind: Gateway');
    expect(everything).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|LS0tLS1CRUdJT|kubernetes\.io\/tls/);
  });
});
