import { ApiObject, Chart } from 'cdk8s';
import { targetKubernetesVersionText } from '../../core/kubernetes-version';
import { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { isNetkitChart } from '../../core/chart';
import { NetkitError, throwIfProblems } from '../../core/errors';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/labels';
import { resolveImage, resolveImageParts } from '../common/image';
import {
  clusterRoleBindingManifest, clusterRoleManifest, RbacIdentity, roleBindingManifest, roleManifest, serviceAccountManifest,
} from '../common/rbac';
import { addonObject, clusterScopedAddonObject, installClashes } from '../common/install';
import { addPolicySkip } from '../common/skip-policy';
import { certGeneratorJobManifest, ControlPlaneOptions, controlPlaneDeploymentManifest, controlPlaneServiceManifest, installLabels } from './control-plane';
import { GatewayClassOptions, gatewayClassManifest, nginxGatewayManifest, nginxProxyManifest, ProvisionedServiceOptions } from './gateway-class';
import { NginxGatewayFabricExposure, NginxGatewayFabricProps } from './props';
import {
  certGeneratorRoleRules, CONTROLLER_IMAGE, controllerClusterRoleRules, DEFAULT_CONTROLLER_NAME, DEFAULT_GATEWAY_CLASS, DEFAULT_NAME, NGINX_IMAGE,
} from './upstream';
import { checkProps } from '../../core/props';
import type { NamespaceIsolation } from '../../isolation/isolation';
import { isolateAddonNamespace } from '../common/isolation';
import { fabricIsolationEdges, fabricIsolationProblems } from './isolation';
import { nginxGatewayFabricPropProblems, provisionedServiceProblems } from './validation';
import { podSecurityLabels } from '../../isolation/pod-security-labels';

/**
 * The NGINX Gateway Fabric v2.6.7 control plane, object for object the
 * upstream static manifest deploy/nodeport/deploy.yaml (or deploy/default with
 * `exposure: 'LoadBalancer'`). NGF serves Gateway API, not Ingress: no nginx
 * pod runs until a Gateway of its class exists; then the controller creates a
 * Deployment and Service `<gateway>-<class>` in the Gateway's namespace, shaped
 * by the install's NginxProxy (replicas, image, Service type, node ports).
 *
 * Needs the Gateway API v1.5.1 standard CRDs and {@link NginxGatewayFabricCrds}
 * applied first (see docs/nginx-gateway-fabric.md, "Apply order").
 */
export class NginxGatewayFabric extends Construct {
  /** Base of every object name and the `app.kubernetes.io/instance` label. */
  public readonly name: string;
  /** The namespace of the control plane and the NginxProxy. */
  public readonly namespace: string;
  /** What Gateways put in `gatewayClassName`. */
  public readonly gatewayClassName: string;
  /** GatewayClass `spec.controllerName`. */
  public readonly controllerName: string;
  /** The type of the Service provisioned for each Gateway. */
  public readonly exposure: NginxGatewayFabricExposure;
  /** The Namespace, unless `createNamespace: false`. */
  public readonly namespaceObject?: ApiObject;
  /** The control plane's ServiceAccount, ClusterRole and binding. */
  public readonly serviceAccount: ApiObject;
  public readonly clusterRole: ApiObject;
  public readonly clusterRoleBinding: ApiObject;
  /** The cert generator Job's ServiceAccount, Role and binding. */
  public readonly certGeneratorServiceAccount: ApiObject;
  public readonly certGeneratorRole: ApiObject;
  public readonly certGeneratorRoleBinding: ApiObject;
  /** The Service the nginx agents dial (`<name>`, port 443 → 8443); no user traffic. */
  public readonly service: ApiObject;
  /** The control-plane Deployment `<name>`. */
  public readonly deployment: ApiObject;
  /** The Job writing the `server-tls` and `agent-tls` Secrets. */
  public readonly certGeneratorJob: ApiObject;
  /** The GatewayClass. */
  public readonly gatewayClass: ApiObject;
  /** The control plane's configuration, NginxGateway `<name>-config`. */
  public readonly nginxGateway: ApiObject;
  /** The data-plane settings of every Gateway of the class, NginxProxy `<name>-proxy-config`. */
  public readonly nginxProxy: ApiObject;
  /** The namespace's NetworkPolicies, with `isolation` (allow policies filled in at synth). */
  public readonly isolation?: NamespaceIsolation;

  constructor(scope: Construct, id: string, props: NginxGatewayFabricProps = {}) {
    super(scope, id);
    checkProps(this, 'NginxGatewayFabricProps', props);
    const name = props.name ?? DEFAULT_NAME;
    const namespace = props.namespace ?? 'nginx-gateway';
    throwIfProblems(this, nginxGatewayFabricPropProblems(name, props));
    this.name = name;
    this.namespace = namespace;
    this.gatewayClassName = props.gatewayClassName ?? DEFAULT_GATEWAY_CLASS;
    this.controllerName = props.controllerName ?? DEFAULT_CONTROLLER_NAME;
    this.exposure = props.exposure ?? 'NodePort';
    const createNamespace = props.createNamespace ?? true;

    const chart = Chart.of(this);
    if (createNamespace && isNetkitChart(chart) && chart.namespaceObject && chart.namespace === namespace) {
      throw new NetkitError(this, {
        field: 'createNamespace', message: `would declare Namespace "${namespace}" a second time: chart ${chart.node.id} declares it already.`,
        value: true, fix: 'set createNamespace: false, or put the install in a chart without a namespace.',
      });
    }

    const service: ProvisionedServiceOptions = {
      type: this.exposure,
      externalTrafficPolicy: props.externalTrafficPolicy ?? 'Local',
      nodePorts: props.nodePorts,
      loadBalancerSourceRanges: props.loadBalancerSourceRanges,
      loadBalancerClass: props.loadBalancerClass,
    };
    throwIfProblems(this, provisionedServiceProblems(service, props));

    const controlPlane: ControlPlaneOptions = {
      name, namespace, gatewayClassName: this.gatewayClassName, controllerName: this.controllerName,
      image: resolveImage(CONTROLLER_IMAGE, props.imageRegistry, props.controllerImage),
      replicas: props.controllerReplicas ?? 1,
    };
    const classOptions: GatewayClassOptions = {
      name, namespace, gatewayClassName: this.gatewayClassName, controllerName: this.controllerName,
      logLevel: props.logLevel ?? 'info',
      nginxImage: resolveImageParts(NGINX_IMAGE, props.imageRegistry, props.nginxImage),
      replicas: props.replicas ?? 1,
      service,
    };
    const labels = installLabels(name);
    const controllerId: RbacIdentity = { name, namespace, labels, clusterLabels: labels, automountToken: false };
    const certGeneratorId: RbacIdentity = { name: `${name}-cert-generator`, namespace, labels, clusterLabels: labels, automountToken: false };

    // Created in the upstream file's order (kustomize's legacy kind order), so the output reads like it.
    if (createNamespace) {
      // Upstream's Namespace has no labels (kustomize adds it bare); ours carries managed-by only.
      // Pod Security: the control plane and the cert generator Job (2.6.7: uid 101, non-root, drop ALL, no privilege
      // escalation, RuntimeDefault seccomp) meet `restricted`. The nginx data planes run in the Gateways' namespaces,
      // not here; they meet `restricted` too (the unprivileged-port sysctl they set is one `baseline` allows).
      const ns: INamespace = {
        apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: { ...podSecurityLabels('restricted', targetKubernetesVersionText(this)), [LABEL_MANAGED_BY]: MANAGED_BY } },
      };
      this.namespaceObject = this.clusterScoped('Namespace', ns);
    }
    this.serviceAccount = this.object('ServiceAccount', serviceAccountManifest(controllerId));
    this.certGeneratorServiceAccount = this.object('CertGeneratorServiceAccount', serviceAccountManifest(certGeneratorId));
    this.certGeneratorRole = this.object('CertGeneratorRole', roleManifest(certGeneratorId, certGeneratorRoleRules()));
    this.clusterRole = this.clusterScoped('ClusterRole', clusterRoleManifest(controllerId, controllerClusterRoleRules()));
    this.certGeneratorRoleBinding = this.object('CertGeneratorRoleBinding', roleBindingManifest(certGeneratorId));
    this.clusterRoleBinding = this.clusterScoped('ClusterRoleBinding', clusterRoleBindingManifest(controllerId));
    this.service = this.object('Service', controlPlaneServiceManifest(controlPlane));
    this.deployment = this.object('Deployment', controlPlaneDeploymentManifest(controlPlane));
    this.certGeneratorJob = this.object('CertGeneratorJob', certGeneratorJobManifest(controlPlane));
    this.gatewayClass = this.clusterScoped('GatewayClass', gatewayClassManifest(classOptions));
    this.nginxGateway = this.object('NginxGateway', nginxGatewayManifest(classOptions));
    this.nginxProxy = this.object('NginxProxy', nginxProxyManifest(classOptions));

    // The exceptions a policy check raises on the upstream objects, with the reason next to the object.
    this.skipPolicy(this.deployment, 'pod-resources', 'upstream v2.6.7 sets no resources on the control plane; its memory grows with the number of Gateway API objects watched.');
    this.skipPolicy(this.certGeneratorJob, 'pod-resources', 'the cert generator runs once for seconds at install; upstream v2.6.7 sets no resources on it.');

    if (props.isolation !== undefined) {
      this.isolation = isolateAddonNamespace(this, namespace, props.isolation, fabricIsolationEdges(name, namespace, props.isolation), fabricIsolationProblems(props.isolation));
    }
    this.node.addValidation({ validate: () => this.clashes() });
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
   * GatewayClass and controller name must differ, or one silently takes over
   * the other's objects or Gateways.
   */
  private clashes(): string[] {
    return installClashes(this, (c): c is NginxGatewayFabric => c instanceof NginxGatewayFabric, [
      { what: 'name', value: (i) => i.name, fix: 'give each install its own `name`: the ClusterRole and its binding are named after it.' },
      { what: 'gatewayClassName', value: (i) => i.gatewayClassName, fix: 'give each install its own GatewayClass name.' },
      { what: 'controllerName', value: (i) => i.controllerName, fix: 'give each install its own controllerName, or both controllers serve the same Gateways.' },
    ]);
  }

  private object(id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
    return addonObject(this, id, manifest);
  }

  private clusterScoped(id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
    return clusterScopedAddonObject(this, id, manifest);
  }
}
