import { Problem } from '../../core/errors';
import { IngressNginxImage } from './props';
import { UPSTREAM_REGISTRY, UpstreamImage } from './upstream';

const DIGEST = /^sha256:[a-f0-9]{64}$/;
// The tag grammar of the OCI distribution spec.
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REGISTRY = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:\d{1,5})?$/;
const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/**
 * The image reference for one upstream image with the user's overrides. The
 * upstream digest only identifies the upstream bytes, so it is kept only when
 * the image is exactly the upstream one; a mirror gets the digest it is given.
 */
export function resolveImage(upstream: UpstreamImage, registryOverride: string | undefined, override: IngressNginxImage = {}): string {
  const registry = override.registry ?? registryOverride ?? UPSTREAM_REGISTRY;
  const repository = override.repository ?? upstream.repository;
  const tag = override.tag ?? upstream.tag;
  const unchanged = registry === UPSTREAM_REGISTRY && repository === upstream.repository && tag === upstream.tag;
  const digest = override.digest ?? (unchanged ? upstream.digest : undefined);
  return `${registry}/${repository}:${tag}${digest ? `@${digest}` : ''}`;
}

/** What is wrong with an image override, with `field` naming the prop. */
export function imageProblems(field: string, image: IngressNginxImage = {}): Problem[] {
  const problems: Problem[] = [];
  const check = (name: string, value: string | undefined, pattern: RegExp, allowed: string, fix: string) => {
    if (value !== undefined && !pattern.test(value)) problems.push({ field: `${field}.${name}`, message: 'is not valid in an image reference.', value, allowed, fix });
  };
  problems.push(...registryProblems(`${field}.registry`, image.registry));
  check('repository', image.repository, REPOSITORY, 'lowercase path components separated by "/" (dyrnq/controller)', 'give the repository path without registry, tag or digest.');
  check('tag', image.tag, TAG, 'up to 128 letters, digits, "_", "." and "-", not starting with "." or "-"', 'give the tag without ":" (v1.15.1).');
  check('digest', image.digest, DIGEST, 'sha256: followed by 64 lowercase hex digits', 'copy the digest from the registry (`crane digest` or `docker buildx imagetools inspect`).');
  return problems;
}

/** What is wrong with a registry host given for every image. */
export function registryProblems(field: string, registry: string | undefined): Problem[] {
  if (registry === undefined || REGISTRY.test(registry)) return [];
  return [{ field, message: 'is not a registry host.', value: registry, allowed: 'a registry host, optionally with a port (docker.io, registry.example.com:5000)', fix: 'give only the host, without a scheme or path.' }];
}
