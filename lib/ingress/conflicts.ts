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
  // (class, host, path) → the first Ingress that routes it.
  const owners = new Map<string, IIngress>();
  // Stryker disable next-line ArrayDeclaration: equivalent, a list made empty grows to the same items
  const out: Problem[][] = new Array(ingresses.length);
  for (let n = 0; n < ingresses.length; n++) {
    const ingress = ingresses[n];
    const problems: Problem[] = [];
    out[n] = problems;
    if (ingress?.metadata?.annotations?.[CANARY_ANNOTATION] === 'true') continue;
    const className = ingressClassOf(ingress);
    // Malformed entries are skipped (schema-valid reports them). Indexed loops, no object per route, and a field path
    // only for a conflict: this runs over every route of the app in each synth.
    const rules: unknown = ingress?.spec?.rules;
    if (!Array.isArray(rules)) continue;
    // Stryker disable next-line EqualityOperator: equivalent, rules[length] is undefined, which has no paths.
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const paths: unknown = rule?.http?.paths;
      if (!Array.isArray(paths)) continue;
      const host: string | undefined = typeof rule.host === 'string' ? rule.host : undefined;
      for (let j = 0; j < paths.length; j++) {
        const path: unknown = paths[j]?.path;
        const key = `${className}\u0000${routeKey({ host, path: path as string | undefined })}`;
        const other = owners.get(key);
        // The Ingress's own routes do not conflict with each other: the first one stays the owner.
        if (!other) owners.set(key, ingress);
        else if (other !== ingress) problems.push(conflictProblem(i, j, host, (path as string) || '/', other, className));
      }
    }
  }
  return out;
}

function conflictProblem(rule: number, index: number, host: string | undefined, path: string, other: IIngress, className: string): Problem {
  return {
    field: `spec.rules[${rule}].http.paths[${index}].path`,
    message: `routes host "${host ?? '*'}" and path "${path}", which Ingress ${other.metadata?.namespace ?? 'default'}/${other.metadata?.name} already routes in class "${className}"; ingress-nginx's admission webhook rejects the second one.`,
    value: { host, path },
    allowed: 'each host and path in one Ingress per class',
    fix: 'serve the host and path from one Ingress (add TLS to it instead of copying it), or use another path.',
  };
}

/** The class an Ingress asks for: ingressClassName, else the legacy annotation, else '' (the default class). */
export function ingressClassOf(ingress: IIngress): string {
  return ingress?.spec?.ingressClassName ?? ingress?.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION] ?? '';
}

/** Whether a construct is an HttpIngress. */
export function isHttpIngressConstruct(x: IConstruct): x is IConstruct & { toManifest(): IIngress } {
  return (x as any)[HTTP_INGRESS_MARK] === true;
}
