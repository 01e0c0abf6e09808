import { namespaceLabelsIn, NetworkPolicyIndex, networkPoliciesIn, PodEndpoint, ReachabilityVerdict } from './reachability';
import { declaredContainerPorts } from './ports';
import { compileLabelSelector, KubeLabelSelector } from './selectors';
import { PolicyContext, PodTemplate } from '../policy/context';

/**
 * What the NetworkPolicy rules share: one NetworkPolicyIndex per check, the
 * pod templates as evaluator endpoints, and how a blocked connection is
 * described. Undefined when the manifests hold no NetworkPolicy, so every
 * NetworkPolicy rule costs one lookup in the common case.
 */
export interface NetpolView {
  readonly index: NetworkPolicyIndex;
  endpointOf(template: PodTemplate): PodEndpoint;
  /** The pod templates of a namespace. */
  templatesIn(namespace: string): readonly PodTemplate[];
  /** The pod templates of a namespace a podSelector selects, found through the label index when it has matchLabels. */
  selectedBy(namespace: string, selector: KubeLabelSelector | undefined): PodTemplate[];
}

const views = new WeakMap<PolicyContext, NetpolView | null>();

export function netpolView(context: PolicyContext): NetpolView | undefined {
  const cached = views.get(context);
  if (cached !== undefined) return cached ?? undefined;
  const policies = context.ofKind('NetworkPolicy').map((o) => o.manifest);
  if (networkPoliciesIn(policies).length === 0) {
    views.set(context, null);
    return undefined;
  }
  const index = new NetworkPolicyIndex(policies, namespaceLabelsIn(context.ofKind('Namespace').map((o) => o.manifest)));
  const endpoints = new Map<PodTemplate, PodEndpoint>();
  const view: NetpolView = {
    index,
    endpointOf(template) {
      let endpoint = endpoints.get(template);
      if (!endpoint) {
        endpoint = { namespace: template.namespace, labels: template.labels, containerPorts: declaredContainerPorts(template.spec) };
        endpoints.set(template, endpoint);
      }
      return endpoint;
    },
    templatesIn: (namespace) => context.podTemplatesIn(namespace),
    selectedBy(namespace, selector) {
      const selects = compileLabelSelector(selector);
      const exact = selector?.matchLabels ?? {};
      const candidates = Object.keys(exact).length > 0 ? context.podsWithLabels(namespace, exact) : context.podTemplatesIn(namespace);
      return candidates.filter((t) => selects(t.labels));
    },
  };
  views.set(context, view);
  return view;
}

/** `Deployment shop/web`. */
export function templateName(template: PodTemplate): string {
  return `${template.owner.kind} ${template.namespace}/${template.owner.name}`;
}

/** Why a connection is blocked, naming the policies on each side that isolate it. */
export function blockedBecause(verdict: ReachabilityVerdict, source: string, destination: string): string {
  const parts: string[] = [];
  if (!verdict.ingress.allowed) {
    parts.push(`the ingress of ${destination} is isolated by NetworkPolicy ${verdict.ingress.selectedBy.join(', ')} and no rule admits ${source}`);
  }
  if (!verdict.egress.allowed) {
    parts.push(`the egress of ${source} is isolated by NetworkPolicy ${verdict.egress.selectedBy.join(', ')} and no rule lets it reach ${destination}`);
  }
  return parts.join('; and ');
}

/** The container port a Service targetPort (number or name) reaches in a pod template; undefined when the name resolves nowhere. */
export function resolveTargetPort(endpoint: PodEndpoint, targetPort: unknown, protocol: string): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (typeof targetPort === 'string' && /^\d+$/.test(targetPort)) return Number(targetPort);
  if (typeof targetPort !== 'string') return undefined;
  return endpoint.containerPorts?.find((p) => p.name === targetPort && (p.protocol ?? 'TCP') === protocol)?.containerPort;
}
