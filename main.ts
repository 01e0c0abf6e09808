// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace, plus the per-cluster add-ons. `npx cdk8s synth` writes
// them to dist/ (see README, "Install order", for applying them).
import { App, Duration } from 'cdk8s';
import {
  enforcePolicies, ExistingTlsSecret, ExposedService, Gateway, GatewayApiCrds, HttpIngress, HttpRoute, HttpRouteBackend,
  IngressBackend, IngressNginx, KubeProxyConfig, NetkitApp, NetkitChart, SelfSignedTlsCertificate, WebApp, WildcardGateway,
  WildcardIngress, writeKustomization, writeTrafficMap,
} from './lib';

// NetkitApp: the files a cdk8s App writes, with synth time linear in the number of charts.
const app = new NetkitApp();

// ---------------------------------------------------------------------------
// Chart cluster (no namespace): per-cluster add-ons. The other charts depend on
// it, so its file sorts first and `kubectl apply -f dist/` creates the
// controller before anything else.
// ---------------------------------------------------------------------------
const cluster = new NetkitChart(app, 'cluster');

// kube-proxy in ipvs mode with round-robin, as in the classic tutorials
// (`kubectl edit cm kube-proxy -n kube-system`, mode: "ipvs"). It replaces the
// ConfigMap kubeadm created; restart the DaemonSet to apply it. ipvs is
// deprecated from Kubernetes 1.35, so synth prints a warning recommending nftables.
new KubeProxyConfig(cluster, 'kube-proxy', {
  apiServerEndpoint: 'https://192.168.109.100:6443',
  clusterCIDR: '10.244.0.0/16',
  mode: 'ipvs',
  ipvs: { scheduler: 'rr' },
});

// The ingress-nginx install of the classic bare-metal tutorials, every node
// answering on 30080 (http) and 30443 (https). Its admission webhook is written
// with a chart of its own that depends on every application chart, so its file
// sorts last: `kubectl apply -f dist/` on a fresh cluster creates the Ingresses
// before the webhook that would reject them while the controller starts.
const admission = new NetkitChart(app, 'cluster-admission');
new IngressNginx(cluster, 'ingress-nginx', { nodePorts: { http: 30080, https: 30443 }, webhookChart: admission });

// The Gateway API standard-channel CRDs, exactly as upstream publishes them, at
// the release NGINX Gateway Fabric 2.6.7 (class "nginx") builds against. Every
// scenario below is also served through Gateway API, beside its Ingress.
new GatewayApiCrds(cluster, 'gateway-api-crds', { version: 'v1.5.1' });

// ---------------------------------------------------------------------------
// Namespace dev: one Deployment behind every kind of Service.
// ---------------------------------------------------------------------------
const dev = new NetkitChart(app, 'dev', { namespace: 'dev' });
dev.addDependency(cluster);

const pcDeployment = new WebApp(dev, 'pc-deployment', {
  image: 'nginx:1.17.2',
  replicas: 3,
  port: 80,
  labels: { app: 'nginx-pod' },
});

// A virtual IP inside the cluster; each client sticks to one pod for 3 hours.
pcDeployment.expose('service-clusterip', {
  port: 80,
  clusterIP: '10.97.97.97',
  sessionAffinity: 'ClientIP',
  sessionAffinityTimeout: Duration.hours(3),
});

// No virtual IP: DNS answers with the pods' own addresses.
ExposedService.headless(dev, 'service-headliness', { target: pcDeployment, port: 80 });

// Every node answers on 30003.
ExposedService.nodePort(dev, 'service-nodeport', {
  target: pcDeployment,
  ports: [{ port: 80, nodePort: 30003 }],
});

// A cloud load balancer; Local keeps the client's source IP.
ExposedService.loadBalancer(dev, 'service-loadbalancer', {
  target: pcDeployment,
  port: 80,
  externalTrafficPolicy: 'Local',
});

// A DNS alias (CNAME) for a name outside the cluster.
ExposedService.externalName(dev, 'service-externalname', { externalName: 'www.baidu.com' });

