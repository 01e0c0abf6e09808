import { containersOf, ContainerRef, PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** A container with the object that owns its pod template. */
export interface OwnedContainer extends ContainerRef {
  readonly owner: PolicyObject;
}

const listed = new WeakMap<PolicyContext, readonly OwnedContainer[]>();

/** Every container (init and ephemeral too) of every pod template, with its owner and field path; listed once per context, for the six rules that read it. */
export function allContainers(context: PolicyContext): readonly OwnedContainer[] {
  let list = listed.get(context);
  if (!list) {
    list = context.podTemplates.flatMap((pod) => containersOf(pod, true).map((c) => ({ owner: pod.owner, ...c })));
    listed.set(context, list);
  }
  return list;
}
