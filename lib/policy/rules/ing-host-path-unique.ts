import { routeKey } from '../../ingress/conflicts';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { ingressClassOf } from './ingress-parts';

export const ingHostPathUnique: Rule = {
  id: 'ing-host-path-unique',
  severity: 'error',
  severityReason: 'ingress-nginx\'s admission webhook rejects the second Ingress, and other controllers route the host and path to only one of them.',
  crossObject: true,
  description: 'Each (ingress class, host, path) is routed by one Ingress only (ingress-nginx rejects "host and path already defined").',
  fix: 'Remove the duplicate rule, or change its host or path.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const seen = new Map<string, PolicyObject>();
    for (const ingress of context.ofKind('Ingress')) {
      const cls = ingressClassOf(ingress.manifest);
      const rules = ingress.manifest.spec?.rules;
      (Array.isArray(rules) ? rules : []).forEach((rule: any, r: number) => {
        const host = rule?.host ?? '';
        (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((path: any, p: number) => {
          // The same route identity as HttpIngress's eager check (an empty path counts as "/"),
          // but one pass over all Ingresses instead of comparing each with every other.
          const key = `${cls}\u0000${routeKey({ host, path: path?.path })}`;
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, ingress);
            return;
          }
          // Within one Ingress the API server and ingress-nginx accept it (e.g. the same path as Prefix and Exact).
          if (first === ingress) return;
          const where = describeObject(first);
          out.push({
            object: ingress,
            message: `spec.rules[${r}].http.paths[${p}]: host "${host || '*'}" path "${path?.path ?? ''}"${cls ? ` (class "${cls}")` : ''} is already routed by ${where}.`,
          });
        });
      });
    }
    return out;
  },
};
