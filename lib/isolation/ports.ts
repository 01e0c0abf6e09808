/**
 * NetworkPolicy `ports` entries (NetworkPolicyPort): protocol (TCP when
 * unset), a number or a named port, and `endPort` for a range. A named port
 * is resolved against the DESTINATION pod's container ports, on both the
 * ingress and the egress side, as the spec says.
 */

/** The transport protocols NetworkPolicy knows. */
export type NetworkProtocol = 'TCP' | 'UDP' | 'SCTP';

/** A container port as declared in a pod spec (`containers[].ports[]`). */
export interface DeclaredContainerPort {
  readonly name?: string;
  readonly containerPort: number;
  /** @default 'TCP' */
  readonly protocol?: string;
}

/** One `ports` entry of an ingress or egress rule, as written. */
export interface NetworkPolicyPortSpec {
  /** @default 'TCP' */
  readonly protocol?: string;
  /** A number, or the name of a container port of the destination pod. Unset: every port of the protocol. */
  readonly port?: number | string;
  /** The last port of a range starting at `port` (numeric `port` only). */
  readonly endPort?: number;
}

/** Whether one `ports` entry admits `port`/`protocol` to a destination declaring `destinationPorts`. */
export function portEntryMatches(
  entry: NetworkPolicyPortSpec,
  port: number,
  protocol: NetworkProtocol,
  destinationPorts: readonly DeclaredContainerPort[] | undefined,
): boolean {
  if ((entry?.protocol ?? 'TCP') !== protocol) return false;
  const wanted = entry.port;
  if (wanted === undefined || wanted === null) return true;
  if (typeof wanted === 'number') {
    const end = typeof entry.endPort === 'number' ? entry.endPort : wanted;
    return port >= wanted && port <= end;
  }
  // A numeric string ("80") is an IntOrString written as a string: the API server treats it as a name, which never validates; read it as the number a user meant.
  if (/^\d+$/.test(wanted)) return Number(wanted) === port;
  return (destinationPorts ?? []).some((p) => p.name === wanted && p.containerPort === port && (p.protocol ?? 'TCP') === protocol);
}

/** Whether a rule's `ports` list admits the connection: missing or empty means every port and protocol. */
export function portsAllow(
  ports: readonly NetworkPolicyPortSpec[] | undefined,
  port: number,
  protocol: NetworkProtocol,
  destinationPorts: readonly DeclaredContainerPort[] | undefined,
): boolean {
  if (!Array.isArray(ports) || ports.length === 0) return true;
  return ports.some((entry) => portEntryMatches(entry, port, protocol, destinationPorts));
}

/** The container ports a pod spec declares (app containers, then sidecars: init containers that keep running). */
export function declaredContainerPorts(podSpec: any): DeclaredContainerPort[] {
  const out: DeclaredContainerPort[] = [];
  const add = (containers: unknown) => {
    if (!Array.isArray(containers)) return;
    for (const c of containers) {
      for (const p of Array.isArray(c?.ports) ? c.ports : []) {
        if (typeof p?.containerPort === 'number') out.push({ name: p.name, containerPort: p.containerPort, protocol: p.protocol });
      }
    }
  };
  add(podSpec?.containers);
  add((Array.isArray(podSpec?.initContainers) ? podSpec.initContainers : []).filter((c: any) => c?.restartPolicy === 'Always'));
  return out;
}
