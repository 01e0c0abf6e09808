import { PolicyContext, PodTemplate } from '../policy/context';
import { CONTROLLER_NAME_PREFIX as NGF_CONTROLLER_NAME_PREFIX } from '../addons/nginx-gateway-fabric/upstream';
import { gatewayParents, gatewayRoutes, routeServiceRefs } from '../policy/rules/gateway-parts';
import { ingressBackends } from '../policy/rules/ingress-parts';
import { PolicyObject } from '../policy/types';
import { blockedBecause, NetpolView, resolveTargetPort, templateName } from './netpol-view';
import { NetworkProtocol } from './ports';
import { PodEndpoint, policyId } from './reachability';

/**
 * The paths the manifests declare into the pods (Ingress or HTTPRoute →
 * Service → pods, from the ingress controller or Gateway data plane; NodePort
 * and LoadBalancer entries, from outside clients), each judged against the
 * NetworkPolicies. One implementation for the netpol-blocks-declared-path
 * rule and the traffic map.
 */

/** Where routed traffic comes from: pods (named for messages), or unknown with the reason. */
export interface PathSources {
  readonly pods: ReadonlyArray<{ readonly endpoint: PodEndpoint; readonly name: string }>;
  readonly unknown?: string;
  /** Who the unknown source is: `the ingress controller of class "nginx"`. */
  readonly unknownName?: string;
}

export interface DeclaredPath {
  /** The object that declares the path (Ingress, HTTPRoute or Service). */
  readonly object: PolicyObject;
  /** `spec.rules[0].http.paths[0].backend → Service shop/web:80 → Deployment shop/web on 8080/TCP`. */
  readonly text: string;
  readonly service: PolicyObject;
  readonly template: PodTemplate;
  readonly port: number;
  readonly protocol: NetworkProtocol;
  /** What NetworkPolicies make of it. */
  readonly verdict: 'allowed' | 'blocked' | 'unknown';
  /** `allowed by NetworkPolicy shop/allow-x`, `not isolated`, or why it is blocked or cannot be judged. */
  readonly reason: string;
  /** Who sends: `the ingress controller (Deployment ingress-nginx/ingress-nginx-controller)`, `clients outside the cluster`. */
  readonly source: string;
}

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

function optionSources(context: PolicyContext): PathSources['pods'] {
  return (context.options.dataPlanePods ?? []).map((p) => ({ endpoint: { namespace: p.namespace, labels: p.labels }, name: `pods ${p.namespace}/${JSON.stringify(p.labels)} (dataPlanePods option)` }));
}

/** Controller flag (`--ingress-class=nginx`, `--controller-class=k8s.io/ingress-nginx`) → the templates run with it: one pass over the templates. */
function controllersByFlag(context: PolicyContext): Map<string, PodTemplate[]> {
  const out = new Map<string, PodTemplate[]>();
  for (const t of context.podTemplates) {
    for (const c of Array.isArray(t.spec?.containers) ? t.spec.containers : []) {
      for (const arg of Array.isArray(c?.args) ? c.args : []) {
        const flag = String(arg);
        if (!flag.startsWith('--ingress-class=') && !flag.startsWith('--controller-class=')) continue;
        const list = out.get(flag);
        if (!list) out.set(flag, [t]);
        else if (!list.includes(t)) list.push(t);
      }
    }
  }
  return out;
}

