import { certificateCoversHost } from '../../tls/host-coverage';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { ingressTlsEntries } from './ingress-parts';
import { resolveTlsSecret } from './tls-resolution';

export const ingTlsCertCoversHosts: Rule = {
  id: 'ing-tls-cert-covers-hosts',
  severity: 'error',
  severityReason: 'HTTPS cannot work for that host: clients reject a certificate that does not name it.',
  crossObject: true,
  description: 'When the certificate behind a tls[].secretName is known at synth (PEM in the Secret, or a cert-manager Certificate), it covers every host of that tls entry (a *. wildcard covers exactly one label).',
  fix: 'Add the host to the certificate (SAN or dnsNames), use a wildcard that covers it, or move the host to a tls entry with a matching certificate.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ingress of context.ofKind('Ingress')) {
      for (const { secretName, hosts, field } of ingressTlsEntries(ingress.manifest)) {
        const resolved = resolveTlsSecret(context, ingress.namespace, secretName);
        if (!resolved?.dnsNames) continue;
        hosts.forEach((host, i) => {
          if (typeof host !== 'string' || certificateCoversHost(resolved.dnsNames!, host)) return;
          out.push({
            object: ingress,
            message: `${field}.hosts[${i}] "${host}" is not covered by the certificate of ${describeObject(resolved.source)} (it covers ${resolved.dnsNames!.map((n) => `"${n}"`).join(', ') || 'no DNS names'}); browsers will reject it.`,
          });
        });
      }
    }
    return out;
  },
};
