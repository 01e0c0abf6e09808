import { ContainerRef, containersOf, PodTemplate } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { describeContainerPorts, describeObject, matchTemplatePort, PortMatch } from './describe';

export const svcTargetPortExists: Rule = {
  id: 'svc-targetport-exists',
  severity: 'error',
  severityReason: 'Traffic cannot flow to a port name no container declares (error); a number none of the declared ports has is very likely a mistake, yet the process may listen on it (warning); info when the containers declare no port.',
  crossObject: true,
  description: "Each Service port's targetPort (number or name; default: port) is a declared port of the containers it selects: by name always, by number when the containers declare ports.",
  fix: 'Point targetPort at a containerPort (or its name) of the selected pods, or declare the port on the container.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const services = context.ofKind('Service');
    for (let s = 0; s < services.length; s++) {
      const service = services[s];
      const spec = service.manifest.spec ?? {};
      // Headless Services ignore targetPort.
      if (spec.clusterIP === 'None') continue;
      const pods = context.podsSelectedBy(service);
      // Stryker disable next-line ConditionalExpression: equivalent, spares the port loop; with no pods it finds nothing.
      if (pods.length === 0) continue;
      // Stryker disable next-line ArrayDeclaration: equivalent, a string item has no port or targetPort and is skipped.
      const ports: unknown[] = Array.isArray(spec.ports) ? spec.ports : [];
      // Indexed loops (here and over the Services and pods): this runs on every Service of every synth. A hole reads undefined, which has no port: skipped, as forEach skipped it.
      // Stryker disable next-line EqualityOperator: equivalent, the item past the end reads undefined too.
      for (let i = 0; i < ports.length; i++) {
        const port: any = ports[i];
        const target = port?.targetPort ?? port?.port;
        if (typeof target !== 'number' && typeof target !== 'string') continue;
        const protocol = port.protocol ?? 'TCP';
        for (let p = 0; p < pods.length; p++) {
          const pod = pods[p];
          const refs = containersOf(pod);
          const match = matchTemplatePort(refs, target, protocol);
          if (match === 'declared') continue;
          out.push(portViolation(service, pod, refs, match, i, target, protocol));
        }
      }
    }
    return out;
  },
};

/** The finding for a targetPort the pod's containers do not declare; its text is only built here, for the rare port that has one. */
function portViolation(service: PolicyObject, pod: PodTemplate, refs: readonly ContainerRef[], match: PortMatch, i: number, target: number | string, protocol: string): RuleViolation {
  const field = `spec.ports[${i}].targetPort ${JSON.stringify(target)}${typeof target === 'number' ? `/${protocol}` : ''}`;
  if (match === 'none-declared') {
    // Declaring container ports is optional; the process may listen on the number anyway.
    return {
      object: service, severity: 'info',
      message: `cannot judge ${field}: the containers of ${describeObject(pod.owner)} declare no ports (declaring them is optional).`,
      fix: 'Declare the port the process listens on (containers[].ports) to have the targetPort checked.',
    };
  }
  const declared = refs.flatMap(({ container }) => Array.isArray(container?.ports) ? container.ports : []);
  return {
    // A name resolves nowhere, so the pod gets no endpoint; a number is forwarded anyway (declaring ports is optional).
    object: service, severity: typeof target === 'number' ? 'warning' : 'error',
    message: `${field} is not a port of the containers of ${describeObject(pod.owner)} (they declare ${describeContainerPorts(declared)}).`,
  };
}
