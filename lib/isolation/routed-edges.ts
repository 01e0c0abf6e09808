import { IConstruct } from 'constructs';
import { Problem } from '../core/errors';
import { LABEL_COMPONENT, LABEL_NAME } from '../core/labels';
import { IngressNginx } from '../addons/ingress-nginx/ingress-nginx';
import { ingressNginxControllerEndpoint } from '../addons/ingress-nginx/isolation';
import { NginxGatewayFabric } from '../addons/nginx-gateway-fabric/nginx-gateway-fabric';
import { controlPlaneEndpoint } from '../addons/nginx-gateway-fabric/isolation';
import { AGENT_GRPC_PORT, DEFAULT_NAME as NGF_DEFAULT_NAME } from '../addons/nginx-gateway-fabric/upstream';
import { DEFAULT_GATEWAY_CLASS, Gateway } from '../gateway/gateway';
import { HttpRoute } from '../gateway/http-route';
import { HttpIngress } from '../ingress/http-ingress';
import { ExposedService } from '../service/exposed-service';
import { IsolationOptions } from './isolation-options';
import { selectorText } from './peers';
import { entryEdges, EVERYWHERE, RoutedEdge } from './entry-edges';
import { EdgePort, Endpoint, podsEndpoint } from './traffic-edges';

/** The label Gateway API asks a provisioned data plane to carry (GEP-1762), which NGINX Gateway Fabric 2.x sets. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

export type { RoutedEdge } from './entry-edges';

/**
 * Every path into pods the app routes: ingress controller → backend pods
 * (Ingresses), Gateway data plane → backend pods (HTTPRoutes), clients →
 * data plane (Gateway listeners), node ports and load balancers → pods, and a
 * data plane → its control plane. Read from the constructs, which know the
 * pods' labels and ports.
 */
export function routedEdges(root: IConstruct, options: IsolationOptions): RoutedEdge[] {
  const all = root.node.findAll();
  const edges: RoutedEdge[] = [];
  const ingressNginx = all.filter((c): c is IngressNginx => c instanceof IngressNginx);
  const fabrics = all.filter((c): c is NginxGatewayFabric => c instanceof NginxGatewayFabric);
  const gateways = new Map(all.filter((c): c is Gateway => c instanceof Gateway).map((g) => [`${g.namespace}/${g.name}`, g]));
  for (const construct of all) {
    if (construct instanceof HttpIngress) edges.push(...ingressEdges(construct, ingressNginx, options));
    if (construct instanceof HttpRoute) edges.push(...routeEdges(construct, gateways, fabrics, options));
    if (construct instanceof Gateway) edges.push(...gatewayEdges(construct, fabrics, options));
    if (construct instanceof ExposedService) edges.push(...serviceEntryEdges(construct, options));
  }
  return edges;
}

/** The Service's pods and the container ports one Service port (or every port) sends to. */
function backend(service: ExposedService, servicePort?: number | string): { to: Endpoint; ports: EdgePort[]; text: string } | undefined {
  if (service.selector === undefined) return undefined;
  const ports = servicePort === undefined ? service.ports : service.ports.filter((p) => p.port === servicePort || p.name === servicePort);
  const containerPorts = service.target?.containerPorts ?? [];
  const targets = ports.map((p): EdgePort => {
    const named = typeof p.targetPort === 'string' ? containerPorts.find((c) => c.name === p.targetPort) : undefined;
    return { port: named ? named.port : p.targetPort, protocol: p.protocol };
  });
  const text = `Service ${service.name}:${ports.map((p) => p.port).join(',')} → pods ${selectorText(service.selector)}:${targets.map((p) => p.port).join(',')}`;
  return { to: podsEndpoint(service.name, service.namespace, service.selector, true), ports: targets, text };
}

function ingressEdges(ingress: HttpIngress, installs: readonly IngressNginx[], options: IsolationOptions): RoutedEdge[] {
  const className = ingress.ingressClassName;
  const from = ingressController(className, installs, options);
  const backends = [...ingress.rules.map((r) => r.backend), ...(ingress.defaultBackend ? [ingress.defaultBackend] : [])];
  const edges: RoutedEdge[] = [];
  for (const b of backends) {
    const resolved = b.service ? backend(b.service, b.port) : undefined;
    if (!resolved) continue;
    edges.push({
      from: 'problem' in from ? { key: className, text: `class ${className}` } : from,
      to: resolved.to, ports: resolved.ports, path: `Ingress ${ingress.name} → ${resolved.text}`,
      ...('problem' in from ? { problem: from.problem, scope: ingress } : {}),
    });
  }
  return edges;
}

