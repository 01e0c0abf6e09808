import { ContainerRef, containersOf, PodTemplate, PolicyContext } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { containerHasPort, describeObject } from './describe';
import { probePort, probePortMessage, probePortSeverity } from './probes';

export const podReadinessProbe: Rule = {
  id: 'pod-readiness-probe',
  severity: 'error',
  severityReason: 'A named probe port that no container declares fails every probe, so the pods never become ready (error); a number the container does not declare among its ports is advice (info), health ports are often undeclared; a missing readiness probe is advice (info).',
  crossObject: true,
  description: 'A workload selected by a Service has a readinessProbe (else it gets traffic before it is ready), and every readinessProbe probes a port its container declares.',
  fix: 'Add a readinessProbe on a declared port (WebApp adds a TCP one by default), or probe a port the container declares.',
  check: (context) => {
    const out: RuleViolation[] = [];
    // Indexed loops, and which Service selects a template asked only for a template without a readinessProbe
    // (the map is made when the first one is met): this runs for every pod template of every synth, mostly
    // before V8 optimizes it, and nearly every template has a probe on a declared port.
    let selectedBy: Map<PodTemplate, PolicyObject> | undefined;
    const templates = context.podTemplates;
    for (let t = 0; t < templates.length; t++) {
      const pod = templates[t];
      const containers = containersOf(pod);
      if (!hasReadinessProbe(containers)) {
        // Stryker disable next-line ConditionalExpression: equivalent, making the map again gives the same map (the test only spares that).
        if (!selectedBy) selectedBy = firstSelectingService(context);
        const service = selectedBy.get(pod);
        if (service) {
          out.push({ object: pod.owner, severity: 'info', message: `is selected by ${describeObject(service)} but no container at ${pod.specPath}.containers has a readinessProbe, so it gets traffic as soon as it starts.` });
        }
      }
      for (let i = 0; i < containers.length; i++) {
        const container = containers[i].container;
        const port = probePort(container.readinessProbe);
        if (port === undefined) continue;
        // Stryker disable next-line ConditionalExpression: its `false` is equivalent, a declared port gets no severity below either (the test only spares those calls).
        if (containerHasPort(container, port)) continue;
        const severity = probePortSeverity(container, port);
        if (severity) out.push({ object: pod.owner, severity, message: probePortMessage(containers[i].path, 'readinessProbe', container, port) });
      }
    }
    return out;
  },
};

/** Each pod template a Service selects → the first such Service (ExternalName Services select nothing). */
function firstSelectingService(context: PolicyContext): Map<PodTemplate, PolicyObject> {
  const selectedBy = new Map<PodTemplate, PolicyObject>();
  for (const service of context.ofKind('Service')) {
    if (service.manifest.spec?.type === 'ExternalName') continue;
    for (const pod of context.podsSelectedBy(service)) if (!selectedBy.has(pod)) selectedBy.set(pod, service);
  }
  return selectedBy;
}

/** Whether a container of the list has a readinessProbe (a loop, not `some` with a closure: asked for every pod template). */
function hasReadinessProbe(containers: readonly ContainerRef[]): boolean {
  for (let i = 0; i < containers.length; i++) if (containers[i].container.readinessProbe) return true;
  return false;
}
