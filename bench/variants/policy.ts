import { checkPolicies } from '../../lib';
import { INGRESS_CLASS } from '../workload';
import { floorFiles } from './floor';

/**
 * The policy checks alone (`checkPolicies`, every rule), over the workload's
 * objects as plain JSON: the same objects `ours` synthesizes. Only the checks are timed.
 */
export function runPolicyOnly(n: number): { findings: number; checkMs: number } {
  const objects = [...floorFiles(n, 'one-chart').values()].flat() as Record<string, any>[];
  const start = process.hrtime.bigint();
  const findings = checkPolicies(objects, { externalIngressClasses: [INGRESS_CLASS] });
  const checkMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { findings: findings.filter((f) => f.severity !== 'info').length, checkMs };
}
