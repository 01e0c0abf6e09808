import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

const LATEST = 'latest';

/** Where the tag of an image reference without a digest starts (after its ":"), or -1 when it has none. */
function tagStart(image: string): number {
  const colon = image.indexOf(':', image.lastIndexOf('/') + 1);
  return colon === -1 ? -1 : colon + 1;
}

/** The tag of an image reference (`nginx:1.27` → `1.27`), undefined when it has none; digests ignored. */
export function imageTag(image: string): string | undefined {
  // Everything before the first "@" (as split('@')[0], without the list).
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const start = tagStart(withoutDigest);
  return start === -1 ? undefined : withoutDigest.slice(start);
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
      // The tag read in place, not sliced out of each image: runs for every container of every synth.
      const start = tagStart(image);
      if (start === -1) out.push({ object: containers[i].owner, message: `${containers[i].path}.image "${image}" has no tag, so it means :latest and changes under you.` });
      else if (image.length - start === LATEST.length && image.startsWith(LATEST, start)) out.push({ object: containers[i].owner, message: `${containers[i].path}.image "${image}" uses the moving tag latest.` });
    }
    return out;
  },
};
