import { spreadProblems } from '../../workload/topology-spread';
import { problemViolations } from '../engine';
import { Rule, RuleViolation } from '../types';
import { fewestPods } from './replicas';

export const podSpreadSatisfiable: Rule = {
  id: 'pod-spread-satisfiable',
  severity: 'warning',
  severityReason: 'Very likely a mistake: pods stay Pending when the spread cannot be met, though those already running serve traffic.',
  crossObject: true,
  description: 'Hard (DoNotSchedule) topology spread constraints can be met with the pods the workload runs: minDomains not above the replica count (or autoscaler minimum), and a spread over nodes that ignores cordoned nodes (nodeTaintsPolicy: Honor) so a drain does not leave pods Pending.',
  fix: 'Lower minDomains to the replica count; on kubernetes.io/hostname set nodeTaintsPolicy: Honor; or use whenUnsatisfiable: ScheduleAnyway.',
  check: (context) => {
    // An indexed loop, not flatMap with a closure, and no violation list for a template without findings: runs for every pod template of every synth, mostly before V8 optimizes it.
    const out: RuleViolation[] = [];
    const templates = context.podTemplates;
    for (let t = 0; t < templates.length; t++) {
      const template = templates[t];
      const pods = fewestPods(context, template.owner);
      // Stryker disable next-line ConditionalExpression: equivalent, spreadProblems judges nothing without a count (`minDomains > undefined` and `undefined > 1` are false).
      if (pods === undefined) continue;
      const problems = spreadProblems(template.spec, pods, template.specPath);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
      if (problems.length > 0) out.push(...problemViolations(template.owner, problems));
    }
    return out;
  },
};
