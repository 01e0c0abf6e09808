import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { INetworkPolicyPort } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPort';
import { SKIP_ANNOTATION_PREFIX } from '../core/annotations';
import { NetkitError, Problem, throwIfProblems } from '../core/errors';
import { namespaceProblems } from '../core/metadata-validation';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../core/labels';
import { addPreparation } from '../core/prepare';
import { checkProps } from '../core/props';
import { ALLOWS_ANNOTATION, DENIES_ANNOTATION } from './annotations';
import { IsolationOptions, isolationOptionProblems } from './isolation-options';
import { NAMESPACE_NAME_LABEL } from './reachability';
import { routedEdges } from './routed-edges';
import { declaredEdges, Endpoint, keyIn, TrafficEdge } from './traffic-edges';

export { ALLOWS_ANNOTATION, DENIES_ANNOTATION };

export interface NamespaceIsolationProps extends IsolationOptions {
  /** The namespace the policies isolate. */
  readonly namespace: string;
}

/**
 * Default-deny for one namespace, and one NetworkPolicy per purpose letting
 * through exactly the paths the app declares (docs/isolation.md). The allow
 * policies depend on the whole app (an Ingress in another chart may route
 * here), so they are derived when the app is synthesized, again on every
 * synth; names are the purpose (`allow-web-from-ingress-nginx`), never a
 * hash or a construct path, so a policy keeps its name while the code moves.
 */
export class NamespaceIsolation extends Construct {
  public readonly namespace: string;
  /** Whether egress is denied too. */
  public readonly egress: boolean;
  /** `default-deny`: selects every pod of the namespace and allows nothing. */
  public readonly defaultDeny: ApiObject;
  private readonly options: IsolationOptions;
  private allowList: ApiObject[] = [];

  constructor(scope: Construct, id: string, props: NamespaceIsolationProps) {
    super(scope, id);
    checkProps(this, 'NamespaceIsolationProps', props);
    throwIfProblems(this, [...namespaceProblems('namespace', props.namespace), ...isolationOptionProblems('', props)]);
    this.namespace = props.namespace;
    this.egress = props.egress ?? false;
    this.options = props;
    const denied = this.egress ? 'ingress and egress' : 'ingress';
    this.defaultDeny = new ApiObject(this, 'default-deny', policy('default-deny', this.namespace, {
      [DENIES_ANNOTATION]: `all ${denied} of every pod in ${this.namespace}, but what an allow-* policy of the namespace lets through.`,
    }, { podSelector: {}, policyTypes: this.egress ? ['Ingress', 'Egress'] : ['Ingress'] }) as any);
    addPreparation(this, () => this.prepare());
  }

  /** The allow policies, sorted by name: derived from the app when it is synthesized (empty before). */
  public get allowPolicies(): readonly ApiObject[] {
    return this.allowList;
  }

  /** Derives the allow policies from the app as it is now, replacing those of an earlier synth. */
  public prepare(): void {
    for (const old of this.allowList) this.node.tryRemoveChild(old.node.id);
    const edges = [...declaredEdges(this), ...routedEdges(this.node.root, this.options)];
    const problems: Problem[] = [];
    const groups = new Map<string, { selected: Endpoint; direction: 'Ingress' | 'Egress'; edges: TrafficEdge[] }>();
    const add = (name: string, selected: Endpoint, direction: 'Ingress' | 'Egress', edge: TrafficEdge & { problem?: Problem }) => {
      if (edge.problem) {
        if (!problems.some((p) => p.message === edge.problem!.message)) problems.push(edge.problem);
        return;
      }
      const group = groups.get(name) ?? { selected, direction, edges: [] };
      group.edges.push(edge);
      groups.set(name, group);
    };
    for (const edge of edges) {
      if (edge.to.namespace === this.namespace && (edge.to.podLabels !== undefined || edge.to.ipBlocks === undefined)) {
        add(`allow-${keyIn(edge.to, this.namespace)}-from-${keyIn(edge.from, this.namespace)}`, edge.to, 'Ingress', edge);
      }
      if (this.egress && edge.from.namespace === this.namespace && edge.from.podLabels !== undefined) {
        add(`allow-${keyIn(edge.from, this.namespace)}-to-${keyIn(edge.to, this.namespace)}`, edge.from, 'Egress', edge);
      }
    }
    if (problems.length > 0) throw new NetkitError(this, problems);
    const manifests = [...groups.entries()].map(([name, g]) => this.allowPolicy(name, g.selected, g.direction, g.edges));
    if (this.egress) manifests.push(dnsPolicy(this.namespace));
    manifests.sort((a, b) => a.metadata!.name!.localeCompare(b.metadata!.name!));
    this.allowList = manifests.map((m) => new ApiObject(this, m.metadata!.name!, m as any));
  }

