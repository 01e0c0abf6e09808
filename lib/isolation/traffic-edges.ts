import { IConstruct } from 'constructs';
import { selectorText } from './peers';

/** One side of an allowed path: pods, a namespace, addresses, or any source. */
export interface Endpoint {
  /** What a policy name calls it: `web`, `ingress-nginx`, `gateway-apps`, `load-balancer`. */
  readonly key: string;
  /** What the allows annotation calls it. */
  readonly text: string;
  /** The namespace of the pods; with no `podLabels`, every pod of it. */
  readonly namespace?: string;
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Addresses (outside the cluster, or nodes). */
  readonly ipBlocks?: ReadonlyArray<{ readonly cidr: string; readonly except?: readonly string[] }>;
  /** Pods of the app: named `<key>-<namespace>` by a policy of another namespace (`allow-db-from-api-front`). */
  readonly qualified?: boolean;
  /** For pods a controller provisions (a Gateway's data plane): why they are not in the manifests. */
  readonly provisioned?: string;
}

/** What a policy of `namespace` calls the endpoint. */
export function keyIn(endpoint: Endpoint, namespace: string): string {
  return endpoint.qualified && endpoint.namespace !== namespace ? `${endpoint.key}-${endpoint.namespace}` : endpoint.key;
}

/** A port of the receiving pods: a container port number, or its name when the number is not known. */
export interface EdgePort {
  readonly port: number | string;
  readonly protocol: string;
}

/** One path the app declares: `from` may reach `to` on `ports` (every port when undefined). */
export interface TrafficEdge {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly ports?: readonly EdgePort[];
  /** The declared path, for the allows annotation: `Ingress web → Service web:80 → pods app=web:8080`. */
  readonly path: string;
  /** Said once in the annotation after the paths (the externalTrafficPolicy subtlety). */
  readonly note?: string;
}

/** Pods by label in a namespace, as an endpoint named `key` (`qualified` for the app's own pods, see {@link keyIn}). */
export function podsEndpoint(key: string, namespace: string, podLabels: Readonly<Record<string, string>>, qualified = false): Endpoint {
  return { key, text: `pods ${selectorText(podLabels)} in ${namespace}`, namespace, podLabels, qualified };
}

/** `:8080/TCP, :9090/TCP`, or ` (every port)`. */
export function portsText(ports: readonly EdgePort[] | undefined): string {
  if (ports === undefined) return ' (every port)';
  return ports.map((p) => `:${p.port}${p.protocol === 'TCP' ? '' : `/${p.protocol}`}`).join(',');
}

/** The paths declared with `allowFrom`/`allowTo`, per app (keyed by the construct tree's root). */
const declared = new WeakMap<IConstruct, TrafficEdge[]>();

/** Records a path declared on a construct of the app. */
export function declareEdge(scope: IConstruct, edge: TrafficEdge): void {
  const root = scope.node.root;
  const list = declared.get(root) ?? [];
  list.push(edge);
  declared.set(root, list);
}

/** The paths declared in the app that holds `scope`. */
export function declaredEdges(scope: IConstruct): readonly TrafficEdge[] {
  return declared.get(scope.node.root) ?? [];
}
