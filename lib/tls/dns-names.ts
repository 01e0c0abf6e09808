import { Problem } from '../core/errors';
import { fieldProblems } from '../core/validation/field-rules';
import { CERTIFICATE_NAME_RULE, isCertificateDnsName, MAX_COMMON_NAME_LENGTH } from '../core/validation/tls-fields';

export { isCertificateDnsName };

/**
 * Problems with the DNS names asked of a certificate: each must be a
 * lowercase DNS name with at most a leading `*.` wildcard (an IP address or
 * `foo.*.com` is rejected by Ingress validation and by public CAs), and
 * names must be unique.
 */
export function certificateDnsNameProblems(field: string, names: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (names.length === 0) {
    problems.push({ field, message: 'is empty; a certificate needs at least one DNS name.', allowed: CERTIFICATE_NAME_RULE, fix: 'list the hosts it serves, e.g. ["app.example.com"].' });
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    problems.push(...fieldProblems('Certificate.dnsNames[]', name, { field: `${field}[${i}]` }));
    if (seen.has(name)) {
      problems.push({ field: `${field}[${i}]`, message: 'is listed twice.', value: name, allowed: 'unique names', fix: 'remove the duplicate.' });
    }
    seen.add(name);
  });
  return problems;
}

export { MAX_COMMON_NAME_LENGTH };

/** Problems with a certificate's CN: a DNS name of at most 64 characters. */
export function commonNameProblems(field: string, commonName: string): Problem[] {
  return fieldProblems('Certificate.commonName', commonName, { field });
}
