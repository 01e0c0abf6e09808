import { backendRef, ServiceIndex } from './backends';
import { convertPath } from './paths';
import { Entry, HostPlan, matchKey, rulesOf, Source } from './sources';

/**
 * A canary Ingress adds its backend to the main Ingress's rule for the same
 * host and path: by weight (canary-weight of canary-weight-total) and/or as
 * a rule with an exact header match (canary-by-header[-value]).
 */
export function mergeCanary(canary: Source, mains: Map<string, { plan: HostPlan; entry: Entry }>, services: ServiceIndex): void {
  const { settings, report } = canary;
  const { weight, weightTotal, header, headerValue } = settings.canary!;
  if (weight === undefined && header === undefined) {
    report.notConverted.push({ field: 'metadata.annotations["nginx.ingress.kubernetes.io/canary"]', message: 'not converted: a canary with neither canary-weight nor canary-by-header receives no traffic.', value: 'true', fix: 'set canary-weight or canary-by-header.' });
    return;
  }
  rulesOf(canary.manifest).forEach((rule: any, r: number) => {
    (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((entry: any, p: number) => {
      const field = `spec.rules[${r}].http.paths[${p}]`;
      const converted = convertPath(field, entry, false, undefined).converted!;
      const main = mains.get(matchKey(canary, rule?.host || undefined, { path: converted.path }));
      if (!main || !main.entry.backendRefs) {
        report.notConverted.push({ field, message: `not converted: no main Ingress of class "${canary.ingressClass}" in namespace ${canary.namespace} routes host "${rule?.host ?? '*'}" path "${converted.path.value}" to a backend, so there is no rule to add the canary to.`, value: entry?.path, fix: 'migrate the canary together with its main Ingress.' });
        return;
      }
      const resolved = backendRef(entry?.backend, canary.namespace, `${field}.backend`, services);
      if (!resolved.ref) {
        report.notConverted.push(resolved.problem!);
        return;
      }
      if (header !== undefined) {
        const headerMatch = { ...main.entry.match, headers: [{ type: 'Exact', name: header, value: headerValue ?? 'always' }] };
        const at = main.plan.entries.indexOf(main.entry);
        main.plan.entries.splice(at, 0, { match: headerMatch, filters: main.entry.filters, backendRefs: [resolved.ref], canaries: [canary] });
        if (headerValue === undefined) {
          report.changed.push({ field: 'metadata.annotations["nginx.ingress.kubernetes.io/canary-by-header"]', message: `routes requests with header ${header}: always to the canary; ingress-nginx also kept requests with "never" off it by weight, which a header match cannot express.`, value: header, fix: 'send "always" to pick the canary.' });
        }
      }
      if (weight !== undefined) {
        const stable = main.entry.backendRefs!.map((b) => ({ ...b, weight: Math.max(0, weightTotal - weight) }));
        main.entry.backendRefs = [...stable, { ...resolved.ref, weight }];
      }
      main.entry.canaries = [...(main.entry.canaries ?? []), canary];
    });
  });
}

