import { Rule, RuleViolation } from '../types';

export const svcTypeNodePort: Rule = {
  id: 'svc-type-nodeport',
  severity: 'info',
  severityReason: 'Advice: a NodePort Service works; opening a port on every node is a choice to make knowingly.',
  description: 'A NodePort Service opens its port on every node of the cluster.',
  fix: 'Prefer an Ingress or a LoadBalancer; when a NodePort is intended, say why with netkit.io/skip-svc-type-nodeport.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const object of context.ofKind('Service')) {
      if (object.manifest.spec?.type === 'NodePort') out.push({ object, message: 'is of type NodePort: every node accepts traffic for it on its nodePorts.' });
    }
    return out;
  },
};
