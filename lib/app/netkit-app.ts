import { readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { isClusterAddonChart } from '../core/addon-chart';
import { isNetkitChart } from '../core/chart';
import { registerDefaultPolicies } from '../policy/enforce';
import { stripClusterScopedNamespace } from '../core/cluster-scoped';
import { NetkitError, throwIfProblems } from '../core/errors';
import { netkitAppPropProblems } from './app-props-validation';
import { collectLocalFiles, LocalFile } from '../core/local-files';
import { checkProps } from '../core/props';
import { setKubernetesVersion } from '../core/kubernetes-version';
import { prepareApp } from '../core/prepare';
import { cachedApiObjectJson, constructsBelow, sharingFindAll, takeApiObjectJson, withSerializedOnce } from '../core/synthesized';
import { manifestFiles, writeKustomization } from '../gitops/kustomization';
import { isHelmTemplatesDir } from '../gitops/output-layout';
import { accessJsonPath, ACCESS_MARKDOWN_FILE, writeTrafficMap } from '../traffic/write';
import { renderJson, renderMarkdown } from '../traffic/markdown';
import { trafficMap } from '../traffic/traffic-map';
import { appScopeValidation } from './app-scope';
import { routingFiles } from './file-routing';
import { OutputTransaction, projectDirectory, recoverInterruptedPublish, transactionDirectory } from './output-transaction';
import { appSourceFile, generatedHeader, mirrorForCdk8sCli, publishOutdir, stageLocalFiles } from './publish';
import { NetkitAppProps } from './props';
import { dependencyOrder } from './topology';
import { countValues, serializingSmallDocumentsFirst, skippingUnusedTagScan, smallestFirst } from './yaml-serialization';

/** The add-on folder's default name, beside the output folder. */
export const CLUSTER_ADDONS_FOLDER = 'cluster-addons';

type SynthChart = (chart: Chart) => any[];

/** What errors about the app itself name as their path: the root construct's path is empty. */
const APP_PATH = 'app';

/**
 * The library's recommended App: a cdk8s App whose output is safe to commit
 * and to apply, and whose synth stays linear in the number of charts.
 *
 * Safe to commit: it publishes all or nothing. Everything (manifests,
 * add-ons, the Kustomization, the traffic map, local Secret files) is
 * written to a staging folder under `.netkit/synth/`, and swapped into
 * place by renames only after validation and every write succeeded; a
 * journal lets the next run finish a swap a killed process left half done,
 * and folders the last publish wrote but this one does not are removed
 * (docs/output.md).
 *
 * Safe to apply: ClusterAddonCharts go to the add-on folder, and app charts
 * may hold nothing cluster-wide, so `kubectl apply -f dist/` changes only the
 * apps' namespaces (docs/apply.md).
 *
 * Linear: stock `App.synth()` validates the app and resolves its
 * dependencies, then writes each chart with `chart.toJson()`, and each of
 * those calls resolves and validates the whole App again: with one chart per
 * service that is charts × constructs (134 s for 5,000 charts). Nothing
 * changes between charts of one synth, so in a NetkitApp `chart.toJson()`
 * only orders and serializes its own chart: the app is validated once,
 * before any file is written. Every `toJson` override still runs
 * (NetkitChart strips the namespace of cluster-scoped objects there), and
 * each object is serialized once per synth, shared with validations that
 * read `synthesizedObjects` (the policy checks, which a NetkitApp runs in every synth unless
 * `policies: false`). The
 * objects written are those a stock App writes, each file with a
 * generated-file header in front.
 */
export class NetkitApp extends App {
  /** The add-on folder (see {@link NetkitAppProps.addonsOutdir}). */
  public readonly addonsOutdir: string;
  /** Set while `synth()` runs with a layout whose files do not depend on the order charts are written in. */
  private smallChartsFirst = false;
  /** The chart cdk8s is serializing, for routing its file. */
  private writingChart?: Chart;
  private readonly localFiles: LocalFile[] = [];
  private readonly options: NetkitAppProps;

  constructor(props: NetkitAppProps = {}) {
    checkProps(APP_PATH, 'NetkitAppProps', props);
    super({ ...props, outdir: publishOutdir(props.outdir) });
    this.options = props;
    if (props.kubernetesVersion !== undefined) setKubernetesVersion(this, props.kubernetesVersion);
    const project = projectDirectory(this.outdir);
    this.addonsOutdir = props.addonsOutdir ?? join(project, CLUSTER_ADDONS_FOLDER);
    throwIfProblems(APP_PATH, netkitAppPropProblems(props, this.outdir, this.addonsOutdir));
    // A publish a killed process left half done is finished before anything else reads the output.
    recoverInterruptedPublish(transactionDirectory(this.outdir));
    collectLocalFiles(this, { resolveDirectory: (d) => resolve(project, d), collect: (f) => this.localFiles.push(f) });
    if (!props.allowClusterWideObjects) this.node.addValidation(appScopeValidation(this));
    // On by default, so no new user's app ships what the API server rejects; opting out is explicit.
    if (props.policies !== false) registerDefaultPolicies(this, props.policies === true || props.policies === undefined ? {} : props.policies);
  }

  /**
   * All the charts in this app, sorted topologically (as the stock App orders
   * them). While `synth()` writes one file per chart, see {@link writeOrder}.
   */
  public get charts(): Chart[] {
    const charts = dependencyOrder(this).filter((c): c is Chart => c instanceof Chart);
    return this.smallChartsFirst ? writeOrder(this, charts) : charts;
  }

  /**
   * Synthesizes all manifests, resolving and validating the app once, and
   * publishes them with the add-ons, Kustomization, traffic map and local
   * files all at once: on any error nothing published changes.
   */
  public synth(): void {
    const published = this.outdir;
    const transaction = new OutputTransaction(transactionDirectory(published));
    const writable = this as { outdir: string };
    try {
      writable.outdir = transaction.stage(published);
      this.writeStaged(transaction, published);
    } catch (error) {
      transaction.abort();
      throw error;
    } finally {
      writable.outdir = published;
    }
    transaction.commit();
    if (this.options.trafficMap && isHelmTemplatesDir(published)) writeTrafficMap(this, published);
    mirrorForCdk8sCli(published);
  }

  private writeStaged(transaction: OutputTransaction, published: string): void {
    const staged = this.outdir;
    const addonCharts = this.node.findAll().filter((c): c is Chart => c instanceof Chart && isClusterAddonChart(c));
    if (addonCharts.length > 0 && this.yamlOutputType === YamlOutputType.FILE_PER_APP) {
      throw new NetkitError(APP_PATH, {
        field: 'yamlOutputType', message: 'is FILE_PER_APP, which writes add-on charts and app charts into one file.', value: 'FILE_PER_APP',
        allowed: 'FILE_PER_CHART, FILE_PER_RESOURCE, FOLDER_PER_CHART_FILE_PER_RESOURCE', fix: 'use the default FILE_PER_CHART.',
      });
    }
    const addons = addonCharts.length > 0 ? transaction.stage(this.addonsOutdir) : undefined;
    const routing = {
      appFolder: staged, addonFolder: addons ?? staged, addonFolderShown: basename(this.addonsOutdir), hasAddons: addons !== undefined,
      header: generatedHeader(this.options.generatedFrom ?? appSourceFile()), currentChart: () => this.writingChart,
    };
    const { folders } = routingFiles(routing, () => this.resolvingOnce(() => this.strippingInEveryLayout(
      () => this.writingSmallChartsFirst(() => serializing(() => super.synth())))));
    removeEmptyFolders(staged);
    // In a Helm chart's templates/ (`cdk8s synth --format helm`) Helm reads every file: no Kustomization, and the map goes to the chart root.
    const helm = isHelmTemplatesDir(published);
    if (this.options.kustomization && !helm) {
      for (const folder of new Set([staged, ...folders])) writeKustomization(folder);
    }
    if (this.options.trafficMap && !helm) {
      const map = trafficMap(this);
      writeFileSync(join(staged, ACCESS_MARKDOWN_FILE), renderMarkdown(map));
      const json = accessJsonPath(published);
      writeFileSync(join(transaction.stage(dirname(json)), basename(json)), renderJson(map));
    }
    stageLocalFiles(transaction, this.localFiles);
    if (manifestFiles(staged).length === 0 && addons === undefined) {
      // An empty dist/ would make Argo CD or Flux (with prune) delete everything deployed.
      throw new NetkitError(APP_PATH, {
        field: 'charts', message: 'produced no manifest, so nothing was published.', fix: 'add a chart with objects, or check the synth.',
      });
    }
  }

  /**
   * With one file per chart (and no construct-metadata file, which lists
   * objects in chart order), the files are the same whatever order the charts
   * are written in, so {@link writeOrder} may write the small ones first.
   */
  private writingSmallChartsFirst<T>(work: () => T): T {
    const recordsMetadata = (this as unknown as { recordConstructMetadata?: boolean }).recordConstructMetadata !== false;
    if (this.yamlOutputType !== YamlOutputType.FILE_PER_CHART || recordsMetadata) return work();
    this.smallChartsFirst = true;
    try {
      return work();
    } finally {
      this.smallChartsFirst = false;
    }
  }

  /** All charts as one YAML string, resolving and validating the app once. */
  public synthYaml(): string {
    return this.resolvingOnce(() => serializing(() => super.synthYaml()));
  }

  /**
   * With FOLDER_PER_CHART_FILE_PER_RESOURCE, cdk8s writes `apiObject.toJson()`
   * without `chart.toJson()`, so NetkitChart could not take the chart
   * namespace off cluster-scoped objects (the API server rejects it). For that
   * layout only, and only during the synth, objects of a NetkitChart are
   * stripped as they serialize: the one place NetkitApp writes something else
   * than a stock App would.
   */
  private strippingInEveryLayout<T>(work: () => T): T {
    if (this.yamlOutputType !== YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE) return work();
    const prototype = ApiObject.prototype;
    const stock = prototype.toJson;
    const app = this;
    prototype.toJson = function (this: ApiObject) {
      const json = stock.call(this);
      const chart = Chart.of(this);
      app.writingChart = chart;
      return isNetkitChart(chart) ? stripClusterScopedNamespace(json) : json;
    };
    try {
      return work();
    } finally {
      prototype.toJson = stock;
    }
  }

  /**
   * Runs `work` (the stock synth, which validates and resolves dependencies
   * first) with `chart.toJson()` (cdk8s' internal `App._synthChart`) no
   * longer repeating that for each chart of this app. Charts of other apps
   * keep the stock behaviour.
   */
  private resolvingOnce<T>(work: () => T): T {
    // Objects derived from the whole app (an isolated namespace's NetworkPolicies) exist before the checks read them.
    prepareApp(this);
    const holder = App as unknown as { _synthChart: SynthChart };
    const stock = holder._synthChart;
    if (typeof stock !== 'function') {
      // A cdk8s without the hook: stock behaviour, just slower.
      return work();
    }
    holder._synthChart = (chart: Chart) => {
      if (App.of(chart) !== this) return stock.call(App, chart);
      this.writingChart = chart;
      return chartApiObjects(chart).map(takeApiObjectJson);
    };
    try {
      return withSerializedOnce(() => sharingFindAll(this, work));
    } finally {
      holder._synthChart = stock;
    }
  }
}

/**
 * The ApiObjects a chart writes, in dependency order: the same list as
 * cdk8s' module-private `chartToKube` (objects of nested charts go to those charts).
 */
export function chartApiObjects(chart: Chart): ApiObject[] {
  return dependencyOrder(chart)
    .filter((c): c is ApiObject => c instanceof ApiObject)
    .filter((apiObject) => Chart.of(apiObject) === chart);
}

/**
 * The order `synth()` writes one-file-per-chart charts in: the stock order,
 * stably sorted by size, smallest first (values in the objects' JSON when
 * the synth has it already, as after policy checks, else in their props,
 * where a Lazy counts as one). The
 * files are the same; what changes is the memory the write needs. The YAML
 * library builds a whole document before printing it, so a large document
 * (an Ingress with thousands of rules) keeps its nodes alive for long, and
 * V8 then allocates everything the library creates at those sites directly
 * in the old generation (allocation-site pretenuring), for the rest of the
 * process: written after it, thousands of small charts pile up garbage
 * there until the next full collection (measured: ~100 MB for 5,000 charts).
 * Written last, the large document comes after the small ones taught V8
 * that those sites' objects die young.
 *
 * The stock order is kept when it shows in the output: with chart
 * dependencies cdk8s numbers the files in that order (any construct
 * dependency or nested chart counts, conservatively). File names do not
 * depend on it: cdk8s names a chart's file after its id, with a hash of the
 * id when it had to change it, so two charts never share a file.
 */
function writeOrder(app: App, charts: Chart[]): Chart[] {
  if (charts.length < 2) return charts;
  const weights = new Map<Chart, number>();
  for (const chart of charts) {
    if (chart.node.scope !== app || chart.node.dependencies.length > 0) return charts;
    weights.set(chart, 0);
  }
  for (const construct of constructsBelow(app)) {
    if (construct.node.dependencies.length > 0) return charts;
    if (!(construct instanceof ApiObject)) continue;
    const chart = Chart.of(construct);
    const json = cachedApiObjectJson(construct) ?? (construct as unknown as { props?: unknown }).props;
    weights.set(chart, (weights.get(chart) ?? 0) + countValues(json));
  }
  return smallestFirst(charts, (chart) => weights.get(chart) ?? 0);
}

/** cdk8s' serialization with NetkitApp's changes: the same bytes (see yaml-serialization.ts). */
function serializing<T>(work: () => T): T {
  return serializingSmallDocumentsFirst(() => skippingUnusedTagScan(work));
}

/** Removes empty folders below `folder` (cdk8s creates one per chart with FOLDER_PER_CHART_FILE_PER_RESOURCE, add-on charts included). */
function removeEmptyFolders(folder: string): void {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (!statSync(path).isDirectory()) continue;
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}
