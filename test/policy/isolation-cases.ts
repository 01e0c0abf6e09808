// Passing and failing fixtures of the isolation rules (NetworkPolicies, Pod Security Admission); rules.test.ts runs them with the others.
import { deployment, namespace, NS, validApp } from './builders';

export function netpol(name: string, spec: any, ns = NS): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

/** ingress-nginx's controller as the rules find it: a workload run with --ingress-class=nginx. */
export function ingressController(): any[] {
  return [
    namespace('ingress-nginx'),
    deployment('ingress-nginx-controller', {
      ns: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
      container: { name: 'controller', args: ['/nginx-ingress-controller', '--ingress-class=nginx'], ports: [{ containerPort: 80, name: 'http' }] },
    }),
  ];
}

export const DEFAULT_DENY = netpol('default-deny', { podSelector: {}, policyTypes: ['Ingress'] });
export const ALLOW_CONTROLLER = netpol('allow-ingress-controller', {
  podSelector: { matchLabels: { app: 'web' } },
  ingress: [{
    from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } } }],
    ports: [{ port: 'http' }],
  }],
});
export const TO_KUBE_DNS = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
};
const egressToPods = { to: [{ podSelector: {} }] };
const labelled = (ns: any, labels: Record<string, string>) => ({ ...ns, metadata: { ...ns.metadata, labels } });
const withNamespace = (ns: any) => [ns, ...validApp().filter((o) => o.kind !== 'Namespace')];

export const ISOLATION_CASES = {
  'netpol-blocks-declared-path': {
    pass: [...validApp(), ...ingressController(), DEFAULT_DENY, ALLOW_CONTROLLER],
    fail: [...validApp(), ...ingressController(), DEFAULT_DENY],
    expected: {
      kind: 'Ingress', name: 'web',
      message: /^spec\.rules\[0\]\.http\.paths\[0\]\.backend → Service shop\/web:80 → Deployment shop\/web on 8080\/TCP is blocked for the ingress controller \(Deployment ingress-nginx\/ingress-nginx-controller\): the ingress of Deployment shop\/web is isolated by NetworkPolicy shop\/default-deny and no rule admits/,
    },
  },
  'netpol-egress-dns': {
    pass: [...validApp(), netpol('egress', { podSelector: {}, policyTypes: ['Egress'], egress: [egressToPods, TO_KUBE_DNS] })],
    fail: [...validApp(), netpol('egress', { podSelector: {}, policyTypes: ['Egress'], egress: [egressToPods] })],
    expected: { kind: 'Deployment', name: 'web', message: /the egress of Deployment shop\/web is isolated by NetworkPolicy shop\/egress with no rule to the kube-dns pods on UDP 53 or TCP 53: the pods cannot resolve Service names/ },
  },
  'netpol-selects-pods': {
    pass: [...validApp(), netpol('web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}] })],
    fail: [...validApp(), netpol('web', { podSelector: { matchLabels: { app: 'wbe' } }, ingress: [{}] })],
    expected: { kind: 'NetworkPolicy', name: 'web', message: /spec\.podSelector \{"matchLabels":\{"app":"wbe"\}\} selects no pod template in namespace "shop" \(its workloads: Deployment web \{"app":"web"\}\)/ },
  },
  'netpol-named-port-declared': {
    pass: [...validApp(), netpol('web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'http' }] }] })],
    fail: [...validApp(), netpol('web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: [{ port: 'htpp' }] }] })],
    expected: { kind: 'NetworkPolicy', name: 'web', message: /^spec\.ingress\[0\]\.ports\[0\]\.port "htpp"\/TCP is declared by none of the pods it applies to \(Deployment shop\/web\), so this rule never allows traffic on it\.$/ },
  },
  'ns-pod-security-admits': {
    pass: withNamespace(labelled(namespace(), { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.35' })),
    fail: withNamespace(labelled(namespace(), { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.35' })),
    expected: { kind: 'Deployment', name: 'web', message: /^Namespace "shop" enforces Pod Security "restricted" \(v1\.35\), which refuses the pods of Deployment shop\/web: spec\.template\.spec\.containers\[0\]\.securityContext\.runAsNonRoot \(Running as Non-root\): runAsNonRoot must be true/ },
  },
};
