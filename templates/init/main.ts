// The cluster, as code: `npx cdk8s synth` writes it to dist/, `kubectl apply -f dist/` applies it.
import { ExposedService, Gateway, HttpRoute, HttpRouteBackend, NetkitApp, NetkitChart, WebApp } from 'cdk8s-netkit';
import { Construct } from 'constructs';

/** One application in its own namespace: a web server, its Service, and a route to it from outside. */
export class WebChart extends NetkitChart {
  public readonly web: WebApp;
  public readonly service: ExposedService;
  public readonly gateway: Gateway;
  public readonly route: HttpRoute;

  constructor(scope: Construct, id: string) {
    // Isolated: a default-deny NetworkPolicy, and one per path this code declares (the Gateway's data plane → the
    // pods, clients → the data plane); `web.allowFrom(otherApp)` declares more. Needs a CNI that enforces
    // NetworkPolicy (Calico, Cilium …); `{ egress: true }` denies outgoing traffic too.
    super(scope, id, { namespace: 'web', isolation: {} });
    // Two pods with readiness and liveness probes on port 80, resources, a security context, a graceful
    // shutdown and a PodDisruptionBudget, so rollouts and node drains keep serving (docs/production.md).
    this.web = new WebApp(this, 'web', { image: 'nginx:1.27.3', port: 80 });
    // A ClusterIP Service named `web` sending port 80 to the pods' port 80.
    this.service = this.web.expose('web', { port: 80 });
    // Gateway API, the maintained way in (ingress-nginx is retired): a Gateway listening on
    // port 80 of class `nginx` (NGINX Gateway Fabric; set gatewayClassName for another
    // controller), and a route for one host to the Service. The Gateway API CRDs and a
    // controller are cluster add-ons, installed once per cluster (see cdk8s-netkit's docs).
    this.gateway = new Gateway(this, 'web-gateway', { listeners: [{ protocol: 'HTTP' }] });
    this.route = new HttpRoute(this, 'web-route', {
      hostnames: ['web.example.com'],
      parents: [{ gateway: this.gateway }],
      rules: [{ backends: [HttpRouteBackend.fromService(this.service, 80)] }],
    });
  }
}

/** The whole app; the tests build it too. */
export function buildApp(): NetkitApp {
  const app = new NetkitApp();
  new WebChart(app, 'web');
  return app;
}

// Synthesize only when run by `cdk8s synth`, not when a test imports this file.
if (require.main === module) buildApp().synth();
