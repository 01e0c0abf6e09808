import { Problem } from '../core/errors';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../core/names';
import { isIpAddress } from '../core/net';

const CERTIFICATE_NAME_RULE = `${DNS1123_SUBDOMAIN_RULE}, optionally with "*." as the whole first label`;

/** Whether a name can go in a certificate's DNS SAN and an Ingress host: a DNS name, or `*.` plus one. */
export function isCertificateDnsName(name: string): boolean {
  return isDns1123Subdomain(name.startsWith('*.') ? name.slice(2) : name);
}

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
    if (isIpAddress(name)) {
      problems.push({ field: `${field}[${i}]`, message: 'is an IP address; Ingress TLS hosts must be DNS names.', value: name, allowed: CERTIFICATE_NAME_RULE, fix: 'use a DNS name that resolves to the address.' });
    } else if (!isCertificateDnsName(name)) {
      problems.push({ field: `${field}[${i}]`, message: 'is not a DNS name (a wildcard may only be the whole first label, "*.example.com").', value: name, allowed: CERTIFICATE_NAME_RULE, fix: 'use lowercase labels, e.g. "app.example.com" or "*.example.com".' });
    }
    if (seen.has(name)) {
      problems.push({ field: `${field}[${i}]`, message: 'is listed twice.', value: name, allowed: 'unique names', fix: 'remove the duplicate.' });
    }
    seen.add(name);
  });
  return problems;
}

/** The longest CN X.509 allows (`ub-common-name`, RFC 5280 appendix A). */
export const MAX_COMMON_NAME_LENGTH = 64;

/** Problems with a certificate's CN: a DNS name of at most 64 characters. */
export function commonNameProblems(field: string, commonName: string): Problem[] {
  if (commonName.length <= MAX_COMMON_NAME_LENGTH && isCertificateDnsName(commonName)) return [];
  return [{
    field, message: `is not a DNS name of at most ${MAX_COMMON_NAME_LENGTH} characters (the X.509 CN limit).`, value: commonName,
    allowed: 'a DNS name such as "example.com"', fix: 'use the main domain, e.g. "xiaohan.com", or leave the CN out: clients only read the SANs.',
  }];
}
