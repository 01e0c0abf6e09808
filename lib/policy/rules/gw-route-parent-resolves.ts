import { closest } from '../suggest';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { gatewayParentRefs, listenersOf, selectedListeners } from './gateway-parts';

export const gwRouteParentResolves: Rule = {
  id: 'gw-route-parent-resolves',
  severity: 'error',
  severityReason: 'Traffic cannot flow: a route whose parent Gateway or listener does not exist is attached to nothing (info when the input holds no Gateway in that namespace to judge by).',
  crossObject: true,
  description: 'Each HTTPRoute parentRef names a Gateway of the manifests (or one declared external) and, when it gives sectionName or port, a listener of that Gateway with that name and port (else the route is not accepted: NoMatchingParent).',
  fix: 'Fix the Gateway name, namespace, sectionName or port, add the Gateway, or declare a Gateway managed elsewhere with the externalGateways option (--external-gateway).',
  check: (context) => {
    const out: RuleViolation[] = [];
    const parents = gatewayParentRefs(context);
    // One indexed loop, no destructuring: this runs for every parentRef of every route of every synth, mostly before V8 optimizes it.
    for (let p = 0; p < parents.length; p++) {
      const parent = parents[p];
      if (parent.external) continue;
      const route = parent.route;
      const ref = parent.ref;
      if (!parent.gateway) {
        if (!context.hasAny('Gateway', parent.namespace)) {
          out.push({
            object: route, severity: 'info',
            message: `cannot judge ${parent.field}.name "${ref.name}": these manifests hold no Gateway in namespace "${parent.namespace}" (a platform team's shared Gateway lives elsewhere).`,
            fix: 'Declare the Gateway external (externalGateways, or --external-gateway) to say where it comes from.',
          });
          continue;
        }
        const near = closest(ref.name, context.namesIn('Gateway', parent.namespace));
        out.push({ object: route, message: `${parent.field}.name "${ref.name}" is not a Gateway in namespace "${parent.namespace}" of these manifests${near ? ` (did you mean "${near}"?)` : ''}, nor a declared external one.` });
        continue;
      }
      if (selectedListeners(context, parent).length > 0) continue;
      const asked = [ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '', ref.port !== undefined ? `port ${ref.port}` : ''].filter((s) => s).join(' and ');
      const listeners = listenersOf(parent.gateway).map(({ listener }) => `"${listener?.name}" (${listener?.port}/${listener?.protocol})`).join(', ') || 'none';
      out.push({
        object: route,
        message: `${parent.field} asks for ${asked}, which no listener of ${describeObject(parent.gateway)} has (its listeners: ${listeners}); the route is not accepted (NoMatchingParent).`,
        fix: 'Use the name (and port) of one of the listeners, or add the listener to the Gateway.',
      });
    }
    return out;
  },
};
