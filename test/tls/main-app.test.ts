import { synthMainApp } from '../helpers/synth-main';

// main.ts's dev certificate is self-signed and regenerated on a fresh clone, so nothing of it may
// be in the committed output: not the key (never committed) and not the certificate (not reproducible).
describe('main.ts TLS', () => {
  test('no private key, certificate or TLS Secret in the synthesized output', () => {
    const everything = Object.values(synthMainApp()).join('\n');
    // PEM armour, not the words: the vendored NGF CRDs describe "a PRIVATE KEY block" in prose.
    expect(everything).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----|-----BEGIN CERTIFICATE-----|LS0tLS1CRUdJT|kubernetes\.io\/tls/);
  });
});
