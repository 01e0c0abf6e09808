import { checkPolicies } from '../../lib';
import { INGRESS_CLASS, Routing } from '../workload';
import { floorFiles } from './floor';

/**
 * The policy checks alone (`checkPolicies`, every rule), over the workload's
 * objects as plain JSON: the same objects `ours` (or `ours-gateway`) synthesizes. Only the checks are timed.
 */
export function runPolicyOnly(n: number, routing: Routing = 'ingress'): { findings: number; checkMs: number } {
  const objects = [...floorFiles(n, 'one-chart', routing).values()].flat() as Record<string, any>[];
  const start = process.hrtime.bigint();
  // ours-gateway passes no options: the Gateway's certificate Secret is declared external by its annotation.
  const findings = checkPolicies(objects, routing === 'ingress' ? { externalIngressClasses: [INGRESS_CLASS] } : {});
  const checkMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { findings: findings.filter((f) => f.severity !== 'info').length, checkMs };
}
