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

  test.each(['256.0.0.1', '10.0.0.256', '1.2.3', '1.2.3.4.5', '0.0.0.0.0'])('%s is no IP but a valid DNS name: accepted, as by the API server', (host) => {
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
