import type { IService } from 'kubernetes-models/v1/Service';
import { serviceProblems } from '../lib';

/**
 * The policy checks the benchmark runs over the synthesized objects; returns
 * the number of findings. Stand-in until `checkPolicies` lands (branch policy):
 * the single-object Service rules plus the cross-object "a Service selects a
 * workload in its namespace", indexed by namespace and label.
 */
export function runPolicyChecks(objects: readonly any[]): number {
  let findings = 0;
  const podLabelsByNamespace = new Map<string, Map<string, Set<string>>>();
  for (const o of objects) {
    if (o.kind !== 'Deployment') continue;
    const ns = o.metadata?.namespace ?? 'default';
    let index = podLabelsByNamespace.get(ns);
    if (!index) podLabelsByNamespace.set(ns, index = new Map());
    for (const [k, v] of Object.entries<string>(o.spec?.template?.metadata?.labels ?? {})) {
      const kv = `${k}=${v}`;
      let names = index.get(kv);
      if (!names) index.set(kv, names = new Set());
      names.add(o.metadata.name);
    }
  }
  for (const o of objects) {
    if (o.kind !== 'Service') continue;
    findings += serviceProblems(o as IService).length;
    const selector = Object.entries<string>(o.spec?.selector ?? {});
    if (selector.length === 0) continue;
    const index = podLabelsByNamespace.get(o.metadata?.namespace ?? 'default');
    let candidates: Set<string> | undefined;
    for (const [k, v] of selector) {
      const names = index?.get(`${k}=${v}`);
      candidates = names && (!candidates ? new Set(names) : new Set([...candidates].filter((x) => names.has(x))));
      if (!candidates || candidates.size === 0) break;
    }
    if (!candidates || candidates.size === 0) findings++;
  }
  return findings;
}
