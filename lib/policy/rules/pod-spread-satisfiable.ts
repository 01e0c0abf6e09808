import { spreadProblems } from '../../workload/topology-spread';
import { problemViolations } from '../engine';
import { Rule } from '../types';
import { fewestPods } from './replicas';

export const podSpreadSatisfiable: Rule = {
  id: 'pod-spread-satisfiable',
  severity: 'warning',
  severityReason: 'Very likely a mistake: pods stay Pending when the spread cannot be met, though those already running serve traffic.',
  crossObject: true,
  description: 'Hard (DoNotSchedule) topology spread constraints can be met with the pods the workload runs: minDomains not above the replica count (or autoscaler minimum), and a spread over nodes that ignores cordoned nodes (nodeTaintsPolicy: Honor) so a drain does not leave pods Pending.',
  fix: 'Lower minDomains to the replica count; on kubernetes.io/hostname set nodeTaintsPolicy: Honor; or use whenUnsatisfiable: ScheduleAnyway.',
  check: (context) => context.podTemplates.flatMap((t) => {
    const pods = fewestPods(context, t.owner);
    // Stryker disable next-line ConditionalExpression: equivalent, spreadProblems judges nothing without a count (`minDomains > undefined` and `undefined > 1` are false).
    return pods === undefined ? [] : problemViolations(t.owner, spreadProblems(t.spec, pods, t.specPath));
  }),
};
