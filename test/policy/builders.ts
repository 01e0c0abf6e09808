// Small, valid manifests for rule fixtures; each test changes one thing.
export const NS = 'shop';

export function namespace(name = NS): any {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function container(overrides: any = {}): any {
  return {
    name: 'web',
    image: 'nginx:1.27.3',
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    readinessProbe: { tcpSocket: { port: 'http' } },
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
    securityContext: { allowPrivilegeEscalation: false },
    ...overrides,
  };
}

export function deployment(name = 'web', overrides: { labels?: Record<string, string>; container?: any; podSpec?: any; ns?: string } = {}): any {
  const labels = overrides.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: overrides.ns ?? NS, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container(overrides.container)], ...overrides.podSpec } },
    },
  };
}

export function service(name = 'web', spec: any = {}, ns = NS): any {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: ns },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], ...spec },
  };
}

export function ingressClass(name = 'nginx', isDefault = false): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
}

export function ingress(name = 'web', spec: any = {}, annotations?: Record<string, string>): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: NS, ...(annotations ? { annotations } : {}) },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }],
      ...spec,
    },
  };
}

export function tlsSecret(name: string, stringData: Record<string, string> = { 'tls.crt': '', 'tls.key': '' }, type = 'kubernetes.io/tls'): any {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: NS }, type, stringData };
}

export function certificate(secretName: string, dnsNames: string[]): any {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: secretName, namespace: NS },
    spec: { secretName, dnsNames, issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } },
  };
}

/** A namespace, an IngressClass, a Deployment, its Service and an Ingress: passes every rule. */
export function validApp(): any[] {
  return [namespace(), ingressClass(), deployment(), service(), ingress()];
}
