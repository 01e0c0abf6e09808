import { Problem } from '../core/errors';

/** A HorizontalPodAutoscaler (autoscaling/v2) that owns the WebApp's replica count. */
export interface AutoscalingOptions {
  /**
   * The fewest pods.
   * @default - `replicas` if given, else 2
   */
  readonly minReplicas?: number;
  /** The most pods. */
  readonly maxReplicas: number;
  /**
   * Target average CPU use, in percent of the CPU request.
   * @default 70 when no memory target is given, else none
   */
  readonly cpuUtilizationPercent?: number;
  /**
   * Target average memory use, in percent of the memory request.
   * @default - none
   */
  readonly memoryUtilizationPercent?: number;
}

/** The CPU target when the autoscaler is given none: room for a burst while new pods start. */
export const DEFAULT_CPU_UTILIZATION_PERCENT = 70;

/** The HPA's metrics from the options: one Resource metric per target. */
export function autoscalerMetrics(options: AutoscalingOptions): any[] {
  const cpu = options.cpuUtilizationPercent ?? (options.memoryUtilizationPercent === undefined ? DEFAULT_CPU_UTILIZATION_PERCENT : undefined);
  const targets: Array<[string, number | undefined]> = [['cpu', cpu], ['memory', options.memoryUtilizationPercent]];
  return targets.filter(([, percent]) => percent !== undefined)
    .map(([name, percent]) => ({ type: 'Resource', resource: { name, target: { type: 'Utilization', averageUtilization: percent } } }));
}

/** The option values: targets are whole percentages above 0. */
export function autoscalingOptionProblems(options: AutoscalingOptions): Problem[] {
  return (['cpuUtilizationPercent', 'memoryUtilizationPercent'] as const)
    .filter((name) => options[name] !== undefined && !(Number.isInteger(options[name]) && options[name]! > 0))
    .map((name) => ({ field: `autoscaling.${name}`, message: 'is not a whole percentage above 0.', value: options[name], allowed: 'an integer from 1 (percent of the request; above 100 allowed)', fix: 'write e.g. 70.' }));
}

/**
 * An HPA replica range the API server rejects: `maxReplicas` below 1, or
 * `minReplicas` (default 1) below 1 or above `maxReplicas`.
 */
export function autoscalerRangeProblems(hpaSpec: any): Problem[] {
  const min = hpaSpec?.minReplicas ?? 1;
  const max = hpaSpec?.maxReplicas;
  const problems: Problem[] = [];
  if (typeof max === 'number' && max < 1) {
    problems.push({ field: 'spec.maxReplicas', message: 'must be at least 1; the API server rejects it.', value: max, allowed: '1 or more', fix: 'set maxReplicas to the most pods the app may need.' });
  }
  if (typeof min === 'number' && min < 1) {
    // 0 needs the alpha HPAScaleToZero feature gate, off by default.
    problems.push({ field: 'spec.minReplicas', message: 'must be at least 1; the API server rejects it.', value: min, allowed: '1 or more', fix: 'set minReplicas to 1 or more (2 or more keeps a pod serving during a drain).' });
  } else if (typeof min === 'number' && typeof max === 'number' && max >= 1 && min > max) {
    problems.push({ field: 'spec.minReplicas', message: `is above maxReplicas ${max}; the API server rejects it.`, value: min, allowed: `at most ${max}`, fix: 'lower minReplicas or raise maxReplicas.' });
  }
  return problems;
}

/** Whether a container states a request for `resource` (a limit alone counts: the API server copies it to the request). */
function requests(container: any, resource: string): boolean {
  const r = container?.resources;
  return r?.requests?.[resource] !== undefined || r?.limits?.[resource] !== undefined;
}

/**
 * Utilization targets the HPA cannot compute: a `Resource` metric needs a
 * request for that resource on every container of the pod, a
 * `ContainerResource` metric on the container it names. Without it the HPA
 * reports FailedGetResourceMetric and never scales. `AverageValue` targets need
 * no request.
 */
export function autoscalerRequestProblems(hpaSpec: any, podSpec: any, specPath: string): Problem[] {
  const containers: any[] = Array.isArray(podSpec?.containers) ? podSpec.containers : [];
  const problems: Problem[] = [];
  (Array.isArray(hpaSpec?.metrics) ? hpaSpec.metrics : []).forEach((metric: any, i: number) => {
    const source = metric?.type === 'Resource' ? metric.resource : metric?.type === 'ContainerResource' ? metric.containerResource : undefined;
    if (source?.target?.type !== 'Utilization' || typeof source.name !== 'string') return;
    containers.forEach((container, c) => {
      if (metric.type === 'ContainerResource' && container?.name !== source.container) return;
      if (requests(container, source.name)) return;
      problems.push({
        field: `spec.metrics[${i}]`,
        message: `targets ${source.name} utilization, but ${specPath}.containers[${c}] (${container?.name}) requests no ${source.name}, so the autoscaler cannot compute it and never scales.`,
        fix: `set resources.requests.${source.name} on every container the metric covers, or target an AverageValue instead.`,
      });
    });
  });
  return problems;
}
