import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { isNetkitChart } from '../../core/chart';
import { Problem, throwIfProblems } from '../../core/errors';
import { isCidr, isPortNumber } from '../../core/net';
import { networkEndpoint } from '../../isolation/allow-from';
import type { NamespaceIsolation } from '../../isolation/isolation';
import { declareEdge, EdgePort, Endpoint, TrafficEdge } from '../../isolation/traffic-edges';
import { AddonIsolation } from './isolation-props';

/** The API server ports pods send to after the `kubernetes` Service's translation: kubeadm's and the managed clouds'. */
export const DEFAULT_API_SERVER_PORTS = [443, 6443];

export function tcp(ports: readonly number[]): EdgePort[] {
  return ports.map((port) => ({ port, protocol: 'TCP' }));
}

/** The API server as a policy peer: its addresses (it is not a pod). */
export function apiServerEndpoint(isolation: AddonIsolation): Endpoint {
  const cidrs = isolation.apiServerCidrs ?? [];
  return { key: 'api-server', text: `the API server (${cidrs.join(', ')})`, ipBlocks: cidrs.map((cidr) => ({ cidr })) };
}

/** `apiServerCidrs` (required when `needs` says why) and `apiServerPorts`, checked. */
export function apiServerProblems(isolation: AddonIsolation, needs: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const cidrs = isolation.apiServerCidrs ?? [];
  if (cidrs.length === 0 && needs.length > 0) {
    problems.push({
      field: 'isolation.apiServerCidrs', message: `is not set, and ${needs.join(', and ')}: the API server is not a pod, so only its addresses (an ipBlock) can match it.`,
      value: isolation.apiServerCidrs, allowed: 'one or more CIDRs, such as ["10.0.0.10/32"]',
      fix: 'give the API server\'s addresses: `kubectl get endpoints kubernetes -n default` lists them (a single address is "<ip>/32"); on a managed control plane, its published range.',
    });
  }
  cidrs.forEach((cidr, i) => {
    if (!isCidr(cidr)) problems.push({ field: `isolation.apiServerCidrs[${i}]`, message: 'is not a CIDR.', value: cidr, allowed: 'an IPv4 or IPv6 network such as "10.0.0.10/32"', fix: 'a single address is "<ip>/32".' });
  });
  const ports = isolation.apiServerPorts;
  if (ports !== undefined && ports.length === 0) {
    problems.push({ field: 'isolation.apiServerPorts', message: 'is empty, which a NetworkPolicy reads as every port.', value: [], fix: 'list the API server\'s ports, or leave `apiServerPorts` out for [443, 6443].' });
  }
  (ports ?? []).forEach((port, i) => {
    if (!isPortNumber(port)) problems.push({ field: `isolation.apiServerPorts[${i}]`, message: 'is not a port number.', value: port, allowed: 'an integer from 1 to 65535', fix: 'give the port of the `kubernetes` Service\'s endpoints.' });
  });
  return problems;
}

/** With egress denied: each client → the API server on `apiServerPorts`, saying why it calls it. */
export function apiServerEdges(isolation: AddonIsolation, clients: ReadonlyArray<{ readonly from: Endpoint; readonly why: string }>): TrafficEdge[] {
  if (!isolation.egress) return [];
  const ports = tcp(isolation.apiServerPorts ?? DEFAULT_API_SERVER_PORTS);
  const to = apiServerEndpoint(isolation);
  return clients.map(({ from, why }) => ({ from, to, ports, path: `${from.text} → API server:${ports.map((p) => p.port).join(',')} (${why})` }));
}

/** `metricsFrom` peers → the metrics port of `to`. */
export function metricsEdges(isolation: AddonIsolation, to: Endpoint, port: number): TrafficEdge[] {
  return (isolation.metricsFrom ?? []).map((peer) => {
    const from = networkEndpoint(peer);
    return { from, to, ports: tcp([port]), path: `${from.text} → ${to.text} metrics:${port}` };
  });
}

/**
 * Default-deny in the add-on's namespace, with `edges` declared for the app
 * (routed paths are derived at synth). Refused when the chart isolates the
 * same namespace: one default-deny per namespace.
 */
export function isolateAddonNamespace(
  scope: Construct, namespace: string, isolation: AddonIsolation, edges: readonly TrafficEdge[], problems: readonly Problem[], nodeCidrs?: string[],
): NamespaceIsolation {
  const chart = Chart.of(scope);
  const all = [...problems];
  if (isNetkitChart(chart) && chart.isolation && chart.namespace === namespace) {
    all.unshift({
      field: 'isolation', message: `would isolate namespace "${namespace}" a second time: chart ${chart.node.id} isolates it already.`,
      value: isolation, fix: 'drop `isolation` from the chart, or from the install.',
    });
  }
  throwIfProblems(scope, all);
  for (const edge of edges) declareEdge(scope, edge);
  // Loaded here, not at the top: the isolation module reads the add-ons, which import this file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { NamespaceIsolation: Isolation } = require('../../isolation/isolation') as typeof import('../../isolation/isolation');
  return new Isolation(scope, 'Isolation', { namespace, egress: isolation.egress, nodeCidrs });
}
