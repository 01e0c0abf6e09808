import { containersOf, PodTemplate } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { containerHasPort, describeContainerPorts, describeObject } from './describe';

/** The port a probe targets, if it targets one. */
export function probePort(probe: any): number | string | undefined {
  return probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
}

export const podReadinessProbe: Rule = {
  id: 'pod-readiness-probe',
  severity: 'error',
  crossObject: true,
  description: 'A workload selected by a Service has a readinessProbe (else it gets traffic before it is ready), and every readinessProbe probes a declared container port.',
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
      if (service && !containers.some(({ container }) => container.readinessProbe)) {
        out.push({ object: pod.owner, message: `is selected by ${describeObject(service)} but no container at ${pod.specPath}.containers has a readinessProbe.` });
      }
      for (const { container, path } of containers) {
        const port = probePort(container.readinessProbe);
        if (port === undefined || containerHasPort(container, port)) continue;
        out.push({ object: pod.owner, message: `${path}.readinessProbe probes port ${JSON.stringify(port)}, which the container does not declare (it declares ${describeContainerPorts(container.ports ?? [])}).` });
      }
    }
    return out;
  },
};
