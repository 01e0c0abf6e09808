import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';

const NODE_PORT_TYPES = new Set(['NodePort', 'LoadBalancer']);

export const svcNodePortUnique: Rule = {
  id: 'svc-nodeport-unique',
  severity: 'error',
  severityReason: 'The API server rejects the second Service ("provided port is already allocated").',
  crossObject: true,
  description: 'No two Services claim the same nodePort for the same protocol anywhere in the app (the API server says "provided port is already allocated").',
  fix: 'Give each Service its own nodePort, or leave nodePort unset so the cluster allocates one.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const claimed = new Map<string, PolicyObject>();
    for (const service of context.ofKind('Service')) {
      const ports = service.manifest.spec?.ports;
      // Only these types allocate node ports; a nodePort elsewhere is svc-spec-valid's finding.
      if (!Array.isArray(ports) || !NODE_PORT_TYPES.has(service.manifest.spec?.type)) continue;
      ports.forEach((port: any, i: number) => {
        // Unset, null and 0 all mean "the cluster allocates one".
        if (port?.nodePort === undefined || port.nodePort === null || port.nodePort === 0) return;
        const key = `${port.nodePort}/${port.protocol ?? 'TCP'}`;
        const owner = claimed.get(key);
        if (owner === undefined) claimed.set(key, service);
        else if (owner !== service) {
          out.push({ object: service, message: `spec.ports[${i}].nodePort ${key} is already claimed by ${describeObject(owner)}.` });
        }
      });
    }
    return out;
  },
};
