import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Chart, Yaml } from 'cdk8s';
import { CLUSTER_ADDON_STAGE_FOLDERS, clusterAddonHeader, isClusterAddonChart } from '../core/addon-chart';

/** Writes one manifest file (an object, so a test can watch the order files are written in). */
export const manifestWriter = {
  write(file: string, content: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content, { encoding: 'utf8' });
  },
};

/** Where the files of one synth go. */
export interface FileRouting {
  /** The staged app output folder, where cdk8s writes. */
  readonly appFolder: string;
  /** The staged add-on folder; its stage subfolders are created as needed. */
  readonly addonFolder: string;
  /** The add-on folder as users name it, for the apply hint in the headers (`cluster-addons`). */
  readonly addonFolderShown: string;
  /** The first line of every file. */
  readonly header: string;
  /** Whether the app has ClusterAddonCharts: their files must never land in the app folder. */
  readonly hasAddons: boolean;
  /** The chart whose objects cdk8s is writing now. */
  currentChart(): Chart | undefined;
}

/**
 * Runs `work` (cdk8s' synth) with `Yaml.save`, which cdk8s writes every
 * manifest file with, giving each file the generated-file header and moving
 * the files of ClusterAddonCharts to their stage folder of the add-on
 * folder. With chart dependencies cdk8s numbers files across all charts
 * (`0000-…`); each folder is renumbered from 0000 in the same order, so
 * dist/ has no gaps where add-ons were. Returns the folders written to.
 */
export function routingFiles<T>(routing: FileRouting, work: () => T): { result: T; folders: string[] } {
  const stock = Yaml.save;
  const counters = new Map<string, number>();
  let saves = 0;
  Yaml.save = (filePath: string, docs: any[]): void => {
    const chart = routing.currentChart();
    if (chart === undefined && routing.hasAddons) {
      // A cdk8s whose internals NetkitApp cannot hook: which chart a file belongs to is unknown.
      throw new Error('cdk8s-netkit: cannot tell which chart this file belongs to, so add-on charts cannot be kept out of the output folder; nothing was published.');
    }
    const addon = chart !== undefined && isClusterAddonChart(chart) ? chart : undefined;
    let folder = routing.appFolder;
    let header = routing.header;
    if (addon) {
      const stageFolder = CLUSTER_ADDON_STAGE_FOLDERS[addon.stage];
      folder = join(routing.addonFolder, stageFolder);
      header += clusterAddonHeader(addon, `${routing.addonFolderShown}/${stageFolder}/`);
    }
    let path = relative(routing.appFolder, filePath);
    // cdk8s numbers FILE_PER_CHART files `0000-<chart>` in write order when charts depend on each other.
    const indexed = /^(\d{4})-/.exec(path);
    if (indexed && !path.includes('/') && Number(indexed[1]) === saves) {
      const index = counters.get(folder) ?? 0;
      counters.set(folder, index + 1);
      path = `${String(index).padStart(4, '0')}-${path.slice(5)}`;
    }
    saves++;
    manifestWriter.write(join(folder, path), header + Yaml.stringify(...docs));
    counters.set(folder, counters.get(folder) ?? 0);
  };
  try {
    const result = work();
    return { result, folders: [...counters.keys()] };
  } finally {
    Yaml.save = stock;
  }
}
