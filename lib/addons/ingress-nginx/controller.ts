import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerPort } from 'kubernetes-models/v1/ContainerPort';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import { installLabels } from './labels';
import { IngressNginxResources } from './props';
import { CONTROLLER_SECURITY_CONTEXT, DEFAULT_REQUESTS, WEBHOOK_CERT_DIR, WEBHOOK_PORT } from './upstream';

/** What decides the controller's pods. */
export interface ControllerOptions {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Record<string, string>;
  readonly image: string;
  readonly args: string[];
  readonly hostNetwork: boolean;
  readonly replicas?: number;
  readonly resources?: IngressNginxResources;
  readonly nodeSelector: Record<string, string>;
  readonly tolerations?: IToleration[];
  readonly admissionWebhook: boolean;
  /** The healthz port the probes use (and the metrics port). */
  readonly healthzPort: number;
  readonly metrics: boolean;
}

function healthzProbe(port: number, failureThreshold: number): IProbe {
  // controller-v1.15.1: liveness tolerates 5 failures, readiness 3.
  return {
    failureThreshold, httpGet: { path: '/healthz', port, scheme: 'HTTP' },
    initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1,
  };
}

function controllerContainer(o: ControllerOptions): IContainer {
  const ports: IContainerPort[] = [
    { containerPort: 80, name: 'http', protocol: 'TCP' },
    { containerPort: 443, name: 'https', protocol: 'TCP' },
  ];
  if (o.metrics) ports.push({ containerPort: o.healthzPort, name: 'metrics', protocol: 'TCP' });
  if (o.admissionWebhook) ports.push({ containerPort: WEBHOOK_PORT, name: 'webhook', protocol: 'TCP' });
  const requests = o.resources?.requests ?? DEFAULT_REQUESTS;
  const limits = o.resources?.limits;
  return {
    args: o.args,
    env: [
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
    ],
    image: o.image,
    imagePullPolicy: 'IfNotPresent',
    // Lets nginx finish open connections before the pod goes away (terminationGracePeriodSeconds 300).
    lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
    livenessProbe: healthzProbe(o.healthzPort, 5),
    name: 'controller',
    ports,
    readinessProbe: healthzProbe(o.healthzPort, 3),
    resources: { ...(limits ? { limits: { ...limits } } : {}), requests: { ...requests } },
    securityContext: CONTROLLER_SECURITY_CONTEXT,
    ...(o.admissionWebhook ? { volumeMounts: [{ mountPath: WEBHOOK_CERT_DIR, name: 'webhook-cert', readOnly: true }] } : {}),
  };
}

function podTemplate(o: ControllerOptions): IPodTemplateSpec {
  return {
    metadata: { labels: installLabels(o.name, 'controller') },
    spec: {
      automountServiceAccountToken: true,
      containers: [controllerContainer(o)],
      // On the host network the node's resolver would hide cluster DNS names.
      dnsPolicy: o.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
      nodeSelector: { ...o.nodeSelector },
      serviceAccountName: o.name,
      terminationGracePeriodSeconds: 300,
      ...(o.tolerations ? { tolerations: [...o.tolerations] } : {}),
      ...(o.admissionWebhook ? { volumes: [{ name: 'webhook-cert', secret: { secretName: `${o.name}-admission` } }] } : {}),
    },
  };
}

/** The Deployment of the upstream manifests, or one pod per node on the host network. */
export function controllerWorkloadManifest(o: ControllerOptions): IDeployment | IDaemonSet {
  const metadata = { name: `${o.name}-controller`, namespace: o.namespace, labels: installLabels(o.name, 'controller') };
  // Both upstream provider values: at most one pod down during a rollout.
  const rollingUpdate = { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' as const };
  if (o.hostNetwork) {
    return {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata,
      spec: { minReadySeconds: 0, revisionHistoryLimit: 10, selector: { matchLabels: { ...o.selector } }, template: podTemplate(o), updateStrategy: rollingUpdate },
    };
  }
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata,
    spec: {
      minReadySeconds: 0,
      ...(o.replicas !== undefined ? { replicas: o.replicas } : {}),
      revisionHistoryLimit: 10,
      selector: { matchLabels: { ...o.selector } },
      strategy: rollingUpdate,
      template: podTemplate(o),
    },
  };
}

/** Keeps one controller up through node drains (chart 4.15.1 `controller.minAvailable: 1`). */
export function podDisruptionBudgetManifest(o: Pick<ControllerOptions, 'name' | 'namespace' | 'selector'>): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
    metadata: { name: `${o.name}-controller`, namespace: o.namespace, labels: installLabels(o.name, 'controller') },
    spec: { minAvailable: 1, selector: { matchLabels: { ...o.selector } } },
  };
}
