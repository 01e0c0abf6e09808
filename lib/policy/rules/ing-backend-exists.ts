import { closest } from '../suggest';
import { Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { ingressBackends } from './ingress-parts';

export const ingBackendExists: Rule = {
  id: 'ing-backend-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow: the controller answers 503 for a backend Service or port that does not exist (info when the input holds no Service in that namespace to judge by).',
  crossObject: true,
  description: 'Every Ingress backend (rules and defaultBackend) names a Service in the same namespace and one of its ports.',
  fix: 'Fix the backend service name or port, or add the Service to the app.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const ingress of context.ofKind('Ingress')) {
      const backends = ingressBackends(ingress.manifest);
      // Indexed, and each backend's field path written only for a finding: this runs for every route of every synth.
      for (let b = 0; b < backends.length; b++) {
        const ref = backends[b].backend.service;
        if (!ref || typeof ref.name !== 'string') continue;
        const service = context.find('Service', ingress.namespace, ref.name);
        if (!service && !context.hasAny('Service', ingress.namespace)) {
          out.push({
            object: ingress, severity: 'info',
            message: `cannot judge ${backends[b].field}.service.name "${ref.name}": these manifests hold no Service in namespace "${ingress.namespace}" (it may live elsewhere).`,
            fix: 'Check these manifests together with the Services to have the backend checked.',
          });
          continue;
        }
        if (!service) {
          const near = closest(ref.name, context.namesIn('Service', ingress.namespace));
          out.push({ object: ingress, message: `${backends[b].field}.service.name "${ref.name}" is not a Service in namespace "${ingress.namespace}".${near ? ` Did you mean "${near}"?` : ''}` });
          continue;
        }
        // An ExternalName Service is a DNS alias: the controller connects to the backend's port number as given.
        if (service.manifest.spec?.type === 'ExternalName') continue;
        const ports: any[] = Array.isArray(service.manifest.spec?.ports) ? service.manifest.spec.ports : [];
        const wanted = ref.port ?? {};
        const ok = wanted.number !== undefined ? hasPort(ports, 'port', wanted.number)
          : wanted.name !== undefined ? hasPort(ports, 'name', wanted.name)
            : true;
        if (!ok) {
          const has = ports.map((p) => `${p.port}${p.name ? ` "${p.name}"` : ''}`).join(', ') || 'none';
          out.push({
            object: ingress,
            message: `${backends[b].field}.service.port ${JSON.stringify(wanted.number ?? wanted.name)} is not a port of ${describeObject(service)} (its ports: ${has}).`,
          });
        }
      }
    }
    return out;
  },
};

/** Whether a Service port's `key` (port or name) is `wanted`; a loop, not `some` with a closure per backend. */
function hasPort(ports: readonly any[], key: 'port' | 'name', wanted: unknown): boolean {
  // A hole is skipped, as `some` skips it; a null item throws, as it did (schema-valid reports it).
  // Stryker disable next-line EqualityOperator: equivalent, ports[length] is not `in` the list and is skipped.
  for (let i = 0; i < ports.length; i++) if (i in ports && ports[i][key] === wanted) return true;
  return false;
}