/** The class an Ingress asks for: spec.ingressClassName, the old annotation, else the default IngressClass. */
function ingressClassOf(context: PolicyContext, ingress: PolicyObject): string | undefined {
  return ingress.manifest.spec?.ingressClassName
    ?? ingress.manifest.metadata?.annotations?.['kubernetes.io/ingress.class']
    ?? context.ofKind('IngressClass').find((c) => c.manifest.metadata?.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')?.name;
}

/** The controller pods of an ingress class: the templates run with `--ingress-class=<class>` or `--controller-class=<controller>` (ingress-nginx's flags). */
function ingressSources(context: PolicyContext, view: NetpolView, className: string | undefined, byFlag: Map<string, PodTemplate[]>): PathSources {
  const controller = context.ofKind('IngressClass').find((c) => c.name === className)?.manifest.spec?.controller;
  const templates = className === undefined ? [] : [...new Set([...(byFlag.get(`--ingress-class=${className}`) ?? []), ...(controller ? byFlag.get(`--controller-class=${controller}`) ?? [] : [])])];
  const pods = templates.map((t) => ({ endpoint: view.endpointOf(t), name: `the ingress controller (${templateName(t)})` }));
  const fromOption = optionSources(context);
  if (pods.length > 0 || fromOption.length > 0) return { pods: [...pods, ...fromOption] };
  const name = `the ingress controller of class "${className ?? '(cluster default)'}"`;
  return { pods: [], unknown: `the controller pods of ingress class "${className ?? '(cluster default)'}" are not in these manifests`, unknownName: name };
}

/** Whether NGINX Gateway Fabric (per the GatewayClass in the manifests) serves the Gateway. */
function isNgfGateway(context: PolicyContext, gateway: PolicyObject): boolean {
  const className = gateway.manifest.spec?.gatewayClassName;
  const controller: unknown = context.ofKind('GatewayClass').find((c) => c.name === className)?.manifest.spec?.controllerName;
  return typeof controller === 'string' && controller.startsWith(NGF_CONTROLLER_NAME_PREFIX);
}

/** The data plane pods of a route's Gateways: templates labelled gateway.networking.k8s.io/gateway-name (GEP-1762 provisioning), looked up once per Gateway. */
function routeSources(context: PolicyContext, view: NetpolView, route: PolicyObject, perGateway: Map<string, PathSources['pods']>): PathSources {
  const pods = gatewayParents(context, route).flatMap((parent) => {
    const key = `${parent.namespace}/${parent.ref.name}`;
    let found = perGateway.get(key);
    if (!found) {
      found = view.templatesIn(parent.namespace).filter((t) => t.labels[GATEWAY_NAME_LABEL] === parent.ref.name)
        .map((t) => ({ endpoint: view.endpointOf(t), name: `the data plane of Gateway ${key} (${templateName(t)})` }));
      if (found.length === 0 && parent.gateway && isNgfGateway(context, parent.gateway)) {
        // NGINX Gateway Fabric provisions the data plane in the cluster, one per Gateway in the Gateway's namespace,
        // with the gateway-name label: known from the GatewayClass in the manifests, though its pods are not in them.
        found = [{ endpoint: { namespace: parent.namespace, labels: { [GATEWAY_NAME_LABEL]: parent.ref.name } }, name: `the data plane NGINX Gateway Fabric provisions for Gateway ${key}` }];
      }
      perGateway.set(key, found);
    }
    return found;
  });
  const fromOption = optionSources(context);
  if (pods.length > 0 || fromOption.length > 0) return { pods: [...pods, ...fromOption] };
  const gateways = gatewayParents(context, route).map((p) => `${p.namespace}/${p.ref.name}`).join(', ');
  return { pods: [], unknown: 'the Gateway data plane pods are provisioned by the controller and not in these manifests', unknownName: `the data plane of Gateway ${gateways}` };
}

const ids = (policies: readonly any[]) => policies.map(policyId).join(', ');

/** Every declared path into pods, judged. */
export function declaredPaths(context: PolicyContext, view: NetpolView): DeclaredPath[] {
  const out: DeclaredPath[] = [];
  const routed = (object: PolicyObject, field: string, sources: PathSources, service: PolicyObject | undefined, servicePort: unknown) => {
    if (!service) return;
    const ports = (service.manifest.spec?.ports ?? []).filter((p: any) => p?.port === servicePort || (typeof servicePort === 'string' && p?.name === servicePort));
    for (const template of context.podsSelectedBy(service)) {
      const destination = view.endpointOf(template);
      for (const port of ports) {
        const protocol = (port.protocol ?? 'TCP') as NetworkProtocol;
        const number = resolveTargetPort(destination, port.targetPort ?? port.port, protocol);
        if (number === undefined) continue; // svc-targetport-exists reports it.
        const base = { object, service, template, port: number, protocol, text: `${field} → Service ${service.namespace}/${service.name}:${port.port} → ${templateName(template)} on ${number}/${protocol}` };
        if (sources.unknown !== undefined) {
          const source = sources.unknownName ?? 'the routing pods';
          const isolating = view.index.policiesSelecting(destination, 'ingress');
          if (isolating.length === 0) out.push({ ...base, source, verdict: 'allowed', reason: 'not isolated' });
          else if (view.index.admitsSomeExternalSource(destination, number, protocol)) out.push({ ...base, source, verdict: 'allowed', reason: `allowed by NetworkPolicy ${ids(isolating)} (any source)` });
          else out.push({ ...base, source, verdict: 'unknown', reason: `the pods' ingress is isolated by NetworkPolicy ${ids(isolating)} and ${sources.unknown}` });
          continue;
        }
        for (const source of sources.pods) {
          const verdict = view.index.reach({ from: source.endpoint, to: destination, port: number, protocol });
          const allowedBy = [...verdict.ingress.allowedBy, ...verdict.egress.allowedBy];
          out.push({
            ...base, source: source.name,
            verdict: verdict.allowed ? 'allowed' : 'blocked',
            reason: verdict.allowed
              ? (allowedBy.length > 0 ? `allowed by NetworkPolicy ${[...new Set(allowedBy)].join(', ')}` : 'not isolated')
              : blockedBecause(verdict, source.name, templateName(template)),
          });
        }
      }
    }
  };
  const byFlag = controllersByFlag(context);
  const sourcesByClass = new Map<string | undefined, PathSources>();
  for (const ingress of context.ofKind('Ingress')) {
    const className = ingressClassOf(context, ingress);
    let sources = sourcesByClass.get(className);
    if (!sources) sourcesByClass.set(className, (sources = ingressSources(context, view, className, byFlag)));
    for (const { backend, field } of ingressBackends(ingress.manifest)) {
      const ref = backend?.service;
      if (ref?.name) routed(ingress, field, sources, context.find('Service', ingress.namespace, ref.name), ref.port?.number ?? ref.port?.name);
    }
  }
  const perGateway = new Map<string, PathSources['pods']>();
  for (const route of gatewayRoutes(context)) {
    const sources = routeSources(context, view, route, perGateway);
    for (const { ref, field, namespace } of routeServiceRefs(route)) routed(route, field, sources, context.find('Service', namespace, ref.name), ref.port);
  }
  for (const service of context.ofKind('Service')) out.push(...entryPaths(view, context, service));
  return out;
}

/** NodePort and LoadBalancer Services: outside clients (with externalTrafficPolicy Cluster, SNATed to node addresses) must get through. */
function entryPaths(view: NetpolView, context: PolicyContext, service: PolicyObject): DeclaredPath[] {
  const spec = service.manifest.spec ?? {};
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return [];
  const out: DeclaredPath[] = [];
  const local = spec.externalTrafficPolicy === 'Local';
  const ranges: string[] = spec.type === 'LoadBalancer' && Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges : [];
  const source = 'clients outside the cluster';
  for (const template of context.podsSelectedBy(service)) {
    const destination = view.endpointOf(template);
    (spec.ports ?? []).forEach((port: any, i: number) => {
      const protocol = (port.protocol ?? 'TCP') as NetworkProtocol;
      const number = resolveTargetPort(destination, port.targetPort ?? port.port, protocol);
      if (number === undefined) return;
      const base = { object: service, service, template, port: number, protocol, source, text: `${spec.type} entry spec.ports[${i}] (${port.port}) → ${templateName(template)} on ${number}/${protocol}` };
      const isolating = view.index.policiesSelecting(destination, 'ingress');
      if (isolating.length === 0) {
        out.push({ ...base, verdict: 'allowed', reason: 'not isolated' });
        return;
      }
      if (!view.index.admitsSomeExternalSource(destination, number, protocol)) {
        out.push({ ...base, source: 'every client outside the cluster', verdict: 'blocked', reason: `the pods' ingress is isolated by NetworkPolicy ${ids(isolating)} and no rule admits an ipBlock or any source on that port` });
        return;
      }
      // With Local the client address is kept, so the declared source ranges are what the policy sees.
      const blocked = local ? ranges.filter((range) => !view.index.reach({ from: { ip: String(range).split('/')[0] }, to: destination, port: number, protocol }).allowed) : [];
      out.push(blocked.length > 0
        ? { ...base, source: `clients in loadBalancerSourceRanges ${blocked.join(', ')}`, verdict: 'blocked', reason: `the pods' ingress is isolated by NetworkPolicy ${ids(isolating)} and no rule admits clients in ${blocked.join(', ')}` }
        : { ...base, verdict: 'allowed', reason: `allowed by NetworkPolicy ${ids(isolating)} (ipBlock${local ? '' : '; with externalTrafficPolicy Cluster the sources are node addresses'})` });
    });
  }
  return out;
}
