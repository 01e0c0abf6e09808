import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { stripClusterScopedNamespace } from './cluster-scoped';

/** One Kubernetes object as it will be written, with where it came from. */
export interface SynthesizedObject {
  /** The object as JSON, exactly as it is written to the manifest. */
  readonly manifest: any;
  /** The construct path of the ApiObject (`dev/pc-deployment/Deployment`). */
  readonly constructPath?: string;
  /** The id of the chart it is written with (the manifest file's name). */
  readonly chart?: string;
}

/**
 * Every ApiObject below `scope` (an App, a Chart, any construct), rendered to
 * JSON without running the app-wide validation that `chart.toJson()` repeats
 * per chart. Cluster-scoped objects lose the chart namespace, as in the files.
 */
export function synthesizedObjects(scope: IConstruct): SynthesizedObject[] {
  const out: SynthesizedObject[] = [];
  for (const node of scope.node.findAll()) {
    if (!ApiObject.isApiObject(node)) continue;
    const chart = Chart.of(node);
    out.push({
      manifest: stripClusterScopedNamespace(node.toJson()),
      constructPath: node.node.path,
      chart: chart.node.id,
    });
  }
  return out;
}
