import { ApiObject, App, AppProps, Chart, YamlOutputType } from 'cdk8s';
import { isNetkitChart } from '../core/chart';
import { stripClusterScopedNamespace } from '../core/cluster-scoped';
import { checkProps } from '../core/props';
import { cachedApiObjectJson, takeApiObjectJson, withSerializedOnce } from '../core/synthesized';
import { dependencyOrder } from './topology';
import { countValues, serializingSmallDocumentsFirst, skippingUnusedTagScan, smallestFirst } from './yaml-serialization';

/** The same props as a cdk8s App: outdir, outputFileExtension, yamlOutputType, resolvers, recordConstructMetadata. */
export interface NetkitAppProps extends AppProps {}

type SynthChart = (chart: Chart) => any[];

/**
 * The library's recommended App: a cdk8s App whose synth stays linear in the
 * number of charts, and writes exactly the files a stock `App` writes.
 *
 * Stock `App.synth()` validates the app and resolves its dependencies, then
 * writes each chart with `chart.toJson()`, and each of those calls resolves
 * and validates the whole App again: with one chart per service that is
 * charts × constructs (134 s for 5,000 charts). Nothing changes between
 * charts of one synth, so in a NetkitApp `chart.toJson()` only orders and
 * serializes its own chart: the app is validated once, before any file is
 * written. Every `toJson` override still runs (NetkitChart strips the
 * namespace of cluster-scoped objects there), and each object is serialized
 * once per synth, shared with validations that read `synthesizedObjects`
 * (the policy checks of `enforcePolicies`).
 */
export class NetkitApp extends App {
  /** Set while `synth()` runs with a layout whose files do not depend on the order charts are written in. */
  private smallChartsFirst = false;

  constructor(props: NetkitAppProps = {}) {
    checkProps('NetkitApp', 'NetkitAppProps', props);
    super(props);
  }

  /**
   * All the charts in this app, sorted topologically (as the stock App orders
   * them). While `synth()` writes one file per chart, see {@link writeOrder}.
   */
  public get charts(): Chart[] {
    const charts = dependencyOrder(this.node).filter((c): c is Chart => c instanceof Chart);
    return this.smallChartsFirst ? writeOrder(this, charts) : charts;
  }

  /** Synthesizes all manifests to the output directory, resolving and validating the app once. */
  public synth(): void {
    this.resolvingOnce(() => this.strippingInEveryLayout(() => this.writingSmallChartsFirst(() => serializing(() => super.synth()))));
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
    prototype.toJson = function (this: ApiObject) {
      const json = stock.call(this);
      return isNetkitChart(Chart.of(this)) ? stripClusterScopedNamespace(json) : json;
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
    const holder = App as unknown as { _synthChart: SynthChart };
    const stock = holder._synthChart;
    if (typeof stock !== 'function') {
      // A cdk8s without the hook: stock behaviour, just slower.
      return work();
    }
    holder._synthChart = (chart: Chart) => {
      if (App.of(chart) !== this) return stock.call(App, chart);
      return chartApiObjects(chart).map(takeApiObjectJson);
    };
    try {
      return withSerializedOnce(work);
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
  return dependencyOrder(chart.node)
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
  for (const construct of app.node.findAll()) {
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
