import { containersOf, PolicyContext } from '../context';
import { PolicyObject } from '../types';

/** Every container (init and ephemeral too) of every pod template, with its owner and field path. */
export function allContainers(context: PolicyContext): Array<{ owner: PolicyObject; container: any; path: string }> {
  return context.podTemplates.flatMap((pod) => containersOf(pod, true).map((c) => ({ owner: pod.owner, ...c })));
}
