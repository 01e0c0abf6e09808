import { closest } from '../suggest';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { gatewayServiceRefs } from './gateway-parts';

export const gwBackendExists: Rule = {
  id: 'gw-backend-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow: the data plane answers 500 for a backendRef whose Service or port does not exist or selects no pods (BackendNotFound); info when the input holds no Service in that namespace to judge by.',
  crossObject: true,
  description: 'Each HTTPRoute backendRef (and RequestMirror target) names a Service of the manifests, one of its port numbers, and a Service that selects pods (else requests get 500, BackendNotFound, or 503).',
  fix: "Fix the backendRef's name, namespace or port (the Service port, not the targetPort), add the Service, or fix the Service's selector.",
  check: (context) => {
    const out: RuleViolation[] = [];
    const serviceRefs = gatewayServiceRefs(context);
    // One indexed loop, no destructuring: this runs for every backendRef of every route of every synth, mostly before V8 optimizes it.
    for (let s = 0; s < serviceRefs.length; s++) {
      const serviceRef = serviceRefs[s];
      const route = serviceRef.route;
      // The field path is read only for a finding.
      const ref = serviceRef.ref;
      const namespace = serviceRef.namespace;
      const service = context.find('Service', namespace, ref.name);
      if (!service && !context.hasAny('Service', namespace)) {
        out.push({
          object: route, severity: 'info',
          message: `cannot judge ${serviceRef.field}.name "${ref.name}": these manifests hold no Service in namespace "${namespace}" (it may live elsewhere).`,
          fix: 'Check these manifests together with the Services to have the backend checked.',
        });
        continue;
      }
      if (!service) {
        const near = closest(ref.name, context.namesIn('Service', namespace));
        out.push({ object: route, message: `${serviceRef.field}.name "${ref.name}" is not a Service in namespace "${namespace}"${near ? ` (did you mean "${near}"?)` : ''}; requests for it get 500 (BackendNotFound).` });
        continue;
      }
      const spec = service.manifest.spec;
      const ports: any[] = Array.isArray(spec?.ports) ? spec.ports : [];
      if (ref.port !== undefined && !hasPort(ports, ref.port)) {
        const has = ports.map((p) => `${p?.port}${p?.name ? ` "${p.name}"` : ''}`).join(', ') || 'none';
        out.push({ object: route, message: `${serviceRef.field}.port ${JSON.stringify(ref.port)} is not a port of ${describeObject(service)} (its ports: ${has}); requests for it get 500 (BackendNotFound).` });
        continue;
      }
      const selector = spec?.selector;
      // Judged only where svc-selector-matches-pod judges too: workloads of that namespace are in the input.
      if (selector && hasKeys(selector) && context.hasPodTemplatesIn(namespace) && context.podsSelectedBy(service).length === 0) {
        out.push({ object: route, message: `${serviceRef.field} routes to ${describeObject(service)}, whose selector ${JSON.stringify(selector)} matches no pod template of the manifests; requests for it get 503.`, fix: "Make the Service's selector match the pods' labels (svc-selector-matches-pod has the details)." });
      }
    }
    return out;
  },
};

/** Whether a Service port has that number (holes skipped, as `some` skips them). */
function hasPort(ports: readonly any[], port: unknown): boolean {
  // Stryker disable next-line EqualityOperator: equivalent, one index past the end is not `in` the list.
  for (let i = 0; i < ports.length; i++) if (i in ports && ports[i]?.port === port) return true;
  return false;
}

/** `Object.keys(value).length > 0`, without the list. */
function hasKeys(value: object): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent, a selector read from YAML or JSON has no inherited enumerable keys.
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return true;
  return false;
}
