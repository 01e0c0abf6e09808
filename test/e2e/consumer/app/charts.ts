// What a user's own cdk8s app builds with the installed package: one chart
// per namespace, every construct family once. The stock-App and NetkitApp
// entry points build the same charts and must write the same files.
import { App, Duration } from 'cdk8s';
import {
  ClusterAddonChart, enforcePolicies, ExistingTlsSecret, ExposedService, Gateway, HttpIngress, HttpRoute, HttpRouteBackend,
  IngressBackend, IngressNginx, KubeProxyConfig, NetkitChart, WebApp, WildcardIngress,
} from 'cdk8s-netkit';

export function buildCharts(app: App): void {
  // Cluster add-ons: a NetkitApp writes them to cluster-addons/, a stock App beside the apps.
  const cluster = new ClusterAddonChart(app, 'cluster');
  new KubeProxyConfig(cluster, 'kube-proxy', {
    apiServerEndpoint: 'https://10.0.0.1:6443',
    mode: 'nftables',
  });
  new IngressNginx(cluster, 'ingress-nginx', { nodePorts: { http: 30080, https: 30443 }, acknowledgeRetirement: true });

  const shop = new NetkitChart(app, 'shop', { namespace: 'shop' });
  shop.addDependency(cluster);
  const web = new WebApp(shop, 'web', { image: 'nginx:1.27.3', replicas: 2, port: 80 });
  const service = web.expose('web-service', {
    name: 'web',
    port: 80,
    sessionAffinity: 'ClientIP',
    sessionAffinityTimeout: Duration.hours(1),
  });
  ExposedService.headless(shop, 'web-headless', { target: web, port: 80 });
  ExposedService.nodePort(shop, 'web-nodeport', { target: web, ports: [{ port: 80, nodePort: 30003 }] });
  ExposedService.externalName(shop, 'payments', { externalName: 'payments.example.com' });
  new HttpIngress(shop, 'web-ingress', {
    rules: [{ host: 'shop.example.com', path: '/', backend: IngressBackend.fromService(service, 80) }],
    tls: [{ hosts: ['shop.example.com'], certificate: new ExistingTlsSecret(shop, 'shop-tls', { dnsNames: ['shop.example.com'] }) }],
  });
  new WildcardIngress(shop, 'apps', {
    domain: 'apps.example.com',
    certificate: new ExistingTlsSecret(shop, 'wildcard-tls', { dnsNames: ['*.apps.example.com'] }),
    routes: [{ host: 'web', service, port: 80 }],
  });
  // The maintained path: the same Service through Gateway API (class nginx: NGINX Gateway Fabric).
  const gateway = new Gateway(shop, 'shop-gateway', { listeners: [{ protocol: 'HTTP' }] });
  new HttpRoute(shop, 'web-route', {
    hostnames: ['shop.example.com'],
    parents: [{ gateway }],
    rules: [{ backends: [HttpRouteBackend.fromService(service, 80)] }],
  });

  enforcePolicies(app);
}
