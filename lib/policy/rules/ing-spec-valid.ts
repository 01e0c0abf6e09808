import { ingressClassProblems, ingressProblems } from '../../ingress/ingress-validation';
import { unroutedTlsHostProblems } from '../../ingress/tls-routing';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const ingSpecValid: Rule = {
  id: 'ing-spec-valid',
  severity: 'error',
  severityReason: 'The API server rejects these Ingresses and IngressClasses; a namespace on an IngressClass, which it drops, and a TLS host no rule routes are warnings.',
  description: "Ingresses and IngressClasses pass the API server's rules: rules or defaultBackend, hosts and wildcards, pathType and path syntax, backends, TLS hosts and secret names, controller name, parameters.",
  fix: 'Change the field as the message says; HttpIngress and WildcardIngress make valid Ingresses.',
  check: (context) => [
    ...context.ofKind('Ingress').flatMap((o) => problemViolations(o, [...ingressProblems(o.manifest), ...unroutedTlsHostProblems(o.manifest)])),
    // The API server drops the namespace of a cluster-scoped object (rest.BeforeCreate): a likely mistake, not a rejection.
    ...context.ofKind('IngressClass').flatMap((o) => problemViolations(o, ingressClassProblems(o.manifest))
      .map((v) => v.message.startsWith('metadata.namespace:') ? { ...v, severity: 'warning' as const } : v)),
  ],
};
