import { App } from 'cdk8s';
import { NetkitChart } from '../../lib/core/chart';
import { ExposedService } from '../../lib/service/exposed-service';
import { ITlsCertificateRef } from '../../lib/tls/certificate-ref';

/** A certificate reference as lib/tls would give one; `dnsNames` undefined means unknown. */
export function fakeCertificate(secretName: string, dnsNames?: string[], extra: Partial<ITlsCertificateRef> & { managedOutside?: boolean } = {}): ITlsCertificateRef {
  return { secretName, ...(dnsNames ? { dnsNames } : {}), ...extra };
}

/** A chart in namespace `dev` with two Services: web (80, named http) and api (8080 + 9090). */
export function fixture(namespace = 'dev') {
  const app = new App({ outdir: '/tmp/netkit-unused' });
  const chart = new NetkitChart(app, namespace, { namespace, createNamespace: false });
  const web = ExposedService.clusterIp(chart, 'web', { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] });
  const api = ExposedService.clusterIp(chart, 'api', { selector: { app: 'api' }, ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'metrics' }] });
  return { app, chart, web, api };
}
