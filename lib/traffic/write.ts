import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isHelmTemplatesDir } from '../gitops/output-layout';
import { renderJson, renderMarkdown } from './markdown';
import { TrafficMap } from './model';
import { trafficMap, TrafficMapInput, TrafficMapOptions } from './traffic-map';

/** The human-readable map, beside the manifests: kubectl and the policy check read only .json/.yaml/.yml. */
export const ACCESS_MARKDOWN_FILE = 'ACCESS.md';
/** The JSON map's file name. */
export const ACCESS_JSON_FILE = 'access.json';

/**
 * Where the JSON map goes for an output folder: in a sibling folder
 * `<outdir>-traffic/` (`dist-traffic/access.json`), never inside it. Anything
 * that reads the output folder recursively (`kubectl apply -R -f dist/`, an
 * Argo CD directory app with `recurse: true`, `cdk8s-netkit check dist/`)
 * takes every `.json` file for a manifest and fails on one that is not.
 * In a Helm chart it goes to the chart root, which Helm does not render.
 */
export function accessJsonPath(outdir: string): string {
  if (isHelmTemplatesDir(outdir)) return join(dirname(resolve(outdir)), ACCESS_JSON_FILE);
  const absolute = resolve(outdir);
  return join(dirname(absolute), `${basename(absolute)}-traffic`, ACCESS_JSON_FILE);
}

/** What {@link writeTrafficMap} wrote. */
export interface WrittenTrafficMap {
  readonly map: TrafficMap;
  /** The paths written, Markdown first. */
  readonly files: readonly string[];
}

/**
 * Writes `ACCESS.md` into `outdir` and `access.json` beside it (see
 * {@link accessJsonPath}) for everything below `scope`, normally the App
 * right after `app.synth()`. In a Helm chart (`cdk8s synth --format helm`
 * writes the manifests to `<chart>/templates`) both go to the chart root:
 * Helm renders every file in templates/.
 */
export function writeTrafficMap(scope: TrafficMapInput, outdir: string, options: TrafficMapOptions = {}): WrittenTrafficMap {
  const map = trafficMap(scope, options);
  const markdown = join(isHelmTemplatesDir(outdir) ? dirname(resolve(outdir)) : resolve(outdir), ACCESS_MARKDOWN_FILE);
  const json = accessJsonPath(outdir);
  mkdirSync(dirname(markdown), { recursive: true });
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(markdown, renderMarkdown(map));
  writeFileSync(json, renderJson(map));
  return { map, files: [markdown, json] };
}
