import { Duration, Testing } from 'cdk8s';
import { CertManagerIssuer, CertManagerTlsCertificate, goDuration, LETS_ENCRYPT_PRODUCTION, LETS_ENCRYPT_STAGING } from '../../lib/tls';
import { devChart } from './fixtures';

describe('CertManagerIssuer', () => {
  test('a self-signed Issuer lives in the chart namespace', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'selfsigned', { selfSigned: true });
    expect(issuer.issuerKind).toBe('Issuer');
    expect(issuer.issuerNamespace).toBe('dev');
    expect(issuer.canIssueWildcards).toBe(true);
    expect(Testing.synth(chart)[1]).toEqual({
      apiVersion: 'cert-manager.io/v1', kind: 'Issuer',
      metadata: { name: 'selfsigned', namespace: 'dev', labels: expect.objectContaining({ 'app.kubernetes.io/component': 'certificate-issuer' }) },
      spec: { selfSigned: {} },
    });
  });

  test('an ACME ClusterIssuer has no namespace and lists its solvers', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'letsencrypt', {
      clusterIssuer: true,
      acme: {
        email: 'ops@example.com',
        server: LETS_ENCRYPT_STAGING,
        solvers: [
          { dns01: { cloudflare: { apiTokenSecretRef: { name: 'cloudflare', key: 'token' } } }, dnsZones: ['example.com'] },
          { http01IngressClassName: 'nginx' },
        ],
      },
    });
    expect(issuer.issuerKind).toBe('ClusterIssuer');
    expect(issuer.issuerNamespace).toBeUndefined();
    expect(issuer.canIssueWildcards).toBe(true);
    const manifest = Testing.synth(chart)[1];
    expect(manifest.kind).toBe('ClusterIssuer');
    expect(manifest.metadata.namespace).toBeUndefined();
    expect(manifest.spec).toEqual({
      acme: {
        server: LETS_ENCRYPT_STAGING, email: 'ops@example.com', privateKeySecretRef: { name: 'letsencrypt-account-key' },
        solvers: [
          { selector: { dnsZones: ['example.com'] }, dns01: { cloudflare: { apiTokenSecretRef: { name: 'cloudflare', key: 'token' } } } },
          { http01: { ingress: { ingressClassName: 'nginx' } } },
        ],
      },
    });
  });

  test('ACME defaults to Let\'s Encrypt production; HTTP-01 only cannot issue wildcards', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'le', { name: 'letsencrypt-http', acme: { email: 'ops@example.com', privateKeySecretName: 'le-key', solvers: [{ http01IngressClassName: 'nginx' }] } });
    expect(issuer.canIssueWildcards).toBe(false);
    expect(issuer.issuerName).toBe('letsencrypt-http');
    const spec = Testing.synth(chart)[1].spec;
    expect(spec.acme.server).toBe(LETS_ENCRYPT_PRODUCTION);
    expect(spec.acme.privateKeySecretRef).toEqual({ name: 'le-key' });
  });

  test('bad issuer props are errors', () => {
    const { chart } = devChart();
    expect(() => new CertManagerIssuer(chart, 'a', {})).toThrow('[dev/a] selfSigned, acme: exactly one issuer type must be chosen.');
    expect(() => new CertManagerIssuer(chart, 'b', { selfSigned: true, acme: { email: 'a@b.c', solvers: [{ http01IngressClassName: 'nginx' }] } })).toThrow('exactly one issuer type must be chosen');
    expect(() => new CertManagerIssuer(chart, 'c', { acme: { email: 'nobody', solvers: [] } })).toThrow(/acme\.email: is not an email address\. Got: "nobody"\.[\s\S]*acme\.solvers: is empty/);
    expect(() => new CertManagerIssuer(chart, 'd', { acme: { email: 'a@b.cd', server: 'http://acme', solvers: [{}] } })).toThrow(/acme\.server: is not an https:\/\/ ACME directory URL[\s\S]*acme\.solvers\[0\]: must set exactly one of http01IngressClassName and dns01/);
    expect(() => new CertManagerIssuer(chart, 'E', { selfSigned: true })).toThrow('[dev/E] name: is not a valid issuer name. Got: "E".');
  });
});

