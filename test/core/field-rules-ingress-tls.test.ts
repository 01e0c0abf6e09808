import { FieldCheckContext, FieldKey, fieldProblems } from '../../lib/core/validation';
import { Problem } from '../../lib/core/errors';

// The Ingress and TLS rows of the field table (lib/core/validation/ingress-fields.ts, tls-fields.ts) at
// their edges, as the API server draws them (pkg/apis/networking/validation, apimachinery's
// IsDNS1123Subdomain / IsWildcardDNS1123Subdomain, netutils.ParseIPSloppy): what a user sees for each
// value, field, value, allowed and fix included (issue 17, from the mutation run over the two files).

const run = (key: FieldKey, value: unknown, context: Partial<FieldCheckContext> = {}): Problem[] => fieldProblems(key, value, { field: 'f', ...context });

const WILDCARD_HOST_RULE = 'a lowercase DNS name, optionally with "*" as the whole first label ("*.example.com"), not an IP address';
const notAHostName = (value: unknown): Problem => ({
  field: 'f', message: 'is not a valid host name.', value, allowed: WILDCARD_HOST_RULE, fix: 'use the lowercase host name without scheme, port or path, e.g. "www.example.com".',
});
const anIpHost = (value: string): Problem => ({
  field: 'f', message: 'is an IP address; Ingress hosts must be DNS names.', value, allowed: WILDCARD_HOST_RULE,
  fix: 'use a DNS name that resolves to the ingress controller, or leave the host empty to match every host.',
});

describe('IngressRule.host: the API server reads IPs as netutils.ParseIPSloppy does', () => {
  test.each(['010.0.0.1', '10.0.0.01', '255.000.0.1', '0010.0.0.1'])('%s (IPv4 with leading zeros) is an IP, refused as one', (host) => {
    expect(run('IngressRule.host', host)).toEqual([anIpHost(host)]);
  });

  test.each(['2001:db8::1', '::1', '10.0.0.1', '255.255.255.255'])('%s is an IP, refused as one', (host) => {
    expect(run('IngressRule.host', host)).toEqual([anIpHost(host)]);
  });

  // ParseIPSloppy reads decimal fields only: no hex, no exponent, no sign.
  test.each(['256.0.0.1', '10.0.0.256', '1.2.3', '1.2.3.4.5', '0.0.0.0.0', '0x1.0.0.1', '1e2.0.0.1'])('%s is no IP but a valid DNS name: accepted, as by the API server', (host) => {
    expect(run('IngressRule.host', host)).toEqual([]);
  });

  test('a dotted name with an empty field is an invalid name, not an IP', () => {
    expect(run('IngressRule.host', '1.2..3')).toEqual([notAHostName('1.2..3')]);
  });
});

describe('IngressTLS.hosts[]: only the name syntax is checked (validateIngressTLS)', () => {
  test.each(['10.0.0.1', '010.0.0.1', '*.example.com', 'shop.example.com'])('%s passes (an IPv4 address is a valid DNS-1123 subdomain)', (host) => {
    expect(run('IngressTLS.hosts[]', host)).toEqual([]);
  });

  test.each(['2001:db8::1', '::1'])('%s, an IPv6 address, is not a DNS name: the API server refuses it', (host) => {
    expect(run('IngressTLS.hosts[]', host)).toEqual([notAHostName(host)]);
  });
});

describe('Certificate.dnsNames[]: the names an Ingress TLS host may take', () => {
  const label = 'a'.repeat(63);
  const domain251 = [label, label, label, 'a'.repeat(59)].join('.');
  const notADnsName = (value: unknown): Problem => ({
    field: 'f', message: 'is not a DNS name (a wildcard may only be the whole first label, "*.example.com").', value,
    allowed: 'dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters, optionally with "*." as the whole first label',
    fix: 'use lowercase labels, e.g. "app.example.com" or "*.example.com".',
  });

  test('a wildcard name is at most 253 characters with its "*.", as IsWildcardDNS1123Subdomain counts', () => {
    expect(run('Certificate.dnsNames[]', `*.${domain251}`)).toEqual([]);
    expect(run('Certificate.dnsNames[]', `*.${domain251}a`)).toEqual([notADnsName(`*.${domain251}a`)]);
    expect(run('Certificate.dnsNames[]', `*.${domain251}aa`)).toEqual([notADnsName(`*.${domain251}aa`)]);
    expect(run('IngressTLS.hosts[]', `*.${domain251}a`)).toHaveLength(1);
  });
});

