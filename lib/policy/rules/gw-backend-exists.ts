import { closest } from '../suggest';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { gatewayRoutes, routeServiceRefs } from './gateway-parts';

export const gwBackendExists: Rule = {
  id: 'gw-backend-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow: the data plane answers 500 for a backendRef whose Service or port does not exist or selects no pods (BackendNotFound).',
  crossObject: true,
  description: 'Each HTTPRoute backendRef (and RequestMirror target) names a Service of the manifests, one of its port numbers, and a Service that selects pods (else requests get 500, BackendNotFound, or 503).',
  fix: "Fix the backendRef's name, namespace or port (the Service port, not the targetPort), add the Service, or fix the Service's selector.",
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const route of gatewayRoutes(context)) {
      for (const { ref, field, namespace } of routeServiceRefs(route)) {
        const service = context.find('Service', namespace, ref.name);
        if (!service) {
          const near = closest(ref.name, context.namesIn('Service', namespace));
          out.push({ object: route, message: `${field}.name "${ref.name}" is not a Service in namespace "${namespace}"${near ? ` (did you mean "${near}"?)` : ''}; requests for it get 500 (BackendNotFound).` });
          continue;
        }
        const ports: any[] = Array.isArray(service.manifest.spec?.ports) ? service.manifest.spec.ports : [];
        if (ref.port !== undefined && !ports.some((p) => p?.port === ref.port)) {
          const has = ports.map((p) => `${p?.port}${p?.name ? ` "${p.name}"` : ''}`).join(', ') || 'none';
          out.push({ object: route, message: `${field}.port ${JSON.stringify(ref.port)} is not a port of ${describeObject(service)} (its ports: ${has}); requests for it get 500 (BackendNotFound).` });
          continue;
        }
        const selector = service.manifest.spec?.selector;
        if (selector && Object.keys(selector).length > 0 && context.podsSelectedBy(service).length === 0) {
          out.push({ object: route, message: `${field} routes to ${describeObject(service)}, whose selector ${JSON.stringify(selector)} matches no pod template of the manifests; requests for it get 503.`, fix: "Make the Service's selector match the pods' labels (svc-selector-matches-pod has the details)." });
        }
      }
    }
    return out;
  },
};
