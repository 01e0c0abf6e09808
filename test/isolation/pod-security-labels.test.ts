import { ApiObject, Testing } from 'cdk8s';
import { IngressNginx, NetkitChart, NginxGatewayFabric, podSecurityLabels, setKubernetesVersion, WebApp } from '../../lib';

function namespaceLabels(chart: NetkitChart): Record<string, string> {
  return Testing.synth(chart).find((o) => o.kind === 'Namespace').metadata.labels;
}

describe('Pod Security Admission labels on the Namespace a NetkitChart writes', () => {
  test('enforce, audit and warn, each pinned to the target minor version', () => {
    expect(podSecurityLabels('restricted', '1.35.2')).toEqual({
      'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.35',
      'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/audit-version': 'v1.35',
      'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/warn-version': 'v1.35',
    });
    expect(podSecurityLabels('baseline')['pod-security.kubernetes.io/enforce-version']).toBe('v1.35');
  });

  test("the pinned version is the app's target release, for the chart and both add-ons", () => {
    const app = Testing.app();
    setKubernetesVersion(app, '1.32');
    const chart = new NetkitChart(app, 'shop', { namespace: 'shop' });
    const versions = (objects: any[]) => objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.labels['pod-security.kubernetes.io/enforce-version']);
    expect(versions(Testing.synth(chart))).toEqual(['v1.32']);
    const addons = new NetkitChart(app, 'addons');
    new IngressNginx(addons, 'ingress-nginx');
    new NginxGatewayFabric(addons, 'ngf');
    expect(versions(Testing.synth(addons))).toEqual(['v1.32', 'v1.32']);
  });

  test('baseline when a WebApp has the baseline profile (the default)', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop' });
    new WebApp(chart, 'web', { image: 'nginx:1.27', port: 8080, securityProfile: 'restricted' });
    new WebApp(chart, 'legacy', { image: 'tomcat:8.5', port: 8080 });
    expect(namespaceLabels(chart)).toMatchObject(podSecurityLabels('baseline'));
  });

  test('restricted when every WebApp is restricted, read at synth (WebApps come after the chart)', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop' });
    new WebApp(chart, 'web', { image: 'nginx:1.27', port: 8080, securityProfile: 'restricted' });
    new WebApp(chart, 'api', { image: 'api:1', port: 9000, securityProfile: 'restricted' });
    expect(namespaceLabels(chart)).toEqual({ ...podSecurityLabels('restricted'), 'app.kubernetes.io/managed-by': 'cdk8s-netkit' });
  });

  test('baseline for a chart without WebApps: pods made otherwise declare nothing', () => {
    expect(namespaceLabels(new NetkitChart(Testing.app(), 'empty', { namespace: 'empty' }))).toMatchObject(podSecurityLabels('baseline'));
  });

  test('pods made otherwise are judged too: a DaemonSet on host port 80 makes the level privileged, and the Namespace says why', () => {
    const chart = new NetkitChart(Testing.app(), 'edge', { namespace: 'edge' });
    new WebApp(chart, 'web', { image: 'nginx:1.27', port: 8080, securityProfile: 'restricted' });
    new ApiObject(chart, 'agent', {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1', ports: [{ containerPort: 80, hostPort: 80 }] }] } } },
    });
    const ns = Testing.synth(chart).find((o) => o.kind === 'Namespace');
    expect(ns.metadata.labels).toMatchObject(podSecurityLabels('privileged'));
    expect(ns.metadata.annotations['netkit.io/pod-security']).toMatch(/^privileged, because: DaemonSet agent: containers\[0\]\.ports\[0\]\.hostPort \(Host Ports\)/);
  });

  test('no reasons annotation below privileged, nor with podSecurity set', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop' });
    new WebApp(chart, 'web', { image: 'nginx:1.27', port: 8080 });
    expect(Testing.synth(chart).find((o) => o.kind === 'Namespace').metadata.annotations).toBeUndefined();
  });

  test('`podSecurity` sets the level, or `false` writes no label', () => {
    const app = Testing.app();
    const privileged = new NetkitChart(app, 'node-agents', { namespace: 'node-agents', podSecurity: 'privileged' });
    new WebApp(privileged, 'web', { image: 'nginx:1.27', port: 8080, securityProfile: 'restricted' });
    expect(namespaceLabels(privileged)).toMatchObject(podSecurityLabels('privileged'));
    const none = new NetkitChart(app, 'legacy', { namespace: 'legacy', podSecurity: false });
    expect(namespaceLabels(none)).toEqual({ 'app.kubernetes.io/managed-by': 'cdk8s-netkit' });
  });

  test('namespaceLabels may override a Pod Security label (a cluster pinned to another version)', () => {
    const chart = new NetkitChart(Testing.app(), 'shop', { namespace: 'shop', namespaceLabels: { 'pod-security.kubernetes.io/enforce-version': 'latest' } });
    expect(namespaceLabels(chart)['pod-security.kubernetes.io/enforce-version']).toBe('latest');
  });

  test('the ingress-nginx Namespace: restricted, or privileged for a controller on the host network', () => {
    const nsOf = (exposure?: 'HostNetwork') => {
      const chart = new NetkitChart(Testing.app(), 'addons');
      new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true, ...(exposure ? { exposure } : {}) });
      return Testing.synth(chart).find((o) => o.kind === 'Namespace').metadata.labels;
    };
    expect(nsOf()).toMatchObject(podSecurityLabels('restricted'));
    expect(nsOf('HostNetwork')).toMatchObject(podSecurityLabels('privileged'));
  });

  test('the NGINX Gateway Fabric Namespace: restricted', () => {
    const chart = new NetkitChart(Testing.app(), 'addons');
    new NginxGatewayFabric(chart, 'ngf');
    expect(Testing.synth(chart).find((o) => o.kind === 'Namespace').metadata.labels).toMatchObject(podSecurityLabels('restricted'));
  });
});
