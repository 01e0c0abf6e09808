import { parseAllDocuments } from 'yaml';
import { namespaceLabelsIn, NetworkPolicyIndex, PodEndpoint } from '../../lib';
import { synthMainAppWithSiblings } from '../helpers/synth-main';

// The example app isolates cbuc-pro (ingress and egress): its policies must allow exactly the paths main.ts declares.
const objects: any[] = Object.entries(synthMainAppWithSiblings())
  .filter(([file]) => file.endsWith('.yaml'))
  .flatMap(([, text]) => parseAllDocuments(text).map((d) => d.toJS()))
  .filter((o) => o);
const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
const byName = (name: string) => policies.find((p) => p.metadata.name === name);
const WEB = { 'app.kubernetes.io/instance': 'cbuc-web', 'app.kubernetes.io/name': 'cbuc-web' };
const PLANE = { 'gateway.networking.k8s.io/gateway-name': 'cbuc-web' };

describe('example app: namespace cbuc-pro is isolated', () => {
  test('only cbuc-pro has NetworkPolicies: default-deny, and one per declared path', () => {
    expect(new Set(policies.map((p) => p.metadata.namespace))).toEqual(new Set(['cbuc-pro']));
    expect(policies.map((p) => p.metadata.name)).toEqual([
      'default-deny',
      'allow-cbuc-web-from-gateway-cbuc-web', 'allow-cbuc-web-from-ingress-nginx', 'allow-dns',
      'allow-gateway-cbuc-web-from-clients', 'allow-gateway-cbuc-web-to-cbuc-web', 'allow-gateway-cbuc-web-to-nginx-gateway',
    ]);
    expect(byName('default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('the Ingress path: the IngressNginx install\'s controller pods → the web pods on port 80, nothing else', () => {
    expect(byName('allow-cbuc-web-from-ingress-nginx').spec).toEqual({
      podSelector: { matchLabels: WEB }, policyTypes: ['Ingress'],
      ingress: [{
        from: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } },
        }],
        ports: [{ port: 80, protocol: 'TCP' }],
      }],
    });
    const controller = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'ingress-nginx-controller');
    expect(controller.spec.template.metadata.labels).toMatchObject(byName('allow-cbuc-web-from-ingress-nginx').spec.ingress[0].from[0].podSelector.matchLabels);
    expect(byName('allow-cbuc-web-from-ingress-nginx').metadata.annotations['netkit.io/allows'])
      .toBe('Ingress cbuc-web → Service cbuc-web:80 → pods app.kubernetes.io/name=cbuc-web,app.kubernetes.io/instance=cbuc-web:80');
  });

  test('the Gateway API path: clients → the data plane on 80 and 443, the data plane → the web pods on 80 (both sides), the data plane → its control plane on 8443', () => {
    expect(byName('allow-gateway-cbuc-web-from-clients').spec).toEqual({
      podSelector: { matchLabels: PLANE }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] }],
    });
    expect(byName('allow-cbuc-web-from-gateway-cbuc-web').spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: PLANE } }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(byName('allow-gateway-cbuc-web-to-cbuc-web').spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: WEB } }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const controlPlane = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'nginx-gateway');
    const egress = byName('allow-gateway-cbuc-web-to-nginx-gateway').spec.egress[0];
    expect(controlPlane.spec.template.metadata.labels).toMatchObject(egress.to[0].podSelector.matchLabels);
    expect(controlPlane.metadata.namespace).toBe(egress.to[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']);
    expect(egress.ports).toEqual([{ port: 8443, protocol: 'TCP' }]);
  });

  test('every policy says what it allows or denies; those selecting the provisioned data plane say why no workload of the manifests matches', () => {
    for (const p of policies) {
      const keys = Object.keys(p.metadata.annotations);
      expect(keys[0]).toBe(p.metadata.name === 'default-deny' ? 'netkit.io/denies' : 'netkit.io/allows');
      expect(keys.slice(1)).toEqual(p.spec.podSelector.matchLabels?.['gateway.networking.k8s.io/gateway-name'] ? ['netkit.io/skip-netpol-selects-pods'] : []);
    }
  });

  test('every Namespace of the apps carries Pod Security labels', () => {
    for (const ns of objects.filter((o) => o.kind === 'Namespace')) expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toMatch(/^(baseline|restricted)$/);
  });
});

describe('example app, judged by the NetworkPolicy evaluator: every declared path into cbuc-pro is allowed, nothing else', () => {
  const index = new NetworkPolicyIndex(policies, namespaceLabelsIn(objects.filter((o) => o.kind === 'Namespace')));
  const podsOf = (kind: string, name: string, namespace: string): PodEndpoint => {
    const workload = objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === namespace);
    return { namespace, labels: workload.spec.template.metadata.labels, containerPorts: workload.spec.template.spec.containers.flatMap((c: any) => c.ports ?? []) };
  };
  const web = podsOf('Deployment', 'cbuc-web', 'cbuc-pro');
  const controller = podsOf('Deployment', 'ingress-nginx-controller', 'ingress-nginx');
  const controlPlane = podsOf('Deployment', 'nginx-gateway', 'nginx-gateway');
  // Provisioned by NGINX Gateway Fabric for Gateway cbuc-web, so not in the manifests: the labels its 2.6.7 provisioner sets.
  const dataPlane: PodEndpoint = { namespace: 'cbuc-pro', labels: { ...PLANE, 'app.kubernetes.io/name': 'cbuc-web-nginx', 'app.kubernetes.io/instance': 'nginx-gateway' } };
  const kubeDns: PodEndpoint = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
  const client = { ip: '198.51.100.7' };
  const allowed = (from: any, to: any, port: number, protocol: 'TCP' | 'UDP' = 'TCP') => index.reach({ from, to, port, protocol }).allowed;

  test('declared: Ingress (controller → pods:80), HTTPRoute (data plane → pods:80), clients → data plane on 80 and 443, data plane → control plane:8443, DNS', () => {
    expect(allowed(controller, web, 80)).toBe(true);
    expect(allowed(dataPlane, web, 80)).toBe(true);
    expect(allowed(client, dataPlane, 80)).toBe(true);
    expect(allowed(client, dataPlane, 443)).toBe(true);
    expect(allowed(dataPlane, controlPlane, 8443)).toBe(true);
    for (const from of [web, dataPlane]) {
      expect(allowed(from, kubeDns, 53, 'UDP')).toBe(true);
      expect(allowed(from, kubeDns, 53, 'TCP')).toBe(true);
    }
  });

  test('not declared: another namespace\'s pods → the web pods, a client straight to the pods, wrong ports, the web pods → the internet', () => {
    expect(allowed(podsOf('Deployment', 'cbuc-web', 'cbuc-dev'), web, 80)).toBe(false);
    expect(allowed(podsOf('Deployment', 'nginx', 'default'), web, 80)).toBe(false);
    expect(allowed({ namespace: 'cbuc-pro', labels: { app: 'debug' } }, web, 80)).toBe(false);
    expect(allowed(client, web, 80)).toBe(false);
    expect(allowed(controller, web, 8080)).toBe(false);
    expect(allowed(dataPlane, web, 443)).toBe(false);
    expect(allowed(client, dataPlane, 9113)).toBe(false);
    expect(allowed(web, { ip: '203.0.113.9' }, 443)).toBe(false);
    expect(allowed(web, controlPlane, 8443)).toBe(false);
    expect(allowed(web, kubeDns, 54, 'UDP')).toBe(false);
  });
});
