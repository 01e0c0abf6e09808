import { preStopProblems } from '../../workload/graceful-shutdown';
import { problemViolations } from '../engine';
import { Rule, RuleViolation } from '../types';

export const prestopWithinGrace: Rule = {
  id: 'prestop-within-grace',
  severity: 'error',
  severityReason: 'The API server rejects a sleep action longer than the grace period, and with an exec pause the container is killed with requests in flight.',
  description: "A container's preStop pause (sleep action, or an exec that starts with `sleep N`) is shorter than the pod's terminationGracePeriodSeconds (default 30): the API server rejects a longer sleep action, and at that length the container is killed with requests in flight.",
  fix: 'Raise terminationGracePeriodSeconds above the pause (pause + the time the app needs to finish), or shorten the pause.',
  check: (context) => {
    // An indexed loop, not flatMap with a closure: runs for every pod template of every synth, mostly before V8 optimizes it.
    const out: RuleViolation[] = [];
    const templates = context.podTemplates;
    for (let i = 0; i < templates.length; i++) {
      const problems = preStopProblems(templates[i].spec, templates[i].specPath);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
      if (problems.length > 0) out.push(...problemViolations(templates[i].owner, problems));
    }
    return out;
  },
};
