import { IConstruct } from 'constructs';
import { Problem } from '../core/errors';
import { EdgePort, Endpoint, TrafficEdge } from './traffic-edges';

/** A derived path, or why it could not be derived: reported only by a namespace it concerns. */
export interface RoutedEdge extends TrafficEdge {
  readonly problem?: Problem;
  /** Where the problem was found (the Ingress, the HTTPRoute). */
  readonly scope?: IConstruct;
}

/** Every address, IPv4 and IPv6: what an entry point open to the world lets in. */
export const EVERYWHERE = [{ cidr: '0.0.0.0/0' }, { cidr: '::/0' }];

/** What {@link entryEdges} reads of a NodePort or LoadBalancer Service. */
export interface EntryService {
  readonly name: string;
  readonly type: string;
  /** `spec.externalTrafficPolicy`; unset is Cluster. */
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerSourceRanges?: readonly string[];
}

/**
 * A NodePort or LoadBalancer Service's documented sources → its pods on the
 * target ports: `loadBalancerSourceRanges` as ipBlocks, else 0.0.0.0/0 and
 * ::/0. With externalTrafficPolicy Cluster the clients arrive SNATed to a
 * node address, so source ranges need the node networks (`nodeCidrs`) too,
 * else the edge carries a problem.
 */
export function entryEdges(
  service: EntryService, to: Endpoint, ports: readonly EdgePort[], backendText: string, nodeCidrs: readonly string[] | undefined, scope: IConstruct,
): RoutedEdge[] {
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return [];
  const snat = (service.externalTrafficPolicy ?? 'Cluster') === 'Cluster';
  const ranges = service.type === 'LoadBalancer' ? service.loadBalancerSourceRanges : undefined;
  const note = snat
    ? 'externalTrafficPolicy Cluster: clients arrive SNATed to a node address, so the source seen here is a node, not the client.'
    : 'externalTrafficPolicy Local: clients arrive with their own address.';
  const key = service.type === 'NodePort' ? 'node-port' : 'load-balancer';
  const entry = `${service.type} Service ${service.name}`;
  if (ranges === undefined || ranges.length === 0) {
    return [{ from: { key, text: 'anywhere (0.0.0.0/0, ::/0)', ipBlocks: EVERYWHERE }, to, ports, path: `${entry} from anywhere → ${backendText}`, note }];
  }
  const nodes = snat ? nodeCidrs ?? [] : [];
  const edge: RoutedEdge = {
    from: { key, text: `loadBalancerSourceRanges ${ranges.join(', ')}${nodes.length ? ` and nodes ${nodes.join(', ')}` : ''}`, ipBlocks: [...ranges, ...nodes].map((cidr) => ({ cidr })) },
    to, ports, path: `${entry} from ${ranges.join(', ')} → ${backendText}`, note,
  };
  if (snat && nodes.length === 0) {
    return [edge, { ...edge, path: `${entry} SNATed`, scope, problem: {
      field: 'isolation.nodeCidrs', message: `is not set, and Service ${service.name} has externalTrafficPolicy Cluster with loadBalancerSourceRanges: its clients arrive SNATed to node addresses, which the source ranges do not let in.`,
      fix: 'give the nodes\' networks in `isolation.nodeCidrs`, or set `externalTrafficPolicy: \'Local\'` to keep the client address.',
    } }];
  }
  return [edge];
}
