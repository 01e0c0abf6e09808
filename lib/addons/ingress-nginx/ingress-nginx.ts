import { DEFAULT_INGRESS_CLASS_ANNOTATION } from '../../ingress/ingress-validation';
import { targetKubernetesVersionText } from '../../core/kubernetes-version';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IIngressClass } from 'kubernetes-models/networking.k8s.io/v1/IngressClass';
import { declareClusterChange } from '../../core/addon-chart';
import { isNetkitChart } from '../../core/chart';
import { markClusterScoped } from '../../core/cluster-scoped';
import { NetkitError, Problem, throwIfProblems } from '../../core/errors';
import { addWarning } from '../../core/warnings';
import { serviceProblems } from '../../service/service-validation';
import { admissionJobManifests, admissionServiceManifest, AdmissionOptions, validatingWebhookManifest } from './admission';
import { controllerArgs } from './controller-args';
import { controllerWorkloadManifest, podDisruptionBudgetManifest } from './controller';
import { resolveImage } from '../common/image';
import { addonObject, clusterScopedAddonObject, installClashes } from '../common/install';
import { addPolicySkip } from '../common/skip-policy';
import { controllerSelector, installLabels, namespaceLabels } from './labels';
import { IngressNginxExposure, IngressNginxProps } from './props';
import {
  clusterRoleBindingManifest, clusterRoleManifest, RbacIdentity, roleBindingManifest, roleManifest, serviceAccountManifest,
} from '../common/rbac';
import { controllerServiceManifest } from './service';
import {
  admissionClusterRoleRules, admissionRoleRules, CERTGEN_IMAGE, CONTROLLER_IMAGE, controllerClusterRoleRules, controllerRoleRules,
  DEFAULT_CONTROLLER_VALUE, DEFAULT_HEALTHZ_PORT, DEFAULT_INGRESS_CLASS,
} from './upstream';
import { ingressNginxPropProblems } from './validation';
import { podSecurityLabels } from '../../isolation/pod-security-labels';
import { checkProps } from '../../core/props';
import type { NamespaceIsolation } from '../../isolation/isolation';
import { isolateAddonNamespace } from '../common/isolation';
import { IngressNginxIsolation } from './isolation-props';
import { IsolatedInstall, ingressNginxEdges, ingressNginxIsolationProblems } from './isolation';

/** The docs section the retirement warning points to. */
export const INGRESS_NGINX_ALTERNATIVES_SECTION = 'docs/ingress-nginx.md, "Alternatives to ingress-nginx"';

/**
 * The ingress-nginx controller v1.15.1 install, object for object the upstream
 * static manifest (deploy/static/provider/baremetal, or cloud with
 * `provider: 'cloud'`). Every namespaced object names its namespace, so it can
 * live in a chart without one; cluster-scoped objects never carry one.
 */
export class IngressNginx extends Construct {
  /** Base of every object name and the `app.kubernetes.io/instance` label. */
  public readonly name: string;
  /** The namespace of the namespaced objects. */
  public readonly namespace: string;
  /** What the IngressClass is called: what Ingresses put in `ingressClassName`. */
  public readonly ingressClassName: string;
  public readonly exposure: IngressNginxExposure;
  /** IngressClass `spec.controller` and `--controller-class`. */
  public readonly controllerValue: string;
  /** The Namespace, unless `createNamespace: false`. */
  public readonly namespaceObject?: ApiObject;
  /** The controller's ServiceAccount, Role, ClusterRole and their bindings. */
  public readonly serviceAccount: ApiObject;
  public readonly role: ApiObject;
  public readonly clusterRole: ApiObject;
  public readonly roleBinding: ApiObject;
  public readonly clusterRoleBinding: ApiObject;
  /** The certgen Jobs' ServiceAccount, Role, ClusterRole and bindings (admission webhook only). */
  public readonly admissionServiceAccount?: ApiObject;
  public readonly admissionRole?: ApiObject;
  public readonly admissionClusterRole?: ApiObject;
  public readonly admissionRoleBinding?: ApiObject;
  public readonly admissionClusterRoleBinding?: ApiObject;
  /** The controller ConfigMap `<name>-controller`. */
  public readonly configMap: ApiObject;
  /** The controller Service `<name>-controller`. */
  public readonly service: ApiObject;
  /** The webhook's Service `<name>-controller-admission` (admission webhook only). */
  public readonly admissionService?: ApiObject;
  /** The controller: a Deployment, or a DaemonSet with exposure HostNetwork. */
  public readonly controller: ApiObject;
  /** Present when `replicas` is more than 1. */
  public readonly podDisruptionBudget?: ApiObject;
  /** The create and patch Jobs of kube-webhook-certgen (empty without the webhook). */
  public readonly jobs: ApiObject[];
  public readonly ingressClass: ApiObject;
  /** The ValidatingWebhookConfiguration (admission webhook only). */
  public readonly webhook?: ApiObject;
  /** The namespace's NetworkPolicies, with `isolation` (allow policies filled in at synth). */
  public readonly isolation?: NamespaceIsolation;

