import { declaredPaths } from '../isolation/declared-paths';
import { netpolView } from '../isolation/netpol-view';
import { networkPoliciesIn } from '../isolation/reachability';
import { PolicyContext } from '../policy/context';
import { TrafficIsolationEdge } from './model';
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
