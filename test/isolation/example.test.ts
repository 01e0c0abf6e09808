import { parseAllDocuments } from 'yaml';
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

  test('every policy says what it allows or denies', () => {
    for (const p of policies) expect(Object.keys(p.metadata.annotations)).toEqual([p.metadata.name === 'default-deny' ? 'netkit.io/denies' : 'netkit.io/allows']);
  });

  test('every Namespace of the apps carries Pod Security labels', () => {
    for (const ns of objects.filter((o) => o.kind === 'Namespace')) expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toMatch(/^(baseline|restricted)$/);
  });
});
