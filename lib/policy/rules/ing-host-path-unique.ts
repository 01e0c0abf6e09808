import { ingressConflictProblemsInOrder } from '../../ingress/conflicts';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const ingHostPathUnique: Rule = {
  id: 'ing-host-path-unique',
  severity: 'error',
  severityReason: "ingress-nginx's admission webhook rejects the second Ingress, and other controllers route the host and path to only one of them.",
  crossObject: true,
  description: 'Each (ingress class, host, path) is routed by one Ingress only (ingress-nginx rejects "host and path already defined"); canary Ingresses are exempt.',
  fix: 'Serve the host and path from one Ingress, or change its host or path.',
  // The check HttpIngress runs at construct time, over every Ingress of the input in one pass.
  check: (context) => {
    const ingresses = context.ofKind('Ingress');
    const problems = ingressConflictProblemsInOrder(ingresses.map((o) => o.manifest));
    return ingresses.flatMap((ingress, i) => problemViolations(ingress, problems[i]));
  },
};
