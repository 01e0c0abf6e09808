import { Rule } from '../types';

export const svcTypeNodePort: Rule = {
  id: 'svc-type-nodeport',
  severity: 'info',
  severityReason: 'Advice: a NodePort Service works; opening a port on every node is a choice to make knowingly.',
  description: 'A NodePort Service opens its port on every node of the cluster.',
  fix: 'Prefer an Ingress or a LoadBalancer; when a NodePort is intended, say why with netkit.io/skip-svc-type-nodeport.',
  check: (context) => context.ofKind('Service')
    .filter((s) => s.manifest.spec?.type === 'NodePort')
    .map((object) => ({ object, message: 'is of type NodePort: every node accepts traffic for it on its nodePorts.' })),
};
