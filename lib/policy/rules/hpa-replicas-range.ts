import { autoscalerRangeProblems } from '../../workload/autoscaler';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const hpaReplicasRange: Rule = {
  id: 'hpa-replicas-range',
  severity: 'error',
  severityReason: 'The API server rejects the HorizontalPodAutoscaler.',
  description: 'A HorizontalPodAutoscaler has maxReplicas of at least 1 and minReplicas from 1 to maxReplicas (the API server rejects it otherwise).',
  fix: 'Set minReplicas (default 1) to at most maxReplicas.',
  check: (context) => context.ofKind('HorizontalPodAutoscaler').flatMap((hpa) => problemViolations(hpa, autoscalerRangeProblems(hpa.manifest.spec))),
};
