import { enforcePolicies, ITlsCertificateRef, NetkitApp, NetkitChart, WebApp, WildcardIngress } from '../../lib';
import { appImage, appName, CONTAINER_PORT, DOMAIN, INGRESS_CHART, INGRESS_CLASS, INGRESS_NAME, Layout, NAMESPACE, REPLICAS, SERVICE_PORT, TLS_SECRET } from '../workload';

/** The library's constructs as a user writes them: WebApp, its Service, one WildcardIngress route each. */
export function buildOurs(n: number, layout: Layout, outdir: string): NetkitApp {
  const app = new NetkitApp({ outdir });
  const shared = new NetkitChart(app, layout === 'one-chart' ? NAMESPACE : INGRESS_CHART, { namespace: NAMESPACE, createNamespace: true });
  const certificate: ITlsCertificateRef = { secretName: TLS_SECRET, dnsNames: [`*.${DOMAIN}`], managedOutside: true };
  const ingress = new WildcardIngress(shared, INGRESS_NAME, { domain: DOMAIN, certificate });
  for (let i = 0; i < n; i++) {
    const chart = layout === 'one-chart' ? shared : new NetkitChart(app, appName(i), { namespace: NAMESPACE, createNamespace: false });
    const web = new WebApp(chart, appName(i), { image: appImage(i), replicas: REPLICAS, port: CONTAINER_PORT });
    const service = web.expose(`${appName(i)}-service`, { name: appName(i), port: SERVICE_PORT });
    ingress.addRoute({ host: appName(i), service, port: SERVICE_PORT });
  }
  return app;
}

/** Built, policy-checked (`enforcePolicies`: synth fails on an error finding) and synthesized. */
export function runOurs(n: number, layout: Layout, outdir: string): void {
  const app = buildOurs(n, layout, outdir);
  enforcePolicies(app, { externalIngressClasses: [INGRESS_CLASS] });
  app.synth();
}