  private allowPolicy(name: string, selected: Endpoint, direction: 'Ingress' | 'Egress', edges: readonly TrafficEdge[]): INetworkPolicy {
    const selector = selected.podLabels ?? {};
    const rules = new Map<string, { peers?: INetworkPolicyPeer[]; ports?: INetworkPolicyPort[] }>();
    for (const edge of edges) {
      const peers = peersOf(direction === 'Ingress' ? edge.from : edge.to, this.namespace);
      const ports = edge.ports?.map((p) => ({ port: p.port, protocol: p.protocol as any }))
        .sort((a, b) => String(a.port).localeCompare(String(b.port), undefined, { numeric: true }) || a.protocol.localeCompare(b.protocol));
      rules.set(JSON.stringify([peers, ports]), { peers, ports });
    }
    const lines = [...new Set(edges.map((e) => e.path))].sort();
    const notes = [...new Set(edges.flatMap((e) => (e.note ? [e.note] : [])))];
    const rendered = [...rules.values()].map((r) => ({
      ...(r.peers ? { [direction === 'Ingress' ? 'from' : 'to']: r.peers } : {}),
      ...(r.ports ? { ports: r.ports } : {}),
    }));
    const annotations: Record<string, string> = { [ALLOWS_ANNOTATION]: [...lines, ...notes].join('\n') };
    // The check that a policy selects a workload of the manifests cannot see pods a controller provisions.
    if (selected.provisioned) annotations[`${SKIP_ANNOTATION_PREFIX}netpol-selects-pods`] = selected.provisioned;
    return policy(name, this.namespace, annotations, {
      podSelector: Object.keys(selector).length > 0 ? { matchLabels: { ...selector } } : {},
      policyTypes: [direction],
      [direction === 'Ingress' ? 'ingress' : 'egress']: rendered,
    });
  }
}

/** How a NetworkPolicy rule names an endpoint, seen from a policy in `namespace`; undefined for any source. */
function peersOf(endpoint: Endpoint, namespace: string): INetworkPolicyPeer[] | undefined {
  if (endpoint.ipBlocks) return endpoint.ipBlocks.map((b) => ({ ipBlock: { cidr: b.cidr, ...(b.except ? { except: [...b.except] } : {}) } }));
  if (endpoint.namespace === undefined) return undefined;
  const podSelector = endpoint.podLabels ? { matchLabels: { ...endpoint.podLabels } } : {};
  if (endpoint.namespace === namespace) return [{ podSelector }];
  return [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: endpoint.namespace } }, podSelector }];
}

/** Every pod may ask kube-dns (the cluster DNS Service's pods, label k8s-app=kube-dns also on CoreDNS) over UDP and TCP 53. */
function dnsPolicy(namespace: string): INetworkPolicy {
  return policy('allow-dns', namespace, { [ALLOWS_ANNOTATION]: `every pod in ${namespace} → kube-dns (pods k8s-app=kube-dns in kube-system):53 UDP and TCP (TCP for answers over 512 bytes)` }, {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{
      to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
    }],
  });
}

function policy(name: string, namespace: string, annotations: Record<string, string>, spec: INetworkPolicy['spec']): INetworkPolicy {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY }, annotations },
    spec,
  };
}
