import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Problem } from '../core/errors';

/** True when the TLS host `tlsHost` (maybe `*.example.com`) serves requests for the rule host `ruleHost`. */
function serves(tlsHost: string, ruleHost: string): boolean {
  if (tlsHost === ruleHost) return true;
  if (!tlsHost.startsWith('*.')) return false;
  const suffix = tlsHost.slice(1);
  return ruleHost.endsWith(suffix) && !ruleHost.slice(0, -suffix.length).includes('.');
}

/**
 * Whether any of the rule hosts is served by a TLS host, answered from two
 * sets instead of comparing with every rule host (an Ingress with a rule and
 * a TLS host per app is otherwise quadratic: 5,000 apps, 25 million
 * comparisons). Same answer as {@link serves}: `*.example.com` serves exactly
 * the hosts whose part after their first dot is `.example.com` (the part
 * before it, a single label, holds no dot). undefined when a rule host is not
 * a string (malformed, schema-valid reports it): those take the comparisons.
 */
function routedHosts(ruleHosts: readonly string[]): { serves(tlsHost: string): boolean } | undefined {
  if (ruleHosts.some((h) => typeof h !== 'string')) return undefined;
  const exact = new Set(ruleHosts);
  let parents: Set<string> | undefined;
  return {
    serves: (tlsHost) => {
      if (exact.has(tlsHost)) return true;
      if (!tlsHost.startsWith('*.')) return false;
      parents ??= new Set(ruleHosts.filter((h) => h.includes('.')).map((h) => h.slice(h.indexOf('.'))));
      return parents.has(tlsHost.slice(1));
    },
  };
}

/**
 * TLS hosts no rule of the Ingress routes: the API server accepts them, but a
 * request for such a host finds no route (ingress-nginx answers 404), so a
 * certificate was set up for traffic that goes nowhere. A rule without a
 * host, or a default backend, routes every host. Warnings.
 */
export function unroutedTlsHostProblems(ingress: IIngress): Problem[] {
  const spec = ingress.spec ?? {};
  const rules = spec.rules ?? [];
  if (spec.defaultBackend || rules.some((r) => !r.host)) return [];
  const ruleHosts = rules.map((r) => r.host as string);
  const routed = routedHosts(ruleHosts);
  const problems: Problem[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, a made-up item in place of a missing list is a string, which has no hosts.
  const tlsList = spec.tls ?? [];
  // Indexed loops, no closure per host: this runs for every TLS host of every synth. A hole is skipped, as forEach skips it.
  // Stryker disable next-line EqualityOperator: equivalent, tlsList[length] is not `in` the list and is skipped.
  for (let i = 0; i < tlsList.length; i++) {
    if (!(i in tlsList)) continue;
    const hosts = tlsList[i].hosts ?? [];
    // Stryker disable next-line EqualityOperator: equivalent, hosts[length] is not `in` the list and is skipped.
    for (let j = 0; j < hosts.length; j++) {
      if (!(j in hosts)) continue;
      const host = hosts[j];
      // The sets answer as the comparisons do for a host name; a host that is not a string makes both throw (schema-valid reports it).
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, see above
      const isName = typeof host === 'string';
      if (routed && isName ? routed.serves(host) : ruleHosts.some((ruleHost) => serves(host, ruleHost))) continue;
      problems.push({
        field: `spec.tls[${i}].hosts[${j}]`, severity: 'warning', message: 'is a TLS host that no rule of this Ingress routes, so its requests find no backend.',
        value: host, allowed: ruleHosts.join(', ') || 'the hosts of the rules (there are none)',
        fix: `add a rule for ${host}, or remove it from the TLS hosts.`,
      });
    }
  }
  return problems;
}
