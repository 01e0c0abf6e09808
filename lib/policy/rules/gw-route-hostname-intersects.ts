import { PolicyContext } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { acceptingListeners, GatewayListener, gatewayParentRefs, intersectsAny, listenerRefusal, selectedListeners } from './gateway-parts';

export const gwRouteHostnameIntersects: Rule = {
  id: 'gw-route-hostname-intersects',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a route whose hostnames match no listener is not attached (NoMatchingListenerHostname).',
  crossObject: true,
  description: 'An HTTPRoute with hostnames shares at least one with a listener that admits it (`*.example.com` matches `a.example.com` and `a.b.example.com`, never `example.com`); else NoMatchingListenerHostname.',
  fix: "Give the route a hostname the listener serves, or add a listener for the route's hostname (an apex needs its own listener beside the wildcard).",
  check: (context) => {
    const out: RuleViolation[] = [];
    const parents = gatewayParentRefs(context);
    // The hostnames of the route of the last parentRef (a route's parentRefs come one after another).
    let lastRoute: PolicyObject | undefined;
    // Stryker disable next-line ArrayDeclaration: equivalent, set for the first parentRef before it is read
    let hostnames: string[] = [];
    // Stryker disable next-line BooleanLiteral: equivalent, set for the first parentRef before it is read
    let allStrings = true;
    // One indexed loop, no list or closure per parentRef: this runs for every route of every synth, mostly before V8 optimizes it.
    for (let p = 0; p < parents.length; p++) {
      const parent = parents[p];
      const route = parent.route;
      // Stryker disable next-line ConditionalExpression: equivalent, reading the route's hostnames again gives the same (only slower)
      if (route !== lastRoute) {
        lastRoute = route;
        // Stryker disable next-line OptionalChaining: equivalent, a route with parentRefs has a spec
        const raw = route.manifest.spec?.hostnames;
        // Hostnames that are not strings (and holes) are the schema's to report: judged without them.
        // Stryker disable next-line ConditionalExpression: equivalent, false only sends every route down the general path, which answers the same
        allStrings = !Array.isArray(raw) || everyString(raw);
        // Stryker disable next-line ArrayDeclaration: equivalent, a route without a hostname list takes the acceptingListeners path, which reads the route itself
        hostnames = !Array.isArray(raw) ? [] : allStrings ? raw : raw.filter((h) => typeof h === 'string');
      }
      if (hostnames.length === 0) continue;
      // The common case first, without a list: an admitting listener shares a hostname with the route. When every
      // hostname is a string, the listeners accepting the route are those (and the TLS rules ask for them too).
      if (allStrings ? acceptingListeners(context, route, parent).length > 0 : admitsWithHostname(context, parent.gateway!, selectedListeners(context, parent), route, hostnames)) continue;
      const selected = selectedListeners(context, parent);
      const admitting = selected.filter(({ listener }) => listenerRefusal(context, parent.gateway!, listener, route) === undefined);
      if (admitting.length === 0) continue;
      // Stryker disable next-line OptionalChaining: equivalent, see above.
      const served = admitting.map(({ listener }) => `"${listener?.name}": ${JSON.stringify(listener?.hostname)}`).join(', ');
      out.push({ object: route, message: `spec.hostnames ${JSON.stringify(hostnames)} share no hostname with the listeners of ${describeObject(parent.gateway!)} that ${parent.field} attaches to (${served}); the route is not accepted (NoMatchingListenerHostname).` });
    }
    return out;
  },
};

/** Whether every item of the list is a string (a hole reads undefined, which is not). */
// Stryker disable all: equivalent, any other answer only sends the route down the general path (admitsWithHostname), which answers the same.
function everyString(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'string') return false;
  return true;
}
// Stryker restore all

/** Whether a listener of the list admits the route and shares a hostname with it. */
function admitsWithHostname(context: PolicyContext, gateway: PolicyObject, selected: readonly GatewayListener[], route: PolicyObject, hostnames: readonly string[]): boolean {
  for (const { listener } of selected) {
    // A null listener admits no route (its protocol carries none), so `listener` is an object once it is admitted.
    // Stryker disable next-line OptionalChaining: equivalent, see above.
    if (listenerRefusal(context, gateway, listener, route) === undefined && intersectsAny(listener?.hostname, hostnames)) return true;
  }
  return false;
}
