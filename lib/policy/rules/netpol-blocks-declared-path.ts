import { PodEndpoint } from '../../isolation/reachability';
import { NetworkProtocol } from '../../isolation/ports';
import { PolicyContext, PodTemplate } from '../context';
import { PolicyObject, Rule, RuleViolation } from '../types';
import { gatewayParents, gatewayRoutes, routeServiceRefs } from './gateway-parts';
import { ingressBackends } from './ingress-parts';
import { blockedBecause, netpolView, NetpolView, resolveTargetPort, templateName } from './netpol-parts';

/** Where routed traffic comes from: pods (named for messages), or unknown with the reason. */
interface Sources {
  readonly pods: ReadonlyArray<{ readonly endpoint: PodEndpoint; readonly name: string }>;
  readonly unknown?: string;
}

const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

function optionSources(context: PolicyContext): Sources['pods'] {
  return (context.options.dataPlanePods ?? []).map((p) => ({ endpoint: { namespace: p.namespace, labels: p.labels }, name: `pods ${p.namespace}/${JSON.stringify(p.labels)} (dataPlanePods option)` }));
}

/** The controller pods of an Ingress's class: the templates run with `--ingress-class=<class>` or `--controller-class=<controller>` (ingress-nginx's flags). */
function ingressSources(context: PolicyContext, view: NetpolView, ingress: PolicyObject): Sources {
  const classes = context.ofKind('IngressClass');
  const className: string | undefined = ingress.manifest.spec?.ingressClassName
    ?? ingress.manifest.metadata?.annotations?.['kubernetes.io/ingress.class']
    ?? classes.find((c) => c.manifest.metadata?.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')?.name;
  const controller = classes.find((c) => c.name === className)?.manifest.spec?.controller;
  const flags = [`--ingress-class=${className}`, ...(controller ? [`--controller-class=${controller}`] : [])];
  const pods = className === undefined ? [] : context.podTemplates
    .filter((t) => (t.spec?.containers ?? []).some((c: any) => (c?.args ?? []).some((a: unknown) => flags.includes(String(a)))))
    .map((t) => ({ endpoint: view.endpointOf(t), name: `the ingress controller (${templateName(t)})` }));
  const fromOption = optionSources(context);
  if (pods.length > 0 || fromOption.length > 0) return { pods: [...pods, ...fromOption] };
  return { pods: [], unknown: `the controller pods of ingress class "${className ?? '(cluster default)'}" are not in these manifests` };
}

/** The data plane pods of a route's Gateways: templates labelled gateway.networking.k8s.io/gateway-name (GEP-1762 provisioning). */
function routeSources(context: PolicyContext, view: NetpolView, route: PolicyObject): Sources {
  const pods = gatewayParents(context, route).flatMap((parent) => view.templatesIn(parent.namespace)
    .filter((t) => t.labels[GATEWAY_NAME_LABEL] === parent.ref.name)
    .map((t) => ({ endpoint: view.endpointOf(t), name: `the data plane of Gateway ${parent.namespace}/${parent.ref.name} (${templateName(t)})` })));
  const fromOption = optionSources(context);
  if (pods.length > 0 || fromOption.length > 0) return { pods: [...pods, ...fromOption] };
  return { pods: [], unknown: 'the Gateway data plane pods are provisioned by the controller and not in these manifests' };
}

export const netpolBlocksDeclaredPath: Rule = {
  id: 'netpol-blocks-declared-path',
  severity: 'error',
  severityReason: 'Traffic cannot flow as written: a path the manifests declare (Ingress or HTTPRoute → Service → pods, a NodePort or LoadBalancer entry) is dropped by NetworkPolicies (info when the source pods are not in the input).',
  crossObject: true,
  description: 'NetworkPolicies let the ingress controller or Gateway data plane reach the pods behind every routed Service, and outside clients reach the pods of NodePort and LoadBalancer Services.',
  fix: 'Add an ingress rule to the policies selecting the backend pods that admits the source (and an egress rule on the source side if its egress is isolated), on the target port.',
  check: (context) => {
    const view = netpolView(context);
    if (!view) return [];
    const out: RuleViolation[] = [];
    const judgePath = (object: PolicyObject, field: string, sources: Sources, service: PolicyObject | undefined, servicePort: unknown) => {
      if (!service) return;
      const ports = (service.manifest.spec?.ports ?? []).filter((p: any) => p?.port === servicePort || (typeof servicePort === 'string' && p?.name === servicePort));
      for (const template of context.podsSelectedBy(service)) {
        const destination = view.endpointOf(template);
        if (!view.index.hasPoliciesIn(template.namespace) && sources.pods.every((s) => !view.index.hasPoliciesIn(s.endpoint.namespace))) continue;
        for (const port of ports) {
          const protocol = (port.protocol ?? 'TCP') as NetworkProtocol;
          const number = resolveTargetPort(destination, port.targetPort ?? port.port, protocol);
          if (number === undefined) continue; // svc-targetport-exists reports it.
          const path = `${field} → Service ${service.namespace}/${service.name}:${port.port} → ${templateName(template)} on ${number}/${protocol}`;
          if (sources.unknown !== undefined) {
            const isolating = view.index.policiesSelecting(destination, 'ingress');
            if (isolating.length > 0 && !view.index.admitsSomeExternalSource(destination, number, protocol)) {
              out.push({
                object, severity: 'info',
                message: `cannot judge ${path}: the pods' ingress is isolated by NetworkPolicy ${isolating.map((p) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name}`).join(', ')} and ${sources.unknown}.`,
                fix: 'Check these manifests with the controller\'s, or name its pods with the dataPlanePods option, to have the path checked.',
              });
            }
            continue;
          }
          for (const source of sources.pods) {
            const verdict = view.index.reach({ from: source.endpoint, to: destination, port: number, protocol });
            if (verdict.allowed) continue;
            out.push({ object, message: `${path} is blocked for ${source.name}: ${blockedBecause(verdict, source.name, `${templateName(template)}`)}.` });
          }
        }
      }
    };
    for (const ingress of context.ofKind('Ingress')) {
      const sources = ingressSources(context, view, ingress);
      for (const { backend, field } of ingressBackends(ingress.manifest)) {
        const ref = backend?.service;
        if (!ref?.name) continue;
        judgePath(ingress, field, sources, context.find('Service', ingress.namespace, ref.name), ref.port?.number ?? ref.port?.name);
      }
    }
    for (const route of gatewayRoutes(context)) {
      const sources = routeSources(context, view, route);
      for (const { ref, field, namespace } of routeServiceRefs(route)) judgePath(route, field, sources, context.find('Service', namespace, ref.name), ref.port);
    }
    for (const service of context.ofKind('Service')) out.push(...entryPointFindings(view, context, service));
    return out;
  },
};

/** NodePort and LoadBalancer Services: outside clients (with externalTrafficPolicy Cluster, SNATed to node addresses) must get through. */
function entryPointFindings(view: NetpolView, context: PolicyContext, service: PolicyObject): RuleViolation[] {
  const spec = service.manifest.spec ?? {};
  if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return [];
  if (!view.index.hasPoliciesIn(service.namespace ?? 'default')) return [];
  const out: RuleViolation[] = [];
  const local = spec.externalTrafficPolicy === 'Local';
  const ranges: string[] = spec.type === 'LoadBalancer' && Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges : [];
  for (const template of context.podsSelectedBy(service) as PodTemplate[]) {
    const destination = view.endpointOf(template);
    for (const port of spec.ports ?? []) {
      const protocol = (port.protocol ?? 'TCP') as NetworkProtocol;
      const number = resolveTargetPort(destination, port.targetPort ?? port.port, protocol);
      if (number === undefined) continue;
      const path = `${spec.type} entry spec.ports[${(spec.ports ?? []).indexOf(port)}] (${port.port}) → ${templateName(template)} on ${number}/${protocol}`;
      if (!view.index.admitsSomeExternalSource(destination, number, protocol)) {
        const policies = view.index.policiesSelecting(destination, 'ingress').map((p) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name}`);
        out.push({ object: service, message: `${path} is blocked for every client outside the cluster: the pods' ingress is isolated by NetworkPolicy ${policies.join(', ')} and no rule admits an ipBlock or any source on that port.` });
        continue;
      }
      // With Local the client address is kept, so the declared source ranges are what the policy sees.
      if (!local) continue;
      for (const range of ranges) {
        const verdict = view.index.reach({ from: { ip: String(range).split('/')[0] }, to: destination, port: number, protocol });
        if (!verdict.allowed) out.push({ object: service, message: `${path} is blocked for clients in loadBalancerSourceRanges ${range}: ${blockedBecause(verdict, `clients in ${range}`, templateName(template))}.` });
      }
    }
  }
  return out;
}
