import { containersOf } from '../context';
import { Rule, RuleViolation } from '../types';
import { containerHasPort, describeContainerPorts } from './describe';
import { probePort } from './pod-readiness-probe';

export const podProbePortExists: Rule = {
  id: 'pod-probe-port-exists',
  severity: 'error',
  description: 'Liveness and startup probes probe a port the container declares (readiness probes: see pod-readiness-probe).',
  fix: 'Probe a declared containerPort (by number or name), or declare the port.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const pod of context.podTemplates) {
      for (const { container, path } of containersOf(pod)) {
        for (const field of ['livenessProbe', 'startupProbe']) {
          const port = probePort(container[field]);
          if (port === undefined || containerHasPort(container, port)) continue;
          out.push({ object: pod.owner, message: `${path}.${field} probes port ${JSON.stringify(port)}, which the container does not declare (it declares ${describeContainerPorts(container.ports ?? [])}).` });
        }
      }
    }
    return out;
  },
};
