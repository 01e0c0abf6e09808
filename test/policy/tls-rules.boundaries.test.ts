import { checkPolicies, PolicyOptions } from '../../lib';
import { secretCertificateNames } from '../../lib/policy/rules/tls-resolution';
import { makeCertificate } from '../tls/fixtures';
import { certificate, ingress, namespace, NS, tlsSecret } from './builders';

// How a TLS secretName resolves (tls-resolution.ts) and tls-secret-valid, seen through the rules that use
// them (ing-tls-secret-exists, ing-tls-cert-covers-hosts): which objects write a Secret, which one wins,
// where the certificate's names come from (SANs, else the CN; stringData or base64 data), and when a
// namespace counts as judged (issue 17, from `npm run mutate`).

const messages = (objects: any[], rule: string, options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.kind} ${f.name}: ${f.message}`);
const tlsIngress = (secretName = 'shop-tls', hosts = ['shop.example.com']) => ingress('web', { tls: [{ hosts, secretName }] });
const exists = (objects: any[], options?: PolicyOptions) => messages([namespace(), tlsIngress(), ...objects], 'ing-tls-secret-exists', options);
const covers = (objects: any[], hosts = ['shop.example.com']) => messages([namespace(), tlsIngress('shop-tls', hosts), ...objects], 'ing-tls-cert-covers-hosts');
const meta = (name: string, ns = NS) => ({ name, namespace: ns });
const sealed = (name: string, apiVersion = 'bitnami.com/v1alpha1') => ({ apiVersion, kind: 'SealedSecret', metadata: meta(name), spec: {} });
const external = (name: string, target?: string, apiVersion = 'external-secrets.io/v1') => ({
  apiVersion, kind: 'ExternalSecret', metadata: meta(name), spec: target === undefined ? {} : { target: { name: target } },
});
const NOT_FOUND = `error Ingress web: spec.tls[0].secretName "shop-tls" is neither a Secret nor a cert-manager Certificate's secretName in namespace "${NS}", and is not declared external.`;
const CANNOT_JUDGE = `info Ingress web: cannot judge spec.tls[0].secretName "shop-tls": these manifests hold no Secret (nor Certificate, SealedSecret, ExternalSecret) in namespace "${NS}"; Secrets are usually kept out of git.`;

describe('what writes a TLS Secret', () => {
  test('nothing in the namespace: info; a Secret source there for another name: error', () => {
    expect(exists([])).toEqual([CANNOT_JUDGE]);
    expect(exists([certificate('other-tls', ['a.example.com'])])).toEqual([NOT_FOUND]);
    expect(exists([sealed('other-tls')])).toEqual([NOT_FOUND]);
    expect(exists([external('other')])).toEqual([NOT_FOUND]);
  });

  test('with incompleteInput, only Secrets make a namespace judged, not the objects that write them', () => {
    expect(exists([certificate('other-tls', ['a.example.com'])], { incompleteInput: true })).toEqual([CANNOT_JUDGE]);
  });

  test('a Certificate writes its spec.secretName, only when it is a non-empty string of cert-manager.io', () => {
    expect(exists([certificate('shop-tls', ['shop.example.com'])])).toEqual([]);
    for (const secretName of ['', 5, undefined]) {
      expect(exists([{ ...certificate('x', []), spec: { secretName } }])).toEqual([CANNOT_JUDGE]);
    }
    expect(exists([{ ...certificate('shop-tls', ['shop.example.com']), apiVersion: 'example.com/v1' }])).toEqual([CANNOT_JUDGE]);
  });

  test('a SealedSecret writes its own name; an ExternalSecret its target name, else its own name', () => {
    expect(exists([sealed('shop-tls')])).toEqual([]);
    expect(exists([sealed('shop-tls', 'example.com/v1')])).toEqual([CANNOT_JUDGE]);
    expect(exists([external('shop-tls')])).toEqual([]);
    expect(exists([external('vault', 'shop-tls')])).toEqual([]);
    expect(exists([external('shop-tls', 'other-tls')])).toEqual([NOT_FOUND]);
    expect(exists([external('shop-tls', undefined, 'example.com/v1')])).toEqual([CANNOT_JUDGE]);
  });

  test('any Secret in the namespace makes it judged, whatever its name', () => {
    expect(exists([tlsSecret('other-tls')])).toEqual([NOT_FOUND]);
  });

  test('a Certificate or ExternalSecret without spec: the ExternalSecret writes its own name, the Certificate nothing', () => {
    expect(exists([{ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: meta('shop-tls') }])).toEqual([CANNOT_JUDGE]);
    expect(exists([{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: meta('shop-tls') }])).toEqual([]);
  });

  test('a Secret source in another namespace does not count', () => {
    expect(exists([{ ...certificate('shop-tls', ['shop.example.com']), metadata: meta('shop-tls', 'other') }])).toEqual([CANNOT_JUDGE]);
  });
});

