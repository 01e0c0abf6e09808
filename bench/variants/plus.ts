import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { appHost, appImage, appName, CONTAINER_PORT, INGRESS_CHART, INGRESS_CLASS, INGRESS_NAME, Layout, NAMESPACE, REPLICAS, SERVICE_PORT, TLS_SECRET } from '../workload';

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
    const deployment = new kplus.Deployment(chart, appName(i), {
      metadata: { name: appName(i) },
      replicas: REPLICAS,
      containers: [{ name: appName(i), image: appImage(i), portNumber: CONTAINER_PORT }],
    });
    const service = deployment.exposeViaService({ name: appName(i), ports: [{ port: SERVICE_PORT, targetPort: CONTAINER_PORT }] });
    ingress.addHostRule(appHost(i), '/', kplus.IngressBackend.fromService(service, { port: SERVICE_PORT }));
    hosts.push(appHost(i));
  }
  ingress.addTls([{ hosts, secret: kplus.Secret.fromSecretName(shared, 'wildcard-tls', TLS_SECRET) }]);
  app.synth();
}
