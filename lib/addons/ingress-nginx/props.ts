import type { Chart } from 'cdk8s';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { ITlsCertificateRef } from '../../tls/certificate-ref';
import type { NodePortRange } from '../../service/service-validation';
import type { IngressNginxIsolation } from './isolation-props';

/**
 * Which upstream static manifest the defaults reproduce.
 * - `baremetal`: deploy/static/provider/baremetal (NodePort Service, no `--publish-service`).
 * - `cloud`: deploy/static/provider/cloud (LoadBalancer Service with
 *   `externalTrafficPolicy: Local`, `--publish-service`).
 */
export type IngressNginxProvider = 'baremetal' | 'cloud';

/**
 * How traffic reaches the controller.
 * - `NodePort`: every node answers on the Service's node ports.
 * - `LoadBalancer`: a cloud or MetalLB/kube-vip load balancer in front.
 * - `HostNetwork`: one pod per node (a DaemonSet) binding 80/443 on the node
 *   itself; the controller Service stays, as a ClusterIP Service.
 */
export type IngressNginxExposure = 'NodePort' | 'LoadBalancer' | 'HostNetwork';

/** A container image, as a mirror names it. */
export interface IngressNginxImage {
  /**
   * The registry host (`docker.io`, `registry.example.com:5000`).
   * @default - `imageRegistry`, else registry.k8s.io
   */
  readonly registry?: string;
  /**
   * The repository path inside the registry (`dyrnq/controller`).
   * @default - the upstream path (`ingress-nginx/controller`, `ingress-nginx/kube-webhook-certgen`)
   */
  readonly repository?: string;
  /**
   * The tag.
   * @default - the upstream tag (`v1.15.1`, `v1.6.9`)
   */
  readonly tag?: string;
  /**
   * A `sha256:<64 hex>` digest to pin the image.
   * @default - the upstream digest when registry, repository and tag are the upstream ones; none otherwise (a mirror's digest can differ)
   */
  readonly digest?: string;
}

/** CPU and memory as Kubernetes quantities (`100m`, `90Mi`). */
export interface IngressNginxQuantities {
  /** @default - not set */
  readonly cpu?: string;
  /** @default - not set */
  readonly memory?: string;
}

/** The controller container's resources. */
export interface IngressNginxResources {
  /**
   * What the scheduler reserves.
   * @default { cpu: '100m', memory: '90Mi' } (upstream)
   */
  readonly requests?: IngressNginxQuantities;
  /**
   * The ceiling.
   * @default - none (upstream sets no limits)
   */
  readonly limits?: IngressNginxQuantities;
}

/** Prometheus metrics on the controller. */
export interface IngressNginxMetrics {
  /**
   * The port serving `/metrics` and `/healthz` (the probes follow it).
   * @default 10254
   */
  readonly port?: number;
}

