import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { acceptingListeners, GatewayListener, gatewayParents, gatewayRoutes, hostnamesIntersect, list } from './gateway-parts';

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };
// A Map: a listener protocol the CRD accepts, such as "constructor", must not find Object.prototype's functions.
const SCHEMES = new Map<unknown, string>([['HTTP', 'http'], ['HTTPS', 'https']]);

/** Whether a path matches an HTTPRoute path match (PathPrefix by whole elements); undefined for regular expressions. */
function pathMatches(match: any, path: string): boolean | undefined {
  const type = match?.path?.type ?? 'PathPrefix';
  const value: string = match?.path?.value ?? '/';
  if (type === 'Exact') return value === path;
  if (type !== 'PathPrefix') return undefined;
  const prefix = value.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether the request a redirect produces lands on the same rule of the same
 * listener: same scheme and port as the listener, a hostname the route
 * serves there, and a path the rule's matches match again. Matches on
 * headers, query or method are not followed (the redirected request may
 * differ), so they never count as a loop.
 */
function loops(redirect: any, rule: any, listener: any, hostnames: readonly string[]): boolean {
  // Stryker disable next-line OptionalChaining: equivalent, a null listener admits no route, so it is never a listener of the route here.
  const listenerScheme = SCHEMES.get(listener?.protocol);
  if (!listenerScheme) return false;
  const scheme = redirect.scheme ?? listenerScheme;
  const port = redirect.port ?? (redirect.scheme ? DEFAULT_PORTS[redirect.scheme] : listener.port);
  if (scheme !== listenerScheme || port !== listener.port) return false;
  // Stryker disable next-line ConditionalExpression: equivalent, an unset hostname intersects every name, so the check below passes for it anyway.
  if (redirect.hostname !== undefined) {
    const served = hostnames.length === 0 ? hostnamesIntersect(listener.hostname, redirect.hostname) : hostnames.some((h) => hostnamesIntersect(h, redirect.hostname) && hostnamesIntersect(listener.hostname, redirect.hostname));
    if (!served) return false;
  }
  // Stryker disable next-line OptionalChaining: equivalent, a null rule has no filters, so it never reaches here.
  const matches: any[] = list(rule?.matches).length > 0 ? rule.matches : [{}];
  if (matches.some((m) => m?.headers?.length || m?.queryParams?.length || m?.method)) return false;
  const path = redirect.path;
  if (!path) return true;
  const target = path.type === 'ReplaceFullPath' ? path.replaceFullPath : path.type === 'ReplacePrefixMatch' ? path.replacePrefixMatch : undefined;
  return typeof target === 'string' && matches.some((m) => pathMatches(m, target) === true);
}

export const gwRedirectNoLoop: Rule = {
  id: 'gw-redirect-no-loop',
  severity: 'error',
  severityReason: 'Traffic cannot flow: the client is redirected back to the same rule until it gives up.',
  crossObject: true,
  description: 'A RequestRedirect never sends the client back to the rule that redirected it: the same scheme, port, hostname and a path the rule matches again, typically an HTTP -> HTTPS redirect route that also attaches to the HTTPS listener because its parentRef names no sectionName.',
  fix: 'Attach the redirect route to the HTTP listener only (parentRefs[].sectionName: http), or change the redirect target.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const routes = gatewayRoutes(context);
    // Indexed loops, no closure per route or rule: this runs over every rule of every route of every synth, and few have a redirect.
    for (let r = 0; r < routes.length; r++) {
      const route = routes[r];
      const rules = route.manifest.spec?.rules;
      if (!Array.isArray(rules)) continue;
      // The route's hostnames and the listeners serving it, looked up only for a route with a redirect (few are).
      let hostnames: string[] | undefined;
      let listeners: Array<GatewayListener & { gateway: PolicyObject }> | undefined;
      // A hole reads undefined, which has no filters: skipped, as forEach skipped it.
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i];
        const filters = rule?.filters;
        if (!Array.isArray(filters)) continue;
        for (let k = 0; k < filters.length; k++) {
          // A hole reads undefined, which is no RequestRedirect: skipped, as forEach skipped it.
          const filter = filters[k];
          if (filter?.type !== 'RequestRedirect' || !filter.requestRedirect) continue;
          hostnames ??= list(route.manifest.spec.hostnames);
          listeners ??= gatewayParents(context, route).flatMap((parent) => acceptingListeners(context, route, parent).map((l) => ({ ...l, gateway: parent.gateway! })));
          const looping = listeners.find(({ listener }) => loops(filter.requestRedirect, rule, listener, hostnames!));
          if (!looping) continue;
          out.push({ object: route, message: `spec.rules[${i}].filters[${k}] redirects to ${JSON.stringify(filter.requestRedirect)}, and the route also serves listener "${looping.listener.name}" (${looping.listener.protocol}, port ${looping.listener.port}) of ${describeObject(looping.gateway)}, where the redirected request matches this rule again: clients loop until they give up.` });
        }
      }
    }
    return out;
  },
};
