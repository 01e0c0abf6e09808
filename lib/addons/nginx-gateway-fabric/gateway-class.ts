import type { IService } from 'kubernetes-models/v1/Service';
import type { ResolvedImage } from '../common/image';
import { NginxGatewayFabricExposure } from './props';
import { installLabels } from './control-plane';

/** What decides the GatewayClass, the NginxGateway and the NginxProxy. */
export interface GatewayClassOptions {
  readonly name: string;
  readonly namespace: string;
  readonly gatewayClassName: string;
  readonly controllerName: string;
  readonly logLevel: 'info' | 'debug' | 'error';
  readonly nginxImage: Pick<ResolvedImage, 'registry' | 'repository' | 'tag'>;
  readonly replicas: number;
  readonly service: ProvisionedServiceOptions;
}

/** The per-Gateway Service settings that live in the NginxProxy. */
export interface ProvisionedServiceOptions {
  readonly type: NginxGatewayFabricExposure;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly nodePorts?: { readonly http?: number; readonly https?: number };
  readonly loadBalancerSourceRanges?: string[];
  readonly loadBalancerClass?: string;
}

/** The listener ports the `nodePorts.http` and `nodePorts.https` props pin (NginxProxy `nodePorts[].listenerPort`). */
export const HTTP_LISTENER_PORT = 80;
export const HTTPS_LISTENER_PORT = 443;

function nodePortList(nodePorts: ProvisionedServiceOptions['nodePorts']): Array<{ port: number; listenerPort: number }> {
  return [
    ...(nodePorts?.http !== undefined ? [{ port: nodePorts.http, listenerPort: HTTP_LISTENER_PORT }] : []),
    ...(nodePorts?.https !== undefined ? [{ port: nodePorts.https, listenerPort: HTTPS_LISTENER_PORT }] : []),
  ];
}

/** The GatewayClass Gateways name; its parametersRef gives every Gateway of the class the install's NginxProxy. */
export function gatewayClassManifest(o: GatewayClassOptions) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass',
    metadata: { name: o.gatewayClassName, labels: installLabels(o.name) },
    spec: {
      controllerName: o.controllerName,
      parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: `${o.name}-proxy-config`, namespace: o.namespace },
    },
  };
}

/** The control plane's dynamic configuration (`--config`). */
export function nginxGatewayManifest(o: GatewayClassOptions) {
  return {
    apiVersion: 'gateway.nginx.org/v1alpha1', kind: 'NginxGateway',
    metadata: { name: `${o.name}-config`, namespace: o.namespace, labels: installLabels(o.name) },
    spec: { logging: { level: o.logLevel } },
  };
}

/**
 * How NGF shapes the nginx Deployment and Service it provisions per Gateway.
 * Upstream's only line that differs between deploy/nodeport and deploy/default
 * is `service.type`.
 */
export function nginxProxyManifest(o: GatewayClassOptions) {
  const s = o.service;
  const nodePorts = nodePortList(s.nodePorts);
  return {
    apiVersion: 'gateway.nginx.org/v1alpha2', kind: 'NginxProxy',
    metadata: { name: `${o.name}-proxy-config`, namespace: o.namespace, labels: installLabels(o.name) },
    spec: {
      kubernetes: {
        deployment: {
          container: { image: { pullPolicy: 'IfNotPresent', repository: `${o.nginxImage.registry}/${o.nginxImage.repository}`, tag: o.nginxImage.tag } },
          replicas: o.replicas,
        },
        service: {
          externalTrafficPolicy: s.externalTrafficPolicy,
          ...(s.loadBalancerClass !== undefined ? { loadBalancerClass: s.loadBalancerClass } : {}),
          ...(s.loadBalancerSourceRanges !== undefined ? { loadBalancerSourceRanges: [...s.loadBalancerSourceRanges] } : {}),
          ...(nodePorts.length > 0 ? { nodePorts } : {}),
          type: s.type,
        },
      },
    },
  };
}

/**
 * The Service NGF would provision for a Gateway listening on 80 and 443 with
 * these settings (provisioner/objects.go, v2.6.7: ports `port-<n>`, port =
 * targetPort = listener port), so `serviceProblems` can check the node ports
 * and load balancer options before anything is applied: NGF itself only fails
 * at runtime, when the API server rejects the Service it creates.
 */
export function provisionedServiceShape(s: ProvisionedServiceOptions): IService {
  const nodePort = (listenerPort: number) => nodePortList(s.nodePorts).find((n) => n.listenerPort === listenerPort)?.port;
  const port = (listenerPort: number) => {
    const pinned = nodePort(listenerPort);
    return { name: `port-${listenerPort}`, ...(pinned !== undefined ? { nodePort: pinned } : {}), port: listenerPort, protocol: 'TCP' as const, targetPort: listenerPort };
  };
  return {
    apiVersion: 'v1', kind: 'Service',
    // A stand-in name: the real one is `<gateway>-<class>`, known only when a Gateway exists.
    metadata: { name: 'gateway-nginx' },
    spec: {
      externalTrafficPolicy: s.externalTrafficPolicy,
      ...(s.loadBalancerClass !== undefined ? { loadBalancerClass: s.loadBalancerClass } : {}),
      ...(s.loadBalancerSourceRanges !== undefined ? { loadBalancerSourceRanges: [...s.loadBalancerSourceRanges] } : {}),
      ports: [port(HTTP_LISTENER_PORT), port(HTTPS_LISTENER_PORT)],
      type: s.type,
    },
  };
}