describe('CertManagerTlsCertificate', () => {
  test('emits a Certificate with the names, Secret, issuer and options', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'selfsigned', { selfSigned: true });
    const cert = new CertManagerTlsCertificate(chart, 'wildcard-tls', {
      dnsNames: ['*.cluster.example.com', 'cluster.example.com'], issuer, commonName: 'cluster.example.com',
      duration: Duration.days(90), renewBefore: Duration.days(30), keyAlgorithm: 'ecdsa-p256', certificateName: 'wildcard',
    });
    // The Certificate in the manifests stands for the Secret it writes.
    expect(cert.managedOutside).toBe(false);
    expect(cert.secretName).toBe('wildcard-tls');
    expect(cert.dnsNames).toEqual(['*.cluster.example.com', 'cluster.example.com']);
    const manifest = Testing.synth(chart).find((o) => o.kind === 'Certificate');
    expect(manifest.metadata).toMatchObject({ name: 'wildcard', namespace: 'dev' });
    expect(manifest.spec).toEqual({
      secretName: 'wildcard-tls', commonName: 'cluster.example.com', dnsNames: ['*.cluster.example.com', 'cluster.example.com'],
      duration: '2160h0m0s', renewBefore: '720h0m0s', privateKey: { algorithm: 'ECDSA', size: 256 },
      issuerRef: { group: 'cert-manager.io', kind: 'Issuer', name: 'selfsigned' },
    });
    // cert-manager writes the Secret: no Secret and no key in the chart.
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['Namespace', 'Issuer', 'Certificate']);
  });

  test('an issuer made elsewhere is referenced by name; RSA maps to RSA 2048', () => {
    const { chart } = devChart();
    new CertManagerTlsCertificate(chart, 'web-tls', { dnsNames: ['web.example.com'], issuer: CertManagerIssuer.fromName('letsencrypt-prod'), keyAlgorithm: 'rsa-2048' });
    const spec = Testing.synth(chart).find((o) => o.kind === 'Certificate').spec;
    expect(spec.issuerRef).toEqual({ group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt-prod' });
    expect(spec.privateKey).toEqual({ algorithm: 'RSA', size: 2048 });
    expect(spec.duration).toBeUndefined();
  });

  test('a wildcard from an ACME issuer without DNS-01 is an error', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'le', { clusterIssuer: true, acme: { email: 'ops@example.com', solvers: [{ http01IngressClassName: 'nginx' }] } });
    expect(() => new CertManagerTlsCertificate(chart, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'], issuer }))
      .toThrow('[dev/wildcard-tls] issuer: cannot issue the wildcard "*.cluster.example.com": ACME CAs only sign wildcards after a DNS-01 challenge, and this issuer has no DNS-01 solver. Got: "le".');
  });

  test('an Issuer in another namespace is an error', () => {
    const { app, chart } = devChart();
    const other = new (require('../../lib/core').NetkitChart)(app, 'prod', { namespace: 'prod' });
    const issuer = new CertManagerIssuer(other, 'selfsigned', { selfSigned: true });
    expect(() => new CertManagerTlsCertificate(chart, 'web-tls', { dnsNames: ['web.example.com'], issuer }))
      .toThrow('issuer: is an Issuer in namespace "prod"; a Certificate can only use an Issuer in its own namespace ("dev").');
  });

  test('bad names and durations are errors', () => {
    const { chart } = devChart();
    const issuer = CertManagerIssuer.fromName('ca');
    expect(() => new CertManagerTlsCertificate(chart, 'a', { dnsNames: ['foo.*.com'], issuer })).toThrow('dnsNames[0]: is not a DNS name');
    expect(() => new CertManagerTlsCertificate(chart, 'b', { dnsNames: ['a.com'], issuer, certificateName: 'Bad' })).toThrow('certificateName: is not a valid object name. Got: "Bad".');
    expect(() => new CertManagerTlsCertificate(chart, 'c', { dnsNames: ['a.com'], issuer, commonName: `${'a'.repeat(61)}.com` })).toThrow('commonName: is not a DNS name of at most 64 characters');
    expect(() => new CertManagerTlsCertificate(chart, 'd', { dnsNames: ['a.com'], issuer, duration: Duration.days(30), renewBefore: Duration.days(30) }))
      .toThrow('renewBefore: is not shorter than duration; cert-manager would renew forever. Got: "720h0m0s". Allowed: less than 720h0m0s.');
  });

  test('goDuration writes hours, minutes and seconds', () => {
    expect(goDuration(Duration.minutes(90))).toBe('1h30m0s');
    expect(goDuration(Duration.seconds(3725))).toBe('1h2m5s');
  });

  test('snapshot: wildcard certificate from a DNS-01 ClusterIssuer', () => {
    const { chart } = devChart();
    const issuer = new CertManagerIssuer(chart, 'letsencrypt-dns', {
      clusterIssuer: true,
      acme: { email: 'ops@example.com', solvers: [{ dns01: { route53: { region: 'eu-west-1' } } }] },
    });
    new CertManagerTlsCertificate(chart, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'], issuer });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });
});
