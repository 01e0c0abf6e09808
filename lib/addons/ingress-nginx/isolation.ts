import { IConstruct } from 'constructs';
import { Problem } from '../../core/errors';
import { LABEL_COMPONENT, LABEL_INSTANCE, LABEL_NAME } from '../../core/labels';
import { isCidr, isPortNumber } from '../../core/net';
import { networkEndpoint } from '../../isolation/allow-from';
import { entryEdges } from '../../isolation/entry-edges';
import { selectorText } from '../../isolation/peers';
import { EdgePort, Endpoint, podsEndpoint, TrafficEdge } from '../../isolation/traffic-edges';
import { controllerSelector } from './labels';
import { IngressNginxIsolation } from './isolation-props';
import { IngressNginxExposure } from './props';
import { APP_NAME, WEBHOOK_PORT } from './upstream';

/** The API server ports pods send to after the `kubernetes` Service's translation: kubeadm's and the managed clouds'. */
export const DEFAULT_API_SERVER_PORTS = [443, 6443];

/** The controller pods as isolation names them: key `<namespace>`, so the backends' policies read `allow-web-from-ingress-nginx`. */
export function ingressNginxControllerEndpoint(name: string, namespace: string): Endpoint {
  return { ...podsEndpoint(namespace, namespace, controllerSelector(name)), text: `ingress-nginx controller in ${namespace}` };
}

/** The certgen Jobs' pods, by the labels that do not change on upgrade. */
function admissionJobsEndpoint(name: string, namespace: string): Endpoint {
  const labels = { [LABEL_COMPONENT]: 'admission-webhook', [LABEL_INSTANCE]: name, [LABEL_NAME]: APP_NAME };
  return { ...podsEndpoint('admission-jobs', namespace, labels), text: `the admission Jobs (pods ${selectorText(labels)} in ${namespace})` };
}

/** What the install's isolation reads of it. */
export interface IsolatedInstall {
  readonly name: string;
  readonly namespace: string;
  readonly exposure: IngressNginxExposure;
  readonly admissionWebhook: boolean;
  /** The metrics port, when metrics are on. */
  readonly metricsPort?: number;
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerSourceRanges?: readonly string[];
}

/** What is wrong with `isolation` for this install (`isolatedByChart`: the chart that isolates its namespace already), before any policy is written. */
export function ingressNginxIsolationProblems(install: IsolatedInstall, isolation: IngressNginxIsolation, isolatedByChart?: string): Problem[] {
  const problems: Problem[] = [];
  if (isolatedByChart !== undefined) {
    problems.push({
      field: 'isolation', message: `would isolate namespace "${install.namespace}" a second time: chart ${isolatedByChart} isolates it already.`,
      value: isolation, fix: 'drop `isolation` from the chart, or from the install.',
    });
  }
  if (install.exposure === 'HostNetwork') {
    problems.push({
      field: 'isolation', message: 'is set with exposure HostNetwork: the controller pods share the node\'s network, and NetworkPolicies do not apply to such pods on most network plugins (the spec leaves them undefined).',
      value: isolation, fix: 'use exposure NodePort or LoadBalancer to isolate the namespace, or drop `isolation` and protect the nodes\' ports 80 and 443 with the nodes\' firewall.',
    });
  }
  const cidrs = isolation.apiServerCidrs ?? [];
  if (cidrs.length === 0 && (install.admissionWebhook || isolation.egress)) {
    const why = [
      ...(install.admissionWebhook ? ['the API server calls the admission webhook on port 8443 (admissionWebhook is on)'] : []),
      ...(isolation.egress ? ['the controller and the admission Jobs call the API server (egress is denied)'] : []),
    ].join(', and ');
    problems.push({
      field: 'isolation.apiServerCidrs', message: `is not set, and ${why}: the API server is not a pod, so only its addresses (an ipBlock) can match it.`,
      value: isolation.apiServerCidrs, allowed: 'one or more CIDRs, such as ["10.0.0.10/32"]',
      fix: 'give the API server\'s addresses: `kubectl get endpoints kubernetes -n default` lists them (a single address is "<ip>/32"); on a managed control plane, its published range.',
    });
  }
  cidrs.forEach((cidr, i) => {
    if (!isCidr(cidr)) problems.push({ field: `isolation.apiServerCidrs[${i}]`, message: 'is not a CIDR.', value: cidr, allowed: 'an IPv4 or IPv6 network such as "10.0.0.10/32"', fix: 'a single address is "<ip>/32".' });
  });
  (isolation.nodeCidrs ?? []).forEach((cidr, i) => {
    if (!isCidr(cidr)) problems.push({ field: `isolation.nodeCidrs[${i}]`, message: 'is not a CIDR.', value: cidr, allowed: 'an IPv4 or IPv6 network such as "192.168.0.0/24"', fix: 'give the networks the nodes\' addresses are in.' });
  });
  const ports = isolation.apiServerPorts;
  if (ports !== undefined && ports.length === 0) {
    problems.push({ field: 'isolation.apiServerPorts', message: 'is empty, which a NetworkPolicy reads as every port.', value: [], fix: 'list the API server\'s ports, or leave `apiServerPorts` out for [443, 6443].' });
  }
  (ports ?? []).forEach((port, i) => {
    if (!isPortNumber(port)) problems.push({ field: `isolation.apiServerPorts[${i}]`, message: 'is not a port number.', value: port, allowed: 'an integer from 1 to 65535', fix: 'give the port of the `kubernetes` Service\'s endpoints.' });
  });
  if (isolation.metricsFrom !== undefined && install.metricsPort === undefined) {
    problems.push({ field: 'isolation.metricsFrom', message: 'is set, but `metrics` is not, so the controller serves no metrics port.', value: isolation.metricsFrom.map((p) => p.description), fix: 'set `metrics: {}`, or drop `metricsFrom`.' });
  }
  return problems;
}

