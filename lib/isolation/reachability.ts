/**
 * The NetworkPolicy evaluator: "may A reach B on port P/protocol?", written
 * once from the networking.k8s.io/v1 spec, and used by the policy rules, the
 * traffic map and the isolation constructs.
 *
 * Stable API (other modules and helpers build on it; do not rename):
 * - `new NetworkPolicyIndex(policies, namespaceLabels?)`: policies as parsed
 *   manifests (kind NetworkPolicy; other kinds are ignored), indexed by
 *   namespace once; `namespaceLabels` maps a namespace name to its labels
 *   (`kubernetes.io/metadata.name` is always added, as the API server does).
 * - `index.reach({ from, to, port, protocol })` → {@link ReachabilityVerdict}:
 *   `allowed`, and per direction whether the pod is isolated, which policies
 *   select it and which allow the connection.
 * - `index.admitsSomeExternalSource(pod, port, protocol)`: whether any address
 *   outside the pods may reach the pod (entry points whose clients are unknown).
 * - `index.isEmpty`: no NetworkPolicy at all, so every connection is allowed
 *   (callers early-out on it: the synth budget has no room for pointless work).
 * - `policyTypesOf(policy)`, `networkPoliciesIn(manifests)`,
 *   `namespaceLabelsIn(manifests)`, and the building blocks in selectors.ts,
 *   cidr.ts and ports.ts.
 *
 * The semantics, in the spec's words and ours:
 * - A pod is isolated for ingress (egress) when a policy in ITS namespace
 *   selects it and has `Ingress` (`Egress`) in its policyTypes. policyTypes
 *   defaults to `Ingress`, plus `Egress` when the policy has egress rules.
 * - A connection flows only when the destination's ingress AND the source's
 *   egress allow it; a non-isolated side allows everything. Policies are
 *   additive: any rule of any selecting policy that matches allows it.
 * - A rule with no (or an empty) `from`/`to` matches every peer; with no (or
 *   empty) `ports`, every port. A peer's `podSelector` alone means pods of the
 *   policy's namespace; `namespaceSelector` alone, every pod of the matching
 *   namespaces; both in ONE peer, pods matching both (AND); separate peers OR.
 * - `ipBlock` matches by IP address: sources outside the cluster, and pods
 *   whose IP is given. Pods from manifests have no IP, so no ipBlock matches
 *   them (CNIs differ on whether ipBlock applies to pod IPs at all).
 * - Ports are the pod's own ports (after a Service's port → targetPort
 *   translation); a named port is resolved against the destination pod's
 *   container ports; protocol defaults to TCP; `endPort` makes a range.
 * - Traffic from a node to a pod on it (kubelet probes) is always allowed;
 *   loopback (a pod to itself) is implementation-defined: callers skip it.
 */
import { ipInCidr } from './cidr';
import { CompiledPolicy, CompiledRule, compilePolicy } from './compile';
import { DeclaredContainerPort, NetworkProtocol, portsAllow } from './ports';

export { policyId, policyTypesOf } from './compile';

/** The label the API server puts on every Namespace (since 1.22), naming it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A pod (or a pod template: every pod of a workload behaves alike). */
export interface PodEndpoint {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The pod IP, when known (only ipBlock peers look at it). */
  readonly ip?: string;
  /** Its container ports, to resolve named ports when it is the destination. */
  readonly containerPorts?: readonly DeclaredContainerPort[];
}

/** An address outside the cluster's pods (a client on the internet, a node, a database VM). */
export interface ExternalEndpoint {
  readonly ip: string;
  readonly namespace?: undefined;
}

export type Endpoint = PodEndpoint | ExternalEndpoint;

/** One connection to judge. */
export interface Connection {
  readonly from: Endpoint;
  readonly to: Endpoint;
  /** The destination pod's port (a Service's targetPort, not its port). */
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: NetworkProtocol;
}

/** What one direction (the destination's ingress or the source's egress) says. */
export interface DirectionVerdict {
  /** Whether that side is judged at all (ingress of a pod, egress of a pod; not of an external address). */
  readonly applies: boolean;
  /** Whether any policy isolates that pod in this direction. */
  readonly isolated: boolean;
  readonly allowed: boolean;
  /** `namespace/name` of every policy that selects the pod for this direction. */
  readonly selectedBy: readonly string[];
  /** `namespace/name` of the policies with a rule that admits the connection. */
  readonly allowedBy: readonly string[];
}

