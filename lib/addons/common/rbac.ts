import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';

/** Name, namespace and labels of one RBAC identity (a controller's, or its certificate Jobs'). */
export interface RbacIdentity {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  /** Labels of the cluster-wide objects (ingress-nginx drops `component` on the controller's). */
  readonly clusterLabels: Record<string, string>;
  /**
   * The ServiceAccount's `automountServiceAccountToken`. Both upstreams write it
   * explicitly: ingress-nginx true, NGINX Gateway Fabric false (its pods opt in themselves).
   */
  readonly automountToken: boolean;
}

const RBAC_API = 'rbac.authorization.k8s.io/v1';

export function serviceAccountManifest(id: RbacIdentity): IServiceAccount {
  return { apiVersion: 'v1', kind: 'ServiceAccount', automountServiceAccountToken: id.automountToken, metadata: { name: id.name, namespace: id.namespace, labels: id.labels } };
}

export function roleManifest(id: RbacIdentity, rules: IPolicyRule[]): IRole {
  return { apiVersion: RBAC_API, kind: 'Role', metadata: { name: id.name, namespace: id.namespace, labels: id.labels }, rules };
}

export function clusterRoleManifest(id: RbacIdentity, rules: IPolicyRule[]): IClusterRole {
  return { apiVersion: RBAC_API, kind: 'ClusterRole', metadata: { name: id.name, labels: id.clusterLabels }, rules };
}

function subjects(id: RbacIdentity) {
  return [{ kind: 'ServiceAccount', name: id.name, namespace: id.namespace }];
}

export function roleBindingManifest(id: RbacIdentity): IRoleBinding {
  return {
    apiVersion: RBAC_API, kind: 'RoleBinding', metadata: { name: id.name, namespace: id.namespace, labels: id.labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: id.name }, subjects: subjects(id),
  };
}

export function clusterRoleBindingManifest(id: RbacIdentity): IClusterRoleBinding {
  return {
    apiVersion: RBAC_API, kind: 'ClusterRoleBinding', metadata: { name: id.name, labels: id.clusterLabels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: id.name }, subjects: subjects(id),
  };
}
