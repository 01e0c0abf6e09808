import { preStopProblems } from '../../workload/graceful-shutdown';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const prestopWithinGrace: Rule = {
  id: 'prestop-within-grace',
  severity: 'error',
  severityReason: 'The API server rejects a sleep action longer than the grace period, and with an exec pause the container is killed with requests in flight.',
  description: "A container's preStop pause (sleep action, or an exec that starts with `sleep N`) is shorter than the pod's terminationGracePeriodSeconds (default 30): the API server rejects a longer sleep action, and at that length the container is killed with requests in flight.",
  fix: 'Raise terminationGracePeriodSeconds above the pause (pause + the time the app needs to finish), or shorten the pause.',
  check: (context) => context.podTemplates.flatMap((t) => problemViolations(t.owner, preStopProblems(t.spec, t.specPath))),
};
