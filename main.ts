// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace. `npx cdk8s synth` writes them to dist/.
import { Duration } from 'cdk8s';
import { enforcePolicies, ExistingTlsSecret, ExposedService, HttpIngress, IngressBackend, KubeProxyConfig, NetkitApp, NetkitChart, SelfSignedTlsCertificate, WebApp, WildcardIngress } from './lib';

// NetkitApp: the files a cdk8s App writes, with synth time linear in the number of charts.
const app = new NetkitApp();

// ---------------------------------------------------------------------------
// Namespace dev: one Deployment behind every kind of Service.
// ---------------------------------------------------------------------------
const dev = new NetkitChart(app, 'dev', { namespace: 'dev' });

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
// Namespace default: the first tutorial's nginx, five replicas behind one Service.
// ---------------------------------------------------------------------------
const defaults = new NetkitChart(app, 'default', { namespace: 'default' });
const nginx = new WebApp(defaults, 'nginx', { image: 'nginx:1.17.2', replicas: 5, port: 80 });
const nginxDefaultService = nginx.expose('nginx-service', { name: 'nginx', port: 80 });

// ---------------------------------------------------------------------------
// TLS for the dev namespace's HTTPS Ingress (nginx.xiaohan.com, tomcat.xiaohan.com):
// the tutorials' `openssl req -x509 … -subj "/CN=xiaohan.com"` + `kubectl create
// secret tls tls-secret`, with SANs. The key pair is generated once into
// .netkit/tls/ and the Secret written to .netkit/secrets/dev/tls-secret.yaml
// (both git-ignored; `kubectl apply -f .netkit/secrets/`). Nothing of it is in
// dist/, so a fresh clone, with a new key, still synthesizes the committed dist/.
// ---------------------------------------------------------------------------
const tlsSecret = new SelfSignedTlsCertificate(dev, 'tls-secret', {
  dnsNames: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'],
  commonName: 'xiaohan.com',
});

// ---------------------------------------------------------------------------
// Ingress (issue 3): host rules in front of headless Services, over HTTP and HTTPS.
// ---------------------------------------------------------------------------
// Namespace dev: the tutorial's nginx and tomcat, three replicas each, behind headless Services.
const nginxDeployment = new WebApp(dev, 'nginx-deployment', { image: 'nginx:1.17.2', replicas: 3, port: 80 });
const tomcatDeployment = new WebApp(dev, 'tomcat-deployment', { image: 'tomcat:8.5-jre10-slim', replicas: 3, port: 8080 });
const nginxService = ExposedService.headless(dev, 'nginx-service', { target: nginxDeployment, port: 80 });
const tomcatService = ExposedService.headless(dev, 'tomcat-service', { target: tomcatDeployment, port: 8080 });

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
  tls: [{ hosts: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'], certificate: tlsSecret }],
});

// Namespace default: the classic web01 host rule, published under the cluster's wildcard name.
// The *.cluster.example.com certificate's Secret is managed outside these manifests.
const wildcardCertificate = new ExistingTlsSecret(defaults, 'wildcard-tls', { dnsNames: ['*.cluster.example.com'] });
new WildcardIngress(defaults, 'apps', {
  domain: 'cluster.example.com',
  certificate: wildcardCertificate,
  routes: [{ host: 'web01', service: nginxDefaultService, port: 80 }],
});

// ---------------------------------------------------------------------------
// Chart cluster (no namespace): per-cluster add-ons.
// kube-proxy in ipvs mode with round-robin, as in the classic tutorials
// (`kubectl edit cm kube-proxy -n kube-system`, mode: "ipvs"). It replaces the
// ConfigMap kubeadm created; restart the DaemonSet to apply it. ipvs is
// deprecated from Kubernetes 1.35, so synth prints a warning recommending nftables.
// ---------------------------------------------------------------------------
const cluster = new NetkitChart(app, 'cluster');
new KubeProxyConfig(cluster, 'kube-proxy', {
  apiServerEndpoint: 'https://192.168.109.100:6443',
  clusterCIDR: '10.244.0.0/16',
  mode: 'ipvs',
  ipvs: { scheduler: 'rr' },
});

// ---------------------------------------------------------------------------
// Policies (issue 5): every rule runs over the whole app inside app.synth(), so
// `npx cdk8s synth` fails before writing dist/ on an error finding (a Service
// selecting no pod, a backend naming no Service, an uncovered TLS host …);
// warnings and infos print. The "nginx" IngressClass is installed with
// ingress-nginx, outside this app.
// ---------------------------------------------------------------------------
enforcePolicies(app, { externalIngressClasses: ['nginx'] });

app.synth();
