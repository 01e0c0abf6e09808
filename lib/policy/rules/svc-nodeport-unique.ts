import { ngfProvisionedService } from '../../addons/nginx-gateway-fabric/provisioned-service';
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
    const claim = (key: string, object: PolicyObject, message: (owner: string) => string) => {
      const owner = claimed.get(key);
      if (owner === undefined) claimed.set(key, object);
      else if (owner !== object) out.push({ object, message: message(describeObject(owner)) });
    };
    for (const service of context.ofKind('Service')) {
      const ports = service.manifest.spec?.ports;
      // Only these types allocate node ports; a nodePort elsewhere is svc-spec-valid's finding.
      if (!Array.isArray(ports) || !NODE_PORT_TYPES.has(service.manifest.spec?.type)) continue;
      ports.forEach((port: any, i: number) => {
        // Unset, null and 0 all mean "the cluster allocates one".
        if (port?.nodePort === undefined || port.nodePort === null || port.nodePort === 0) return;
        const key = `${port.nodePort}/${port.protocol ?? 'TCP'}`;
        claim(key, service, (owner) => `spec.ports[${i}].nodePort ${key} is already claimed by ${owner}.`);
      });
    }
    // The Service NGINX Gateway Fabric creates for each Gateway claims the node ports of its NginxProxy
    // too, at runtime, where the clash would only show as a controller error.
    const classes = context.ofKind('GatewayClass');
    const proxies = context.ofKind('NginxProxy').map((p) => p.manifest);
    for (const gateway of context.ofKind('Gateway')) {
      const gatewayClass = classes.find((c) => c.manifest.metadata?.name === gateway.manifest.spec?.gatewayClassName);
      const service = ngfProvisionedService(gateway.manifest, gatewayClass?.manifest, proxies);
      for (const port of service?.ports ?? []) {
        if (port.nodePort === undefined) continue;
        const key = `${port.nodePort}/TCP`;
        claim(key, gateway, (owner) => `the listeners on port ${port.port} get nodePort ${key} on the Service NGINX Gateway Fabric creates for this Gateway (${service!.name}, from its NginxProxy), which is already claimed by ${owner}.`);
      }
    }
    return out;
  },
};
