import { describeObject } from './describe';
import { Rule, RuleViolation } from '../types';
import { scaleTargetOf } from './replicas';

export const hpaReplicasUnpinned: Rule = {
  id: 'hpa-replicas-unpinned',
  severity: 'warning',
  severityReason: 'Very likely a mistake: every apply or sync resets the replica count the autoscaler chose, though the API server accepts it.',
  crossObject: true,
  description: 'A workload scaled by a HorizontalPodAutoscaler leaves spec.replicas out, so `kubectl apply` and GitOps syncs do not reset the count the autoscaler set.',
  fix: 'Remove spec.replicas from the workload (WebApp does when `autoscaling` is given); the autoscaler sets it.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const hpa of context.ofKind('HorizontalPodAutoscaler')) {
      const target = scaleTargetOf(context, hpa);
      const replicas = target?.manifest.spec?.replicas;
      if (!target || replicas === undefined) continue;
      out.push({
        object: target,
        message: `spec.replicas ${JSON.stringify(replicas)} is pinned, but ${describeObject(hpa)} owns the replica count: every apply or GitOps sync resets it to ${JSON.stringify(replicas)}, fighting the autoscaler.`,
      });
    }
    return out;
  },
};
