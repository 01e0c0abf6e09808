import { GATEWAY_API_V1 } from '../types';
import { MAX_HTTP_ROUTE_MATCHES } from '../validation';
import { uniqueName } from './gateway-plan';

// HTTPRoute CRD limits (standard channel v1.6.1): rules maxItems 16, matches per rule maxItems 64
// (the cap across all rules of a route, 128, is the validation's own constant).
const MAX_RULES_PER_ROUTE = 16;
const MAX_MATCHES_PER_RULE = 64;

/** One converted path: its match, and what the rule that holds it does. */
export interface RouteEntry {
  readonly match: Record<string, unknown>;
  /** The rule's backendRefs; none for a redirect. */
  backendRefs?: Array<Record<string, unknown>>;
  readonly filters: ReadonlyArray<Record<string, unknown>>;
}

type Rule = { matches: Array<Record<string, unknown>>; filters?: ReadonlyArray<Record<string, unknown>>; backendRefs?: Array<Record<string, unknown>> };

/**
 * The rules of one host, as few as possible: paths that do the same thing
 * (same backends, same filters) share a rule, in the order they first
 * appear. Then packed into routes within the CRD limits, so a large Ingress
 * becomes several HTTPRoutes the API server accepts, not one it rejects.
 */
export function packRules(entries: readonly RouteEntry[]): Rule[][] {
  const groups = new Map<string, Rule>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.backendRefs ?? null, entry.filters]);
    let rule = groups.get(key);
    if (!rule) {
      rule = { matches: [], ...(entry.filters.length > 0 ? { filters: entry.filters } : {}), ...(entry.backendRefs ? { backendRefs: entry.backendRefs } : {}) };
      groups.set(key, rule);
    }
    rule.matches.push(entry.match);
  }
  const rules: Rule[] = [];
  for (const rule of groups.values()) {
    for (let i = 0; i < rule.matches.length; i += MAX_MATCHES_PER_RULE) rules.push({ ...rule, matches: rule.matches.slice(i, i + MAX_MATCHES_PER_RULE) });
  }
  const routes: Rule[][] = [];
  let current: Rule[] = [];
  let matches = 0;
  for (const rule of rules) {
    if (current.length === MAX_RULES_PER_ROUTE || matches + rule.matches.length > MAX_HTTP_ROUTE_MATCHES) {
      routes.push(current);
      current = [];
      matches = 0;
    }
    current.push(rule);
    matches += rule.matches.length;
  }
  if (current.length > 0) routes.push(current);
  return routes;
}

/** HTTPRoutes `base`, `base-2` … for the packed rules, each with the same parents and hostnames. */
export function httpRoutes(base: string, namespace: string, taken: Set<string>, parentRefs: ReadonlyArray<Record<string, unknown>>,
  hostnames: readonly string[], packed: readonly Rule[][]): any[] {
  return packed.map((rules) => ({
    apiVersion: GATEWAY_API_V1,
    kind: 'HTTPRoute',
    metadata: { name: uniqueName(base, taken), namespace },
    spec: {
      parentRefs,
      ...(hostnames.length > 0 ? { hostnames } : {}),
      rules: rules.map((r) => ({
        matches: r.matches,
        ...(r.filters ? { filters: r.filters } : {}),
        ...(r.backendRefs ? { backendRefs: r.backendRefs } : {}),
      })),
    },
  }));
}
