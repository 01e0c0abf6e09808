import { Problem } from '../../core/errors';

/** Services of the input by `namespace/name`, for turning named ports into numbers. */
export type ServiceIndex = ReadonlyMap<string, any>;

export function serviceIndex(manifests: readonly any[]): ServiceIndex {
  const index = new Map<string, any>();
  for (const m of manifests) {
    if (m?.kind !== 'Service' || typeof m.metadata?.name !== 'string') continue;
    index.set(`${m.metadata.namespace ?? 'default'}/${m.metadata.name}`, m);
  }
  return index;
}

/**
 * An Ingress backend as an HTTPRoute backendRef. HTTPRoute needs the port
 * number, so a port name is looked up in the Service (which must then be in
 * the input, as ingress2gateway also requires).
 */
export function backendRef(backend: any, namespace: string, field: string, services: ServiceIndex): { ref?: Record<string, unknown>; problem?: Problem } {
  const service = backend?.service;
  if (!service || typeof service.name !== 'string') {
    const resource = backend?.resource;
    return {
      problem: {
        field,
        message: `not converted: a resource backend (${resource?.kind ?? '?'} ${resource?.name ?? '?'}) is implementation-specific in Gateway API.`,
        value: resource ? { kind: resource.kind, name: resource.name } : backend,
        fix: "write the backendRef by hand with the group and kind your implementation supports, or point the path at a Service.",
      },
    };
  }
  if (typeof service.port?.number === 'number') return { ref: { name: service.name, port: service.port.number } };
  const portName = service.port?.name;
  const found = services.get(`${namespace}/${service.name}`);
  const port = (Array.isArray(found?.spec?.ports) ? found.spec.ports : []).find((p: any) => p?.name === portName);
  if (typeof port?.port === 'number') return { ref: { name: service.name, port: port.port } };
  return {
    problem: {
      field: `${field}.service.port`,
      message: found
        ? `not converted: Service ${namespace}/${service.name} has no port named ${JSON.stringify(portName)}, and an HTTPRoute backendRef needs the port number.`
        : `not converted: an HTTPRoute backendRef needs the port number, and Service ${namespace}/${service.name}, which would give it for port name ${JSON.stringify(portName)}, is not in the input.`,
      value: portName,
      fix: found ? 'fix the port name, or use port.number.' : 'pass the Service manifests along with the Ingresses, or use port.number in the Ingress.',
    },
  };
}
