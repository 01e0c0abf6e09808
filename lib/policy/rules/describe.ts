import type { ContainerRef } from '../context';

/** `Service dev/web`, `IngressClass nginx`: how messages and reports name an object. */
export function describeObject(o: { readonly kind: string; readonly namespace?: string; readonly name: string }): string {
  return `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ''}${o.name}`;
}

/** A container port as `80/TCP "http"`. */
export function describeContainerPorts(ports: readonly any[]): string {
  if (ports.length === 0) return 'no ports';
  return ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` "${p.name}"` : ''}`).join(', ');
}

/**
 * Whether a container declares the port, by number (and protocol) or by name.
 * Indexed loops, no closure: the checks ask this for every container a Service
 * selects and every probe, thousands of times in a large synth. A hole in the
 * list is skipped (as `some` skipped it); a null item throws, as it did, and
 * the engine reports the rule as unable to run.
 */
export function containerHasPort(container: any, port: number | string, protocol = 'TCP'): boolean {
  const ports = container?.ports;
  if (!Array.isArray(ports)) return false;
  // Stryker disable next-line EqualityOperator: equivalent, ports[length] is not `in` the list and is skipped below.
  for (let i = 0; i < ports.length; i++) {
    if (!(i in ports)) continue;
    const p = ports[i];
    if (typeof port === 'number' ? p.containerPort === port && (p.protocol ?? 'TCP') === protocol : p.name === port) return true;
  }
  return false;
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
  // Stryker disable next-line EqualityOperator: equivalent, containers[length] is not `in` the list and is skipped.
  for (let i = 0; i < containers.length; i++) if (i in containers && containerHasPort(containers[i], port, protocol)) return 'declared';
  return unmatchedPort(containers, port);
}

/** {@link matchPort} of one container, without a list to hold it. */
export function matchContainerPort(container: any, port: number | string, protocol = 'TCP'): PortMatch {
  return containerHasPort(container, port, protocol) ? 'declared' : unmatchedPort([container], port);
}

/** {@link matchPort} of the containers of a pod template (their refs, as `containersOf` lists them). */
export function matchTemplatePort(refs: readonly ContainerRef[], port: number | string, protocol = 'TCP'): PortMatch {
  for (let i = 0; i < refs.length; i++) if (containerHasPort(refs[i].container, port, protocol)) return 'declared';
  return unmatchedPort(refs.map((r) => r.container), port);
}

/** What a port that no container declares is: a name (resolves nowhere), or a number among other ports, or a number where none are declared. */
function unmatchedPort(containers: readonly any[], port: number | string): PortMatch {
  if (typeof port === 'string') return 'unknown-name';
  return containers.some((c) => Array.isArray(c?.ports) && c.ports.length > 0) ? 'unknown-number' : 'none-declared';
}
