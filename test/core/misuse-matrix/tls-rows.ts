/** Misuse-matrix rows of the TLS sources: the shared TlsCertificateProps, ExistingTlsSecret, cert-manager, self-signed and PEM files. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'cdk8s';
import { CertManagerIssuer, CertManagerTlsCertificate, ExistingTlsSecret, PemFileTlsCertificate, SelfSignedTlsCertificate, TlsSecretOutput } from '../../../lib';
import { daysFromNow, makeCertificate, NOW, writePemFiles } from '../../tls/fixtures';
import { ConstructRow, PropRow, field } from './rows';

/** secretName and namespace, which every certificate source takes (TlsCertificateProps). */
const TLS_ROWS: Record<string, PropRow> = {
  namespace: { refused: ['Bad_NS', 'a'.repeat(64), ''], accepted: ['a'.repeat(63)] },
  secretName: { refused: ['Bad_Secret', 'web_tls', 'a'.repeat(254)], accepted: ['web.tls'] },
};

export const TLS_CERTIFICATE_ROW: ConstructRow = {
  path: 'shop/tls',
  // TlsCertificate is abstract: its props are tried on the source that adds least to them.
  build: (chart, o) => new ExistingTlsSecret(chart, 'tls', o as any),
  props: TLS_ROWS,
};

export const EXISTING_TLS_SECRET_ROW: ConstructRow = {
  path: 'shop/tls',
  build: (chart, o) => new ExistingTlsSecret(chart, 'tls', o as any),
  props: {
    ...TLS_ROWS,
    dnsNames: { refused: [field([], 'dnsNames'), field(['Bad_Host'], 'dnsNames[0]'), field(['a.example.com', 'a.example.com'], 'dnsNames[1]')], accepted: [['*.example.com', 'example.com']], noValueInMessage: 'an empty list has no value to show' },
  },
};

const ISSUER = CertManagerIssuer.fromName('letsencrypt');
const ACME = { email: 'ops@example.com', solvers: [{ http01IngressClassName: 'nginx' }] };

export const CERT_MANAGER_CERTIFICATE_ROW: ConstructRow = {
  path: 'shop/tls',
  build: (chart, o) => new CertManagerTlsCertificate(chart, 'tls', { dnsNames: ['shop.example.com'], issuer: ISSUER, ...o } as any),
  props: {
    ...TLS_ROWS,
    certificateName: { refused: ['Bad_Name', 'a'.repeat(254)], accepted: ['web-tls'] },
    commonName: { refused: [`${'a'.repeat(32)}.${'b'.repeat(32)}`, 'Bad Name'], accepted: [`${'a'.repeat(31)}.${'b'.repeat(32)}`] },
    dnsNames: { refused: [field(['Bad_Host'], 'dnsNames[0]'), field(['*.*.example.com'], 'dnsNames[0]')], accepted: [['*.example.com']] },
    duration: { refused: [Duration.minutes(59)], accepted: [Duration.hours(1), Duration.days(90)], noValueInMessage: 'a Duration: the message shows it as a Go duration' },
    issuer: {
      refused: [
        field({ issuerName: 'le-http', issuerKind: 'ClusterIssuer', canIssueWildcards: false }, 'issuer', { dnsNames: ['*.example.com'] }),
        field({ issuerName: 'ca', issuerKind: 'Issuer', issuerNamespace: 'other' }, 'issuer'),
      ],
      accepted: [CertManagerIssuer.fromName('ca', 'Issuer')],
    },
    keyAlgorithm: { refused: ['rsa-4096', 'RSA', ''], accepted: ['rsa-2048', 'ecdsa-p256'] },
    renewBefore: { refused: [Duration.minutes(4), field(Duration.hours(2), 'renewBefore', { duration: Duration.hours(2) })], accepted: [Duration.minutes(5)], noValueInMessage: 'a Duration: the message shows it as a Go duration' },
  },
};