  constructor(scope: Construct, id: string, props: IngressNginxProps = {}) {
    super(scope, id);
    checkProps(this, 'IngressNginxProps', props);
    const name = props.name ?? id;
    const namespace = props.namespace ?? 'ingress-nginx';
    throwIfProblems(this, ingressNginxPropProblems(name, props));
    this.name = name;
    this.namespace = namespace;
    this.ingressClassName = props.ingressClassName ?? DEFAULT_INGRESS_CLASS;
    this.controllerValue = props.controllerValue ?? DEFAULT_CONTROLLER_VALUE;
    const provider = props.provider ?? 'baremetal';
    this.exposure = props.exposure ?? (provider === 'cloud' ? 'LoadBalancer' : 'NodePort');
    const hostNetwork = this.exposure === 'HostNetwork';
    const admission = props.admissionWebhook ?? true;
    const createNamespace = props.createNamespace ?? true;
    const selector = controllerSelector(name);
    const nodeSelector = { 'kubernetes.io/os': 'linux', ...props.nodeSelector };

    const chart = Chart.of(this);
    if (createNamespace && isNetkitChart(chart) && chart.namespaceObject && chart.namespace === namespace) {
      throw new NetkitError(this, {
        field: 'createNamespace', message: `would declare Namespace "${namespace}" a second time: chart ${chart.node.id} declares it already.`,
        value: true, fix: 'set createNamespace: false, or put the install in a chart without a namespace.',
      });
    }

    const serviceManifest = controllerServiceManifest({
      name, namespace, selector,
      type: hostNetwork ? 'ClusterIP' : this.exposure as 'NodePort' | 'LoadBalancer',
      nodePorts: props.nodePorts,
      externalTrafficPolicy: props.externalTrafficPolicy ?? (provider === 'cloud' && !hostNetwork ? 'Local' : undefined),
      loadBalancerSourceRanges: props.loadBalancerSourceRanges,
      loadBalancerClass: props.loadBalancerClass,
      annotations: props.serviceAnnotations,
    });
    throwIfProblems(this, serviceProblems(serviceManifest, { nodePortRange: props.nodePortRange })
      .map((p): Problem => ({ ...p, field: `service.${p.field}` })));

    const extraArgs: Record<string, string> = { ...props.extraArgs };
    if (props.defaultCertificate) {
      extraArgs['default-ssl-certificate'] = `${props.defaultCertificate.namespace ?? namespace}/${props.defaultCertificate.secretName}`;
    }
    const healthzPort = props.metrics?.port ?? DEFAULT_HEALTHZ_PORT;
    if (healthzPort !== DEFAULT_HEALTHZ_PORT) extraArgs['healthz-port'] = String(healthzPort);
    const args = controllerArgs({
      name, ingressClassName: this.ingressClassName, controllerValue: this.controllerValue,
      publishService: props.publishService ?? this.exposure === 'LoadBalancer',
      watchNamespace: props.watchNamespace, hostNetwork, admissionWebhook: admission, metrics: props.metrics !== undefined, extraArgs,
    });

    const admissionOptions: AdmissionOptions = {
      name, namespace, selector, nodeSelector,
      certgenImage: resolveImage(CERTGEN_IMAGE, props.imageRegistry, props.certgenImage),
      failurePolicy: props.webhookFailurePolicy ?? 'Fail',
      versionedJobNames: props.versionedJobNames ?? true,
    };
    // Both identities talk to the API server, so upstream mounts their tokens.
    const controllerId: RbacIdentity = { name, namespace, labels: installLabels(name, 'controller'), clusterLabels: installLabels(name), automountToken: true };
    const admissionId: RbacIdentity = {
      name: `${name}-admission`, namespace,
      labels: installLabels(name, 'admission-webhook'), clusterLabels: installLabels(name, 'admission-webhook'), automountToken: true,
    };

    // Created in the upstream file's order (kustomize's legacy kind order), so the output reads like it.
    if (createNamespace) {
      // Pod Security: the controller (v1.15.1: uid 101, non-root, drop ALL + add NET_BIND_SERVICE, no privilege
      // escalation, RuntimeDefault seccomp) and the certgen Jobs (uid 65532, drop ALL) meet `restricted`, which lets
      // NET_BIND_SERVICE be added back; on the host network (exposure HostNetwork) only `privileged` admits the controller.
      const level = hostNetwork ? 'privileged' : 'restricted';
      const ns: INamespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { ...namespaceLabels(name), ...podSecurityLabels(level, targetKubernetesVersionText(this)) } } };
      this.namespaceObject = this.clusterScoped('Namespace', ns);
    }
    this.serviceAccount = this.object('ServiceAccount', serviceAccountManifest(controllerId));
    if (admission) this.admissionServiceAccount = this.object('AdmissionServiceAccount', serviceAccountManifest(admissionId));
    this.role = this.object('Role', roleManifest(controllerId, controllerRoleRules(`${name}-leader`)));
    if (admission) this.admissionRole = this.object('AdmissionRole', roleManifest(admissionId, admissionRoleRules()));
    this.clusterRole = this.clusterScoped('ClusterRole', clusterRoleManifest(controllerId, controllerClusterRoleRules()));
    if (admission) this.admissionClusterRole = this.clusterScoped('AdmissionClusterRole', clusterRoleManifest(admissionId, admissionClusterRoleRules()));
    this.roleBinding = this.object('RoleBinding', roleBindingManifest(controllerId));
    if (admission) this.admissionRoleBinding = this.object('AdmissionRoleBinding', roleBindingManifest(admissionId));
    this.clusterRoleBinding = this.clusterScoped('ClusterRoleBinding', clusterRoleBindingManifest(controllerId));
    if (admission) this.admissionClusterRoleBinding = this.clusterScoped('AdmissionClusterRoleBinding', clusterRoleBindingManifest(admissionId));

    const config = props.config ?? {};
    const configMap: IConfigMap = {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: `${name}-controller`, namespace, labels: installLabels(name, 'controller') },
      ...(Object.keys(config).length > 0 ? { data: { ...config } } : {}),
    };
    this.configMap = this.object('ConfigMap', configMap);
    this.service = this.object('Service', serviceManifest);
    if (admission) this.admissionService = this.object('AdmissionService', admissionServiceManifest(admissionOptions));
    this.controller = this.object(hostNetwork ? 'DaemonSet' : 'Deployment', controllerWorkloadManifest({
      name, namespace, selector, args, hostNetwork, nodeSelector,
      image: resolveImage(CONTROLLER_IMAGE, props.imageRegistry, props.controllerImage),
      replicas: props.replicas, resources: props.resources, tolerations: props.tolerations,
      admissionWebhook: admission, healthzPort, metrics: props.metrics !== undefined,
    }));
    if ((props.replicas ?? 1) > 1) {
      this.podDisruptionBudget = this.object('PodDisruptionBudget', podDisruptionBudgetManifest({ name, namespace, selector }));
    }
    this.jobs = admission
      ? admissionJobManifests(admissionOptions).map((job, i) => this.object(i === 0 ? 'AdmissionCreateJob' : 'AdmissionPatchJob', job))
      : [];
    const ingressClass: IIngressClass = {
      apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
      metadata: {
        ...(props.defaultIngressClass ? { annotations: { [DEFAULT_INGRESS_CLASS_ANNOTATION]: 'true' } } : {}),
        name: this.ingressClassName, labels: installLabels(name, 'controller'),
      },
      spec: { controller: this.controllerValue },
    };
    this.ingressClass = this.clusterScoped('IngressClass', ingressClass);
    if (admission) {
      const manifest = validatingWebhookManifest(admissionOptions);
      if (props.webhookChart) {
        this.webhook = new ApiObject(props.webhookChart, `${name}-ValidatingWebhookConfiguration`, manifest as any);
        markClusterScoped(this.webhook);
      } else {
        this.webhook = this.clusterScoped('ValidatingWebhookConfiguration', manifest);
      }
    }

    // The exceptions a policy check would raise on any ingress controller install, with the reason next to the object.
    this.skipPolicy(this.controller, 'privileged-ports', 'ingress-nginx serves ports 80 and 443 inside the pod (NET_BIND_SERVICE, as upstream).');
    if (hostNetwork) this.skipPolicy(this.controller, 'host-network-ports', 'exposure HostNetwork: nginx answers on the nodes\' own ports 80 and 443.');
    if (props.metrics === undefined) {
      // Upstream probes the healthz port without declaring it; the kubelet probes undeclared numeric ports fine.
      const reason = `the controller serves /healthz on ${healthzPort} without declaring the port, as upstream does.`;
      this.skipPolicy(this.controller, 'pod-probe-port-exists', reason);
      this.skipPolicy(this.controller, 'pod-readiness-probe', reason);
    }
    if (props.resources?.limits?.memory === undefined) {
      this.skipPolicy(this.controller, 'pod-resources', 'upstream v1.15.1 sets no memory limit: nginx memory grows with the number of Ingresses and connections; set `resources.limits` to cap it.');
    }
    // kube-webhook-certgen runs for seconds at install and upgrade; upstream gives its Jobs no resources.
    for (const job of this.jobs) this.skipPolicy(job, 'pod-resources', 'kube-webhook-certgen runs once for seconds at install and upgrade; upstream v1.15.1 sets no resources on it.');
    if (this.exposure === 'NodePort') this.skipPolicy(this.service, 'svc-type-nodeport', 'bare-metal ingress entry point: every node answers on the http and https node ports.');

    if (props.isolation !== undefined) {
      this.isolation = this.isolate(props.isolation, {
        name, namespace, exposure: this.exposure, admissionWebhook: admission, metricsPort: props.metrics ? healthzPort : undefined,
        externalTrafficPolicy: serviceManifest.spec?.externalTrafficPolicy, loadBalancerSourceRanges: serviceManifest.spec?.loadBalancerSourceRanges,
      });
    }
    this.node.addValidation({ validate: () => this.clashes() });

    // For the add-on file's header: what applying the install changes cluster-wide, and when it serves.
    const workload = `${hostNetwork ? 'daemonset' : 'deployment'}/${name}-controller`;
    declareClusterChange(this, {
      changes: `installs the ingress-nginx controller in namespace "${namespace}" (exposure ${this.exposure}) with cluster-wide RBAC `
        + `(ClusterRole and ClusterRoleBinding "${name}"${admission ? ` and "${name}-admission"` : ''}), IngressClass "${this.ingressClassName}"`
        + `${props.defaultIngressClass ? ' as the default class' : ''}${admission
          ? `, and ValidatingWebhookConfiguration "${name}-admission", which checks every Ingress in the cluster (failurePolicy ${admissionOptions.failurePolicy})` : ''}.`,
      readyWhen: [
        `kubectl -n ${namespace} rollout status ${workload} --timeout=300s`,
        ...(admission ? [`kubectl wait --for=jsonpath='{.webhooks[0].clientConfig.caBundle}' validatingwebhookconfiguration/${name}-admission --timeout=300s`] : []),
      ],
    });

    if (!props.acknowledgeRetirement) {
      addWarning(this, 'ingress-nginx is retired: upstream stopped releases and security fixes in March 2026 (v1.15.1 is the last). '
        + `Plan a move to a Gateway API implementation; see ${INGRESS_NGINX_ALTERNATIVES_SECTION}. Set acknowledgeRetirement: true to silence this warning.`);
    }
  }

  /**
   * Writes `netkit.io/skip-<ruleId>: "<reason>"` on one of the install's
   * objects (or any ApiObject), so the policy check skips that rule for it and
   * a reviewer sees why.
   */
  public skipPolicy(apiObject: ApiObject, ruleId: string, reason: string): void {
    addPolicySkip(this, apiObject, ruleId, reason);
  }

  /**
   * Two installs in one app share the cluster: their cluster-scoped names,
   * IngressClass and controller class must differ, or one silently takes over
   * the other's objects or Ingresses.
   */
  private clashes(): string[] {
    return installClashes(this, (c): c is IngressNginx => c instanceof IngressNginx, [
      { what: 'name', value: (i) => i.name, fix: 'give each install its own `name`: the ClusterRoles, bindings and webhook are named after it.' },
      { what: 'ingressClassName', value: (i) => i.ingressClassName, fix: 'give each install its own IngressClass name.' },
      { what: 'controllerValue', value: (i) => i.controllerValue, fix: 'give each install its own controllerValue, or both controllers serve the same Ingresses.' },
    ]);
  }

  /** Default-deny in the namespace, and the paths the install's pods need (the routed backends are derived at synth). */
  private isolate(isolation: IngressNginxIsolation, install: IsolatedInstall): NamespaceIsolation {
    const { edges, problems } = ingressNginxEdges(install, isolation, this);
    return isolateAddonNamespace(this, install.namespace, isolation, edges, [...ingressNginxIsolationProblems(install, isolation), ...problems], isolation.nodeCidrs);
  }

  private object(id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
    return addonObject(this, id, manifest);
  }

  private clusterScoped(id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
    return clusterScopedAddonObject(this, id, manifest);
  }
}
