// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace, plus the per-cluster add-ons. `npx cdk8s synth` writes
// the apps to dist/ and the add-ons to cluster-addons/ (docs/apply.md: applying them).
import { App, Duration } from 'cdk8s';
import {
  ClusterAddonChart, ExistingTlsSecret, ExposedService, Gateway, GatewayApiCrds, HttpIngress, HttpRoute, HttpRouteBackend,
  IngressBackend, IngressNginx, KubeProxyConfig, NetkitApp, NetkitChart, NginxGatewayFabric, NginxGatewayFabricCrds,
  SelfSignedTlsCertificate, WebApp, WildcardGateway, WildcardIngress,
} from './lib';

// NetkitApp publishes dist/, cluster-addons/, dist-traffic/ and .netkit/secrets/ all at
// once, only when the synth succeeded (docs/output.md), with a Kustomization in each
// manifest folder (`kubectl apply -k`, Argo CD, Flux) and the traffic map (ACCESS.md).
// It runs the policy checks in every synth: an error finding (a Service selecting no
// pod, a backend naming no Service, an uncovered TLS host …) fails it, leaving dist/
// as it was; warnings print, infos are counted. This app acknowledges what it
// chooses, so it prints no warning.
const app = new NetkitApp({ kustomization: true, trafficMap: true });

// ---------------------------------------------------------------------------
// Cluster add-ons: ClusterAddonCharts go to cluster-addons/, never to dist/, so
// `kubectl apply -f dist/` changes nothing outside the apps' namespaces. Each is
// applied deliberately, before the apps (docs/apply.md).
// ---------------------------------------------------------------------------

// kube-proxy in ipvs mode with round-robin, as in the classic tutorials
// (`kubectl edit cm kube-proxy -n kube-system`, mode: "ipvs"). It replaces the
// ConfigMap kubeadm created; restart the DaemonSet to apply it. The API server
// endpoint is the tutorial cluster's: put your own (`kubectl config view --minify`)
// before applying this file to any other cluster. ipvs is deprecated from
// Kubernetes 1.35: the tutorial chooses it knowingly, so the deprecation warning
// (which recommends nftables) is acknowledged; an app that says nothing gets it.
const kubeProxy = new ClusterAddonChart(app, 'kube-proxy');
new KubeProxyConfig(kubeProxy, 'kube-proxy', {
  apiServerEndpoint: 'https://192.168.109.100:6443',
  clusterCIDR: '10.244.0.0/16',
  mode: 'ipvs',
  acknowledgeIpvsDeprecation: true,
  ipvs: { scheduler: 'rr' },
});

// The ingress-nginx install of the classic bare-metal tutorials, every node
// answering on 30080 (http) and 30443 (https). Its admission webhook rejects
// Ingresses until the controller serves, so the apps are applied only once the
// install is ready (the file's header gives the `kubectl wait` commands).
// ingress-nginx is retired (March 2026); the walkthroughs use it, so the example
// acknowledges that (the Gateway API is the maintained path for a new project).
// Two controller pods: upstream's rollout strategy (maxUnavailable 1) would take a lone controller, and with
// it every Ingress, down on each rollout; with two, one keeps serving, and a PodDisruptionBudget keeps one up
// through node drains.
const ingressNginx = new ClusterAddonChart(app, 'ingress-nginx');
new IngressNginx(ingressNginx, 'ingress-nginx', { nodePorts: { http: 30080, https: 30443 }, acknowledgeRetirement: true, replicas: 2 });

// The Gateway API standard-channel CRDs exactly as upstream publishes them, at the
// release NGINX Gateway Fabric 2.6.7 (class "nginx") builds against, and NGF's own
// CRDs: the first add-on stage, applied server-side (the largest CRDs are too big
// for client-side apply) and waited for before anything uses them (docs/apply.md).
// Every scenario below is also served through Gateway API, beside its Ingress.
const gatewayCrds = new ClusterAddonChart(app, 'gateway-crds', { stage: 'crds' });
new GatewayApiCrds(gatewayCrds, 'gateway-api-crds', { version: 'v1.5.1' });
new NginxGatewayFabricCrds(gatewayCrds, 'nginx-gateway-fabric-crds');