export interface ReachabilityVerdict {
  readonly allowed: boolean;
  readonly ingress: DirectionVerdict;
  readonly egress: DirectionVerdict;
}

/** Namespace name → its labels, as in the Namespace manifests. */
export type NamespaceLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The NetworkPolicy manifests among any objects. */
export function networkPoliciesIn(manifests: readonly any[]): any[] {
  return manifests.filter((m) => m?.kind === 'NetworkPolicy' && typeof m.apiVersion === 'string' && m.apiVersion.startsWith('networking.k8s.io/'));
}

/** Namespace name → labels, from the Namespace manifests among any objects. */
export function namespaceLabelsIn(manifests: readonly any[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of manifests) {
    if (m?.kind === 'Namespace' && typeof m.metadata?.name === 'string') out[m.metadata.name] = { ...(m.metadata.labels ?? {}) };
  }
  return out;
}

/**
 * The policies of one namespace, indexed by the first matchLabels pair of
 * their podSelector: a pod is tested only against policies that can select
 * it (5,000 per-app policies must not cost 5,000 selector tests per pod).
 */
interface NamespacePolicies {
  /** Policies whose podSelector has no matchLabels (`{}`, or expressions only). */
  readonly unkeyed: CompiledPolicy[];
  readonly byLabel: Map<string, Map<string, CompiledPolicy[]>>;
}

/**
 * NetworkPolicies indexed by namespace, with every selector compiled once.
 * Building it is linear in the policies; `reach` looks only at the policies of
 * the two endpoints' namespaces that can select them. Endpoints are read as
 * immutable (what selects a pod is cached per endpoint object).
 */
export class NetworkPolicyIndex {
  private readonly byNamespace = new Map<string, NamespacePolicies>();
  private readonly selectingCache = new WeakMap<PodEndpoint, { ingress?: CompiledPolicy[]; egress?: CompiledPolicy[] }>();
  private readonly namespaceLabels: NamespaceLabels;
  private readonly nsLabelCache = new Map<string, Readonly<Record<string, string>>>();
  /** Every NetworkPolicy indexed, in input order. */
  public readonly policies: readonly any[];

  constructor(manifests: readonly any[], namespaceLabels: NamespaceLabels = {}) {
    this.policies = networkPoliciesIn(manifests);
    this.namespaceLabels = namespaceLabels;
    this.policies.forEach((policy, order) => {
      const compiled = compilePolicy(policy, order);
      let ns = this.byNamespace.get(compiled.namespace);
      if (!ns) this.byNamespace.set(compiled.namespace, (ns = { unkeyed: [], byLabel: new Map() }));
      const first = Object.entries(policy.spec?.podSelector?.matchLabels ?? {})[0];
      if (!first) {
        ns.unkeyed.push(compiled);
        return;
      }
      let byValue = ns.byLabel.get(first[0]);
      if (!byValue) ns.byLabel.set(first[0], (byValue = new Map()));
      const list = byValue.get(String(first[1]));
      if (list) list.push(compiled);
      else byValue.set(String(first[1]), [compiled]);
    });
  }

  /** No NetworkPolicy at all: every connection is allowed. */
  public get isEmpty(): boolean {
    return this.policies.length === 0;
  }

  /** Whether any policy lives in the namespace. */
  public hasPoliciesIn(namespace: string): boolean {
    return this.byNamespace.has(namespace);
  }

