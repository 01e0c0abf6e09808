import { parseAllDocuments } from 'yaml';
import { synthMainApp } from '../helpers/synth-main';

// The Ingress tutorial as main.ts writes it to dist/.
describe('main.ts Ingress scenario', () => {
  const files = synthMainApp();
  const objects = (file: string) => parseAllDocuments(files[file]).map((d) => d.toJSON());
  const find = (file: string, kind: string, name: string) => objects(file).find((o) => o.kind === kind && o.metadata.name === name);

  test('dev: nginx and tomcat, 3 replicas each, behind headless Services', () => {
    expect(find('dev.k8s.yaml', 'Deployment', 'nginx-deployment').spec.replicas).toBe(3);
    expect(find('dev.k8s.yaml', 'Deployment', 'nginx-deployment').spec.template.spec.containers[0].image).toBe('nginx:1.17.2');
    const tomcat = find('dev.k8s.yaml', 'Deployment', 'tomcat-deployment');
    expect(tomcat.spec.replicas).toBe(3);
    expect(tomcat.spec.template.spec.containers[0]).toMatchObject({ image: 'tomcat:8.5-jre10-slim', ports: [{ containerPort: 8080 }] });
    expect(find('dev.k8s.yaml', 'Service', 'nginx-service').spec).toMatchObject({ clusterIP: 'None', ports: [{ port: 80 }] });
    expect(find('dev.k8s.yaml', 'Service', 'tomcat-service').spec).toMatchObject({ clusterIP: 'None', ports: [{ port: 8080 }] });
  });

  test('dev: one Ingress serves both hosts over HTTP and HTTPS (two would collide in ingress-nginx)', () => {
    const ingresses = objects('dev.k8s.yaml').filter((o) => o.kind === 'Ingress');
    expect(ingresses.map((i) => i.metadata.name)).toEqual(['ingress-https']);
    const [ingress] = ingresses;
    expect(ingress.metadata.annotations).toEqual({ 'netkit.io/external-secrets': 'tls-secret', 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' });
    expect(ingress.spec.tls).toEqual([{ hosts: ['nginx.xiaohan.com', 'tomcat.xiaohan.com'], secretName: 'tls-secret' }]);
    expect(ingress.spec.rules.map((r: any) => [r.host, r.http.paths[0].path, r.http.paths[0].backend.service])).toEqual([
      ['nginx.xiaohan.com', '/', { name: 'nginx-service', port: { number: 80 } }],
      ['tomcat.xiaohan.com', '/', { name: 'tomcat-service', port: { number: 8080 } }],
    ]);
  });

  test('default: web01 through the wildcard domain, HTTPS only', () => {
    const ingress = find('default.k8s.yaml', 'Ingress', 'apps');
    expect(ingress.metadata.namespace).toBe('default');
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']).toBe('true');
    expect(ingress.spec.rules).toEqual([{ host: 'web01.cluster.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'nginx', port: { number: 80 } } } }] } }]);
    expect(ingress.spec.tls).toEqual([{ hosts: ['web01.cluster.example.com'], secretName: 'wildcard-tls' }]);
  });
});
