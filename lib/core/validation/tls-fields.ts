// The TLS fields our certificate constructs write, and the policy rule on TLS
// Secrets reads: the Secret's name (core validation), and the certificate's
// DNS names and CN (what Ingress TLS hosts and public CAs accept; X.509's CN
// limit). List-level checks (at least one name, no duplicates) stay with the
// list in lib/tls/dns-names.ts.
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from '../names';
import { isIpAddress } from '../net';
import type { FieldRule } from './field-rules';
import { isWildcardHost, subdomainRow } from './ingress-fields';

/** The longest CN X.509 allows (`ub-common-name`, RFC 5280 appendix A). */
export const MAX_COMMON_NAME_LENGTH = 64;

export const CERTIFICATE_NAME_RULE = `${DNS1123_SUBDOMAIN_RULE}, optionally with "*." as the whole first label`;

/** Whether a name can go in a certificate's DNS SAN and an Ingress host: a DNS name, or `*.` plus one (253 characters in all). */
export function isCertificateDnsName(name: string): boolean {
  return isDns1123Subdomain(name) || isWildcardHost(name);
}

export const tlsRules = {
  'Secret.metadata.name': subdomainRow('core validation ValidateSecret (ValidateObjectMeta, DNS-1123 subdomain)', 'Secret name', 'rename the Secret, e.g. "web-tls".'),
  'Certificate.dnsNames[]': {
    source: 'networking validation validateIngressTLS (a TLS host is a DNS name, "*." only as the whole first label); public CAs (no IP in a DNS SAN)',
    allowed: CERTIFICATE_NAME_RULE,
    check: (value, { field }) => {
      if (typeof value === 'string' && isIpAddress(value)) {
        return [{ field, message: 'is an IP address; Ingress TLS hosts must be DNS names.', value, allowed: CERTIFICATE_NAME_RULE, fix: 'use a DNS name that resolves to the address.' }];
      }
      return typeof value === 'string' && isCertificateDnsName(value) ? [] : [{
        field, message: 'is not a DNS name (a wildcard may only be the whole first label, "*.example.com").', value, allowed: CERTIFICATE_NAME_RULE,
        fix: 'use lowercase labels, e.g. "app.example.com" or "*.example.com".',
      }];
    },
  },
  'Certificate.commonName': {
    source: 'RFC 5280 ub-common-name (64 characters); a DNS name as for the DNS SANs',
    allowed: `a DNS name of at most ${MAX_COMMON_NAME_LENGTH} characters, such as "example.com"`,
    check: (value, { field }) => (typeof value === 'string' && value.length <= MAX_COMMON_NAME_LENGTH && isCertificateDnsName(value) ? [] : [{
      field, message: `is not a DNS name of at most ${MAX_COMMON_NAME_LENGTH} characters (the X.509 CN limit).`, value,
      allowed: 'a DNS name such as "example.com"', fix: 'use the main domain, e.g. "xiaohan.com", or leave the CN out: clients only read the SANs.',
    }]),
  },
} satisfies Record<string, FieldRule>;
