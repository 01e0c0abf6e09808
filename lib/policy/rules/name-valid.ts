import {
  DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain,
} from '../../core/names';
import { PolicyObject, Rule, RuleViolation } from '../types';

/** Kinds whose names must be DNS-1123 labels; Services (DNS-1035) are checked by svc-spec-valid. */
const LABEL_NAMED_KINDS = new Set(['Namespace']);

/**
 * RBAC objects only need path-segment names (ValidateRBACName: no "/" or "%",
 * not "." or ".."), so `system:node-proxier` and `kubeadm:node-proxier` are valid.
 */
const PATH_SEGMENT_NAMED_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const isPathSegmentName = (name: string) => name !== '.' && name !== '..' && !/[/%]/.test(name);

/**
 * Annotations of tools that create the object themselves, with `create`
 * semantics, so a generateName is how they are meant to be written: Helm
 * hooks and Argo CD sync hooks.
 */
const CREATING_TOOL_ANNOTATIONS = ['helm.sh/hook', 'argocd.argoproj.io/hook'];

/** Kinds submitted with `create` by their own tools (`argo submit`, `tkn … start`), never applied. */
const CREATED_KINDS = new Set(['argoproj.io/Workflow', 'tekton.dev/PipelineRun', 'tekton.dev/TaskRun']);

/** Whether a tool that uses generateName creates the object (nothing for kubectl apply to name). */
function createdByTool(o: PolicyObject): boolean {
  const annotations = o.manifest.metadata?.annotations;
  if (annotations && typeof annotations === 'object' && CREATING_TOOL_ANNOTATIONS.some((key) => key in annotations)) return true;
  return CREATED_KINDS.has(`${o.apiVersion.split('/')[0]}/${o.kind}`);
}

/** The finding for a name of the wrong syntax. */
const badName = (o: PolicyObject, allowed: string): RuleViolation => ({ object: o, message: `metadata.name "${o.name}" is not a valid ${o.kind} name. Allowed: ${allowed}.` });

/** The finding for an object without a name, if any. */
function missingName(o: PolicyObject): RuleViolation | undefined {
  const generateName = o.manifest.metadata?.generateName;
  if (typeof generateName !== 'string' || generateName === '') {
    return { object: o, message: 'metadata.name is missing (and there is no generateName); the API server rejects it.' };
  }
  if (createdByTool(o)) return undefined;
  return {
    object: o, severity: 'warning',
    message: `has metadata.generateName "${generateName}" but no name: kubectl create works, kubectl apply and GitOps tools need a name.`,
    fix: 'Give it a metadata.name, or say which tool creates it (a helm.sh/hook or argocd.argoproj.io/hook annotation).',
  };
}

export const nameValid: Rule = {
  id: 'name-valid',
  severity: 'error',
  severityReason: 'The API server rejects a missing or malformed name or namespace; generateName without a name is a warning (kubectl apply needs a name) unless a Helm or Argo CD hook creates the object.',
  description: 'Every object has a metadata.name of the syntax its kind requires (or a generateName, where the tool that creates it uses one), and a valid metadata.namespace.',
  fix: 'Use lowercase letters, digits and "-" (and "." where a subdomain is allowed); never construct paths or hashes.',
  check: (context) => {
    const out: RuleViolation[] = [];
    const objects = context.objects;
    // The last namespace and subdomain name found valid: an app's objects share a namespace, and its workload and
    // budget (one after the other) a name, so the pattern is not run again for them. Like the indexed loop, this
    // is for speed alone: the rule runs for every object of every synth, mostly before V8 optimizes it.
    let validNamespace: string | undefined;
    let validSubdomain: string | undefined;
    for (let i = 0; i < objects.length; i++) {
      const o = objects[i];
      // Not a Kubernetes object: schema-valid says so, once.
      if (!o.apiVersion || !o.kind) continue;
      const declaredNs = o.manifest.metadata?.namespace;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent when it lets a namespace through: it is judged again.
      if (declaredNs !== undefined && declaredNs !== validNamespace) {
        if (typeof declaredNs === 'string' && isDns1123Label(declaredNs)) validNamespace = declaredNs;
        else out.push({ object: o, message: `metadata.namespace ${JSON.stringify(declaredNs)} is not a valid namespace name. Allowed: ${DNS1123_LABEL_RULE}.` });
      }
      if (!o.name) {
        const finding = missingName(o);
        if (finding) out.push(finding);
      } else if (o.kind === 'Service') {
        continue;
      } else if (PATH_SEGMENT_NAMED_KINDS.has(o.kind) && o.apiVersion.startsWith('rbac.authorization.k8s.io/')) {
        if (!isPathSegmentName(o.name)) out.push(badName(o, 'any name without "/" or "%", other than "." and ".."'));
      } else if (LABEL_NAMED_KINDS.has(o.kind)) {
        if (!isDns1123Label(o.name)) out.push(badName(o, DNS1123_LABEL_RULE));
      } else {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent when it lets a name through: it is judged again.
        if (o.name === validSubdomain) continue;
        if (isDns1123Subdomain(o.name)) validSubdomain = o.name;
        else out.push(badName(o, DNS1123_SUBDOMAIN_RULE));
      }
    }
    return out;
  },
};