/**
 * The paths the install's pods need, besides the routed backends (which
 * isolation derives from the app's Ingresses): clients → the controller's
 * http and https ports, the API server → the webhook, the pods → the API
 * server, scrapers → metrics. Entry problems (source ranges SNATed) are returned.
 */
export function ingressNginxEdges(install: IsolatedInstall, isolation: IngressNginxIsolation, scope: IConstruct): { edges: TrafficEdge[]; problems: Problem[] } {
  const controller = ingressNginxControllerEndpoint(install.name, install.namespace);
  const tcp = (ports: readonly number[]): EdgePort[] => ports.map((port) => ({ port, protocol: 'TCP' }));
  const entry = entryEdges(
    { name: `${install.name}-controller`, type: install.exposure, externalTrafficPolicy: install.externalTrafficPolicy, loadBalancerSourceRanges: install.loadBalancerSourceRanges },
    controller, tcp([80, 443]), `pods ${selectorText(controllerSelector(install.name))}:80,443 (http, https)`, isolation.nodeCidrs, scope,
  );
  const edges: TrafficEdge[] = entry.filter((e) => !e.problem);
  const problems = entry.flatMap((e) => (e.problem ? [e.problem] : []));
  const cidrs = isolation.apiServerCidrs ?? [];
  const apiServer: Endpoint = { key: 'api-server', text: `the API server (${cidrs.join(', ')})`, ipBlocks: cidrs.map((cidr) => ({ cidr })) };
  if (install.admissionWebhook) {
    edges.push({
      from: apiServer, to: controller, ports: tcp([WEBHOOK_PORT]),
      path: `API server → ValidatingWebhookConfiguration ${install.name}-admission → Service ${install.name}-controller-admission:443 → controller:${WEBHOOK_PORT}`,
    });
  }
  if (isolation.egress) {
    const ports = tcp(isolation.apiServerPorts ?? DEFAULT_API_SERVER_PORTS);
    const portList = ports.map((p) => p.port).join(',');
    edges.push({ from: controller, to: apiServer, ports, path: `ingress-nginx controller → API server:${portList} (watches Ingresses, Services, EndpointSlices, Secrets; leader election)` });
    if (install.admissionWebhook) {
      edges.push({ from: admissionJobsEndpoint(install.name, install.namespace), to: apiServer, ports, path: `admission Jobs (kube-webhook-certgen) → API server:${portList} (write the webhook's certificate Secret and caBundle)` });
    }
  }
  if (install.metricsPort !== undefined) {
    for (const peer of isolation.metricsFrom ?? []) {
      const from = networkEndpoint(peer);
      edges.push({ from, to: controller, ports: tcp([install.metricsPort]), path: `${from.text} → controller metrics:${install.metricsPort}` });
    }
  }
  return { edges, problems };
}
