import { IConstruct } from 'constructs';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { isPortNumber } from '../core/net';
import { Protocol, PROTOCOLS } from '../core/protocol';
import { AllowOptions } from './isolation-options';
import { IPodPeer, IsolationPort, NetworkPeer } from './peers';
import { declareEdge, EdgePort, Endpoint, podsEndpoint, portsText } from './traffic-edges';

/** Pods that declare their container ports (a WebApp). */
interface PodsWithPorts extends IPodPeer {
  readonly name: string;
  readonly containerPorts: ReadonlyArray<{ readonly port: number; readonly name?: string; readonly protocol: string }>;
}

/** What `allowFrom`/`allowTo` read of an ExposedService. */
export interface IsolationService extends IConstruct {
  readonly name: string;
  readonly namespace: string;
  readonly type: string;
  readonly selector?: Readonly<Record<string, string>>;
  readonly ports: ReadonlyArray<{ readonly port: number; readonly targetPort: number | string; readonly protocol: string }>;
  readonly target?: { readonly containerPorts: PodsWithPorts['containerPorts'] };
  readonly externalName?: string;
}

/** Something `allowTo` can send to: pods, a Service's pods, or a NetworkPeer. */
export type AllowToDestination = IPodPeer | IsolationService | NetworkPeer;

/**
 * Declares that `peer` may reach `target`'s pods. The receiving namespace's
 * isolation (when on) renders an ingress rule; the peer's namespace, when its
 * egress is denied, the matching egress rule.
 */
export function declareAllowFrom(target: PodsWithPorts | IsolationService, peer: IPodPeer | NetworkPeer, options: AllowOptions = {}): void {
  const to = receiving(target, 'allowFrom');
  const ports = options.ports !== undefined ? checkedPorts(target, 'allowFrom', options.ports) : to.ports;
  const from = peer instanceof NetworkPeer ? networkEndpoint(peer) : pods(peer);
  declareEdge(target, { from, to: to.endpoint, ports, path: `allowFrom: ${from.text} → ${to.endpoint.text}${portsText(ports)}` });
}

/**
 * Declares that `source`'s pods may reach `destination`: rendered as an
 * egress rule when the source's namespace denies egress, and an ingress rule
 * when the destination is pods of an isolated namespace.
 */
export function declareAllowTo(source: PodsWithPorts, destination: AllowToDestination, options: AllowOptions = {}): void {
  let to: Endpoint;
  let ports: readonly EdgePort[] | undefined;
  if (destination instanceof NetworkPeer) {
    to = networkEndpoint(destination);
  } else {
    const resolved = receiving(destination as PodsWithPorts | IsolationService, 'allowTo');
    to = resolved.endpoint;
    ports = resolved.ports;
  }
  if (options.ports !== undefined) ports = checkedPorts(source, 'allowTo', options.ports);
  const from = pods(source);
  declareEdge(source, { from, to, ports, path: `allowTo: ${from.text} → ${to.text}${portsText(ports)}` });
}

function receiving(target: PodsWithPorts | IsolationService, method: string): { endpoint: Endpoint; ports?: readonly EdgePort[] } {
  if ('containerPorts' in target) {
    const ports = target.containerPorts.map((p) => ({ port: p.port, protocol: p.protocol }));
    return { endpoint: pods(target), ports: ports.length > 0 ? ports : undefined };
  }
  const service = target as IsolationService;
  if (service.selector === undefined) {
    const external = service.type === 'ExternalName';
    throw new NetkitError(service, {
      field: method,
      message: external
        ? `names Service "${service.name}", an ExternalName (a DNS alias for "${service.externalName}"): a NetworkPolicy matches pods and addresses, never DNS names.`
        : `names Service "${service.name}", which selects no pods, so no pod selector can match its endpoints.`,
      value: service.name,
      fix: 'give the destination\'s addresses with NetworkPeer.ipBlock("<cidr>") (`allowTo(NetworkPeer.ipBlock("203.0.113.0/24"), { ports: [{ port: 443 }] })`).',
    });
  }
  const containerPorts = service.target?.containerPorts ?? [];
  const ports = service.ports.map((p): EdgePort => {
    const byName = typeof p.targetPort === 'string' ? containerPorts.find((c) => c.name === p.targetPort) : undefined;
    return { port: byName ? byName.port : p.targetPort, protocol: p.protocol };
  });
  return {
    endpoint: podsEndpoint(service.name, service.namespace, service.selector, true),
    ports: ports.length > 0 ? uniquePorts(ports) : undefined,
  };
}

function pods(peer: IPodPeer & { readonly name?: string }): Endpoint {
  return podsEndpoint(peer.name ?? peer.node.id, peer.namespace ?? 'default', peer.selector, true);
}

/** How a policy rule names a NetworkPeer. */
export function networkEndpoint(peer: NetworkPeer): Endpoint {
  return {
    key: peer.key, text: peer.description, namespace: peer.pods?.namespace, podLabels: peer.pods?.podLabels,
    ipBlocks: peer.ipBlock ? [peer.ipBlock] : undefined,
  };
}

function checkedPorts(scope: IConstruct, method: string, ports: readonly IsolationPort[]): EdgePort[] {
  const problems: Problem[] = [];
  ports.forEach((p, i) => {
    if (!isPortNumber(p.port)) {
      problems.push({ field: `${method}.ports[${i}].port`, message: 'is not a port number.', value: p.port, allowed: 'an integer from 1 to 65535', fix: 'give the port the receiving pods listen on.' });
    }
    if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) {
      problems.push({ field: `${method}.ports[${i}].protocol`, message: 'is not a protocol.', value: p.protocol, allowed: PROTOCOLS.join(', '), fix: 'use TCP, UDP or SCTP (upper case).' });
    }
  });
  if (ports.length === 0) {
    problems.push({ field: `${method}.ports`, message: 'is empty, which a NetworkPolicy reads as every port.', value: [], fix: 'list the ports, or leave `ports` out to allow the declared ones.' });
  }
  throwIfProblems(scope, problems);
  return uniquePorts(ports.map((p) => ({ port: p.port, protocol: p.protocol ?? ('TCP' as Protocol) })));
}

function uniquePorts(ports: readonly EdgePort[]): EdgePort[] {
  const seen = new Map<string, EdgePort>();
  for (const p of ports) seen.set(`${p.port}/${p.protocol}`, p);
  return [...seen.values()];
}
