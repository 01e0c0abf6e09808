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
  const ports: any[] = Array.isArray(container?.ports) ? container.ports : [];
  return typeof port === 'number'
    ? ports.some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol)
    : ports.some((p) => p.name === port);
}
