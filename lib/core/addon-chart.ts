import { ApiObject, Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { NetkitChart, NetkitChartProps } from './chart';
import { NetkitError } from './errors';
import type { PropShapeName } from './props';

/**
 * When a cluster add-on is applied, relative to the others. `crds` holds
 * CustomResourceDefinitions only: they must be Established before a custom
 * resource of their kinds can be created, which one `kubectl apply` pass
 * cannot do (it maps every kind before creating anything). `install` holds
 * the rest: controllers, their RBAC, classes, webhooks, cluster settings.
 */
export type ClusterAddonStage = 'crds' | 'install';

/** The folder of each stage below the add-on folder, in the order they are applied. */
export const CLUSTER_ADDON_STAGE_FOLDERS: Readonly<Record<ClusterAddonStage, string>> = { crds: '1-crds', install: '2-install' };

/** What applying one add-on changes in a cluster, and how to tell it is ready. */
export interface ClusterChange {
  /** One sentence, written at the top of the add-on's file: what applying it changes beyond an app's namespace. */
  readonly changes: string;
  /** Shell commands that return once the add-on serves (`kubectl wait …`), run before the next stage or the apps. */
  readonly readyWhen?: readonly string[];
}

export interface ClusterAddonChartProps extends NetkitChartProps {
  /**
   * What applying this chart changes in a cluster, for the header of its file
   * (the constructs in it add their own: IngressNginx, KubeProxyConfig …).
   * @default - only what its constructs declare
   */
  readonly changes?: string;
  /**
   * When this chart is applied: `crds` for CustomResourceDefinitions (applied and
   * Established first), `install` for everything else.
   * @default 'install'
   */
  readonly stage?: ClusterAddonStage;
}

const declared = new WeakMap<IConstruct, ClusterChange[]>();

/**
 * A chart of cluster add-ons: objects that change the cluster beyond the
 * apps' namespaces (cluster-wide RBAC, IngressClasses, admission webhooks,
 * CRDs, kube-system settings). A NetkitApp writes it to its add-on folder
 * (`cluster-addons/<stage>/`), never to dist/, so applying dist/ touches
 * only the apps; each file starts with what applying it changes.
 */
export class ClusterAddonChart extends NetkitChart {
  protected static readonly propsShape: PropShapeName = 'ClusterAddonChartProps';

  /** When the chart is applied. */
  public readonly stage: ClusterAddonStage;

  constructor(scope: Construct, id: string, props: ClusterAddonChartProps = {}) {
    super(scope, id, props);
    this.stage = props.stage ?? 'install';
    // The stage names the folder the chart is written to and when it is applied: another value has neither.
    if (!Object.prototype.hasOwnProperty.call(CLUSTER_ADDON_STAGE_FOLDERS, this.stage)) {
      throw new NetkitError(this, {
        field: 'stage', message: 'is not a stage add-on charts are applied in.', value: this.stage,
        allowed: Object.keys(CLUSTER_ADDON_STAGE_FOLDERS).join(', '), fix: 'use "crds" for CustomResourceDefinitions, "install" (the default) for everything else.',
      });
    }
    if (props.changes !== undefined) declareClusterChange(this, { changes: props.changes });
  }
}

/** Whether a chart is a ClusterAddonChart (not `instanceof`: a Chart answers that for every chart). */
export function isClusterAddonChart(chart: Chart): chart is ClusterAddonChart {
  return ClusterAddonChart.prototype.isPrototypeOf(chart);
}

/** Records what a construct changes in a cluster when applied; an add-on chart's file header lists it. */
export function declareClusterChange(scope: IConstruct, change: ClusterChange): void {
  const list = declared.get(scope) ?? [];
  list.push(change);
  declared.set(scope, list);
}

/** What applying a chart changes: the chart's own statement, then its constructs', in tree order. */
export function clusterChanges(chart: Chart): ClusterChange[] {
  return chart.node.findAll().flatMap((c) => declared.get(c) ?? []);
}

/** The comment a NetkitApp writes above the objects of an add-on chart (after the generated-file line). */
export function clusterAddonHeader(chart: ClusterAddonChart, folder: string): string {
  const changes = clusterChanges(chart);
  const lines = [
    `# Cluster add-on "${chart.node.id}": applying this file changes the cluster beyond the apps' namespaces.`,
    ...(changes.length > 0 ? changes : [{ changes: 'it creates or replaces every object below, cluster-wide ones included.' }])
      .flatMap((c) => wrapComment(c.changes, '#   - ', '#     ')),
    `# Apply deliberately, before the apps: kubectl apply --server-side -f ${folder} (see docs/apply.md).`,
  ];
  const waits = changes.flatMap((c) => c.readyWhen ?? []);
  const crds = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && c.kind === 'CustomResourceDefinition');
  if (crds.length > 0) waits.unshift(`kubectl wait --for=condition=Established --timeout=60s ${crds.map((c) => `crd/${c.name}`).join(' ')}`);
  if (waits.length > 0) lines.push('# Ready when these return:', ...waits.map((w) => `#   ${w}`));
  return lines.join('\n') + '\n';
}

/** Words of `text` as comment lines of at most ~100 characters, the first with `first` in front, the rest with `rest`. */
function wrapComment(text: string, first: string, rest: string, width = 100): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/)) {
    const prefix = lines.length === 0 ? first : rest;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = line.length > prefix.length ? `${line} ${word}` : line + word;
    }
  }
  lines.push(line);
  return lines;
}
