// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace. `npx cdk8s synth` writes them to dist/.
import { Duration } from 'cdk8s';
import { ExposedService, NetkitApp, NetkitChart, WebApp } from './lib';

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
nginx.expose('nginx-service', { name: 'nginx', port: 80 });

app.synth();