// NGINX Gateway Fabric, the maintained NGINX-based Gateway API controller (GatewayClass "nginx").
// Each Gateway of the class gets its own nginx Service. Pinned node ports (the tutorials' 30080/30443,
// `nodePorts`) apply to every Gateway of the class, and this example has four Gateways, so the cluster
// allocates each Gateway's node ports here; pin them when one shared Gateway serves everything.
const nginxGatewayFabric = new ClusterAddonChart(app, 'nginx-gateway-fabric');
new NginxGatewayFabric(nginxGatewayFabric, 'nginx-gateway-fabric', { externalTrafficPolicy: 'Cluster' });

// The walkthroughs' nginx images listen on port 80 inside the pod;
// the policy check's advice to listen on a high port is answered once, with the reason, on each.
const TUTORIAL_PORT_80 = { 'netkit.io/skip-privileged-ports': 'the walkthrough image listens on port 80, as the tutorial applies it.' };

// ---------------------------------------------------------------------------
// Namespace dev: one Deployment behind every kind of Service.
// ---------------------------------------------------------------------------
const dev = new NetkitChart(app, 'dev', { namespace: 'dev' });

const pcDeployment = new WebApp(dev, 'pc-deployment', {
  annotations: TUTORIAL_PORT_80,
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
  annotations: { 'netkit.io/skip-svc-type-nodeport': 'the Service walkthrough shows a NodePort Service on purpose.' },
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
const nginxDeployment = new WebApp(dev, 'nginx-deployment', { image: 'nginx:1.17.2', replicas: 3, port: 80, annotations: TUTORIAL_PORT_80 });
const tomcatDeployment = new WebApp(dev, 'tomcat-deployment', { image: 'tomcat:8.5-jre10-slim', replicas: 3, port: 8080 });
const nginxService = ExposedService.headless(dev, 'nginx-service', { target: nginxDeployment, port: 80 });
const tomcatService = ExposedService.headless(dev, 'tomcat-service', { target: tomcatDeployment, port: 8080 });

// The tutorials' `openssl req -x509 … -subj "/CN=xiaohan.com"` + `kubectl create
// secret tls tls-secret`, with SANs (browsers ignore CN). The key pair is generated
// once into .netkit/tls/ and the Secret written to .netkit/secrets/dev/tls-secret.yaml
// (both git-ignored; `kubectl apply -R -f .netkit/secrets/`). Nothing of it is in
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
const nginx = new WebApp(defaults, 'nginx', { image: 'nginx:1.17.2', replicas: 5, port: 80, annotations: TUTORIAL_PORT_80 });
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
  /** Pods; with maxReplicas, the fewest a HorizontalPodAutoscaler keeps. */
  readonly replicas: number;
  /** When set, a HorizontalPodAutoscaler scales on CPU between replicas and this, spread over zones too. */
  readonly maxReplicas?: number;
  /** The TLS Secret for the host, managed outside these manifests; plain HTTP when absent. */
  readonly tlsSecret?: string;
  /** Whether the namespace is isolated: default-deny both ways, and only the paths declared here let through. */
  readonly isolated?: boolean;
}

function cbucEnvironment(scope: App, env: Environment): NetkitChart {
  // Isolated (docs/isolation.md): NetworkPolicies deny all traffic in and out of the namespace's pods but what this
  // code declares: ingress-nginx's controller → the pods (the Ingress), the Gateway's NGINX data plane → the pods
  // (the HTTPRoute), clients → the data plane, the data plane → its control plane, and DNS.
  const chart = new NetkitChart(scope, `cbuc-${env.name}`, { namespace: `cbuc-${env.name}`, ...(env.isolated ? { isolation: { egress: true } } : {}) });
  // WebApp's defaults keep traffic flowing while pods come and go: a preStop pause before SIGTERM, surge-only
  // rollouts, a PodDisruptionBudget once there are two pods, spread over nodes (docs/production.md).
  const web = new WebApp(chart, 'cbuc-web-app', {
    name: 'cbuc-web',
    image: 'nginx:1.27.3',
    port: 80,
    annotations: TUTORIAL_PORT_80,
    ...(env.maxReplicas
      ? { autoscaling: { minReplicas: env.replicas, maxReplicas: env.maxReplicas }, spreadAcrossZones: true }
      : { replicas: env.replicas }),
  });
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

cbucEnvironment(app, { name: 'dev', replicas: 1 });
cbucEnvironment(app, { name: 'pro', replicas: 3, maxReplicas: 10, tlsSecret: 'pro-cbuc-cn-tls', isolated: true });

app.synth();
