import { declaredPaths } from '../../isolation/declared-paths';
import { netpolView } from '../../isolation/netpol-view';
import { Rule, RuleViolation } from '../types';

export const netpolBlocksDeclaredPath: Rule = {
  id: 'netpol-blocks-declared-path',
  severity: 'error',
  severityReason: 'Traffic cannot flow as written: a path the manifests declare (Ingress or HTTPRoute → Service → pods, a NodePort or LoadBalancer entry) is dropped by NetworkPolicies (info when the source pods are not in the input).',
  crossObject: true,
  description: 'NetworkPolicies let the ingress controller or Gateway data plane reach the pods behind every routed Service, and outside clients reach the pods of NodePort and LoadBalancer Services.',
  fix: 'Add an ingress rule to the policies selecting the backend pods that admits the source (and an egress rule on the source side if its egress is isolated), on the target port.',
  check: (context) => {
    const view = netpolView(context);
    if (!view) return [];
    const out: RuleViolation[] = [];
    for (const path of declaredPaths(context, view)) {
      if (path.verdict === 'blocked') out.push({ object: path.object, message: `${path.text} is blocked for ${path.source}: ${path.reason}.` });
      if (path.verdict === 'unknown') {
        out.push({
          object: path.object, severity: 'info', message: `cannot judge ${path.text}: ${path.reason}.`,
          fix: 'Check these manifests with the controller\'s, or name its pods with the dataPlanePods option, to have the path checked.',
        });
      }
    }
    return out;
  },
};