export interface IngressNginxProps {
  /**
   * Base of every object name (`<name>-controller`, `<name>-admission`…) and the
   * `app.kubernetes.io/instance` label, like a Helm release name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * The namespace of every namespaced object (written explicitly on each).
   * @default 'ingress-nginx'
   */
  readonly namespace?: string;
  /**
   * Whether to declare the Namespace object. Turn off when the namespace is
   * managed elsewhere.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Which upstream manifest the defaults follow.
   * @default 'baremetal'
   */
  readonly provider?: IngressNginxProvider;
  /**
   * How traffic reaches the controller.
   * @default - 'NodePort' for provider baremetal, 'LoadBalancer' for cloud
   */
  readonly exposure?: IngressNginxExposure;
  /**
   * Fixed node ports for http and https (NodePort and LoadBalancer exposure),
   * inside `nodePortRange`. Bare-metal tutorials use 30080 and 30443.
   * @default - allocated by the cluster
   */
  readonly nodePorts?: { readonly http?: number; readonly https?: number };
  /**
   * The API server's `--service-node-port-range`, to check `nodePorts` against.
   * @default { min: 30000, max: 32767 }
   */
  readonly nodePortRange?: NodePortRange;
  /**
   * `Local` keeps the client source IP and skips the second hop (NodePort and LoadBalancer).
   * @default - 'Local' for provider cloud (unless exposure is HostNetwork), not written (Cluster) otherwise
   */
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  /**
   * LoadBalancer: client CIDRs allowed through the load balancer.
   * @default - any source
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * LoadBalancer: `spec.loadBalancerClass`, to pick one of several load balancer implementations.
   * @default - the cluster's default load balancer
   */
  readonly loadBalancerClass?: string;
  /**
   * Annotations on the controller Service (cloud load balancer settings, MetalLB pools).
   * @default - none
   */
  readonly serviceAnnotations?: Record<string, string>;
  /**
   * `--publish-service`: report the controller Service's address in every Ingress's status.
   * @default - true for LoadBalancer exposure, false otherwise (as upstream's baremetal manifest)
   */
  readonly publishService?: boolean;
  /**
   * Controller pods (Deployment only). More than one adds a PodDisruptionBudget
   * with minAvailable 1. When left out `spec.replicas` is not written, as
   * upstream, so `kubectl scale` or an autoscaler owns it.
   * @default - 1 (not written)
   */
  readonly replicas?: number;
  /**
   * The controller container's resources.
   * @default - requests 100m CPU / 90Mi memory, no limits
   */
  readonly resources?: IngressNginxResources;
  /**
   * Node labels the controller pods must match, added to `kubernetes.io/os: linux`.
   * @default { 'kubernetes.io/os': 'linux' }
   */
  readonly nodeSelector?: Record<string, string>;
  /**
   * Tolerations of the controller pods (e.g. to run on control-plane nodes).
   * @default - none
   */
  readonly tolerations?: IToleration[];
  /**
   * Registry for both images, for mirrors of registry.k8s.io. A registry other
   * than registry.k8s.io drops the upstream digests.
   * @default 'registry.k8s.io'
   */
  readonly imageRegistry?: string;
  /**
   * The controller image (e.g. `{ registry: 'docker.io', repository: 'dyrnq/controller' }`).
   * @default - registry.k8s.io/ingress-nginx/controller:v1.15.1 with its upstream digest
   */
  readonly controllerImage?: IngressNginxImage;
  /**
   * The kube-webhook-certgen image of the admission Jobs (e.g. `{ registry: 'docker.io', repository: 'dyrnq/kube-webhook-certgen' }`).
   * @default - registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9 with its upstream digest
   */
  readonly certgenImage?: IngressNginxImage;
  /**
   * The IngressClass name, and `--ingress-class`.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * IngressClass `spec.controller` and `--controller-class`; give each of
   * several controllers in one cluster its own.
   * @default 'k8s.io/ingress-nginx'
   */
  readonly controllerValue?: string;
  /**
   * Make the IngressClass the cluster default (`ingressclass.kubernetes.io/is-default-class: "true"`),
   * so Ingresses without `ingressClassName` use it.
   * @default false
   */
  readonly defaultIngressClass?: boolean;
  /**
   * Entries of the controller ConfigMap (`use-forwarded-headers`, `proxy-body-size`…).
   * @default - empty
   */
  readonly config?: Record<string, string>;
  /**
   * The certificate served for hosts without their own (`--default-ssl-certificate`).
   * @default - the controller's self-signed "Kubernetes Ingress Controller Fake Certificate"
   */
  readonly defaultCertificate?: ITlsCertificateRef;
  /**
   * Only watch Ingresses in this namespace (`--watch-namespace`).
   * @default - all namespaces
   */
  readonly watchNamespace?: string;
  /**
   * Serve Prometheus metrics (`--enable-metrics=true` and a `metrics` container port).
   * @default - no metrics
   */
  readonly metrics?: IngressNginxMetrics;
  /**
   * Extra `--key=value` controller flags, appended sorted by key as the chart does.
   * @default - none
   */
  readonly extraArgs?: Record<string, string>;
  /**
   * Whether to install the validating admission webhook (its Service, the two
   * certgen Jobs, their RBAC, the ValidatingWebhookConfiguration, and the
   * controller's webhook port, flags and certificate volume).
   * @default true
   */
  readonly admissionWebhook?: boolean;
  /**
   * What the API server does with an Ingress when the webhook cannot answer
   * (e.g. the controller is not ready yet). `Ignore` lets Ingresses applied in
   * the same pass as the install through unchecked.
   * @default 'Fail'
   */
  readonly webhookFailurePolicy?: 'Fail' | 'Ignore';
  /**
   * The chart the ValidatingWebhookConfiguration is written with. Give a chart
   * that depends on your application charts (`webhookChart.addDependency(app)`),
   * so its file sorts after theirs and `kubectl apply -f dist/` on a fresh
   * cluster creates the Ingresses before the webhook that would reject them
   * while the controller is still starting: one pass, with `failurePolicy: Fail`.
   * @default - the install's own chart
   */
  readonly webhookChart?: Chart;
  /**
   * Append the version to the admission Job names (`<name>-admission-create-v1-15-1`)
   * so an upgrade creates new Jobs instead of patching immutable ones.
   * @default true
   */
  readonly versionedJobNames?: boolean;
  /**
   * Silence the synth-time warning that ingress-nginx is retired.
   * @default false
   */
  readonly acknowledgeRetirement?: boolean;
  /**
   * Isolate the install's namespace with NetworkPolicies: default-deny ingress (and egress
   * with `egress: true`), plus allows for clients → the controller's http and https ports,
   * the API server → the admission webhook, and, with egress denied, the pods → kube-dns,
   * the API server and the routed backends. Not with exposure HostNetwork.
   * @default - no NetworkPolicy
   */
  readonly isolation?: IngressNginxIsolation;
}
