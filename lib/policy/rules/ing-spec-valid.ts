import { ingressClassProblems, ingressProblems } from '../../ingress/ingress-validation';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const ingSpecValid: Rule = {
  id: 'ing-spec-valid',
  severity: 'error',
  severityReason: 'The API server rejects these Ingresses and IngressClasses.',
  description: "Ingresses and IngressClasses pass the API server's rules: rules or defaultBackend, hosts and wildcards, pathType and path syntax, backends, TLS hosts and secret names, controller name, parameters.",
  fix: 'Change the field as the message says; HttpIngress and WildcardIngress make valid Ingresses.',
  check: (context) => [
    ...context.ofKind('Ingress').flatMap((o) => problemViolations(o, ingressProblems(o.manifest))),
    ...context.ofKind('IngressClass').flatMap((o) => problemViolations(o, ingressClassProblems(o.manifest))),
  ],
};
