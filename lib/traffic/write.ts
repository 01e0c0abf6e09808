import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHelmTemplatesDir } from '../gitops/output-layout';
import { renderJson, renderMarkdown } from './markdown';
import { TrafficMap } from './model';
import { trafficMap, TrafficMapInput, TrafficMapOptions } from './traffic-map';

/** The human-readable map, beside the manifests: kubectl reads only .json/.yaml/.yml, so it skips it. */
export const ACCESS_MARKDOWN_FILE = 'ACCESS.md';
/**
 * The JSON map, one folder down: `kubectl apply -f dist/` and an Argo CD
 * directory app (non-recursive by default) read top-level `*.json`, which
 * would fail on a file that is not a Kubernetes object.
 */
export const ACCESS_JSON_FILE = join('traffic', 'access.json');

/** What {@link writeTrafficMap} wrote. */
export interface WrittenTrafficMap {
  readonly map: TrafficMap;
  /** The paths written, Markdown first. */
  readonly files: readonly string[];
}

/**
 * Writes `ACCESS.md` and `traffic/access.json` for everything below `scope`
 * (normally the App, after `app.synth()`) into `outdir`. In a Helm chart
 * (`cdk8s synth --format helm` writes the manifests to `<chart>/templates`)
 * both go to the chart root instead: Helm renders every file in templates/.
 */
export function writeTrafficMap(scope: TrafficMapInput, outdir: string, options: TrafficMapOptions = {}): WrittenTrafficMap {
  const map = trafficMap(scope, options);
  const root = isHelmTemplatesDir(outdir) ? join(outdir, '..') : outdir;
  const markdown = join(root, ACCESS_MARKDOWN_FILE);
  const json = join(root, ACCESS_JSON_FILE);
  mkdirSync(join(json, '..'), { recursive: true });
  writeFileSync(markdown, renderMarkdown(map));
  writeFileSync(json, renderJson(map));
  return { map, files: [markdown, json] };
}
