import { ApiObject, App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { appHost, appImage, appName, CONTAINER_PORT, GATEWAY_CHART, INGRESS_CHART, INGRESS_CLASS, INGRESS_NAME, Layout, NAMESPACE, REPLICAS, SERVICE_PORT, TLS_SECRET } from '../workload';
import { gatewayObject, httpRouteObject, redirectRouteObject } from './gateway-objects';

/** What a user writes without us: cdk8s-plus-27 constructs in a stock cdk8s App. */
export function runPlus(n: number, layout: Layout, outdir: string): void {
  const app = new App({ outdir });
  const shared = new Chart(app, layout === 'one-chart' ? NAMESPACE : INGRESS_CHART, { namespace: NAMESPACE, disableResourceNameHashes: true });
  new kplus.Namespace(shared, 'Namespace', { metadata: { name: NAMESPACE } });
  const ingress = new kplus.Ingress(shared, 'Ingress', {
    metadata: { name: INGRESS_NAME, annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } },
    className: INGRESS_CLASS,
  });
  const hosts: string[] = [];
  for (let i = 0; i < n; i++) {
    const chart = layout === 'one-chart' ? shared : new Chart(app, appName(i), { namespace: NAMESPACE, disableResourceNameHashes: true });
    const service = handWrittenApp(chart, i);
    ingress.addHostRule(appHost(i), '/', kplus.IngressBackend.fromService(service, { port: SERVICE_PORT }));
    hosts.push(appHost(i));
  }
  ingress.addTls([{ hosts, secret: kplus.Secret.fromSecretName(shared, 'wildcard-tls', TLS_SECRET) }]);
  app.synth();
}

/**
 * The Gateway API variant without us: the same cdk8s-plus-27 apps, and the Gateway and routes
 * as plain ApiObjects (cdk8s-plus-27 has no Gateway API constructs), the objects ours writes.
 */
export function runPlusGateway(n: number, layout: Layout, outdir: string): void {
  const app = new App({ outdir });
  const shared = new Chart(app, layout === 'one-chart' ? NAMESPACE : GATEWAY_CHART, { namespace: NAMESPACE, disableResourceNameHashes: true });
  new kplus.Namespace(shared, 'Namespace', { metadata: { name: NAMESPACE } });
  new ApiObject(shared, 'Gateway', gatewayObject());
  new ApiObject(shared, 'HttpsRedirect', redirectRouteObject());
  for (let i = 0; i < n; i++) {
    const chart = layout === 'one-chart' ? shared : new Chart(app, appName(i), { namespace: NAMESPACE, disableResourceNameHashes: true });
    handWrittenApp(chart, i);
    new ApiObject(shared, `Route-${appName(i)}`, httpRouteObject(i));
  }
  app.synth();
}

/** One app's Deployment and Service, as a user writes them with cdk8s-plus-27. */
function handWrittenApp(chart: Chart, i: number): kplus.Service {
  // The same pod as ours, written by hand: named port, TCP probes, requests and limits, labels,
  // a softer security context and a spread over nodes (kplus spreads with pod anti-affinity).
  const deployment = new kplus.Deployment(chart, appName(i), {
    metadata: { name: appName(i), labels: { 'app.kubernetes.io/name': appName(i), 'app.kubernetes.io/instance': appName(i) } },
    replicas: REPLICAS,
    podMetadata: { labels: { 'app.kubernetes.io/name': appName(i), 'app.kubernetes.io/instance': appName(i) } },
    containers: [{
      name: appName(i), image: appImage(i),
      ports: [{ number: CONTAINER_PORT, name: 'http' }],
      readiness: kplus.Probe.fromTcpSocket({ port: CONTAINER_PORT }),
      liveness: kplus.Probe.fromTcpSocket({ port: CONTAINER_PORT, initialDelaySeconds: Duration.seconds(15) }),
      resources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
      },
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false, allowPrivilegeEscalation: false, privileged: false },
    }],
  });
  deployment.scheduling.spread({ topology: kplus.Topology.HOSTNAME, weight: 100 });
  return deployment.exposeViaService({ name: appName(i), ports: [{ port: SERVICE_PORT, targetPort: CONTAINER_PORT }] });
}
