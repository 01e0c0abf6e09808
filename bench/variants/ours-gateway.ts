import { ITlsCertificateRef, NetkitApp, NetkitChart, WebApp, WildcardGateway } from '../../lib';
import { appImage, appName, CONTAINER_PORT, DOMAIN, GATEWAY_CHART, GATEWAY_NAME, Layout, NAMESPACE, REPLICAS, SERVICE_PORT, TLS_SECRET } from '../workload';

/**
 * The Gateway API workload as a user with N apps under one wildcard domain writes it:
 * WebApp and its Service per app, and one WildcardGateway (a `*.<domain>` HTTPS listener,
 * HTTP redirected to HTTPS) with one HTTPRoute per app.
 */
export function buildOursGateway(n: number, layout: Layout, outdir: string): NetkitApp {
  // Policy checks run in every NetkitApp synth; the GatewayClass and the Gateway API CRDs come with
  // the controller, outside these charts, as the IngressClass does in the Ingress workload.
  const app = new NetkitApp({ outdir });
  const shared = new NetkitChart(app, layout === 'one-chart' ? NAMESPACE : GATEWAY_CHART, { namespace: NAMESPACE, createNamespace: true });
  const certificate: ITlsCertificateRef = { secretName: TLS_SECRET, dnsNames: [`*.${DOMAIN}`], managedOutside: true };
  const gateway = new WildcardGateway(shared, GATEWAY_NAME, { domain: DOMAIN, certificate });
  for (let i = 0; i < n; i++) {
    const chart = layout === 'one-chart' ? shared : new NetkitChart(app, appName(i), { namespace: NAMESPACE, createNamespace: false });
    const web = new WebApp(chart, appName(i), { image: appImage(i), replicas: REPLICAS, port: CONTAINER_PORT });
    const service = web.expose(`${appName(i)}-service`, { name: appName(i), port: SERVICE_PORT });
    gateway.addRoute({ host: appName(i), service, port: SERVICE_PORT });
  }
  return app;
}

/** Built, policy-checked (synth fails on an error finding) and synthesized. */
export function runOursGateway(n: number, layout: Layout, outdir: string): void {
  buildOursGateway(n, layout, outdir).synth();
}
