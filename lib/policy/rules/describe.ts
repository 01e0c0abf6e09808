/** `Service dev/web`, `IngressClass nginx`: how messages and reports name an object. */
export function describeObject(o: { readonly kind: string; readonly namespace?: string; readonly name: string }): string {
  return `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ''}${o.name}`;
}

/** A container port as `80/TCP "http"`. */
export function describeContainerPorts(ports: readonly any[]): string {
  if (ports.length === 0) return 'no ports';
  return ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` "${p.name}"` : ''}`).join(', ');
}

/** Whether a container declares the port, by number (and protocol) or by name. */
export function containerHasPort(container: any, port: number | string, protocol = 'TCP'): boolean {
  // Stryker disable next-line ArrayDeclaration: equivalent, a string item has no containerPort nor name.
  const ports: any[] = Array.isArray(container?.ports) ? container.ports : [];
  return typeof port === 'number'
    ? ports.some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol)
    : ports.some((p) => p.name === port);
}

/**
 * How a port reference (a Service targetPort, a probe port) meets the ports
 * the containers declare. Declaring a containerPort is optional for a number
 * (the process may listen anyway) but required for a name, which resolves
 * nowhere else: `declared`, `unknown-name`, `unknown-number` (the containers
 * declare other ports), `none-declared` (they declare no port at all).
 */
export type PortMatch = 'declared' | 'unknown-name' | 'unknown-number' | 'none-declared';

export function matchPort(containers: readonly any[], port: number | string, protocol = 'TCP'): PortMatch {
  if (containers.some((c) => containerHasPort(c, port, protocol))) return 'declared';
  if (typeof port === 'string') return 'unknown-name';
  return containers.some((c) => Array.isArray(c?.ports) && c.ports.length > 0) ? 'unknown-number' : 'none-declared';
}
