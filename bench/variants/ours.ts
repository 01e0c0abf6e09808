import { ApiObject } from 'cdk8s';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { LABEL_MANAGED_BY, MANAGED_BY, NetkitApp, NetkitChart, synthesizedObjects, WebApp } from '../../lib';
import { appImage, appName, CONTAINER_PORT, INGRESS_CHART, INGRESS_NAME, ingressRule, Layout, NAMESPACE, REPLICAS, SERVICE_PORT } from '../workload';
import { runPolicyChecks } from '../policy-checks';

/** The library's constructs, built and synthesized as a user would, policy checks included. */
export function buildOurs(n: number, layout: Layout, outdir: string): NetkitApp {
  const app = new NetkitApp({ outdir });
  const shared = new NetkitChart(app, layout === 'one-chart' ? NAMESPACE : INGRESS_CHART, { namespace: NAMESPACE, createNamespace: true });
  for (let i = 0; i < n; i++) {
    const chart = layout === 'one-chart' ? shared : new NetkitChart(app, appName(i), { namespace: NAMESPACE, createNamespace: false });
    const web = new WebApp(chart, appName(i), { image: appImage(i), replicas: REPLICAS, port: CONTAINER_PORT });
    web.expose(`${appName(i)}-service`, { name: appName(i), port: SERVICE_PORT });
  }
  // Until WildcardIngress lands: one plain Ingress with a host rule per app.
  const rules = [];
  for (let i = 0; i < n; i++) rules.push(ingressRule(i));
  const ingress: IIngress = {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { name: INGRESS_NAME, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: { ingressClassName: 'nginx', rules },
  };
  new ApiObject(shared, 'Ingress', ingress as any);
  return app;
}

export function runOurs(n: number, layout: Layout, outdir: string): { findings: number } {
  const app = buildOurs(n, layout, outdir);
  const findings = runPolicyChecks(synthesizedObjects(app).map((o) => o.manifest));
  app.synth();
  return { findings };
}
