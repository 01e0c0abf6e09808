/**
 * The Service NGINX Gateway Fabric creates for a Gateway, predicted from
 * manifests (provisioner/objects.go at v2.6.7): named `<gateway>-<class>`, one
 * TCP port per distinct listener port (port = targetPort = listener port),
 * shaped by the NginxProxy the GatewayClass names, merged with the one the
 * Gateway names in `spec.infrastructure.parametersRef` (the Gateway's wins).
 * Pure, over plain manifests: the traffic map draws it and the node port
 * rule counts its node ports.
 */
export interface NgfProvisionedService {
  readonly name: string;
  /** `LoadBalancer` (the NginxProxy default), `NodePort` or `ClusterIP`. */
  readonly type: string;
  /** Absent for ClusterIP; `Local` by default. */
  readonly externalTrafficPolicy?: string;
  /** One per distinct listener port, ascending; `nodePort` where the NginxProxy pins one. */
  readonly ports: ReadonlyArray<{ readonly port: number; readonly nodePort?: number }>;
}

const NGF_GROUP = 'gateway.nginx.org';
const nsOf = (m: any): string => m?.metadata?.namespace ?? 'default';

function nginxProxy(ref: any, namespace: string | undefined, proxies: readonly any[]): any {
  if (ref?.group !== NGF_GROUP || ref?.kind !== 'NginxProxy') return undefined;
  return proxies.find((p) => p?.kind === 'NginxProxy' && p.metadata?.name === ref.name && nsOf(p) === (namespace ?? ref.namespace));
}

/** The Service NGF would create for `gateway`, or undefined when no NginxProxy in `proxies` shapes it. */
export function ngfProvisionedService(gateway: any, gatewayClass: any, proxies: readonly any[]): NgfProvisionedService | undefined {
  const fromClass = nginxProxy(gatewayClass?.spec?.parametersRef, undefined, proxies);
  const fromGateway = nginxProxy(gateway?.spec?.infrastructure?.parametersRef, nsOf(gateway), proxies);
  if (!fromClass && !fromGateway) return undefined;
  const settings = { ...fromClass?.spec?.kubernetes?.service, ...fromGateway?.spec?.kubernetes?.service };
  const type: string = settings.type ?? 'LoadBalancer';
  const listenerPorts = [...new Set<number>((gateway?.spec?.listeners ?? []).map((l: any) => l?.port).filter((p: unknown) => typeof p === 'number'))].sort((a, b) => a - b);
  const pinned = (port: number): number | undefined => (type === 'ClusterIP' ? undefined
    : (Array.isArray(settings.nodePorts) ? settings.nodePorts : []).find((n: any) => n?.listenerPort === port)?.port);
  return {
    name: `${gateway?.metadata?.name}-${gateway?.spec?.gatewayClassName}`,
    type,
    ...(type !== 'ClusterIP' ? { externalTrafficPolicy: settings.externalTrafficPolicy ?? 'Local' } : {}),
    ports: listenerPorts.map((port) => {
      const nodePort = pinned(port);
      return { port, ...(nodePort !== undefined ? { nodePort } : {}) };
    }),
  };
}
