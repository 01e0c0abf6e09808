import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { IConstruct } from 'constructs';
import { Problem } from '../core/errors';
import { INGRESS_CLASS_ANNOTATION } from './ingress-validation';

/** Marks HttpIngress instances, so they are found in the tree even across copies of this library. */
export const HTTP_INGRESS_MARK = Symbol.for('cdk8s-netkit.HttpIngress');

/** The identity ingress-nginx gives a route: host (empty for every host) and path (empty counts as "/"). */
export function routeKey(route: { readonly host?: string; readonly path?: string }): string {
  return `${route.host ?? ''} ${route.path || '/'}`;
}

/**
 * ingress-nginx's canary annotation: a canary Ingress routes the host and path
 * of a main Ingress on purpose (a share of its traffic), and is not a conflict.
 */
export const CANARY_ANNOTATION = 'nginx.ingress.kubernetes.io/canary';

/** Every route of an Ingress manifest with its field path; malformed entries are skipped (schema-valid reports them). */
function routes(ingress: IIngress): Array<{ rule: number; index: number; host?: string; path: string; key: string }> {
  const rules: unknown = ingress?.spec?.rules;
  if (!Array.isArray(rules)) return [];
  // Field paths are built only for a conflict: this runs over every route of the app in each synth.
  return rules.flatMap((rule: any, i: number) => {
    const paths: unknown = rule?.http?.paths;
    if (!Array.isArray(paths)) return [];
    const host = typeof rule.host === 'string' ? rule.host : undefined;
    return paths.map((p: any, j: number) => ({ rule: i, index: j, host, path: p?.path || '/', key: routeKey({ host, path: p?.path }) }));
  });
}

/**
 * Routes of `ingress` that one of `others` (of the same class) already
 * defines (a canary Ingress never conflicts). The API server accepts them, but ingress-nginx's admission webhook
 * rejects the second Ingress ("host X and path / is already defined in
 * ingress ns/name"), so `kubectl apply -f dist/` would fail halfway. Pure:
 * pass the Ingresses applied before this one.
 */
export function ingressConflictProblems(ingress: IIngress, others: readonly IIngress[]): Problem[] {
  const all = ingressConflictProblemsInOrder([...others, ingress]);
  return all[all.length - 1];
}

/**
 * {@link ingressConflictProblems} for every Ingress of a list at once, each
 * against the ones before it, in one pass over the routes (an app with
 * thousands of Ingresses stays linear).
 */
export function ingressConflictProblemsInOrder(ingresses: readonly IIngress[]): Problem[][] {
  const owners = new Map<string, IIngress>();
  return ingresses.map((ingress) => {
    if (ingress?.metadata?.annotations?.[CANARY_ANNOTATION] === 'true') return [];
    const className = ingressClassOf(ingress);
    const own = routes(ingress);
    const problems: Problem[] = [];
    for (const route of own) {
      const other = owners.get(`${className}\u0000${route.key}`);
      if (other && other !== ingress) {
        problems.push({
          field: `spec.rules[${route.rule}].http.paths[${route.index}].path`,
          message: `routes host "${route.host ?? '*'}" and path "${route.path}", which Ingress ${other.metadata?.namespace ?? 'default'}/${other.metadata?.name} already routes in class "${className}"; ingress-nginx's admission webhook rejects the second one.`,
          value: { host: route.host, path: route.path },
          allowed: 'each host and path in one Ingress per class',
          fix: 'serve the host and path from one Ingress (add TLS to it instead of copying it), or use another path.',
        });
      }
    }
    for (const route of own) {
      const key = `${className}\u0000${route.key}`;
      if (!owners.has(key)) owners.set(key, ingress);
    }
    return problems;
  });
}

/** The class an Ingress asks for: ingressClassName, else the legacy annotation, else '' (the default class). */
export function ingressClassOf(ingress: IIngress): string {
  return ingress?.spec?.ingressClassName ?? ingress?.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION] ?? '';
}

/** Whether a construct is an HttpIngress. */
export function isHttpIngressConstruct(x: IConstruct): x is IConstruct & { toManifest(): IIngress } {
  return (x as any)[HTTP_INGRESS_MARK] === true;
}
