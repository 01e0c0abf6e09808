import { rolloutProblems } from '../../workload/rollout';
import { problemViolations } from '../engine';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
import { fewestPods } from './replicas';

export const rolloutKeepsReady: Rule = {
  id: 'rollout-keeps-ready',
  severity: 'warning',
  severityReason: 'Very likely a mistake: during each rollout the Service has no ready pod for a while, though traffic flows the rest of the time.',
  crossObject: true,
  description: "A Deployment behind a Service keeps at least one ready pod during a rollout: its RollingUpdate maxUnavailable (rounded down) is below its replica count (or autoscaler minimum), so a rollout never empties the Service.",
  fix: 'Set strategy.rollingUpdate to maxSurge: 1 (or "25%") and maxUnavailable: 0, so new pods start before old ones stop.',
  check: (context) => {
    // Nearly every Deployment keeps a ready pod whatever Service is in front: when all do, no Service need be read. Every
    // Deployment a Service selects is among them, so this decides nothing: the lists below would find nothing either.
    const all = context.ofKind('Deployment');
    // Stryker disable next-line BooleanLiteral: equivalent, starting true only makes the lists below every time.
    let anyEmpties = false;
    for (let d = 0; d < all.length; d++) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, made false the lists are made at once; `&& 1` asks with 1 pod (or 0, which finds nothing either way), and with 1 pod every count that empties more pods empties it too.
      if (rolloutProblems(all[d].manifest.spec, fewestPods(context, all[d]) ?? 1).length === 0) continue;
      anyEmpties = true;
      break;
    }
    // Stryker disable next-line ConditionalExpression: equivalent when false (the lists are made anyway); forced true, workload-rules.boundaries.test.ts fails (every finding hidden).
    if (!anyEmpties) return [];
    // Each Deployment once, with the first Service that sends it traffic: two lists in step and a set, not a
    // Map read back with `[deployment, service]` destructuring (an iterator and its results per Deployment).
    const deployments: PolicyObject[] = [];
    const servedBy: PolicyObject[] = [];
    const seen = new Set<PolicyObject>();
    const services = context.ofKind('Service');
    for (let s = 0; s < services.length; s++) {
      const selected = context.podsSelectedBy(services[s]);
      for (let p = 0; p < selected.length; p++) {
        const owner = selected[p].owner;
        if (owner.kind !== 'Deployment' || seen.has(owner)) continue;
        seen.add(owner);
        deployments.push(owner);
        servedBy.push(services[s]);
      }
    }
    const out: RuleViolation[] = [];
    for (let d = 0; d < deployments.length; d++) {
      const deployment = deployments[d];
      const pods = fewestPods(context, deployment) ?? 1;
      // The Service is named only in a finding: most Deployments have none, so it is described only for those that do.
      if (rolloutProblems(deployment.manifest.spec, pods).length === 0) continue;
      out.push(...problemViolations(deployment, rolloutProblems(deployment.manifest.spec, pods, describeObject(servedBy[d]))));
    }
    return out;
  },
};
