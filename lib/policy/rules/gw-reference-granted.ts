import { Rule, RuleViolation } from '../types';
import { certificateRefs, gatewayServiceRefs, referenceGranted } from './gateway-parts';

export const gwReferenceGranted: Rule = {
  id: 'gw-reference-granted',
  severity: 'error',
  severityReason: 'Traffic cannot flow: without the ReferenceGrant the reference is refused (RefNotPermitted) and the backend or certificate is not used.',
  crossObject: true,
  description: "A reference to another namespace (an HTTPRoute backendRef to a Service, a Gateway listener's certificateRef to a Secret) is allowed by a ReferenceGrant in the target namespace (else RefNotPermitted: 500s, or a listener without certificate).",
  fix: 'Add a ReferenceGrant in the target namespace with from {group: gateway.networking.k8s.io, kind, namespace} and to {group: "", kind, name}.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const grantHint = (fromKind: string, fromNs: string, toKind: string, toNs: string, name: string) =>
      `add a ReferenceGrant in namespace "${toNs}": from [{group: gateway.networking.k8s.io, kind: ${fromKind}, namespace: ${fromNs}}], to [{group: "", kind: ${toKind}, name: ${name}}].`;
    const serviceRefs = gatewayServiceRefs(context);
    // One indexed loop, no destructuring: this runs for every backendRef of every route of every synth, mostly before V8 optimizes it.
    for (let s = 0; s < serviceRefs.length; s++) {
      const serviceRef = serviceRefs[s];
      const route = serviceRef.route;
      const namespace = serviceRef.namespace;
      // The common case: a backend of the route's own namespace (the field path is read only for a finding).
      if (namespace === route.namespace) continue;
      const ref = serviceRef.ref;
      if (referenceGranted(context, route.kind, route.namespace!, 'Service', namespace, ref.name)) continue;
      out.push({
        object: route,
        message: `${serviceRef.field} refers to Service ${namespace}/${ref.name} in another namespace, and no ReferenceGrant in "${namespace}" allows ${route.kind}s of "${route.namespace}" to; requests for it get 500 (RefNotPermitted).`,
        fix: grantHint(route.kind, route.namespace!, 'Service', namespace, ref.name),
      });
    }
    for (const gateway of context.ofKind('Gateway')) {
      for (const { ref, field, namespace } of certificateRefs(gateway)) {
        if (namespace === gateway.namespace || referenceGranted(context, 'Gateway', gateway.namespace!, 'Secret', namespace, ref.name)) continue;
        out.push({
          object: gateway,
          message: `${field} refers to Secret ${namespace}/${ref.name} in another namespace, and no ReferenceGrant in "${namespace}" allows Gateways of "${gateway.namespace}" to; the listener gets no certificate (RefNotPermitted).`,
          fix: grantHint('Gateway', gateway.namespace!, 'Secret', namespace, ref.name),
        });
      }
    }
    return out;
  },
};
