// The benchmark workload, shared by every variant so they build the same objects:
// N apps, each a Deployment (3 replicas, one port) + a ClusterIP Service, and one
// Ingress with a host rule per app, all in namespace `apps`; or, in the Gateway API
// variant, the same apps routed through Gateway API (below) instead of the Ingress.

/** How the apps are routed: one Ingress, or one Gateway and an HTTPRoute per app (the Gateway API variant). */
export type Routing = 'ingress' | 'gateway';

/** How the objects are spread over charts (and so over files). */
export type Layout = 'one-chart' | 'chart-per-app';
export const LAYOUTS: readonly Layout[] = ['one-chart', 'chart-per-app'];

export const NAMESPACE = 'apps';
export const DOMAIN = 'apps.example.com';
export const REPLICAS = 3;
export const CONTAINER_PORT = 8080;
export const SERVICE_PORT = 80;
/** The chart (and file) holding the Ingress in the chart-per-app layout. */
export const INGRESS_CHART = 'ingress';
export const INGRESS_NAME = 'apps';
/** The IngressClass (ingress-nginx), installed outside these manifests. */
export const INGRESS_CLASS = 'nginx';
/** The wildcard certificate's Secret, managed outside the manifests. */
export const TLS_SECRET = 'wildcard-tls';

/** `app-00042`: zero-padded so files sort in creation order. */
export function appName(i: number): string {
  return `app-${String(i).padStart(5, '0')}`;
}

export function appImage(i: number): string {
  return `registry.example.com/${appName(i)}:1.0.0`;
}

export function appHost(i: number): string {
  return `${appName(i)}.${DOMAIN}`;
}

/** The Ingress rules, as every variant writes them (backend = the app's Service). */
export function ingressRule(i: number) {
  return {
    host: appHost(i),
    http: {
      paths: [{
        backend: { service: { name: appName(i), port: { number: SERVICE_PORT } } },
        path: '/',
        pathType: 'Prefix' as const,
      }],
    },
  };
}

// The Gateway API variant of the workload: the same apps behind one Gateway
// (an HTTPS listener for `*.<DOMAIN>` presenting TLS_SECRET, HTTP redirected
// to HTTPS) and one HTTPRoute per app, instead of the Ingress.

/** The chart (and file) holding the Gateway and the routes in the chart-per-app layout. */
export const GATEWAY_CHART = 'gateway';
export const GATEWAY_NAME = 'apps';