// ---------------------------------------------------------------------------
// Namespace dev, the Ingress walkthrough: nginx and tomcat, three replicas each,
// behind headless Services, published by host name over HTTP and HTTPS.
// ---------------------------------------------------------------------------
const nginxDeployment = new WebApp(dev, 'nginx-deployment', { image: 'nginx:1.17.2', replicas: 3, port: 80 });
const tomcatDeployment = new WebApp(dev, 'tomcat-deployment', { image: 'tomcat:8.5-jre10-slim', replicas: 3, port: 8080 });
const nginxService = ExposedService.headless(dev, 'nginx-service', { target: nginxDeployment, port: 80 });
const tomcatService = ExposedService.headless(dev, 'tomcat-service', { target: tomcatDeployment, port: 8080 });

// The tutorials' `openssl req -x509 … -subj "/CN=xiaohan.com"` + `kubectl create
// secret tls tls-secret`, with SANs (browsers ignore CN). The key pair is generated
// once into .netkit/tls/ and the Secret written to .netkit/secrets/dev/tls-secret.yaml
// (both git-ignored; `kubectl apply -f .netkit/secrets/`). Nothing of it is in
// dist/, so a fresh clone, with a new key, still synthesizes the committed dist/.
const devCertificate = new SelfSignedTlsCertificate(dev, 'tls-secret', {
  dnsNames: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'],
  commonName: 'xiaohan.com',
});