export const CERT_MANAGER_ISSUER_ROW: ConstructRow = {
  path: 'shop/issuer',
  build: (chart, o) => new CertManagerIssuer(chart, 'issuer', { ...('acme' in o ? {} : { selfSigned: true }), ...o } as any),
  props: {
    acme: {
      refused: [
        field({ ...ACME, email: 'not-an-email' }, 'acme.email'), field({ ...ACME, server: 'http://acme.example.com/directory' }, 'acme.server'),
        field({ ...ACME, solvers: [] }, 'acme.solvers'), field({ ...ACME, solvers: [{}] }, 'acme.solvers[0]'),
        field({ ...ACME, solvers: [{ http01IngressClassName: 'nginx', dns01: {} }] }, 'acme.solvers[0]'),
      ],
      accepted: [ACME],
    },
    clusterIssuer: { notRefusable: 'a boolean: the type decides it', accepted: [true, false] },
    name: { refused: ['Bad_Name', 'a'.repeat(254)], accepted: ['letsencrypt-staging'] },
    selfSigned: { refused: [field(true, 'selfSigned, acme', { acme: ACME }), field(false, 'selfSigned, acme')], accepted: [true], noValueInMessage: 'the problem is the pair of props (neither or both), no one value' },
  },
};

/** Key pairs, PEM files and Secrets the TLS rows write; the matrix removes it after its run. */
export const TLS_TEMP_DIR = mkdtempSync(join(tmpdir(), 'netkit-matrix-tls-'));
const PEM = writePemFiles(TLS_TEMP_DIR, makeCertificate({ dnsNames: ['shop.example.com', '*.apps.example.com'] }));
const OTHER_KEY = writePemFiles(TLS_TEMP_DIR, makeCertificate({ dnsNames: ['other.example.com'] }), 'other').privateKeyFile;
const NONE = TlsSecretOutput.none();

export const SELF_SIGNED_ROW: ConstructRow = {
  path: 'shop/tls',
  build: (chart, o) => new SelfSignedTlsCertificate(chart, 'tls', {
    dnsNames: ['shop.example.com'], keyAlgorithm: 'ecdsa-p256', now: NOW, keyPairDirectory: join(TLS_TEMP_DIR, 'pairs'), secretOutput: NONE, ...o,
  } as any),
  props: {
    ...TLS_ROWS,
    commonName: { refused: [`${'a'.repeat(32)}.${'b'.repeat(32)}`, 'Bad Name', ''], accepted: [`${'a'.repeat(31)}.${'b'.repeat(32)}`] },
    dnsNames: { refused: [field([], 'dnsNames'), field(['Bad_Host'], 'dnsNames[0]')], accepted: [['*.example.com', 'example.com']], noValueInMessage: 'an empty list has no value to show' },
    keyAlgorithm: { refused: ['rsa-4096', 'ECDSA-P256'], accepted: ['ecdsa-p256'] },
    keyPairDirectory: { notRefusable: 'any folder: it is created when missing, and a file system error names the path', accepted: [join(TLS_TEMP_DIR, 'other-pairs')] },
    now: { notRefusable: 'a Date: the type decides it (tests inject a fixed one)', accepted: [NOW] },
    secretOutput: { notRefusable: 'a TlsSecretOutput, made only by its factories', accepted: [NONE, TlsSecretOutput.localFile(join(TLS_TEMP_DIR, 'secrets'))] },
    validity: { refused: [Duration.days(30), Duration.seconds(0)], accepted: [Duration.days(31)] },
  },
};

export const PEM_FILE_ROW: ConstructRow = {
  path: 'shop/tls',
  build: (chart, o) => new PemFileTlsCertificate(chart, 'tls', { ...PEM, now: NOW, secretOutput: NONE, ...o } as any),
  props: {
    ...TLS_ROWS,
    certificateFile: { refused: [join(TLS_TEMP_DIR, 'missing.crt'), '', PEM.privateKeyFile], accepted: [PEM.certificateFile] },
    hosts: { refused: [field(['other.example.com'], 'hosts'), field(['Bad_Host'], 'hosts[0]'), field(['a.b.apps.example.com'], 'hosts')], accepted: [['shop.example.com', 'web.apps.example.com'], []] },
    now: { refused: [field(daysFromNow(366), 'certificateFile')], accepted: [daysFromNow(364)], noValueInMessage: 'a Date: the message shows the expiry' },
    privateKeyFile: { refused: [OTHER_KEY, join(TLS_TEMP_DIR, 'missing.key'), PEM.certificateFile], accepted: [PEM.privateKeyFile] },
    secretOutput: { notRefusable: 'a TlsSecretOutput, made only by its factories', accepted: [NONE, TlsSecretOutput.localFile(join(TLS_TEMP_DIR, 'secrets'))] },
  },
};
