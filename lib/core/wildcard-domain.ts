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
  if (!domain.startsWith('*.') && isDns1123Subdomain(domain)) return undefined;
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
