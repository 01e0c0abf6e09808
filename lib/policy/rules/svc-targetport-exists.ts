import { containersOf } from '../context';
import { Rule, RuleViolation } from '../types';
import { describeContainerPorts, describeObject, matchPort } from './describe';

export const svcTargetPortExists: Rule = {
  id: 'svc-targetport-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow to a port name no container declares (error); a number none of the declared ports has is very likely a mistake, yet the process may listen on it (warning); info when the containers declare no port.',
  crossObject: true,
  description: "Each Service port's targetPort (number or name; default: port) is a declared port of the containers it selects: by name always, by number when the containers declare ports.",
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
        const target = port?.targetPort ?? port?.port;
        if (typeof target !== 'number' && typeof target !== 'string') return;
        const protocol = port.protocol ?? 'TCP';
        // Written only into a finding: most ports have none.
        const field = () => `spec.ports[${i}].targetPort ${JSON.stringify(target)}${typeof target === 'number' ? `/${protocol}` : ''}`;
        for (const pod of pods) {
          const containers = containersOf(pod).map(({ container }) => container);
          const match = matchPort(containers, target, protocol);
          if (match === 'declared') continue;
          if (match === 'none-declared') {
            // Declaring container ports is optional; the process may listen on the number anyway.
            out.push({
              object: service, severity: 'info',
              message: `cannot judge ${field()}: the containers of ${describeObject(pod.owner)} declare no ports (declaring them is optional).`,
              fix: 'Declare the port the process listens on (containers[].ports) to have the targetPort checked.',
            });
            continue;
          }
          const declared = containers.flatMap((container) => Array.isArray(container?.ports) ? container.ports : []);
          out.push({
            // A name resolves nowhere, so the pod gets no endpoint; a number is forwarded anyway (declaring ports is optional).
            object: service, severity: typeof target === 'number' ? 'warning' : 'error',
            message: `${field()} is not a port of the containers of ${describeObject(pod.owner)} (they declare ${describeContainerPorts(declared)}).`,
          });
        }
      });
    }
    return out;
  },
};