// The tutorial applies ingress-http and ingress-https side by side with the same hosts and path "/".
// ingress-nginx's admission webhook rejects the second ("host nginx.xiaohan.com and path / is already
// defined"), so one Ingress serves both: with a TLS block ingress-nginx answers on 443 as ingress-https
// did, and ssl-redirect "false" keeps plain HTTP answering on 80 as ingress-http did.
new HttpIngress(dev, 'ingress-https', {
  annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' },
  rules: [
    { host: 'nginx.xiaohan.com', path: '/', backend: IngressBackend.fromService(nginxService, 80) },
    { host: 'tomcat.xiaohan.com', path: '/', backend: IngressBackend.fromService(tomcatService, 8080) },
  ],
  tls: [{ hosts: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'], certificate: devCertificate }],
});

// The same two hosts through Gateway API: one Gateway answering on 80 and on 443
// with the same certificate, and a route per host on both listeners (plain HTTP
// keeps answering, as with ssl-redirect "false" above).
const devGateway = new Gateway(dev, 'dev-gateway', {
  listeners: [{ protocol: 'HTTP' }, { protocol: 'HTTPS', certificate: devCertificate }],
});
for (const [host, service, port] of [['nginx', nginxService, 80], ['tomcat', tomcatService, 8080]] as const) {
  new HttpRoute(dev, `${host}-route`, {
    name: host,
    parents: [{ gateway: devGateway, sectionName: 'http' }, { gateway: devGateway, sectionName: 'https' }],
    hostnames: [`${host}.xiaohan.com`],
    rules: [{ backends: [HttpRouteBackend.fromService(service, port)] }],
  });
}

// ---------------------------------------------------------------------------
// Namespace default: the first tutorial's nginx, five replicas behind one
// Service, published as web01 under the cluster's wildcard name.
// ---------------------------------------------------------------------------
const defaults = new NetkitChart(app, 'default', { namespace: 'default' });
defaults.addDependency(cluster);
const nginx = new WebApp(defaults, 'nginx', { image: 'nginx:1.17.2', replicas: 5, port: 80 });
const nginxDefaultService = nginx.expose('nginx-service', { name: 'nginx', port: 80 });

// The *.cluster.example.com certificate's Secret is managed outside these manifests.
const wildcardCertificate = new ExistingTlsSecret(defaults, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'] });
new WildcardIngress(defaults, 'apps', {
  domain: 'cluster.example.com',
  certificate: wildcardCertificate,
  routes: [{ host: 'web01', service: nginxDefaultService, port: 80 }],
});

// The same through Gateway API: one *.cluster.example.com HTTPS listener with the
// wildcard certificate, HTTP redirected to HTTPS, an HTTPRoute per app.
new WildcardGateway(defaults, 'apps-gateway', {
  name: 'apps',
  domain: 'cluster.example.com',
  certificate: wildcardCertificate,
  routes: [{ host: 'web01', service: nginxDefaultService, port: 80 }],
});

// ---------------------------------------------------------------------------
// Environments: one definition, a chart and a namespace per environment
// (the tutorials' dev.cbuc.cn / pro.cbuc.cn). Only the differences are data.
// ---------------------------------------------------------------------------
interface Environment {
  /** `dev` or `pro`: the chart id, the namespace suffix and the host prefix. */
  readonly name: string;
  readonly replicas: number;
  /** The TLS Secret for the host, managed outside these manifests; plain HTTP when absent. */
  readonly tlsSecret?: string;
}

function cbucEnvironment(scope: App, env: Environment): NetkitChart {
  const chart = new NetkitChart(scope, `cbuc-${env.name}`, { namespace: `cbuc-${env.name}` });
  chart.addDependency(cluster);
  const web = new WebApp(chart, 'cbuc-web-app', { name: 'cbuc-web', image: 'nginx:1.27.3', replicas: env.replicas, port: 80 });
  const service = web.expose('cbuc-web-service', { name: 'cbuc-web', port: 80 });
  const host = `${env.name}.cbuc.cn`;
  new HttpIngress(chart, 'cbuc-web-ingress', {
    name: 'cbuc-web',
    rules: [{ host, backend: IngressBackend.fromService(service, 80) }],
    ...(env.tlsSecret ? { tls: [{ hosts: [host], secretName: env.tlsSecret }] } : {}),
  });
  // Through Gateway API: HTTP for the host; with a certificate, HTTPS too and HTTP
  // redirected to it (ingress-nginx's ssl-redirect default for hosts with TLS).
  const certificate = env.tlsSecret ? new ExistingTlsSecret(chart, 'cbuc-web-tls', { secretName: env.tlsSecret }) : undefined;
  const gateway = new Gateway(chart, 'cbuc-web-gateway', {
    name: 'cbuc-web',
    listeners: [
      { protocol: 'HTTP', name: 'http', hostname: host },
      ...(certificate ? [{ protocol: 'HTTPS' as const, name: 'https', hostname: host, certificate }] : []),
    ],
  });
  new HttpRoute(chart, 'cbuc-web-route', {
    name: 'cbuc-web',
    parents: [{ gateway, sectionName: certificate ? 'https' : 'http' }],
    hostnames: [host],
    rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }],
  });
  if (certificate) HttpRoute.httpsRedirect(chart, 'cbuc-web-https-redirect', { name: 'cbuc-web-https-redirect', parent: { gateway, sectionName: 'http' }, hostnames: [host] });
  return chart;
}

const cbucDev = cbucEnvironment(app, { name: 'dev', replicas: 1 });
const cbucPro = cbucEnvironment(app, { name: 'pro', replicas: 3, tlsSecret: 'pro-cbuc-cn-tls' });
admission.addDependency(dev, defaults, cbucDev, cbucPro);

// ---------------------------------------------------------------------------
// Policies: every rule runs over the whole app inside app.synth(), so
// `npx cdk8s synth` fails before writing dist/ on an error finding (a Service
// selecting no pod, a backend naming no Service, an uncovered TLS host …);
// warnings and infos print.
// ---------------------------------------------------------------------------
enforcePolicies(app);

app.synth();

// ---------------------------------------------------------------------------
// Beside the manifests: ACCESS.md showing every way in (and its JSON in
// dist-traffic/), and the Kustomization for `kubectl apply -k`, Argo CD and Flux.
// ---------------------------------------------------------------------------
writeTrafficMap(app, app.outdir);
writeKustomization(app.outdir);
