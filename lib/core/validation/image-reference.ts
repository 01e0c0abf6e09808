/**
 * The image reference grammar the kubelet parses a container's `image` with
 * (github.com/distribution/reference, regexp.go and normalize.go, v0.6):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*   (at most 255 characters)
 *   domain    := host [":" port]
 *   path-component := [a-z0-9]+ ( ( [._] | __ | [-]+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex   (sha256: 64 hex digits)
 *
 * An image the kubelet cannot parse fails every pod with InvalidImageName,
 * after the API server accepted the Deployment.
 */

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:.]+\\])`;
const DOMAIN = new RegExp(`^${HOST}(?::[0-9]+)?$`);
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/**
 * The common form of a reference, a strict part of the grammar: an optional
 * lowercase registry host (dots, hyphens, a port) and "/", lowercase path
 * components without ".", a tag, a sha256 digest. A first component without
 * "." or ":" is read as a path component or as "localhost", which both accept,
 * so every reference it matches (at most 255 characters, so the name is too)
 * is one the full parse accepts. It is tested first: the kubelet's grammar is
 * asked for the image of every container of every synth, and nearly all are
 * this form, answered by one pattern test without splitting the reference.
 */
const PLAIN_COMPONENT = '[a-z0-9]+(?:(?:_|__|-+)[a-z0-9]+)*';
const PLAIN_REFERENCE = new RegExp(
  `^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?/)?${PLAIN_COMPONENT}(?:/${PLAIN_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$`);

/** The grammar in the words of an error message. */
export const IMAGE_REFERENCE_RULE = '[registry[:port]/]repository[:tag][@digest]: repository path components in lowercase letters, digits and single ".", "_", "__" or "-" separators; a tag of at most 128 letters, digits, "_", "." and "-" not starting with "." or "-"; a digest such as sha256:<64 hex digits>';

/**
 * The registry host DOMAIN last accepted: the images of a large app mostly
 * share one registry, whose host is then tested once, not for every container.
 */
let lastValidHost: string | undefined;

/** What is wrong with an image reference, or undefined when the kubelet parses it. */
export function imageReferenceError(image: string): { message: string; fix: string } | undefined {
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, a shortcut: the full parse below accepts every reference it lets through.
  if (image.length <= NAME_TOTAL_LENGTH_MAX && PLAIN_REFERENCE.test(image)) return undefined;
  if (image === '') return { message: 'is empty; a pod needs an image to run.', fix: 'give the image, e.g. "nginx:1.27.3".' };
  if (image.trim() !== image) return { message: 'has leading or trailing whitespace, which the API server rejects.', fix: `remove the whitespace: "${image.trim()}".` };
  if (/\s/.test(image)) return { message: 'is not an image reference: it contains whitespace.', fix: 'write the tag after a ":", e.g. "nginx:1.27.3".' };
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (digest !== undefined && !DIGEST.test(digest)) {
    return { message: `has an invalid digest "${digest}".`, fix: 'write the digest as sha256: followed by its 64 hex digits (`docker buildx imagetools inspect` prints it).' };
  }
  if (digest !== undefined && digest.startsWith('sha256:') && digest.length !== 'sha256:'.length + 64) {
    return { message: `has a sha256 digest of ${digest.length - 'sha256:'.length} hex digits; sha256 digests have 64.`, fix: 'copy the whole digest.' };
  }
  if (tag !== undefined && !TAG.test(tag)) {
    return { message: `has an invalid tag "${tag}".`, fix: 'use a tag of at most 128 letters, digits, "_", "." and "-" that starts with a letter, digit or "_", e.g. "1.27.3".' };
  }
  if (rest.length > NAME_TOTAL_LENGTH_MAX) return { message: `has a name of ${rest.length} characters; at most ${NAME_TOTAL_LENGTH_MAX} are allowed.`, fix: 'shorten the repository path.' };
  const parts = rest.split('/');
  // normalize.go: the first part is a registry when it has a "." or ":", is "localhost", or has an uppercase letter.
  const first = parts[0];
  const hasDomain = parts.length > 1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, the remembered host is one DOMAIN accepted; testing it again gives the same answer.
  if (hasDomain && first !== lastValidHost && !DOMAIN.test(first)) {
    return { message: `has an invalid registry host "${first}".`, fix: 'write the registry as host[:port], e.g. "registry.example.com:5000".' };
  }
  // Stryker disable next-line all: equivalent, a cache of the last valid host (see above).
  if (hasDomain) lastValidHost = first;
  const path = hasDomain ? parts.slice(1) : parts;
  for (const component of path) {
    if (PATH_COMPONENT.test(component)) continue;
    if (PATH_COMPONENT.test(component.toLowerCase())) {
      return {
        message: `has an uppercase repository name "${path.join('/')}"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName.`,
        fix: `use "${[...(hasDomain ? [first] : []), path.join('/').toLowerCase()].join('/')}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}".`,
      };
    }
    return { message: `has an invalid repository path component "${component}".`, fix: 'use lowercase letters and digits, separated by single ".", "_", "__" or "-", e.g. "library/nginx".' };
  }
  return undefined;
}
