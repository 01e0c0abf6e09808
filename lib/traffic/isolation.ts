import { policyTypesOf } from '../isolation/compile';
import { declaredPaths } from '../isolation/declared-paths';
import { netpolView } from '../isolation/netpol-view';
import { networkPoliciesIn } from '../isolation/reachability';
import { PolicyContext } from '../policy/context';
import { ALLOWS_ANNOTATION, DENIES_ANNOTATION } from '../isolation/annotations';
import { TrafficIsolatedNamespace, TrafficIsolationEdge } from './model';
import { compareText } from './workloads';

/**
 * The declared paths as NetworkPolicies judge them, with the same evaluator
 * and path list as the netpol-blocks-declared-path rule; undefined when the
 * manifests hold no NetworkPolicy (nothing is isolated, the map stays as it was).
 */
export function describeIsolation(manifests: readonly any[]): TrafficIsolationEdge[] | undefined {
  if (networkPoliciesIn(manifests).length === 0) return undefined;
  const context = new PolicyContext(manifests.map((manifest) => ({ manifest })));
  const view = netpolView(context)!;
  const seen = new Set<string>();
  const out: TrafficIsolationEdge[] = [];
  for (const path of declaredPaths(context, view)) {
    const via = path.object.kind === 'Service'
      ? `${path.service.manifest.spec?.type} Service ${path.service.namespace}/${path.service.name}`
      : `${path.object.kind} ${path.object.namespace}/${path.object.name}`;
    const edge: TrafficIsolationEdge = {
      via, source: path.source, serviceNamespace: path.service.namespace ?? 'default', service: path.service.name,
      podsKind: path.template.owner.kind, podsName: path.template.owner.name, port: `${path.port}/${path.protocol}`,
      verdict: path.verdict, reason: path.reason,
    };
    const key = JSON.stringify(edge);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(edge);
  }
  return out.sort((a, b) => compareText(a.serviceNamespace, b.serviceNamespace) || compareText(a.service, b.service)
    || compareText(a.via, b.via) || compareText(a.podsName, b.podsName) || compareText(a.port, b.port) || compareText(a.source, b.source));
}

/**
 * Per namespace with NetworkPolicies: whether every pod's ingress (and
 * egress) is isolated — a policy selecting all pods — and what each policy
 * says it allows, so a reader sees that nothing else gets in.
 */
export function describeIsolatedNamespaces(manifests: readonly any[]): TrafficIsolatedNamespace[] | undefined {
  const policies = networkPoliciesIn(manifests);
  if (policies.length === 0) return undefined;
  const byNamespace = new Map<string, any[]>();
  for (const policy of policies) {
    const namespace = policy.metadata?.namespace ?? 'default';
    byNamespace.set(namespace, [...byNamespace.get(namespace) ?? [], policy]);
  }
  return [...byNamespace.entries()].sort(([a], [b]) => compareText(a, b)).map(([namespace, list]) => {
    const everyPod = list.filter((p) => isEmptySelector(p.spec?.podSelector));
    const ingress = everyPod.some((p) => policyTypesOf(p).ingress);
    const egress = everyPod.some((p) => policyTypesOf(p).egress);
    const denyAll = everyPod.some((p) => !p.spec?.ingress?.length && !p.spec?.egress?.length);
    const isolated = ingress
      ? `${egress ? 'ingress and egress' : 'ingress'} of every pod${denyAll ? ' (default-deny)' : ''}`
      : egress ? 'egress of every pod' : 'some pods (no policy selects them all)';
    const sorted = [...list].sort((a, b) => compareText(a.metadata?.name ?? '', b.metadata?.name ?? ''));
    return {
      namespace, isolated,
      policies: sorted.map((p) => {
        const says = p.metadata?.annotations?.[ALLOWS_ANNOTATION] ?? p.metadata?.annotations?.[DENIES_ANNOTATION];
        return { name: p.metadata?.name ?? '', ...(says ? { says } : {}) };
      }),
    };
  });
}

function isEmptySelector(selector: any): boolean {
  return !selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0);
}
