import { Problem } from '../../core/errors';

/** A container image as a mirror names it; every part left out keeps the upstream value. */
export interface AddonImage {
  /**
   * The registry host (`docker.io`, `registry.example.com:5000`).
   * @default - the install's `imageRegistry`, else the upstream registry
   */
  readonly registry?: string;
  /**
   * The repository path inside the registry (`mirror/nginx-gateway-fabric`).
   * @default - the upstream path
   */
  readonly repository?: string;
  /**
   * The tag.
   * @default - the upstream tag
   */
  readonly tag?: string;
  /**
   * A `sha256:<64 hex>` digest to pin the image.
   * @default - the upstream digest when registry, repository and tag are the upstream ones (if upstream pins one); none otherwise
   */
  readonly digest?: string;
}

/** An upstream image split the way its Helm chart splits it. */
export interface UpstreamImage {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  /** Absent where upstream pins tags only. */
  readonly digest?: string;
}

/** An image with the overrides applied, in parts and as one reference. */
export interface ResolvedImage {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  readonly digest?: string;
  /** `registry/repository:tag[@digest]`. */
  readonly reference: string;
}

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
export function resolveImageParts(upstream: UpstreamImage, registryOverride: string | undefined, override: AddonImage = {}): ResolvedImage {
  const registry = override.registry ?? registryOverride ?? upstream.registry;
  const repository = override.repository ?? upstream.repository;
  const tag = override.tag ?? upstream.tag;
  const unchanged = registry === upstream.registry && repository === upstream.repository && tag === upstream.tag;
  const digest = override.digest ?? (unchanged ? upstream.digest : undefined);
  return { registry, repository, tag, ...(digest ? { digest } : {}), reference: `${registry}/${repository}:${tag}${digest ? `@${digest}` : ''}` };
}

/** {@link resolveImageParts} as one image reference. */
export function resolveImage(upstream: UpstreamImage, registryOverride: string | undefined, override: AddonImage = {}): string {
  return resolveImageParts(upstream, registryOverride, override).reference;
}

/** What is wrong with an image override, with `field` naming the prop. */
export function imageProblems(field: string, image: AddonImage = {}): Problem[] {
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
