import { rollingUpdateRejections } from '../../workload/rollout';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const depStrategyValid: Rule = {
  id: 'dep-strategy-valid',
  severity: 'error',
  severityReason: 'The API server rejects the Deployment.',
  description: "A Deployment's RollingUpdate maxSurge and maxUnavailable are pod counts or percentages (maxUnavailable at most 100%), not both 0, and a Recreate strategy has no rollingUpdate (the API server rejects it otherwise).",
  fix: 'Use maxSurge: 1 (or "25%") and maxUnavailable: 0.',
  check: (context) => context.ofKind('Deployment').flatMap((d) => problemViolations(d, rollingUpdateRejections(d.manifest.spec))),
};
