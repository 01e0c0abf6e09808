import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Chart, Testing } from 'cdk8s';
import { NetkitChart } from '../../lib/core';
import { buildSelfSignedCertificate, generateTlsKeyPair, privateKeyPem, TlsKeyAlgorithm } from '../../lib/tls';

/** The fixed "now" every TLS test judges expiry at. */
export const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;

export function daysFromNow(days: number): Date {
  return new Date(NOW.getTime() + days * DAY);
}

/** A fresh temp folder, removed by `cleanup()`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'netkit-tls-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

/** A self-signed certificate for tests; valid from 30 days ago to `notAfterDays` from NOW. */
export function makeCertificate(options: {
  dnsNames: string[];
  commonName?: string;
  notAfterDays?: number;
  notBeforeDays?: number;
  algorithm?: TlsKeyAlgorithm;
}): TestCertificate {
  // ECDSA by default: RSA generation is slow on a shared 2-core machine.
  const { privateKey, publicKey } = generateTlsKeyPair(options.algorithm ?? 'ecdsa-p256');
  const certificatePem = buildSelfSignedCertificate({
    commonName: options.commonName ?? options.dnsNames[0] ?? 'example.com',
    dnsNames: options.dnsNames,
    notBefore: daysFromNow(options.notBeforeDays ?? -30),
    notAfter: daysFromNow(options.notAfterDays ?? 365),
  }, privateKey, publicKey);
  return { certificatePem, privateKeyPem: privateKeyPem(privateKey) };
}

/** Writes a certificate and key as `tls.crt` / `tls.key` in `dir`, like `openssl req -x509 -out tls.crt -keyout tls.key`. */
export function writePemFiles(dir: string, cert: TestCertificate, prefix = 'tls'): { certificateFile: string; privateKeyFile: string } {
  const certificateFile = join(dir, `${prefix}.crt`);
  const privateKeyFile = join(dir, `${prefix}.key`);
  writeFileSync(certificateFile, cert.certificatePem);
  writeFileSync(privateKeyFile, cert.privateKeyPem);
  return { certificateFile, privateKeyFile };
}

/** An app with one `dev` chart, as main.ts makes them. */
export function devChart(outdir?: string): { app: App; chart: NetkitChart } {
  const app = outdir ? new App({ outdir }) : Testing.app();
  return { app, chart: new NetkitChart(app, 'dev', { namespace: 'dev' }) };
}

/** The base64 `data` values of a Secret, decoded. */
export function decodedData(secret: any): Record<string, string> {
  return Object.fromEntries(Object.entries(secret.data ?? {}).map(([k, v]) => [k, Buffer.from(v as string, 'base64').toString('utf8')]));
}

/** The chart that TlsSecretOutput.manifestWithPrivateKey() puts a chart's Secrets in. */
export function privateKeysChart(chart: Chart): Chart {
  return chart.node.root.node.findChild(`${chart.node.id}-private-keys`) as Chart;
}
