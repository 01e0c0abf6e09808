import { containersOf, ContainerRef, PolicyContext } from '../context';

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