describe('the names of the certificate behind a secretName', () => {
  const pem = (dnsNames: string[], commonName?: string) => makeCertificate({ dnsNames, commonName }).certificatePem;
  const notCovered = (host: string, by: string, names: string) =>
    `error Ingress web: spec.tls[0].hosts[0] "${host}" is not covered by the certificate of ${by} (it covers ${names}); browsers will reject it.`;

  test('a cert-manager Certificate: its dnsNames and its commonName; the first of two for one Secret wins', () => {
    expect(covers([certificate('shop-tls', ['shop.example.com'])])).toEqual([]);
    const byCommonName = { ...certificate('shop-tls', []), spec: { secretName: 'shop-tls', commonName: 'shop.example.com', dnsNames: 'shop.example.com' } };
    expect(covers([byCommonName])).toEqual([]);
    expect(covers([byCommonName], ['www.example.com'])).toEqual([notCovered('www.example.com', `Certificate ${NS}/shop-tls`, '"shop.example.com"')]);
    const second = { ...certificate('shop-tls', ['www.example.com']), metadata: meta('second') };
    expect(covers([certificate('shop-tls', ['shop.example.com']), second])).toEqual([]);
    expect(covers([second, certificate('shop-tls', ['shop.example.com'])])).toEqual([notCovered('shop.example.com', `Certificate ${NS}/second`, '"www.example.com"')]);
    expect(covers([{ ...certificate('shop-tls', []), spec: { secretName: 'shop-tls' } }])).toEqual([notCovered('shop.example.com', `Certificate ${NS}/shop-tls`, 'no DNS names')]);
  });

  test('a SealedSecret or ExternalSecret: the certificate is not readable, so coverage is not judged', () => {
    expect(covers([sealed('shop-tls')])).toEqual([]);
    expect(covers([external('shop-tls')])).toEqual([]);
  });

  test('a Secret: the SANs (all of them), read from stringData or base64 data', () => {
    const sans = pem(['a.example.com', 'shop.example.com'], 'cn.example.com');
    expect(covers([tlsSecret('shop-tls', { 'tls.crt': sans, 'tls.key': '' })])).toEqual([]);
    const data = { ...tlsSecret('shop-tls'), stringData: undefined, data: { 'tls.crt': Buffer.from(sans).toString('base64'), 'tls.key': '' } };
    expect(covers([data])).toEqual([]);
    expect(covers([data], ['cn.example.com'])).toEqual([notCovered('cn.example.com', `Secret ${NS}/shop-tls`, '"a.example.com", "shop.example.com"')]);
  });

  test('a Secret whose certificate has neither SAN nor CN covers no name', () => {
    expect(covers([tlsSecret('shop-tls', { 'tls.crt': pem([], ''), 'tls.key': '' })])).toEqual([notCovered('shop.example.com', `Secret ${NS}/shop-tls`, 'no DNS names')]);
  });

  test('secretCertificateNames: undefined without a readable certificate', () => {
    expect(secretCertificateNames({ stringData: {} })).toBeUndefined();
    expect(secretCertificateNames({ data: {} })).toBeUndefined();
    expect(secretCertificateNames({ stringData: { 'tls.crt': pem(['a.example.com']) } })).toEqual(['a.example.com']);
  });

  test('a Secret: the CN when there is no SAN', () => {
    expect(covers([tlsSecret('shop-tls', { 'tls.crt': pem([], 'shop.example.com'), 'tls.key': '' })])).toEqual([]);
    expect(covers([tlsSecret('shop-tls', { 'tls.crt': pem([], 'www.example.com'), 'tls.key': '' })]))
      .toEqual([notCovered('shop.example.com', `Secret ${NS}/shop-tls`, '"www.example.com"')]);
  });

  test('a Secret whose certificate is missing or unreadable: coverage is not judged', () => {
    for (const crt of ['', 'not a certificate', '-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n']) {
      expect(covers([tlsSecret('shop-tls', { 'tls.crt': crt, 'tls.key': '' })])).toEqual([]);
    }
    expect(covers([{ ...tlsSecret('shop-tls'), stringData: undefined, data: { 'tls.crt': 42 } }])).toEqual([]);
    expect(covers([{ ...tlsSecret('shop-tls'), stringData: { 'tls.key': '' } }])).toEqual([]);
  });
});

describe('tls-secret-valid', () => {
  test('judges kubernetes.io/tls Secrets only, with the fix of each problem', () => {
    expect(checkPolicies([tlsSecret('shop-tls', { 'tls.crt': pemOf(['shop.example.com']) })]).filter((f) => f.rule === 'tls-secret-valid')
      .map((f) => [f.kind, f.name, f.severity, f.message])).toEqual([['Secret', 'shop-tls', 'error', expect.stringContaining('tls.key')]]);
    expect(checkPolicies([tlsSecret('opaque', { 'tls.crt': 'x' }, 'Opaque')]).filter((f) => f.rule === 'tls-secret-valid')).toEqual([]);
  });
});

function pemOf(dnsNames: string[]): string {
  return makeCertificate({ dnsNames }).certificatePem;
}
