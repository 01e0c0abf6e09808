import { Problem } from '../core/errors';
import type { HttpIngress, ResolvedIngressRule } from './http-ingress';

/** The identity ingress-nginx gives a route: host (empty for every host) and path. */
export function routeKey(rule: Pick<ResolvedIngressRule, 'host' | 'path'>): string {
  return `${rule.host ?? ''} ${rule.path}`;
}

/** Marks HttpIngress instances, so they are found in the tree even across copies of this library. */
export const HTTP_INGRESS_MARK = Symbol.for('cdk8s-netkit.HttpIngress');

export function isHttpIngress(x: unknown): x is HttpIngress {
  return typeof x === 'object' && x !== null && (x as any)[HTTP_INGRESS_MARK] === true;
}

/**
 * Routes of `ingress` already defined by an earlier HttpIngress of the same
 * class in the app. The API server accepts them, but ingress-nginx's admission
 * webhook rejects the second Ingress ("host X and path / is already defined in
 * ingress ns/name"), so `kubectl apply -f dist/` would fail halfway.
 */
export function conflictProblems(ingress: HttpIngress): Problem[] {
  const all = ingress.node.root.node.findAll().filter((c): c is HttpIngress => isHttpIngress(c) && c.ingressClassName === ingress.ingressClassName);
  const earlier = all.slice(0, all.indexOf(ingress));
  const problems: Problem[] = [];
  for (const rule of ingress.rules) {
    const key = routeKey(rule);
    const other = earlier.find((o) => o.rules.some((r) => routeKey(r) === key));
    if (other) {
      problems.push({
        field: 'rules',
        message: `routes host "${rule.host ?? '*'}" and path "${rule.path}", which Ingress ${other.namespace}/${other.name} (${other.node.path}) already routes in class "${ingress.ingressClassName}"; ingress-nginx's admission webhook rejects the second one.`,
        value: { host: rule.host, path: rule.path },
        allowed: 'each host and path in one Ingress per class',
        fix: 'serve the host and path from one Ingress (add TLS to it instead of copying it), or use another path.',
      });
    }
  }
  return problems;
}
