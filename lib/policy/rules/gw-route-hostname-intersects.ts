import { PolicyContext } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { GatewayListener, gatewayParents, gatewayRoutes, intersectsAny, list, listenerRefusal, selectedListeners } from './gateway-parts';

export const gwRouteHostnameIntersects: Rule = {
  id: 'gw-route-hostname-intersects',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a route whose hostnames match no listener is not attached (NoMatchingListenerHostname).',
  crossObject: true,
  description: 'An HTTPRoute with hostnames shares at least one with a listener that admits it (`*.example.com` matches `a.example.com` and `a.b.example.com`, never `example.com`); else NoMatchingListenerHostname.',
  fix: "Give the route a hostname the listener serves, or add a listener for the route's hostname (an apex needs its own listener beside the wildcard).",
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const route of gatewayRoutes(context)) {
      const hostnames: string[] = list(route.manifest.spec?.hostnames).filter((h) => typeof h === 'string');
      if (hostnames.length === 0) continue;
      for (const parent of gatewayParents(context, route)) {
        const selected = selectedListeners(context, parent);
        // The common case first, without a list: an admitting listener shares a hostname with the route.
        if (admitsWithHostname(context, parent.gateway!, selected, route, hostnames)) continue;
        const admitting = selected.filter(({ listener }) => listenerRefusal(context, parent.gateway!, listener, route) === undefined);
        if (admitting.length === 0) continue;
        // Stryker disable next-line OptionalChaining: equivalent, see above.
        const served = admitting.map(({ listener }) => `"${listener?.name}": ${JSON.stringify(listener?.hostname)}`).join(', ');
        out.push({ object: route, message: `spec.hostnames ${JSON.stringify(hostnames)} share no hostname with the listeners of ${describeObject(parent.gateway!)} that ${parent.field} attaches to (${served}); the route is not accepted (NoMatchingListenerHostname).` });
      }
    }
    return out;
  },
};

/** Whether a listener of the list admits the route and shares a hostname with it. */
function admitsWithHostname(context: PolicyContext, gateway: PolicyObject, selected: readonly GatewayListener[], route: PolicyObject, hostnames: readonly string[]): boolean {
  for (const { listener } of selected) {
    // A null listener admits no route (its protocol carries none), so `listener` is an object once it is admitted.
    // Stryker disable next-line OptionalChaining: equivalent, see above.
    if (listenerRefusal(context, gateway, listener, route) === undefined && intersectsAny(listener?.hostname, hostnames)) return true;
  }
  return false;
}