function ingressController(className: string, installs: readonly IngressNginx[], options: IsolationOptions): Endpoint | { problem: Problem } {
  const given = options.ingressControllers?.[className];
  if (given) {
    if (given.namespace === undefined || given.podLabels === undefined) {
      return { problem: { field: `isolation.ingressControllers.${className}`, message: 'needs both `namespace` and `podLabels`.', value: given, fix: 'give the namespace and the labels of the controller pods (`kubectl get pods -A --show-labels`).' } };
    }
    return { ...podsEndpoint(className, given.namespace, given.podLabels), text: `ingress controller ${selectorText(given.podLabels)} in ${given.namespace}` };
  }
  const install = installs.find((i) => i.ingressClassName === className);
  if (install && install.exposure === 'HostNetwork') {
    // Pods on the host network send from the node's address: no pod selector matches them.
    if (!options.nodeCidrs || options.nodeCidrs.length === 0) {
      return { problem: {
        field: 'isolation.nodeCidrs', message: `is not set, and the ingress-nginx controller of class "${className}" runs on the host network, so its traffic comes from node addresses no pod selector matches.`,
        fix: 'give the networks of the nodes\' addresses in `isolation.nodeCidrs`.',
      } };
    }
    return { key: install.namespace, text: `ingress-nginx (host network) on nodes ${options.nodeCidrs.join(', ')}`, ipBlocks: options.nodeCidrs.map((cidr) => ({ cidr })) };
  }
  if (install) return ingressNginxControllerEndpoint(install.name, install.namespace);
  if (className === 'nginx') {
    // The upstream static install (deploy/static/provider/*, v1.15.1).
    const labels = { [LABEL_NAME]: 'ingress-nginx', [LABEL_COMPONENT]: 'controller' };
    return { ...podsEndpoint('ingress-nginx', 'ingress-nginx', labels), text: 'ingress-nginx controller in ingress-nginx' };
  }
  return { problem: {
    field: 'isolation.ingressControllers', message: `has no entry for IngressClass "${className}", whose controller pods this app does not install.`,
    value: className, allowed: 'the classes of the IngressNginx installs in the app, "nginx", or a class given here',
    fix: `add \`ingressControllers: { '${className}': { namespace: '<controller namespace>', podLabels: { ... } } }\`.`,
  } };
}

function dataPlane(gateway: Gateway, fabrics: readonly NginxGatewayFabric[], options: IsolationOptions): { endpoint: Endpoint; fabric?: NginxGatewayFabric; nginx: boolean } | { problem: Problem } {
  const className = gateway.gatewayClassName;
  const given = options.gatewayDataPlanes?.[className];
  const fabric = fabrics.find((f) => f.gatewayClassName === className);
  const nginx = !given && (fabric !== undefined || className === DEFAULT_GATEWAY_CLASS);
  if (!given && !nginx) {
    return { problem: {
      field: 'isolation.gatewayDataPlanes', message: `has no entry for GatewayClass "${className}" (of Gateway ${gateway.namespace}/${gateway.name}), whose data-plane pods cannot be derived.`,
      value: className, allowed: 'the classes of the NginxGatewayFabric installs in the app, "nginx", or a class given here',
      fix: `add \`gatewayDataPlanes: { '${className}': {} }\` when its data plane runs in the Gateway's namespace with the label ${GATEWAY_NAME_LABEL}, else give its namespace and podLabels.`,
    } };
  }
  if (!given?.podLabels && gateway.name.length > 63) {
    return { problem: {
      field: 'isolation.gatewayDataPlanes', message: `cannot select Gateway "${gateway.name}"'s data plane: a name over 63 characters is no label value, so it is not in ${GATEWAY_NAME_LABEL}.`,
      value: gateway.name, fix: 'give the Gateway a shorter name, or give the data plane\'s podLabels.',
    } };
  }
  const namespace = given?.namespace ?? gateway.namespace;
  const labels = given?.podLabels ?? { [GATEWAY_NAME_LABEL]: gateway.name };
  const endpoint: Endpoint = {
    ...podsEndpoint(`gateway-${gateway.name}`, namespace, labels),
    text: `Gateway ${gateway.name}'s data plane (pods ${selectorText(labels)} in ${namespace})`,
    provisioned: `selects the data plane the controller of GatewayClass ${className} provisions for Gateway ${gateway.name}: its pods are created in the cluster, not written in these manifests.`,
  };
  return { endpoint, fabric, nginx };
}

