import { App } from 'cdk8s';
import { Gateway, HttpRoute, NetkitChart, WildcardGateway, ExposedService } from '../lib';
const show = (f: (c: NetkitChart) => void) => {
  const chart = new NetkitChart(new App(), 'shop', { namespace: 'shop' });
  try { f(chart); console.log('OK'); } catch (e) { console.log((e as any).message); }
};
const CERT = { secretName: 'wildcard-tls', dnsNames: ['*.cluster.example.com'] };
const svc = (chart: NetkitChart) => ExposedService.clusterIp(chart, 'web', { selector: { app: 'web' }, ports: [{ port: 80, name: 'http' }] });
const wg = (o: any) => show((chart) => new WildcardGateway(chart, 'gw', { domain: 'cluster.example.com', certificate: CERT, routes: [{ host: 'web01', service: svc(chart), port: 80 }], ...o }));
test('p', () => {
  wg({ allowedNamespaces: 'all' }); wg({ allowedNamespaces: { selector: { matchLabels: { team: 'a' } } } });
  wg({ certificate: { secretName: 'other-tls', dnsNames: ['other.example.com'] } });
  wg({ gatewayClassName: 'Bad_Class' }); wg({ httpPort: 0 }); wg({ httpsPort: 1.5 }); wg({ name: 'Bad_Name' }); wg({ namespace: 'Bad_NS' });
  show((chart) => { const gateway = new Gateway(chart, 'gw', { listeners: [{ protocol: 'HTTP' }] }); HttpRoute.httpsRedirect(chart, 'redirect', { parent: { gateway, sectionName: 'https' } }); });
  show((chart) => { const gateway = new Gateway(chart, 'gw', { listeners: [{ protocol: 'HTTP' }] }); HttpRoute.httpsRedirect(chart, 'redirect', { parent: { gateway } }); });
});
