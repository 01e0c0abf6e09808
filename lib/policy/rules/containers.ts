import { containersOf, ContainerRef, PolicyContext } from '../context';
import { RuleViolation } from '../types';

const listed = new WeakMap<PolicyContext, readonly ContainerRef[]>();

/** Every container (init and ephemeral too) of every pod template, with its owner and field path; listed once per context, for the six rules that read it. */
export function allContainers(context: PolicyContext): readonly ContainerRef[] {
  let list = listed.get(context);
  // Stryker disable next-line ConditionalExpression: equivalent, a cache: listing the containers of the same context again gives the same list.
  if (!list) {
    list = context.podTemplates.flatMap((pod) => containersOf(pod, true));
    listed.set(context, list);
  }
  return list;
}

/**
 * Calls `visit` with each item of each container's `ports` list (a list only; holes skipped, as forEach
 * skipped them), its index and the container, for the rules that read container ports: indexed loops and
 * one `visit` per rule, not an iterator and a closure per container (they run for every container of
 * every synth, mostly before V8 optimizes them).
 */
export function visitContainerPorts(context: PolicyContext, out: RuleViolation[], visit: (out: RuleViolation[], ref: ContainerRef, port: any, index: number) => void): RuleViolation[] {
  const containers = allContainers(context);
  for (let c = 0; c < containers.length; c++) {
    const ports = containers[c].container.ports;
    if (!Array.isArray(ports)) continue;
    // Stryker disable next-line EqualityOperator: equivalent, ports[length] is not `in` the list and is skipped below.
    for (let i = 0; i < ports.length; i++) if (i in ports) visit(out, containers[c], ports[i], i);
  }
  return out;
}
