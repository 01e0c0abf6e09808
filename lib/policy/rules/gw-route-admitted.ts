import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { admittingListeners, gatewayParentRefs, listenerRefusal, selectedListeners } from './gateway-parts';

export const gwRouteAdmitted: Rule = {
  id: 'gw-route-admitted',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a route no listener admits is not attached (NotAllowedByListeners) and serves nothing.',
  crossObject: true,
  description: "At least one listener an HTTPRoute's parentRef selects admits it: allowedRoutes.namespaces (Same, the default, All, or a Selector on the route's namespace labels) and allowedRoutes.kinds (or the protocol's kinds: HTTP and HTTPS carry HTTPRoutes); else NotAllowedByListeners.",
  fix: "Set the listener's allowedRoutes.namespaces.from to All, or to a Selector that picks the route's namespace, and allow the HTTPRoute kind; or attach the route to a listener that admits it.",
  check: (context) => {
    const out: RuleViolation[] = [];
    const parents = gatewayParentRefs(context);
    // One indexed loop, no destructuring: this runs for every parentRef of every route of every synth, mostly before V8 optimizes it.
    for (let p = 0; p < parents.length; p++) {
      const parent = parents[p];
      const route = parent.route;
      // The common case: a listener admits it (the reasons of the others are gathered only for a finding).
      if (admittingListeners(context, route, parent).length > 0) continue;
      const selected = selectedListeners(context, parent);
      if (selected.length === 0) continue;
      const refusals = selected.map(({ listener }) => ({ name: listener?.name, reason: listenerRefusal(context, parent.gateway!, listener, route) }));
      const why = refusals.map((r) => `listener "${r.name}": ${r.reason}`).join('; ');
      out.push({ object: route, message: `${parent.field}: ${describeObject(parent.gateway!)} does not admit ${describeObject(route)} (${why}); the route is not accepted (NotAllowedByListeners).` });
    }
    return out;
  },
};
