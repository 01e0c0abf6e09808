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
    // Each Deployment once, with the first Service that sends it traffic.
    const served = new Map<PolicyObject, PolicyObject>();
    for (const service of context.ofKind('Service')) {
      for (const t of context.podsSelectedBy(service)) {
        if (t.owner.kind === 'Deployment' && !served.has(t.owner)) served.set(t.owner, service);
      }
    }
    const out: RuleViolation[] = [];
    for (const [deployment, service] of served) {
      const pods = fewestPods(context, deployment) ?? 1;
      // The Service is named only in a finding: most Deployments have none, so it is described only for those that do.
      if (rolloutProblems(deployment.manifest.spec, pods).length === 0) continue;
      out.push(...problemViolations(deployment, rolloutProblems(deployment.manifest.spec, pods, describeObject(service))));
    }
    return out;
  },
};
