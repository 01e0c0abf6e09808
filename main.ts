// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace. `npx cdk8s synth` writes them to dist/.
import { App, Duration } from 'cdk8s';
import { ExposedService, IngressNginx, KubeProxyConfig, NetkitChart, SelfSignedTlsCertificate, WebApp } from './lib';

const app = new App();

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
nginx.expose('nginx-service', { name: 'nginx', port: 80 });

// ---------------------------------------------------------------------------
// Chart cluster (no namespace): per-cluster add-ons. The other charts depend on
// it, so its file sorts first and `kubectl apply -f dist/` creates the
// controller before anything else. Wait for the controller before applying
// Ingresses (README, "Install order").
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
// answering on 30080 (http) and 30443 (https).
new IngressNginx(cluster, 'ingress-nginx', { nodePorts: { http: 30080, https: 30443 } });
dev.addDependency(cluster);
defaults.addDependency(cluster);

// ---------------------------------------------------------------------------
// TLS for the dev namespace's HTTPS Ingress (nginx.xiaohan.com, tomcat.xiaohan.com):
// the tutorials' `openssl req -x509 … -subj "/CN=xiaohan.com"` + `kubectl create
// secret tls tls-secret`, with SANs. The key pair is generated once into
// .netkit/tls/ and the Secret written to .netkit/secrets/dev/tls-secret.yaml
// (both git-ignored; `kubectl apply -f .netkit/secrets/`). Nothing of it is in
// dist/, so a fresh clone, with a new key, still synthesizes the committed dist/.
// ---------------------------------------------------------------------------
new SelfSignedTlsCertificate(dev, 'tls-secret', {
  dnsNames: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'],
  commonName: 'xiaohan.com',
});

app.synth();
