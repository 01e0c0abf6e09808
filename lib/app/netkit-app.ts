import { ApiObject, App, AppProps, Chart, YamlOutputType } from 'cdk8s';
import { NetkitChart } from '../core/chart';
import { stripClusterScopedNamespace } from '../core/cluster-scoped';
import { takeApiObjectJson, withSerializedOnce } from '../core/synthesized';
import { dependencyOrder } from './topology';

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
  constructor(props: NetkitAppProps = {}) {
    super(props);
  }

  /** All the charts in this app, sorted topologically (as the stock App orders them). */
  public get charts(): Chart[] {
    return dependencyOrder(this.node).filter((c): c is Chart => c instanceof Chart);
  }

  /** Synthesizes all manifests to the output directory, resolving and validating the app once. */
  public synth(): void {
    this.resolvingOnce(() => this.strippingInEveryLayout(() => super.synth()));
  }

  /** All charts as one YAML string, resolving and validating the app once. */
  public synthYaml(): string {
    return this.resolvingOnce(() => super.synthYaml());
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
      // Not `instanceof`: cdk8s' Chart answers it with isChart, true for every Chart.
      return NetkitChart.prototype.isPrototypeOf(Chart.of(this)) ? stripClusterScopedNamespace(json) : json;
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
