import { appHost, appName, DOMAIN, GATEWAY_NAME, NAMESPACE, SERVICE_PORT, TLS_SECRET } from '../workload';

// The Gateway API objects of the workload as plain objects (keys in cdk8s'
// sorted order): what WildcardGateway writes for the workload, so the floor and
// hand-written cdk8s-plus-27 build the same Gateway and routes as ours.

const GATEWAY_API = 'gateway.networking.k8s.io/v1';
const HOSTNAME = `*.${DOMAIN}`;

/** One Gateway: HTTP on 80 (only redirected) and HTTPS on 443 for `*.<domain>`, presenting the wildcard certificate. */
export function gatewayObject() {
  const allowedRoutes = () => ({ namespaces: { from: 'Same' } });
  return {
    apiVersion: GATEWAY_API, kind: 'Gateway',
    // The certificate's Secret is managed outside the manifests (as for the Ingress).
    metadata: { annotations: { 'netkit.io/external-secrets': TLS_SECRET }, name: GATEWAY_NAME, namespace: NAMESPACE },
    spec: {
      gatewayClassName: 'nginx',
      listeners: [
        { allowedRoutes: allowedRoutes(), hostname: HOSTNAME, name: 'http', port: 80, protocol: 'HTTP' },
        {
          allowedRoutes: allowedRoutes(), hostname: HOSTNAME, name: 'https', port: 443, protocol: 'HTTPS',
          tls: { certificateRefs: [{ group: '', kind: 'Secret', name: TLS_SECRET }], mode: 'Terminate' },
        },
      ],
    },
  };
}

/** The route on the HTTP listener that redirects every request to HTTPS. */
export function redirectRouteObject() {
  return {
    apiVersion: GATEWAY_API, kind: 'HTTPRoute',
    metadata: { name: `${GATEWAY_NAME}-https-redirect`, namespace: NAMESPACE },
    spec: {
      parentRefs: [{ name: GATEWAY_NAME, sectionName: 'http' }],
      rules: [{ filters: [{ requestRedirect: { scheme: 'https', statusCode: 301 }, type: 'RequestRedirect' }] }],
    },
  };
}

/** App i's route: its host on the HTTPS listener, every path to its Service. */
export function httpRouteObject(i: number) {
  return {
    apiVersion: GATEWAY_API, kind: 'HTTPRoute',
    metadata: { name: `${GATEWAY_NAME}-${appName(i)}`, namespace: NAMESPACE },
    spec: {
      hostnames: [appHost(i)],
      parentRefs: [{ name: GATEWAY_NAME, sectionName: 'https' }],
      rules: [{
        backendRefs: [{ name: appName(i), port: SERVICE_PORT }],
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
      }],
    },
  };
}

/** The Gateway, the redirect and every app's route, in the order ours writes them. */
export function gatewayRoutingObjects(n: number): unknown[] {
  const docs: unknown[] = [gatewayObject(), redirectRouteObject()];
  for (let i = 0; i < n; i++) docs.push(httpRouteObject(i));
  return docs;
}
