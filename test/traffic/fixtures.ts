/** Small hand-written manifests, one per shape the traffic map must understand. */

export function deployment(name: string, namespace: string, labels: Record<string, string>, replicas?: number, args: string[] = []): any {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace },
    spec: {
      ...(replicas !== undefined ? { replicas } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image: 'nginx:1.27', args }] } },
    },
  };
}

export function service(name: string, namespace: string, spec: any): any {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

export function ingress(name: string, namespace: string, spec: any, annotations?: Record<string, string>): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace, ...(annotations ? { annotations } : {}) }, spec };
}

export function rule(host: string | undefined, path: string, serviceName: string, port: number | string): any {
  return {
    ...(host !== undefined ? { host } : {}),
    http: { paths: [{ path, pathType: 'Prefix', backend: { service: { name: serviceName, port: typeof port === 'number' ? { number: port } : { name: port } } } }] },
  };
}
