import { ApiObject, Chart, ChartProps, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { IsolationOptions, isolationOptionProblems } from '../isolation/isolation-options';
import type { NamespaceIsolation } from '../isolation/isolation';
import { isPodSecurityLevel, POD_SECURITY_LEVELS, PodSecurityLevel } from '../isolation/pod-security';
import { derivePodSecurity, DerivedPodSecurity, POD_SECURITY_REASONS_ANNOTATION, podSecurityLabels } from '../isolation/pod-security-labels';
import { oncePerSynth } from './synthesized';
import { targetKubernetesVersionText } from './kubernetes-version';
import { prepareApp } from './prepare';
import { NetkitError, throwIfProblems } from './errors';
import { labelProblems } from './metadata-validation';
import { DNS1123_LABEL_RULE, isDns1123Label } from './names';
import { stripClusterScopedNamespace } from './cluster-scoped';
import { LABEL_MANAGED_BY, MANAGED_BY } from './labels';
import { checkProps, PropShapeName } from './props';
import { compactNodes } from './compact-node';
import { withOwnKeys } from './own-keys';

/** Namespaces every cluster already has; declaring them again would fight their owners. */
export const BUILT_IN_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export interface NetkitChartProps extends Omit<ChartProps, 'disableResourceNameHashes'> {
  /**
   * Whether the chart declares its Namespace object, first in its file, so
   * `kubectl apply -f dist/` creates it before the objects in it.
   * @default - true for a namespace other than default, kube-system, kube-public and kube-node-lease
   */
  readonly createNamespace?: boolean;
  /**
   * Labels for the Namespace object.
   * @default - none
   */
  readonly namespaceLabels?: Record<string, string>;
  /**
   * The Pod Security Admission level written on the Namespace (`pod-security.kubernetes.io/enforce`,
   * `audit` and `warn`, each pinned to the target Kubernetes minor version), so the cluster
   * rejects pods less locked down than the ones this chart makes. `false` writes no label
   * (the cluster's default applies: privileged unless configured).
   * @default - `restricted` when every WebApp in the chart has the restricted security profile, `baseline` otherwise
   */
  readonly podSecurity?: PodSecurityLevel | false;
  /**
   * Isolates the namespace: a default-deny NetworkPolicy, plus one policy per path
   * the app declares (ingress controller or Gateway data plane → routed backends,
   * NodePort and LoadBalancer entry, `allowFrom`/`allowTo`). Needs a CNI that
   * enforces NetworkPolicy (docs/isolation.md). `{}` denies ingress, `{ egress: true }` egress too.
   * @default - no NetworkPolicy: every pod of the cluster may reach the namespace's pods
   */
  readonly isolation?: IsolationOptions;
}

/**
 * A Chart for one namespace. Unlike a plain cdk8s Chart it never stamps the
 * namespace on cluster-scoped objects (the API server rejects that), declares
 * its Namespace, and never appends hashes to generated names (names that
 * change when code moves break immutable selectors and GitOps diffs).
 */
export class NetkitChart extends Chart {
  /** The Namespace object, when the chart declares one. */
  public readonly namespaceObject?: ApiObject;
  /** The namespace's NetworkPolicies, when `isolation` is set. */
  public readonly isolation?: NamespaceIsolation;

  /**
   * The props interface whose keys `props` may hold. Only a class that names
   * its own is checked: a user's subclass passing its own, wider props to
   * `super` must not fail on keys we cannot know.
   */
  protected static readonly propsShape: PropShapeName = 'NetkitChartProps';

  constructor(scope: Construct, id: string, props: NetkitChartProps = {}) {
    super(scope, id, withOwnKeys(props, { disableResourceNameHashes: true }));
    if (Object.prototype.hasOwnProperty.call(new.target, 'propsShape')) {
      checkProps(this, (new.target as unknown as { propsShape: PropShapeName }).propsShape, props);
    }
    useChildTable(this);
    const namespace = props.namespace;
    if (namespace !== undefined && !isDns1123Label(namespace)) {
      throw new NetkitError(this, {
        field: 'namespace', message: 'is not a valid Namespace name.', value: namespace,
        allowed: DNS1123_LABEL_RULE, fix: 'rename the namespace, e.g. "my-team".',
      });
    }
    // The chart's labels go on every object and namespaceLabels on the Namespace: the API server refuses a bad key or value;
    // the Pod Security admission plugin refuses a Namespace whose level is not one it knows.
    throwIfProblems(this, [
      ...labelProblems('labels', props.labels),
      ...labelProblems('namespaceLabels', props.namespaceLabels),
      ...(props.podSecurity === undefined || props.podSecurity === false || isPodSecurityLevel(props.podSecurity) ? [] : [{
        field: 'podSecurity', message: 'is not a Pod Security level; the Pod Security admission plugin refuses the Namespace.', value: props.podSecurity,
        allowed: `${POD_SECURITY_LEVELS.join(', ')}, or false`, fix: 'use "restricted", "baseline" or "privileged" (lowercase), or leave it out to derive it.',
      }]),
    ]);
    const create = props.createNamespace ?? (namespace !== undefined && !BUILT_IN_NAMESPACES.includes(namespace));
    if (create) {
      if (namespace === undefined) {
        throw new NetkitError(this, {
          field: 'createNamespace', message: 'is true but the chart has no namespace.', value: true,
          fix: 'set `namespace`, or drop `createNamespace`.',
        });
      }
      this.namespaceObject = new ApiObject(this, 'Namespace', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: namespace,
          labels: { ...this.podSecurityLabels(props.podSecurity), ...props.namespaceLabels, [LABEL_MANAGED_BY]: MANAGED_BY },
          ...(props.podSecurity === undefined ? { annotations: { [POD_SECURITY_REASONS_ANNOTATION]: Lazy.any({ produce: () => podSecurityReasons(this) }) } } : {}),
        },
      });
    }
    if (props.isolation !== undefined) {
      if (namespace === undefined) {
        throw new NetkitError(this, {
          field: 'isolation', message: 'is set but the chart has no namespace, so there is nothing to isolate.', value: props.isolation,
          fix: 'set `namespace`, or drop `isolation`.',
        });
      }
      throwIfProblems(this, isolationOptionProblems('isolation.', props.isolation));
      // Loaded here, not at the top: the isolation module reads Ingresses, Gateways and add-ons, which import this file.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { NamespaceIsolation: Isolation } = require('../isolation/isolation') as typeof import('../isolation/isolation');
      this.isolation = new Isolation(this, 'Isolation', { ...props.isolation, namespace });
    }
    compactNodes(this);
  }

  public toJson(): any[] {
    prepareApp(this);
    return super.toJson().map(stripClusterScopedNamespace);
  }

  /**
   * The Pod Security labels, their level derived from the chart's pod templates
   * when it is synthesized (workloads are added after the chart). Pinned to
   * the app's target Kubernetes release ({@link targetKubernetesVersionText}).
   */
  private podSecurityLabels(level: PodSecurityLevel | false | undefined): Record<string, string> {
    if (level === false) return {};
    const labels = podSecurityLabels(level ?? 'restricted', targetKubernetesVersionText(this));
    if (level !== undefined) return labels;
    const derived = Lazy.any({ produce: () => chartPodSecurity(this).level });
    for (const key of Object.keys(labels)) if (!key.endsWith('-version')) labels[key] = derived as unknown as string;
    return labels;
  }
}

