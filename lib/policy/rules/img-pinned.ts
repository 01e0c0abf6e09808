import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

/** The tag of an image reference (`nginx:1.27` → `1.27`), undefined when it has none; digests ignored. */
export function imageTag(image: string): string | undefined {
  // Everything before the first "@" (as split('@')[0], without the list).
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}

export const imgPinned: Rule = {
  id: 'img-pinned',
  severity: 'warning',
  severityReason: 'Very likely a mistake: an untagged or latest image changes under you, and two nodes may run different code.',
  description: 'Every container image names a version: a tag other than latest, or a digest.',
  fix: 'Pin the image to a release tag (nginx:1.27.3), ideally with its digest (@sha256:…).',
  check: (context) => {
    const out: RuleViolation[] = [];
    const containers = allContainers(context);
    // An indexed loop without destructuring: runs for every container of every synth, mostly before V8 optimizes it.
    for (let i = 0; i < containers.length; i++) {
      const image = containers[i].container.image;
      if (typeof image !== 'string' || image.includes('@')) continue;
      const tag = imageTag(image);
      if (tag === undefined) out.push({ object: containers[i].owner, message: `${containers[i].path}.image "${image}" has no tag, so it means :latest and changes under you.` });
      else if (tag === 'latest') out.push({ object: containers[i].owner, message: `${containers[i].path}.image "${image}" uses the moving tag latest.` });
    }
    return out;
  },
};
