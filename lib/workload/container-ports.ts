import { Problem } from '../core/errors';
import { IANA_SVC_NAME_RULE, isIanaSvcName } from '../core/names';
import { isPortNumber } from '../core/net';
import { Protocol, PROTOCOLS } from '../core/protocol';

/** One port a container listens on. */
export interface ContainerPort {
  /** The port number, 1..65535. */
  readonly port: number;
  /**
   * The port's name, so Services and probes can refer to it by name (`targetPort: 'http'`).
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * @default 'TCP'
   */
  readonly protocol?: Protocol;
}

/** A container port after defaults: what a Service can target. */
export interface ResolvedContainerPort {
  readonly port: number;
  readonly name?: string;
  readonly protocol: Protocol;
}

/** Applies defaults and checks numbers, names, protocols and uniqueness. */
export function resolveContainerPorts(ports: readonly ContainerPort[]): { ports: ResolvedContainerPort[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const resolved: ResolvedContainerPort[] = [];
  const seenNames = new Set<string>();
  const seenNumbers = new Set<string>();
  ports.forEach((p, i) => {
    const field = `ports[${i}]`;
    const protocol = p.protocol ?? 'TCP';
    if (!isPortNumber(p.port)) {
      problems.push({ field: `${field}.port`, message: 'is not a valid port number.', value: p.port, allowed: 'an integer from 1 to 65535', fix: 'use the port the process listens on.' });
    }
    if (!PROTOCOLS.includes(protocol)) {
      problems.push({ field: `${field}.protocol`, message: 'is not a supported protocol.', value: protocol, allowed: PROTOCOLS.join(', '), fix: 'use one of the allowed protocols (upper case).' });
    }
    if (p.name !== undefined) {
      if (!isIanaSvcName(p.name)) {
        problems.push({ field: `${field}.name`, message: 'is not a valid port name.', value: p.name, allowed: IANA_SVC_NAME_RULE, fix: 'use a short lowercase name such as "http" or "metrics".' });
      } else if (seenNames.has(p.name)) {
        problems.push({ field: `${field}.name`, message: 'is used by another port of the same container.', value: p.name, allowed: 'unique names', fix: 'give each port its own name.' });
      }
      seenNames.add(p.name);
    }
    const key = `${p.port}/${protocol}`;
    if (seenNumbers.has(key)) {
      problems.push({ field: `${field}.port`, message: `${key} is declared twice.`, value: p.port, allowed: 'each port and protocol once', fix: 'remove the duplicate port.' });
    }
    seenNumbers.add(key);
    resolved.push({ port: p.port, name: p.name, protocol });
  });
  return { ports: resolved, problems };
}

/** The container port a Service `targetPort` (number or name) and protocol points at, if any. */
export function findContainerPort(ports: readonly ResolvedContainerPort[], target: number | string, protocol: Protocol): ResolvedContainerPort | undefined {
  return ports.find((p) => (typeof target === 'number' ? p.port === target : p.name === target) && p.protocol === protocol);
}

/** `http=80/TCP, 9090/TCP`: how a port list reads in an error message. */
export function describePorts(ports: readonly ResolvedContainerPort[]): string {
  if (ports.length === 0) return 'none';
  return ports.map((p) => `${p.name ? `${p.name}=` : ''}${p.port}/${p.protocol}`).join(', ');
}
