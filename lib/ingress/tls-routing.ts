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
  const problems: Problem[] = [];
  (spec.tls ?? []).forEach((tls, i) => (tls.hosts ?? []).forEach((host, j) => {
    if (ruleHosts.some((ruleHost) => serves(host, ruleHost))) return;
    problems.push({
      field: `spec.tls[${i}].hosts[${j}]`, severity: 'warning', message: 'is a TLS host that no rule of this Ingress routes, so its requests find no backend.',
      value: host, allowed: ruleHosts.join(', ') || 'the hosts of the rules (there are none)',
      fix: `add a rule for ${host}, or remove it from the TLS hosts.`,
    });
  }));
  return problems;
}
