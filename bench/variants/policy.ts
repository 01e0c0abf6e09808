import { deploymentObject, ingressObject, namespaceObject, serviceObject } from './floor';
import { runPolicyChecks } from '../policy-checks';

/**
 * The policy checks alone, over the workload's objects built as plain JSON
 * (what `ours` synthesizes). Only the checks are timed.
 */
export function runPolicyOnly(n: number): { findings: number; checkMs: number } {
  const objects: unknown[] = [namespaceObject()];
  for (let i = 0; i < n; i++) objects.push(deploymentObject(i), serviceObject(i));
  objects.push(ingressObject(n));
  const start = process.hrtime.bigint();
  const findings = runPolicyChecks(objects);
  const checkMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { findings, checkMs };
}
