import { ApiObject, Chart } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { ClusterAddonChart, isClusterAddonChart } from '../core/addon-chart';
import { ConstructReports } from '../core/construct-reports';
import { formatProblem, Problem } from '../core/errors';
import { isClusterScoped } from '../core/cluster-scoped';
import { constructsBelow } from '../core/synthesized';

/** Namespaces the cluster's own components live in: an app's output never writes there. */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

const TO_ADDON_CHART = 'move it to a ClusterAddonChart (written to cluster-addons/, applied as a deliberate step), '
  + 'or set allowClusterWideObjects: true on the NetkitApp.';

/**
 * Why an object may not be written where its chart goes: in an app chart,
 * anything `kubectl apply -f dist/` would create outside the apps' own
 * namespaces; in an add-on chart, a kind in the wrong stage.
 */
export function appScopeProblems(apiObject: ApiObject, chart: Chart): Problem[] {
  const kind = apiObject.kind;
  if (isClusterAddonChart(chart)) return addonStageProblems(kind, chart);
  const name = apiObject.metadata.name;
  if (kind === 'Namespace') {
    return SYSTEM_NAMESPACES.includes(name ?? '') ? [{ field: 'metadata.name', message: `declares the system namespace "${name}" in an app chart.`, value: name, fix: TO_ADDON_CHART }] : [];
  }
  if (isClusterScoped(kind)) {
    return [{ field: 'kind', message: `${kind} "${name}" is cluster-scoped: applying dist/ would change the whole cluster, not an app's namespace.`, value: kind, fix: TO_ADDON_CHART }];
  }
  // An object without a namespace goes to the namespace of kubectl's context: the user's choice, not checked here.
  const namespace = apiObject.metadata.namespace;
  if (namespace !== undefined && SYSTEM_NAMESPACES.includes(namespace)) {
    return [{ field: 'metadata.namespace', message: `${kind} "${name}" is in the system namespace "${namespace}".`, value: namespace, fix: TO_ADDON_CHART }];
  }
  return [];
}

/**
 * What the crds stage may hold besides CRDs: built-in admission policies that guard the CRDs themselves
 * (Gateway API's bundle ships its safe-upgrades ValidatingAdmissionPolicy beside its CRDs, and upstream
 * applies them in one pass); they use no custom resource, so nothing waits for them.
 */
const CRD_STAGE_KINDS = ['CustomResourceDefinition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'];

function addonStageProblems(kind: string, chart: ClusterAddonChart): Problem[] {
  const isCrd = kind === 'CustomResourceDefinition';
  if (chart.stage === 'crds' && !CRD_STAGE_KINDS.includes(kind)) {
    return [{ field: 'stage', message: `is "crds" but the chart holds a ${kind}: that stage is applied alone, before anything that uses the CRDs.`, value: kind, allowed: CRD_STAGE_KINDS.join(', '), fix: 'move the object to an add-on chart with stage "install".' }];
  }
  if (chart.stage === 'install' && isCrd) {
    return [{ field: 'stage', message: 'is "install" but the chart holds a CustomResourceDefinition: custom resources applied in the same pass fail until it is Established.', value: kind, fix: 'put CRDs in a ClusterAddonChart with stage: "crds".' }];
  }
  return [];
}

/** The validation NetkitApp runs before writing anything: one message per misplaced object. */
export function appScopeValidation(app: IConstruct): IValidation {
  const reports = new ConstructReports();
  return {
    validate: () => {
      reports.reset();
      for (const construct of constructsBelow(app)) {
        if (!(construct instanceof ApiObject)) continue;
        // Reported under the object itself, so each message names its construct path once.
        for (const problem of appScopeProblems(construct, Chart.of(construct))) reports.report(construct, formatProblem(problem));
      }
      return [];
    },
  };
}
