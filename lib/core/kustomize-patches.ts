import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * The files that the kustomization.yaml of their own folder lists as patches
 * (patchesStrategicMerge, patches[].path, patchesJson6902[].path): fragments
 * that kustomize merges into a base, never applied alone, so checking them as
 * objects reports a Deployment without a selector or containers.
 */
export function kustomizePatchFiles(files: readonly string[]): Set<string> {
  const patches = new Set<string>();
  for (const dir of new Set(files.map((f) => dirname(resolve(f))))) {
    const kustomization = KUSTOMIZATION_FILES.map((name) => join(dir, name)).find((path) => existsSync(path));
    if (!kustomization) continue;
    let config: any;
    try {
      config = parse(readFileSync(kustomization, 'utf8'));
    } catch {
      continue; // an unreadable kustomization is kustomize's to report; its folder is checked as it is
    }
    const paths = [
      ...(Array.isArray(config?.patchesStrategicMerge) ? config.patchesStrategicMerge : []),
      ...[config?.patches, config?.patchesJson6902].flatMap((list) => Array.isArray(list) ? list.map((p: any) => p?.path) : []),
    ].filter((p): p is string => typeof p === 'string');
    for (const path of paths) patches.add(resolve(dir, path));
  }
  return patches;
}

/** A strategic-merge-patch directive (`$patch: delete`) anywhere at the top of the object or its spec. */
export function isPatchFragment(manifest: any): boolean {
  return manifest?.$patch !== undefined || manifest?.spec?.$patch !== undefined;
}
