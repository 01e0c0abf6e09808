import { containersOf } from '../context';
import { Rule, RuleViolation } from '../types';
import { containerHasPort, describeContainerPorts, describeObject } from './describe';

export const svcTargetPortExists: Rule = {
  id: 'svc-targetport-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow to a port name no container declares, nor, very likely, to a number none of the declared ports has (info when the containers declare no port: the process may listen anyway).',
  crossObject: true,
  description: "Each Service port's targetPort (number or name; default: port) is a declared port of the containers it selects.",
  fix: 'Point targetPort at a containerPort (or its name) of the selected pods, or declare the port on the container.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const service of context.ofKind('Service')) {
      const spec = service.manifest.spec ?? {};
      // Headless Services ignore targetPort.
      if (spec.clusterIP === 'None') continue;
      const pods = context.podsSelectedBy(service);
      if (pods.length === 0) continue;
      (Array.isArray(spec.ports) ? spec.ports : []).forEach((port: any, i: number) => {
        const target = port.targetPort ?? port.port;
        const protocol = port.protocol ?? 'TCP';
        for (const pod of pods) {
          const containers = containersOf(pod);
          if (containers.some(({ container }) => containerHasPort(container, target, protocol))) continue;
          const declared = containers.flatMap(({ container }) => Array.isArray(container.ports) ? container.ports : []);
          out.push({
            object: service,
            message: `spec.ports[${i}].targetPort ${JSON.stringify(target)}${typeof target === 'number' ? `/${protocol}` : ''} is not a port of the containers of ${describeObject(pod.owner)} (they declare ${describeContainerPorts(declared)}).`,
          });
        }
      });
    }
    return out;
  },
};