// Policy rules feed these rows whatever a manifest holds: a value of the wrong JSON type is refused
// with a problem that names it, never accepted because it looks like a valid name once stringified
// (["web"]), and never a crash.
describe('values that are not strings', () => {
  const notStrings: unknown[] = [null, 42, true, ['web'], ['k8s.io/nginx'], { name: 'web' }];
  const rows: Array<[FieldKey, string]> = [
    ['Ingress.metadata.name', 'is not a valid Ingress name.'],
    ['Ingress.spec.ingressClassName', 'is not a valid IngressClass name.'],
    ['IngressClass.metadata.name', 'is not a valid IngressClass name.'],
    ['Secret.metadata.name', 'is not a valid Secret name.'],
    ['IngressRule.host', 'is not a valid host name.'],
    ['IngressTLS.hosts[]', 'is not a valid host name.'],
    ['IngressServiceBackend.name', 'is not a valid Service name.'],
    ['ServiceBackendPort.name', 'is not a valid port name for an Ingress backend.'],
    ['ServiceBackendPort.number', 'is not a valid port number.'],
    ['Certificate.dnsNames[]', 'is not a DNS name (a wildcard may only be the whole first label, "*.example.com").'],
    ['Certificate.commonName', 'is not a DNS name of at most 64 characters (the X.509 CN limit).'],
  ];
  describe.each(rows)('%s', (key, message) => {
    // 42 is a valid port number: the one row where a number is right.
    test.each(notStrings.filter((v) => key !== 'ServiceBackendPort.number' || v !== 42).map((v) => [JSON.stringify(v), v]))('refuses %s', (_label, value) => {
      expect(run(key, value)).toEqual([expect.objectContaining({ field: 'f', message, value })]);
    });
  });

  test('an undefined name, host or port name is refused too (a missing field read from a manifest)', () => {
    for (const [key, message] of rows) {
      expect([key, run(key, undefined)]).toEqual([key, [expect.objectContaining({ field: 'f', message, value: undefined })]]);
    }
  });

  test('a controller that is not a string is not a domain-prefixed path; a missing one is required', () => {
    for (const value of [42, true, ['k8s.io/nginx'], ['k', '/', 'x'], { controller: 'k8s.io/nginx' }]) {
      expect(run('IngressClass.spec.controller', value)).toEqual([expect.objectContaining({ message: 'is not a domain-prefixed path.', value })]);
    }
    for (const value of [undefined, null, '']) {
      expect(run('IngressClass.spec.controller', value)).toEqual([expect.objectContaining({ message: 'is required.' })]);
    }
  });

  test('a path that is not a string is judged as an empty one', () => {
    for (const value of [undefined, null, 42]) {
      expect(run('HTTPIngressPath.path', value, { siblings: { pathType: 'Prefix' } })).toEqual([
        { field: 'f', message: 'must be an absolute path for pathType Prefix.', value: '', allowed: 'a path starting with "/"', fix: 'use "/" to match everything.' },
      ]);
      expect(run('HTTPIngressPath.path', value, { siblings: { pathType: 'ImplementationSpecific' } })).toEqual([]);
    }
  });
});

describe('wildcard hosts: the message names the actual fault', () => {
  const misplaced = (value: string): Problem => ({
    field: 'f', message: 'has a wildcard that is not the whole first label.', value, allowed: WILDCARD_HOST_RULE,
    fix: 'write the wildcard as "*.<domain>" ("*.example.com"); "foo.*.com" and "*foo.com" are not allowed.',
  });
  const label = 'a'.repeat(63);
  const domain251 = [label, label, label, 'a'.repeat(59)].join('.');

  test.each(['*foo.com', '*', '**.example.com', '*.*.example.com', 'foo.*.com', 'example.*', '*-.example.com'])('%s: the wildcard is misplaced', (host) => {
    expect(run('IngressRule.host', host)).toEqual([misplaced(host)]);
    expect(run('IngressTLS.hosts[]', host)).toEqual([misplaced(host)]);
  });

  test.each(['*.Example.com', '*.', '*.example_com', '*.-example.com', `*.${domain251}a`])('%s: the wildcard is right, the name after it is not', (host) => {
    expect(run('IngressRule.host', host)).toEqual([notAHostName(host)]);
    expect(run('IngressTLS.hosts[]', host)).toEqual([notAHostName(host)]);
  });

  test('a wildcard of exactly 253 characters with its "*." is accepted', () => {
    expect(run('IngressRule.host', `*.${domain251}`)).toEqual([]);
    expect(run('IngressTLS.hosts[]', `*.${domain251}`)).toEqual([]);
  });
});

// A JSON null decodes to the Go zero value: an empty secretName (the controller's default certificate)
// and a nil pathType ("pathType must be specified").
describe('null as the API server decodes it', () => {
  test('a null secretName is no secretName: accepted; other JSON types are refused', () => {
    expect(run('IngressTLS.secretName', null)).toEqual([]);
    for (const value of [42, true, ['web-tls'], { name: 'web-tls' }]) {
      expect(run('IngressTLS.secretName', value)).toEqual([{ field: 'f', message: 'is not a valid Secret name.', value,
        allowed: 'dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters', fix: 'use the name of the kubernetes.io/tls Secret, e.g. "web-tls".' }]);
    }
  });

  test('a null pathType is a missing one', () => {
    expect(run('HTTPIngressPath.pathType', null)).toEqual([{ field: 'f', message: 'is required in networking.k8s.io/v1.', allowed: 'Prefix, Exact, ImplementationSpecific', fix: 'set pathType, usually Prefix.' }]);
    expect(run('HTTPIngressPath.path', 'api', { siblings: { pathType: null } })).toEqual([]);
  });
});
