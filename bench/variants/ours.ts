import { ITlsCertificateRef, NetkitApp, NetkitChart, WebApp, WildcardIngress } from '../../lib';
import { appImage, appName, CONTAINER_PORT, DOMAIN, INGRESS_CHART, INGRESS_CLASS, INGRESS_NAME, Layout, NAMESPACE, REPLICAS, SERVICE_PORT, TLS_SECRET } from '../workload';

/** The library's constructs as a user writes them: WebApp, its Service, one WildcardIngress route each. */
export function buildOurs(n: number, layout: Layout, outdir: string): NetkitApp {
  // Policy checks run in every NetkitApp synth; the class comes with the ingress controller, outside these charts.
  const app = new NetkitApp({ outdir, policies: { externalIngressClasses: [INGRESS_CLASS] } });
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

/** Built, policy-checked (NetkitApp's default: synth fails on an error finding) and synthesized. */
export function runOurs(n: number, layout: Layout, outdir: string): void {
  buildOurs(n, layout, outdir).synth();
}
