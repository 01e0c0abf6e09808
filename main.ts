// The example app: the scenarios of the classic Kubernetes networking walkthroughs,
// one chart per namespace. `npx cdk8s synth` writes them to dist/.
import { ApiObject, App, Duration } from 'cdk8s';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { EXTERNAL_SECRETS_ANNOTATION, ExposedService, LABEL_MANAGED_BY, MANAGED_BY, NetkitChart, WebApp, writeKustomization, writeTrafficMap } from './lib';

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
  const web = new WebApp(chart, 'cbuc-web-app', { name: 'cbuc-web', image: 'nginx:1.27.3', replicas: env.replicas, port: 80 });
  const service = web.expose('cbuc-web-service', { name: 'cbuc-web', port: 80 });
  const host = `${env.name}.cbuc.cn`;
  const ingress: IIngress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'cbuc-web',
      namespace: chart.namespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      ...(env.tlsSecret ? { annotations: { [EXTERNAL_SECRETS_ANNOTATION]: env.tlsSecret } } : {}),
    },
    spec: {
      ingressClassName: 'nginx',
      ...(env.tlsSecret ? { tls: [{ hosts: [host], secretName: env.tlsSecret }] } : {}),
      rules: [{
        host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service.name, port: { number: 80 } } } }] },
      }],
    },
  };
  new ApiObject(chart, 'Ingress', ingress as any);
  return chart;
}

cbucEnvironment(app, { name: 'dev', replicas: 1 });
cbucEnvironment(app, { name: 'pro', replicas: 3, tlsSecret: 'pro-cbuc-cn-tls' });

app.synth();

// ---------------------------------------------------------------------------
// Beside the manifests: ACCESS.md (and traffic/access.json) showing every way
// in, and the Kustomization for `kubectl apply -k`, Argo CD and Flux.
// ---------------------------------------------------------------------------
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
writeTrafficMap(app, outdir);
writeKustomization(outdir);
