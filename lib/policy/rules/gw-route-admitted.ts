import { PolicyContext } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { GatewayListener, gatewayParents, gatewayRoutes, listenerRefusal, selectedListeners } from './gateway-parts';

export const gwRouteAdmitted: Rule = {
  id: 'gw-route-admitted',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a route no listener admits is not attached (NotAllowedByListeners) and serves nothing.',
  crossObject: true,
  description: "At least one listener an HTTPRoute's parentRef selects admits it: allowedRoutes.namespaces (Same, the default, All, or a Selector on the route's namespace labels) and allowedRoutes.kinds (or the protocol's kinds: HTTP and HTTPS carry HTTPRoutes); else NotAllowedByListeners.",
  fix: "Set the listener's allowedRoutes.namespaces.from to All, or to a Selector that picks the route's namespace, and allow the HTTPRoute kind; or attach the route to a listener that admits it.",
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const route of gatewayRoutes(context)) {
      for (const parent of gatewayParents(context, route)) {
        const selected = selectedListeners(context, parent);
        if (selected.length === 0 || admitsAny(context, parent.gateway!, selected, route)) continue;
        const refusals = selected.map(({ listener }) => ({ name: listener?.name, reason: listenerRefusal(context, parent.gateway!, listener, route) }));
        const why = refusals.map((r) => `listener "${r.name}": ${r.reason}`).join('; ');
        out.push({ object: route, message: `${parent.field}: ${describeObject(parent.gateway!)} does not admit ${describeObject(route)} (${why}); the route is not accepted (NotAllowedByListeners).` });
      }
    }
    return out;
  },
};

/** Whether a listener of the list admits the route (the common case: the reasons of the others are gathered only for a finding). */
function admitsAny(context: PolicyContext, gateway: PolicyObject, selected: readonly GatewayListener[], route: PolicyObject): boolean {
  for (const { listener } of selected) if (listenerRefusal(context, gateway, listener, route) === undefined) return true;
  return false;
}