function routeEdges(route: HttpRoute, gateways: Map<string, Gateway>, fabrics: readonly NginxGatewayFabric[], options: IsolationOptions): RoutedEdge[] {
  const edges: RoutedEdge[] = [];
  for (const parent of route.parentRefs) {
    if (parent.kind !== undefined && parent.kind !== 'Gateway') continue;
    const gateway = gateways.get(`${parent.namespace ?? route.namespace}/${parent.name}`);
    const plane = gateway ? dataPlane(gateway, fabrics, options) : undefined;
    for (const rule of route.rules) {
      for (const b of rule.backends ?? []) {
        const resolved = b.service ? backend(b.service, b.port) : undefined;
        if (!resolved) continue;
        const path = `HTTPRoute ${route.name} via Gateway ${parent.name} → ${resolved.text}`;
        if (!plane) {
          edges.push({ from: { key: `gateway-${parent.name}`, text: `Gateway ${parent.name}` }, to: resolved.to, ports: resolved.ports, path, scope: route, problem: {
            field: 'isolation', message: `cannot derive who sends HTTPRoute ${route.name}'s traffic: its parent Gateway ${parent.namespace ?? route.namespace}/${parent.name} is not in this app.`,
            value: parent.name, fix: `declare the Gateway's data-plane pods with \`${b.service!.name}.allowFrom(NetworkPeer.pods('<namespace>', { ... }))\` and define the Gateway in the app.`,
          } });
        } else if ('problem' in plane) {
          edges.push({ from: { key: `gateway-${parent.name}`, text: `Gateway ${parent.name}` }, to: resolved.to, ports: resolved.ports, path, scope: route, problem: plane.problem });
        } else {
          edges.push({ from: plane.endpoint, to: resolved.to, ports: resolved.ports, path });
        }
      }
    }
  }
  return edges;
}

/** Clients → the data plane on the listener ports, and the data plane → its control plane (NGINX Gateway Fabric). */
function gatewayEdges(gateway: Gateway, fabrics: readonly NginxGatewayFabric[], options: IsolationOptions): RoutedEdge[] {
  const plane = dataPlane(gateway, fabrics, options);
  if ('problem' in plane) {
    return [{ from: { key: 'clients', text: 'clients', ipBlocks: EVERYWHERE }, to: { key: `gateway-${gateway.name}`, text: `Gateway ${gateway.name}`, namespace: gateway.namespace, podLabels: {} }, path: `Gateway ${gateway.name}`, problem: plane.problem, scope: gateway }];
  }
  // NGINX Gateway Fabric's nginx binds each listener port itself (net.ipv4.ip_unprivileged_port_start=0);
  // another implementation may map listener ports to other container ports, so every port is allowed.
  const ports = plane.nginx ? [...new Set(gateway.listeners.map((l) => l.port))].sort((a, b) => a - b).map((port) => ({ port, protocol: 'TCP' })) : undefined;
  const edges: RoutedEdge[] = [{
    from: { key: 'clients', text: 'any client', ipBlocks: undefined },
    to: plane.endpoint, ports,
    path: `clients → Gateway ${gateway.name} listeners ${gateway.listeners.map((l) => `${l.name} ${l.port}`).join(', ')} → ${plane.endpoint.text}`,
  }];
  if (plane.nginx) {
    const name = plane.fabric?.name ?? NGF_DEFAULT_NAME;
    const namespace = plane.fabric?.namespace ?? 'nginx-gateway';
    edges.push({
      from: plane.endpoint, to: controlPlaneEndpoint(name, namespace), ports: [{ port: AGENT_GRPC_PORT, protocol: 'TCP' }],
      path: `${plane.endpoint.text} → NGINX Gateway Fabric control plane ${namespace}/${name}:${AGENT_GRPC_PORT} (agent configuration over gRPC)`,
    });
  }
  return edges;
}

/** NodePort and LoadBalancer Services: the sources they are documented to take, with the externalTrafficPolicy subtlety. */
function serviceEntryEdges(service: ExposedService, options: IsolationOptions): RoutedEdge[] {
  if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') return [];
  const resolved = backend(service);
  if (!resolved) return [];
  const spec = service.service.toJson().spec ?? {};
  return entryEdges({ name: service.name, type: service.type, externalTrafficPolicy: spec.externalTrafficPolicy, loadBalancerSourceRanges: spec.loadBalancerSourceRanges },
    resolved.to, resolved.ports, resolved.text, options.nodeCidrs, service);
}
