import {
  DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain,
} from '../../core/names';
import { Rule, RuleViolation } from '../types';

/** Kinds whose names must be DNS-1123 labels; Services (DNS-1035) are checked by svc-spec-valid. */
const LABEL_NAMED_KINDS = new Set(['Namespace']);

/**
 * RBAC objects only need path-segment names (ValidateRBACName: no "/" or "%",
 * not "." or ".."), so `system:node-proxier` and `kubeadm:node-proxier` are valid.
 */
const PATH_SEGMENT_NAMED_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const isPathSegmentName = (name: string) => name !== '.' && name !== '..' && !/[/%]/.test(name);

export const nameValid: Rule = {
  id: 'name-valid',
  severity: 'error',
  severityReason: 'The API server rejects a missing or malformed name or namespace; generateName without a name is a warning (kubectl apply needs a name) unless a Helm or Argo CD hook creates the object.',
  description: 'Every object has a metadata.name of the syntax its kind requires, and a valid metadata.namespace.',
  fix: 'Use lowercase letters, digits and "-" (and "." where a subdomain is allowed); never construct paths or hashes.',
  check: (context) => {
    const out: RuleViolation[] = [];
    for (const o of context.objects) {
      const declaredNs = o.manifest.metadata?.namespace;
      if (declaredNs !== undefined && (typeof declaredNs !== 'string' || !isDns1123Label(declaredNs))) {
        out.push({ object: o, message: `metadata.namespace ${JSON.stringify(declaredNs)} is not a valid namespace name. Allowed: ${DNS1123_LABEL_RULE}.` });
      }
      if (o.kind === 'Service') continue;
      if (!o.name) {
        out.push({ object: o, message: 'metadata.name is missing.' });
      } else if (PATH_SEGMENT_NAMED_KINDS.has(o.kind) && String(o.manifest.apiVersion ?? '').startsWith('rbac.authorization.k8s.io/')) {
        if (!isPathSegmentName(o.name)) out.push({ object: o, message: `metadata.name "${o.name}" is not a valid ${o.kind} name. Allowed: any name without "/" or "%", other than "." and "..".` });
      } else if (LABEL_NAMED_KINDS.has(o.kind) ? !isDns1123Label(o.name) : !isDns1123Subdomain(o.name)) {
        out.push({ object: o, message: `metadata.name "${o.name}" is not a valid ${o.kind} name. Allowed: ${LABEL_NAMED_KINDS.has(o.kind) ? DNS1123_LABEL_RULE : DNS1123_SUBDOMAIN_RULE}.` });
      }
    }
    return out;
  },
};
