import { App, Chart, Duration, Testing } from 'cdk8s';
import { ClusterAddonChart, ExposedService, HttpIngress, IngressBackend, IngressNginx, NetkitChart, Probe, SelfSignedTlsCertificate, WebApp, WildcardIngress, NetkitApp } from '/work/wt/validation-table/lib';

function attempt(label: string, f: (chart: Chart) => void, synth = false) {
  const app = Testing.app();
  const chart = new NetkitChart(app, 'dev', { namespace: 'dev' });
  try {
    f(chart);
    if (synth) app.synth();
    console.log(`ACCEPTED  ${label}`);
  } catch (e) {
    console.log(`REFUSED   ${label}\n    ${(e as Error).message.split('\n').slice(0, 4).join('\n    ')}`);
  }
}
const img = 'nginx:1.27.3';
attempt('uppercase image', (c) => new WebApp(c, 'web', { image: 'Nginx:1.27', port: 8080 }));
attempt('env name with =', (c) => new WebApp(c, 'web', { image: img, port: 8080, env: { 'A=B': 'x' } }));
attempt('env name 1ABC', (c) => new WebApp(c, 'web', { image: img, port: 8080, env: { '1ABC': 'x' } }));
attempt('negative limit cpu', (c) => new WebApp(c, 'web', { image: img, port: 8080, resources: { limits: { cpu: '-1' } } }));
attempt('negative failureThreshold', (c) => new WebApp(c, 'web', { image: img, port: 8080, readiness: Probe.http('/', { failureThreshold: -1 }) }));
attempt('probe period 0', (c) => new WebApp(c, 'web', { image: img, port: 8080, readiness: Probe.http('/', { period: Duration.seconds(0) }) }));
attempt('runAsUser -1', (c) => new WebApp(c, 'web', { image: img, port: 8080, runAsUser: -1 }));
attempt('relative writablePaths', (c) => new WebApp(c, 'web', { image: img, port: 8080, writablePaths: ['tmp/cache'] }));
attempt('protocol tcp', (c) => { const w = new WebApp(c, 'web', { image: img, port: 8080 }); w.expose('svc', { ports: [{ port: 80, targetPort: 8080, protocol: 'tcp' as any }] }); });
attempt('sessionAffinityTimeout 0', (c) => { const w = new WebApp(c, 'web', { image: img, port: 8080 }); w.expose('svc', { sessionAffinity: 'ClientIP', sessionAffinityTimeout: Duration.seconds(0) } as any); });
attempt('ingress backend port missing', (c) => {
  const w = new WebApp(c, 'web', { image: img, port: 8080 }); const s = w.expose('svc', { ports: [{ port: 80, targetPort: 8080 }] });
  new HttpIngress(c, 'ing', { rules: [{ host: 'a.example.com', backend: IngressBackend.fromService(s, { port: 81 } as any) } as any] });
}, true);
attempt('two ingress-nginx one name', (c) => {
  const app = c.node.root as App; const a = new ClusterAddonChart(app, 'cluster');
  new IngressNginx(a, 'ingress-nginx', {}); new IngressNginx(a, 'ingress-nginx2', { name: 'ingress-nginx' } as any);
}, true);
attempt('wildcard host outside domain', (c) => {
  const w = new WebApp(c, 'web', { image: img, port: 8080 }); const s = w.expose('svc', { ports: [{ port: 80, targetPort: 8080 }] });
  const cert = new SelfSignedTlsCertificate(c, 'cert', { dnsNames: ['*.cluster.example.com'] } as any);
  new WildcardIngress(c, 'wild', { domain: 'cluster.example.com', certificate: cert as any, routes: [{ host: 'web01.other.com', service: s, port: 80 }] });
}, true);
