import { createRequire } from 'node:module';
import { Yaml } from 'cdk8s';

/**
 * How NetkitApp has cdk8s serialize YAML: the same bytes as a stock App,
 * with less work and memory. Each change here is exact, and the tests
 * compare every output layout with a stock App.
 */

/** `items` stably sorted by weight, lightest first (each weighed once). */
export function smallestFirst<T>(items: readonly T[], weigh: (item: T) => number): T[] {
  return items.map((item, index) => ({ item, index, weight: weigh(item) }))
    .sort((a, b) => a.weight - b.weight || a.index - b.index)
    .map((entry) => entry.item);
}

/** How many values (objects, arrays and leaves) a props tree holds. */
export function countValues(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object' || depth > 64) return 1;
  let count = 1;
  if (Array.isArray(value)) {
    for (const item of value) count += countValues(item, depth + 1);
  } else {
    for (const key in value) count += countValues((value as Record<string, unknown>)[key], depth + 1);
  }
  return count;
}

/**
 * Runs `work` with cdk8s' multi-document `Yaml.stringify` (what `Yaml.save`
 * writes a file with) serializing the documents smallest first and joining
 * them in their order. The string is the same: stock serializes each
 * document on its own and joins them with `---`. The order is for memory:
 * serialized early, one large document (an Ingress with thousands of rules,
 * in one chart with the apps it routes to) made V8 allocate the YAML
 * library's nodes for every document after it straight into the old
 * generation (allocation-site pretenuring; measured with 10,000 documents:
 * 12 % of the time of writing them).
 */
export function serializingSmallDocumentsFirst<T>(work: () => T): T {
  const stock = Yaml.stringify;
  Yaml.stringify = (...docs: any[]): string => {
    if (docs.length < 2) return stock.apply(Yaml, docs);
    const parts = new Array<string>(docs.length);
    for (const index of smallestFirst(docs.map((_, i) => i), (i) => countValues(docs[i]))) parts[index] = stock.call(Yaml, docs[index]);
    return parts.join('---\n');
  };
  try {
    return work();
  } finally {
    Yaml.stringify = stock;
  }
}

/** The members of the `yaml` package's (unexported) Directives class this module reads. */
interface DirectivesLike {
  readonly yaml?: { readonly explicit?: boolean };
  readonly tags?: Record<string, string>;
  toString(doc?: unknown): string;
}

const DEFAULT_TAG_HANDLE = '!!';
const DEFAULT_TAG_PREFIX = 'tag:yaml.org,2002:';

/**
 * Runs `work` with the YAML library cdk8s writes with skipping a scan whose
 * result it cannot use. To print a document's `%TAG` directives, `yaml` 2.x
 * (Directives#toString, dist/doc/directives.js) first visits every node of
 * the document to collect the tags in use, then prints a directive for each
 * tag handle other than the default `!!`. Documents made from objects, as
 * cdk8s makes them, have only that handle and no `%YAML` line, so the result
 * is always the empty string, after a walk over every node: 5 to 8 % of the
 * time of writing 15,000 objects. Here `toString` answers '' at once in
 * exactly that case, and runs as it is in every other.
 *
 * Only for a `yaml` of major version 2 whose default tags are the ones this
 * reasoning assumes; anything else is serialized as it is.
 */
export function skippingUnusedTagScan<T>(work: () => T): T {
  const prototype = cdk8sDirectivesPrototype();
  if (!prototype) return work();
  const stock = prototype.toString;
  prototype.toString = function (this: DirectivesLike, doc?: unknown): string {
    return this.yaml?.explicit === false && hasOnlyTheDefaultTag(this.tags) ? '' : stock.call(this, doc);
  };
  try {
    return work();
  } finally {
    prototype.toString = stock;
  }
}

function hasOnlyTheDefaultTag(tags: Record<string, string> | undefined): boolean {
  if (!tags) return false;
  let count = 0;
  for (const handle in tags) {
    if (++count > 1 || handle !== DEFAULT_TAG_HANDLE || tags[handle] !== DEFAULT_TAG_PREFIX) return false;
  }
  return count === 1;
}

let directivesPrototype: DirectivesLike | null | undefined;

/** The Directives prototype of the `yaml` package cdk8s loads (it bundles its own copy), or undefined when it is not one this module knows (looked up once). */
export function cdk8sDirectivesPrototype(): DirectivesLike | undefined {
  if (directivesPrototype === undefined) {
    directivesPrototype = null;
    try {
      const fromCdk8s = createRequire(require.resolve('cdk8s'));
      const version = String(fromCdk8s('yaml/package.json').version ?? '');
      const yaml = fromCdk8s('yaml');
      const directives = new yaml.Document(null).directives;
      const defaults = directives?.constructor?.defaultTags;
      const knownDefaults = defaults && Object.keys(defaults).length === 1 && defaults[DEFAULT_TAG_HANDLE] === DEFAULT_TAG_PREFIX;
      if (version.startsWith('2.') && knownDefaults && typeof directives.toString === 'function') {
        directivesPrototype = Object.getPrototypeOf(directives) as DirectivesLike;
      }
    } catch {
      // Not found or not loadable as expected: serialize as stock does.
    }
  }
  return directivesPrototype ?? undefined;
}
