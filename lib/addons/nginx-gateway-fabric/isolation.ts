import { Problem } from '../../core/errors';
import { Endpoint, podsEndpoint, TrafficEdge } from '../../isolation/traffic-edges';
import { apiServerEdges, apiServerProblems, metricsEdges } from '../common/isolation';
import { AddonIsolation } from '../common/isolation-props';
import { controlPlaneSelector } from './control-plane';
import { METRICS_PORT } from './upstream';

/** The label the Job controller sets on a Job's pods (Kubernetes 1.27+): the cert generator's template has no labels of its own, as upstream. */
const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

/** The control-plane pods as isolation names them (key `<name>`), the same endpoint the data planes' edges point to. */
export function controlPlaneEndpoint(name: string, namespace: string): Endpoint {
  return podsEndpoint(name, namespace, controlPlaneSelector(name));
}

/** What is wrong with `isolation` for this install, before any policy is written. */
export function fabricIsolationProblems(isolation: AddonIsolation): Problem[] {
  return apiServerProblems(isolation, isolation.egress ? ['the control plane and the cert generator Job call the API server (egress is denied)'] : []);
}

/**
 * The paths the install's pods need besides the data planes → the control
 * plane (derived at synth from the app's Gateways): with egress denied, the
 * control plane and the cert generator → the API server; scrapers → metrics.
 */
export function fabricIsolationEdges(name: string, namespace: string, isolation: AddonIsolation): TrafficEdge[] {
  const controlPlane = { ...controlPlaneEndpoint(name, namespace), text: `NGINX Gateway Fabric control plane ${namespace}/${name}` };
  const job = `${name}-cert-generator`;
  const certGenerator: Endpoint = {
    ...podsEndpoint('cert-generator', namespace, { [JOB_NAME_LABEL]: job }),
    text: `the cert generator Job ${job}`,
    provisioned: `selects the pods of Job ${job} by the ${JOB_NAME_LABEL} label the Job controller sets on them (the manifests do not write it).`,
  };
  return [
    ...apiServerEdges(isolation, [
      { from: controlPlane, why: 'watches Gateway API objects, provisions the data planes, leader election' },
      { from: certGenerator, why: 'writes the server-tls and agent-tls Secrets' },
    ]),
    ...metricsEdges(isolation, controlPlane, METRICS_PORT),
  ];
}
