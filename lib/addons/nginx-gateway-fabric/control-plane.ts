import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IService } from 'kubernetes-models/v1/Service';
import { LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME, LABEL_VERSION, MANAGED_BY } from '../../core/labels';
import {
  AGENT_GRPC_PORT, AGENT_TLS_SECRET, CONTAINER_SECURITY_CONTEXT, HEALTH_PORT, METRICS_PORT, NGINX_GATEWAY_FABRIC_VERSION,
  POD_SECURITY_CONTEXT, SERVER_TLS_SECRET,
} from './upstream';

/**
 * The labels upstream puts on every object but the Namespace (the chart's,
 * minus the Helm ones its generator strips), plus ours.
 */
export function installLabels(name: string): Record<string, string> {
  return { ...controlPlaneSelector(name), [LABEL_VERSION]: NGINX_GATEWAY_FABRIC_VERSION, [LABEL_MANAGED_BY]: MANAGED_BY };
}

/** What the Service and the Deployment select: upstream's, without version (selectors are immutable). */
export function controlPlaneSelector(name: string): Record<string, string> {
  return { [LABEL_INSTANCE]: name, [LABEL_NAME]: name };
}

/** What decides the control plane. */
export interface ControlPlaneOptions {
  readonly name: string;
  readonly namespace: string;
  readonly gatewayClassName: string;
  readonly controllerName: string;
  /** The control-plane image reference (also the cert generator's and the nginx `init` container's). */
  readonly image: string;
  readonly replicas: number;
}

const fieldRef = (name: string, fieldPath: string): IEnvVar => ({ name, valueFrom: { fieldRef: { fieldPath } } });

/**
 * The Service every nginx agent dials (port 443 → the controller's agent gRPC
 * port, over mTLS). It carries no user traffic: each Gateway gets its own
 * Service, provisioned by the controller.
 */
export function controlPlaneServiceManifest(o: ControlPlaneOptions): IService {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: o.name, namespace: o.namespace, labels: installLabels(o.name) },
    spec: {
      ports: [{ name: 'agent-grpc', port: 443, protocol: 'TCP', targetPort: AGENT_GRPC_PORT }],
      selector: controlPlaneSelector(o.name),
      type: 'ClusterIP',
    },
  };
}

/** The controller's arguments, in the chart's order (templates/deployment.yaml, v2.6.7). */
export function controllerArgs(o: ControlPlaneOptions): string[] {
  return [
    'controller',
    `--gateway-ctlr-name=${o.controllerName}`,
    `--gatewayclass=${o.gatewayClassName}`,
    `--config=${o.name}-config`,
    `--service=${o.name}`,
    `--agent-tls-secret=${AGENT_TLS_SECRET}`,
    `--metrics-port=${METRICS_PORT}`,
    `--health-port=${HEALTH_PORT}`,
    `--leader-election-lock-name=${o.name}-leader-election`,
  ];
}

/** The control plane: watches Gateway API objects, provisions nginx per Gateway and pushes its config. */
export function controlPlaneDeploymentManifest(o: ControlPlaneOptions): IDeployment {
  const selector = controlPlaneSelector(o.name);
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: o.name, namespace: o.namespace, labels: installLabels(o.name) },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...selector } },
      template: {
        metadata: {
          annotations: { 'prometheus.io/port': String(METRICS_PORT), 'prometheus.io/scrape': 'true' },
          labels: { ...selector },
        },
        spec: {
          automountServiceAccountToken: true,
          containers: [{
            args: controllerArgs(o),
            env: [
              fieldRef('POD_NAMESPACE', 'metadata.namespace'),
              fieldRef('POD_NAME', 'metadata.name'),
              fieldRef('POD_UID', 'metadata.uid'),
              fieldRef('INSTANCE_NAME', `metadata.labels['${LABEL_INSTANCE}']`),
              // The image of every nginx pod's init container: a mirror must change it with the controller's own.
              { name: 'IMAGE_NAME', value: o.image },
            ],
            image: o.image,
            imagePullPolicy: 'IfNotPresent',
            name: 'nginx-gateway',
            ports: [
              { containerPort: AGENT_GRPC_PORT, name: 'agent-grpc' },
              { containerPort: METRICS_PORT, name: 'metrics' },
              { containerPort: HEALTH_PORT, name: 'health' },
            ],
            readinessProbe: {
              failureThreshold: 3, httpGet: { path: '/readyz', port: 'health' },
              initialDelaySeconds: 3, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1,
            },
            securityContext: CONTAINER_SECURITY_CONTEXT,
            volumeMounts: [{ mountPath: '/var/run/secrets/ngf', name: 'nginx-agent-tls' }],
          }],
          securityContext: POD_SECURITY_CONTEXT,
          serviceAccountName: o.name,
          terminationGracePeriodSeconds: 30,
          // Written by the cert generator Job; the pod waits in ContainerCreating until it exists.
          volumes: [{ name: 'nginx-agent-tls', secret: { secretName: SERVER_TLS_SECRET } }],
        },
      },
    },
  };
}

/**
 * The one-shot Job that writes the control-plane/agent mTLS Secrets. It keeps
 * existing Secrets (no `--overwrite`), so re-applying it after its 30 s TTL,
 * as GitOps tools do, is harmless.
 */
export function certGeneratorJobManifest(o: ControlPlaneOptions): IJob {
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: `${o.name}-cert-generator`, namespace: o.namespace, labels: installLabels(o.name) },
    spec: {
      template: {
        spec: {
          automountServiceAccountToken: true,
          containers: [{
            args: [
              'generate-certs',
              `--service=${o.name}`,
              '--cluster-domain=cluster.local',
              `--server-tls-secret=${SERVER_TLS_SECRET}`,
              `--agent-tls-secret=${AGENT_TLS_SECRET}`,
            ],
            env: [fieldRef('POD_NAMESPACE', 'metadata.namespace')],
            image: o.image,
            imagePullPolicy: 'IfNotPresent',
            name: 'cert-generator',
            securityContext: CONTAINER_SECURITY_CONTEXT,
          }],
          restartPolicy: 'Never',
          securityContext: POD_SECURITY_CONTEXT,
          serviceAccountName: `${o.name}-cert-generator`,
        },
      },
      ttlSecondsAfterFinished: 30,
    },
  };
}