  /** The labels of a namespace, `kubernetes.io/metadata.name` included. */
  public labelsOfNamespace(namespace: string): Readonly<Record<string, string>> {
    let labels = this.nsLabelCache.get(namespace);
    if (!labels) {
      labels = { ...(this.namespaceLabels[namespace] ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
      this.nsLabelCache.set(namespace, labels);
    }
    return labels;
  }

  /** The policies (manifests) that select the pod and isolate it for the direction. */
  public policiesSelecting(pod: PodEndpoint, direction: 'ingress' | 'egress'): any[] {
    return this.selecting(pod, direction).map((p) => p.manifest);
  }

  /** May `from` reach `to` on the port and protocol? */
  public reach(connection: Connection): ReachabilityVerdict {
    const protocol = connection.protocol ?? 'TCP';
    const destinationPorts = isPod(connection.to) ? connection.to.containerPorts : undefined;
    const ingress = isPod(connection.to)
      ? this.judge(connection.to, 'ingress', connection.from, connection.port, protocol, destinationPorts)
      : NOT_APPLICABLE;
    const egress = isPod(connection.from)
      ? this.judge(connection.from, 'egress', connection.to, connection.port, protocol, destinationPorts)
      : NOT_APPLICABLE;
    return { allowed: ingress.allowed && egress.allowed, ingress, egress };
  }

  /**
   * Whether some address outside the cluster's pods may reach the pod on the
   * port: its ingress is not isolated, or a rule with no peers or with an
   * ipBlock admits the port. For entry points (NodePort, LoadBalancer) whose
   * client addresses are unknown or SNATed to node addresses.
   */
  public admitsSomeExternalSource(pod: PodEndpoint, port: number, protocol: NetworkProtocol = 'TCP'): boolean {
    const selecting = this.selecting(pod, 'ingress');
    if (selecting.length === 0) return true;
    return selecting.some((policy) => policy.ingress!.some((rule) => portsAllow(rule.ports, port, protocol, pod.containerPorts)
      && (!rule.peers || rule.peers.some((peer) => peer.ipBlock?.cidr !== undefined))));
  }

  private selecting(pod: PodEndpoint, direction: 'ingress' | 'egress'): CompiledPolicy[] {
    const ns = this.byNamespace.get(pod.namespace);
    if (!ns) return [];
    let cached = this.selectingCache.get(pod);
    if (!cached) this.selectingCache.set(pod, (cached = {}));
    const known = cached[direction];
    if (known) return known;
    const candidates = [...ns.unkeyed];
    for (const key in pod.labels) {
      const list = ns.byLabel.get(key)?.get(pod.labels[key]);
      if (list) candidates.push(...list);
    }
    const result = candidates.filter((p) => p[direction] !== undefined && p.selects(pod.labels)).sort((a, b) => a.order - b.order);
    cached[direction] = result;
    return result;
  }

  private judge(
    pod: PodEndpoint, direction: 'ingress' | 'egress', peer: Endpoint, port: number, protocol: NetworkProtocol,
    destinationPorts: readonly DeclaredContainerPort[] | undefined,
  ): DirectionVerdict {
    const selecting = this.selecting(pod, direction);
    if (selecting.length === 0) return { applies: true, isolated: false, allowed: true, selectedBy: [], allowedBy: [] };
    const allowedBy = selecting
      .filter((policy) => policy[direction]!.some((rule) =>
        portsAllow(rule.ports, port, protocol, destinationPorts) && this.peerMatches(rule, policy.namespace, peer)))
      .map((p) => p.id);
    return { applies: true, isolated: true, allowed: allowedBy.length > 0, selectedBy: selecting.map((p) => p.id), allowedBy };
  }

  private peerMatches(rule: CompiledRule, policyNamespace: string, peer: Endpoint): boolean {
    if (!rule.peers) return true;
    return rule.peers.some((candidate) => {
      if (candidate.ipBlock) {
        const { cidr, except } = candidate.ipBlock;
        return peer.ip !== undefined && cidr !== undefined && ipInCidr(peer.ip, cidr) && !except.some((e) => ipInCidr(peer.ip!, e));
      }
      if (!isPod(peer)) return false;
      if (candidate.namespaces) {
        if (!candidate.namespaces(this.labelsOfNamespace(peer.namespace))) return false;
      } else if (peer.namespace !== policyNamespace) {
        return false;
      }
      return candidate.pods ? candidate.pods(peer.labels) : true;
    });
  }
}

const NOT_APPLICABLE: DirectionVerdict = { applies: false, isolated: false, allowed: true, selectedBy: [], allowedBy: [] };

/** Whether an endpoint is a pod (it has a namespace) rather than an external address. */
export function isPod(endpoint: Endpoint): endpoint is PodEndpoint {
  return typeof endpoint.namespace === 'string';
}
