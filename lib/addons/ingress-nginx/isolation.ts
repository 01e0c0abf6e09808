import { IConstruct } from 'constructs';
import { Problem } from '../../core/errors';
import { LABEL_COMPONENT, LABEL_INSTANCE, LABEL_NAME } from '../../core/labels';
import { isCidr } from '../../core/net';
import { entryEdges } from '../../isolation/entry-edges';
import { selectorText } from '../../isolation/peers';
import { Endpoint, podsEndpoint, TrafficEdge } from '../../isolation/traffic-edges';
import { apiServerEdges, apiServerEndpoint, apiServerProblems, metricsEdges, tcp } from '../common/isolation';
import { controllerSelector } from './labels';
import { IngressNginxIsolation } from './isolation-props';
import { IngressNginxExposure } from './props';
import { APP_NAME, WEBHOOK_PORT } from './upstream';

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

/** What is wrong with `isolation` for this install, before any policy is written. */
export function ingressNginxIsolationProblems(install: IsolatedInstall, isolation: IngressNginxIsolation): Problem[] {
  const problems: Problem[] = [];
  if (install.exposure === 'HostNetwork') {
    problems.push({
      field: 'isolation', message: 'is set with exposure HostNetwork: the controller pods share the node\'s network, and NetworkPolicies do not apply to such pods on most network plugins (the spec leaves them undefined).',
      value: isolation, fix: 'use exposure NodePort or LoadBalancer to isolate the namespace, or drop `isolation` and protect the nodes\' ports 80 and 443 with the nodes\' firewall.',
    });
  }
  problems.push(...apiServerProblems(isolation, [
    ...(install.admissionWebhook ? ['the API server calls the admission webhook on port 8443 (admissionWebhook is on)'] : []),
    ...(isolation.egress ? ['the controller and the admission Jobs call the API server (egress is denied)'] : []),
  ]));
  (isolation.nodeCidrs ?? []).forEach((cidr, i) => {
    if (!isCidr(cidr)) problems.push({ field: `isolation.nodeCidrs[${i}]`, message: 'is not a CIDR.', value: cidr, allowed: 'an IPv4 or IPv6 network such as "192.168.0.0/24"', fix: 'give the networks the nodes\' addresses are in.' });
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
  const entry = entryEdges(
    { name: `${install.name}-controller`, type: install.exposure, externalTrafficPolicy: install.externalTrafficPolicy, loadBalancerSourceRanges: install.loadBalancerSourceRanges },
    controller, tcp([80, 443]), `pods ${selectorText(controllerSelector(install.name))}:80,443 (http, https)`, isolation.nodeCidrs, scope,
  );
  const edges: TrafficEdge[] = entry.filter((e) => !e.problem);
  const problems = entry.flatMap((e) => (e.problem ? [e.problem] : []));
  if (install.admissionWebhook) {
    edges.push({
      from: apiServerEndpoint(isolation), to: controller, ports: tcp([WEBHOOK_PORT]),
      path: `API server → ValidatingWebhookConfiguration ${install.name}-admission → Service ${install.name}-controller-admission:443 → controller:${WEBHOOK_PORT}`,
    });
  }
  edges.push(...apiServerEdges(isolation, [
    { from: controller, why: 'watches Ingresses, Services, EndpointSlices, Secrets; leader election' },
    ...(install.admissionWebhook ? [{ from: admissionJobsEndpoint(install.name, install.namespace), why: 'kube-webhook-certgen writes the webhook\'s certificate Secret and caBundle' }] : []),
  ]));
  if (install.metricsPort !== undefined) edges.push(...metricsEdges(isolation, controller, install.metricsPort));
  return { edges, problems };
}
