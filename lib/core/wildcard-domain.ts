import { Problem } from './errors';
import { DNS1123_SUBDOMAIN_RULE, isDns1123Subdomain } from './names';

/**
 * The domain of a wildcard name (`cluster.example.com` for
 * `*.cluster.example.com`), lowercased and without a trailing dot, as
 * WildcardIngress and WildcardGateway take it.
 */
export function normalizeWildcardDomain(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, '');
}

/** What is wrong with a wildcard's domain (given, and as normalized), or undefined. */
export function wildcardDomainProblem(given: string, domain: string): Problem | undefined {
  // No `*.` test of its own: `*` is not a DNS-1123 character, so a `*.` prefix already fails the subdomain test.
  if (isDns1123Subdomain(domain)) return undefined;
  return {
    field: 'domain', message: 'is not a DNS domain.', value: given, allowed: DNS1123_SUBDOMAIN_RULE,
    fix: 'give the domain without "*.", e.g. "cluster.example.com" for *.cluster.example.com.',
  };
}

/** `web01` → `web01.<domain>`; names already under the domain, or the domain itself, stay as they are. */
export function qualifyHost(host: string, domain: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`) ? h : `${h}.${domain}`;
}

/**
 * A host given with dots that is not under the domain (`web01.other.com` for
 * `*.cluster.example.com`): either a name of another domain or a name nested
 * under this one, and neither is covered by the wildcard. The message says
 * both readings and the fix invents no name for the certificate. Undefined
 * when the host is under the domain, a single label, or a name the
 * certificate lists once qualified (`covered`). `certificateNames` is what the
 * certificate lists, when known.
 */
export function outsideDomainProblem(given: string, domain: string, covered: boolean, certificateNames?: readonly string[]): Problem | undefined {
  const h = given.toLowerCase().replace(/\.$/, '');
  if (!h.includes('.') || h === domain || h.endsWith(`.${domain}`) || covered) return undefined;
  const label = h.split('.')[0];
  const listed = certificateNames === undefined ? 'its names are unknown' : certificateNames.join(', ') || 'none';
  return {
    field: 'route.host',
    message: `is outside *.${domain}: it does not end in .${domain}, and read as a name under the domain it is more than one label down, which a *.${domain} certificate does not cover.`,
    value: given, allowed: `<name> or <name>.${domain}, or a name the certificate lists (${listed})`,
    fix: `use a single label such as "${label}" (published as ${label}.${domain}); a host of another domain needs its own HttpIngress or Gateway listener and certificate; a nested name needs a certificate that lists it.`,
  };
}
