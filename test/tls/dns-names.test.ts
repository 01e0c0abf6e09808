// certificateDnsNameProblems and commonNameProblems: the list-level rules (at least one name, each once) and the
// field path of each name's problem, which the certificate constructs (self-signed, PEM, cert-manager) report.
import { certificateDnsNameProblems, commonNameProblems, MAX_COMMON_NAME_LENGTH } from '../../lib/tls';
import { CERTIFICATE_NAME_RULE } from '../../lib/core/validation/tls-fields';

describe('certificateDnsNameProblems', () => {
  test('valid names pass, a wildcard among them', () => {
    expect(certificateDnsNameProblems('dnsNames', ['example.com', '*.example.com', 'a.example.com'])).toEqual([]);
  });
  test('an empty list is refused with what is allowed and the fix', () => {
    expect(certificateDnsNameProblems('dnsNames', [])).toEqual([{
      field: 'dnsNames', message: 'is empty; a certificate needs at least one DNS name.', allowed: CERTIFICATE_NAME_RULE, fix: 'list the hosts it serves, e.g. ["app.example.com"].',
    }]);
  });
  test('a name listed twice is reported at its second index, once per repeat', () => {
    expect(certificateDnsNameProblems('dnsNames', ['a.example.com', 'b.example.com', 'a.example.com', 'a.example.com'])).toEqual([2, 3].map((i) => ({
      field: `dnsNames[${i}]`, message: 'is listed twice.', value: 'a.example.com', allowed: 'unique names', fix: 'remove the duplicate.',
    })));
  });
  test('a bad name is reported at its own index', () => {
    expect(certificateDnsNameProblems('spec.dnsNames', ['a.example.com', '192.0.2.1'])).toEqual([{
      field: 'spec.dnsNames[1]', message: 'is an IP address; Ingress TLS hosts must be DNS names.', value: '192.0.2.1', allowed: CERTIFICATE_NAME_RULE, fix: 'use a DNS name that resolves to the address.',
    }]);
  });
});

describe('commonNameProblems', () => {
  test(`a CN of ${MAX_COMMON_NAME_LENGTH} characters passes, one more is refused at the field given`, () => {
    const name = (n: number) => `${'a'.repeat(n - 4)}.com`;
    expect(commonNameProblems('commonName', name(MAX_COMMON_NAME_LENGTH))).toEqual([]);
    expect(commonNameProblems('spec.commonName', name(MAX_COMMON_NAME_LENGTH + 1))).toEqual([expect.objectContaining({
      field: 'spec.commonName', message: `is not a DNS name of at most ${MAX_COMMON_NAME_LENGTH} characters (the X.509 CN limit).`, value: name(MAX_COMMON_NAME_LENGTH + 1),
    })]);
  });
});