let podSecurityOncePerSynth: ((chart: Construct) => DerivedPodSecurity) | undefined;

/**
 * The chart's derived Pod Security, once per synth for its Namespace's three labels and annotation.
 * Made on first use: ./synthesized imports this module, so it may not be loaded yet when this one is.
 */
function chartPodSecurity(chart: Construct): DerivedPodSecurity {
  podSecurityOncePerSynth ??= oncePerSynth(derivePodSecurity);
  return podSecurityOncePerSynth(chart);
}

/** Why the derived level is privileged (which pods need it), or nothing: the annotation is then left out. */
function podSecurityReasons(chart: Construct): string | undefined {
  const { reasons } = chartPodSecurity(chart);
  return reasons.length > 0 ? `privileged, because: ${reasons.join('; ')}. Set podSecurity on the chart to enforce a level.` : undefined;
}

/**
 * Gives the construct's node a children table in dictionary mode before its
 * first child arrives. constructs keeps children in a plain `{}` keyed by id;
 * in V8 every first key added to a `{}` is a transition of the one map all
 * empty object literals share. A chart per app whose first child is named
 * after the app adds one such transition per chart, and past V8's cap
 * (1,536 transitions per map) none is recorded: from then on, every object the
 * process builds key by key from `{}` (rendered manifests, the YAML
 * library's internals) gets a map of its own, which costs memory and
 * makes property access megamorphic everywhere. A dictionary-mode object
 * adds no transition. Same prototype and keys as `{}`, so nothing else
 * changes; a no-op when constructs already created the table.
 */
function useChildTable(scope: Construct): void {
  const node = scope.node as unknown as { _children?: object };
  if (node._children !== undefined) return;
  node._children = Object.setPrototypeOf(Object.create(null), Object.prototype);
}

/**
 * Whether a chart is a NetkitChart (and so writes cluster-scoped objects
 * without a namespace). Not `instanceof`: cdk8s' Chart answers that with
 * `isChart`, true for every Chart.
 */
export function isNetkitChart(chart: Chart): chart is NetkitChart {
  return NetkitChart.prototype.isPrototypeOf(chart);
}
