import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

/** Capabilities a web workload may add: binding ports below 1024 (what ingress-nginx adds). */
export const ALLOWED_ADDED_CAPABILITIES: readonly string[] = ['NET_BIND_SERVICE'];

export const secCaps: Rule = {
  id: 'sec-caps',
  severity: 'info',
  severityReason: 'Advice: adding capabilities is hardening to review, not a defect; the pods run as written.',
  description: `Containers add no Linux capability other than ${ALLOWED_ADDED_CAPABILITIES.join(', ')}.`,
  fix: 'Remove the capability from securityContext.capabilities.add, or record why with netkit.io/skip-sec-caps.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const { owner, container, path } of allContainers(context)) {
      const added: unknown[] = container.securityContext?.capabilities?.add ?? [];
      const extra = added.filter((c) => typeof c !== 'string' || !ALLOWED_ADDED_CAPABILITIES.includes(c.replace(/^CAP_/, '')));
      if (extra.length > 0) out.push({ object: owner, message: `${path}.securityContext.capabilities.add grants ${extra.map((c) => JSON.stringify(c)).join(', ')}.` });
    }
    return out;
  },
};
