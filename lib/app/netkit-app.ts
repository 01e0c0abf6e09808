import { ApiObject, App, AppProps, Chart } from 'cdk8s';
import { dependencyOrder } from './topology';

/** The same props as a cdk8s App: outdir, outputFileExtension, yamlOutputType, resolvers, recordConstructMetadata. */
export interface NetkitAppProps extends AppProps {}

type SynthChart = (chart: Chart) => any[];

/**
 * The library's recommended App: a cdk8s App whose synth stays linear in the
 * number of charts, and writes exactly the files a stock `App` writes.
 *
 * Stock `App.synth()` serializes each chart with `chart.toJson()`, and each of
 * those calls re-resolves dependencies and re-validates the whole App: with one
 * chart per service that is charts × constructs (134 s for 5,000 charts).
 * Resolution and validation do not change between two charts of one synth, so
 * NetkitApp lets the first `chart.toJson()` do them, as stock does, and the
 * following ones only order and serialize their own chart. Every `toJson`
 * override still runs (NetkitChart strips the namespace of cluster-scoped
 * objects there), and a validation error still throws before any file is written.
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
    this.resolvingOnce(() => super.synth());
  }

  /** All charts as one YAML string, resolving and validating the app once. */
  public synthYaml(): string {
    return this.resolvingOnce(() => super.synthYaml());
  }

  /**
   * Runs `work` with `chart.toJson()` (cdk8s' internal `App._synthChart`)
   * doing the app-wide resolution and validation only on its first call for
   * this app. Charts of other apps keep the stock behaviour.
   */
  private resolvingOnce<T>(work: () => T): T {
    const holder = App as unknown as { _synthChart: SynthChart };
    const stock = holder._synthChart;
    if (typeof stock !== 'function') {
      // A cdk8s without the hook: stock behaviour, just slower.
      return work();
    }
    let resolved = false;
    holder._synthChart = (chart: Chart) => {
      if (App.of(chart) !== this) return stock.call(App, chart);
      if (!resolved) {
        const json = stock.call(App, chart);
        resolved = true;
        return json;
      }
      return chartApiObjects(chart).map((apiObject) => apiObject.toJson());
    };
    try {
      return work();
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
