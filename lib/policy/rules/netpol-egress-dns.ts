import { PodEndpoint } from '../../isolation/reachability';
import { Rule, RuleViolation } from '../types';
import { netpolView, templateName } from '../../isolation/netpol-view';

/** The cluster DNS pods as kubeadm, kind, EKS, GKE and AKS label them (CoreDNS keeps kube-dns's label). */
export const KUBE_DNS_PODS: PodEndpoint = {
  namespace: 'kube-system',
  labels: { 'k8s-app': 'kube-dns' },
  containerPorts: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }],
};

export const netpolEgressDns: Rule = {
  id: 'netpol-egress-dns',
  severity: 'error',
  severityReason: 'Traffic cannot flow as written: pods whose egress is isolated without UDP 53 to the cluster DNS cannot resolve any Service name, so every call by name fails (TCP 53 alone missing: warning, only large or truncated answers fail).',
  crossObject: true,
  description: 'Pods whose egress a NetworkPolicy isolates (and allows somewhere) may reach the cluster DNS (kube-system pods k8s-app=kube-dns) on UDP and TCP 53.',
  fix: 'Add an egress rule to namespaceSelector kubernetes.io/metadata.name=kube-system, podSelector k8s-app=kube-dns, ports 53/UDP and 53/TCP.',
  check: (context) => {
    const view = netpolView(context);
    if (!view) return [];
    const out: RuleViolation[] = [];
    for (const template of context.podTemplates) {
      if (!view.index.hasPoliciesIn(template.namespace)) continue;
      const pod = view.endpointOf(template);
      const isolating = view.index.policiesSelecting(pod, 'egress');
      if (isolating.length === 0) continue;
      // Egress denied outright (no rule anywhere) is a deliberate "this pod calls nobody": DNS included.
      if (!isolating.some((p) => Array.isArray(p.spec?.egress) && p.spec.egress.length > 0)) continue;
      const udp = view.index.reach({ from: pod, to: KUBE_DNS_PODS, port: 53, protocol: 'UDP' });
      const tcp = view.index.reach({ from: pod, to: KUBE_DNS_PODS, port: 53, protocol: 'TCP' });
      if (udp.allowed && tcp.allowed) continue;
      const policies = udp.egress.selectedBy.join(', ');
      out.push(udp.allowed
        ? { object: template.owner, severity: 'warning', message: `the egress of ${templateName(template)} is isolated by NetworkPolicy ${policies}, which allows DNS over UDP 53 but not TCP 53 to the kube-dns pods: answers larger than a UDP packet (many records, DNSSEC) fail.` }
        : { object: template.owner, message: `the egress of ${templateName(template)} is isolated by NetworkPolicy ${policies} with no rule to the kube-dns pods on UDP 53${tcp.allowed ? '' : ' or TCP 53'}: the pods cannot resolve Service names, so every call by name fails.` });
    }
    return out;
  },
};
