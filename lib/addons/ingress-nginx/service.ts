import type { IService } from 'kubernetes-models/v1/Service';
import type { IServicePort } from 'kubernetes-models/v1/ServicePort';
import { installLabels } from './labels';

/** What decides the controller Service. */
export interface ControllerServiceOptions {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Record<string, string>;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly nodePorts?: { readonly http?: number; readonly https?: number };
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly loadBalancerSourceRanges?: string[];
  readonly loadBalancerClass?: string;
  readonly annotations?: Record<string, string>;
}

/** The Service in front of the controller's http and https ports. */
export function controllerServiceManifest(o: ControllerServiceOptions): IService {
  const port = (name: 'http' | 'https', number: number, nodePort: number | undefined): IServicePort => ({
    appProtocol: name, name, ...(nodePort !== undefined ? { nodePort } : {}), port: number, protocol: 'TCP', targetPort: name,
  });
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: {
      ...(o.annotations ? { annotations: { ...o.annotations } } : {}),
      name: `${o.name}-controller`, namespace: o.namespace, labels: installLabels(o.name, 'controller'),
    },
    spec: {
      ...(o.externalTrafficPolicy !== undefined ? { externalTrafficPolicy: o.externalTrafficPolicy } : {}),
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...(o.loadBalancerClass !== undefined ? { loadBalancerClass: o.loadBalancerClass } : {}),
      ...(o.loadBalancerSourceRanges !== undefined ? { loadBalancerSourceRanges: [...o.loadBalancerSourceRanges] } : {}),
      ports: [port('http', 80, o.nodePorts?.http), port('https', 443, o.nodePorts?.https)],
      selector: { ...o.selector },
      type: o.type,
    },
  };
}
