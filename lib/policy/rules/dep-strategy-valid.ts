import { rollingUpdateRejections } from '../../workload/rollout';
import { problemViolations } from '../engine';
import { Rule, RuleViolation } from '../types';

export const depStrategyValid: Rule = {
  id: 'dep-strategy-valid',
  severity: 'error',
  severityReason: 'The API server rejects the Deployment.',
  description: "A Deployment's RollingUpdate maxSurge and maxUnavailable are pod counts or percentages (maxUnavailable at most 100%), not both 0, and a Recreate strategy has no rollingUpdate (the API server rejects it otherwise).",
  fix: 'Use maxSurge: 1 (or "25%") and maxUnavailable: 0.',
  check: (context) => {
    // An indexed loop, not flatMap with a closure: runs for every Deployment of every synth, mostly before V8 optimizes it.
    const out: RuleViolation[] = [];
    const deployments = context.ofKind('Deployment');
    for (let i = 0; i < deployments.length; i++) {
      const problems = rollingUpdateRejections(deployments[i].manifest.spec);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
      if (problems.length > 0) out.push(...problemViolations(deployments[i], problems));
    }
    return out;
  },
};
