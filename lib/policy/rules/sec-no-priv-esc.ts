import { Rule, RuleViolation } from '../types';
import { allContainers } from './containers';

export const secNoPrivEsc: Rule = {
  id: 'sec-no-priv-esc',
  severity: 'warning',
  severityReason: 'A privileged container is very likely a mistake outside node agents (warning; info in a DaemonSet or an init container); an unset allowPrivilegeEscalation is hardening advice (info).',
  description: 'No container is privileged, and every container sets allowPrivilegeEscalation: false (the default is true).',
  fix: 'Set securityContext.allowPrivilegeEscalation: false and drop privileged: true (add only the capability you need instead).',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const { owner, container, path } of allContainers(context)) {
      const sc = container.securityContext ?? {};
      if (sc.privileged === true) {
        // Node agents (DaemonSets) and init containers that tune the node (sysctl) are privileged on purpose.
        const onPurpose = owner.kind === 'DaemonSet' || /\.initContainers\[/.test(path);
        out.push({
          object: owner, ...(onPurpose ? { severity: 'info' as const } : {}),
          message: `${path}.securityContext.privileged is true: the container has every capability of the node${onPurpose ? ` (expected of ${owner.kind === 'DaemonSet' ? 'a node agent' : 'an init container tuning the node'}, so only advice)` : ''}.`,
        });
      }
      else if (sc.allowPrivilegeEscalation !== false) {
        out.push({ object: owner, severity: 'info', message: `${path}.securityContext.allowPrivilegeEscalation is ${sc.allowPrivilegeEscalation === true ? 'true' : 'not set (so true)'}: a setuid binary can gain privileges.` });
      }
    }
    return out;
  },
};
