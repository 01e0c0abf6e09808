// The cluster, as code: `npx cdk8s synth` writes it to dist/, `kubectl apply -f dist/` applies it.
import { NetkitApp, NetkitChart, WebApp, ExposedService } from 'cdk8s-netkit';
import { Construct } from 'constructs';

/** One application in its own namespace: a web server and the Service in front of it. */
export class WebChart extends NetkitChart {
  public readonly web: WebApp;
  public readonly service: ExposedService;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'web' });
    // Two pods with a readiness and a liveness probe on port 80, resources and a security context.
    this.web = new WebApp(this, 'web', { image: 'nginx:1.27.3', port: 80 });
    // A ClusterIP Service named `web` sending port 80 to the pods' port 80.
    this.service = this.web.expose('web', { port: 80 });
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
