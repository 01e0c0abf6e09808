import { ContainerRef, containersOf, PodTemplate } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeObject } from './describe';
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
    const selectedBy = new Map<PodTemplate, PolicyObject>();
    for (const service of context.ofKind('Service')) {
      if (service.manifest.spec?.type === 'ExternalName') continue;
      for (const pod of context.podsSelectedBy(service)) if (!selectedBy.has(pod)) selectedBy.set(pod, service);
    }
    for (const pod of context.podTemplates) {
      const containers = containersOf(pod);
      const service = selectedBy.get(pod);
      if (service && !hasReadinessProbe(containers)) {
        out.push({ object: pod.owner, severity: 'info', message: `is selected by ${describeObject(service)} but no container at ${pod.specPath}.containers has a readinessProbe, so it gets traffic as soon as it starts.` });
      }
      for (let i = 0; i < containers.length; i++) {
        const { container } = containers[i];
        const port = probePort(container.readinessProbe);
        if (port === undefined) continue;
        const severity = probePortSeverity(container, port);
        if (severity) out.push({ object: pod.owner, severity, message: probePortMessage(containers[i].path, 'readinessProbe', container, port) });
      }
    }
    return out;
  },
};

/** Whether a container of the list has a readinessProbe (a loop, not `some` with a closure: asked for every pod template a Service selects). */
function hasReadinessProbe(containers: readonly ContainerRef[]): boolean {
  for (let i = 0; i < containers.length; i++) if (containers[i].container.readinessProbe) return true;
  return false;
}
