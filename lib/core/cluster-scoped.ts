import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * Kinds that live outside any namespace. The API server rejects
 * `metadata.namespace` on them, and cdk8s stamps a Chart's namespace on every
 * object, so these must be cleaned.
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterIssuer', 'ClusterRole', 'ClusterRoleBinding',
  'ComponentStatus', 'CSIDriver', 'CSINode', 'CustomResourceDefinition', 'FlowSchema', 'GatewayClass',
  'IngressClass', 'IPAddress', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration', 'Namespace', 'Node', 'PersistentVolume', 'PriorityClass',
  'PriorityLevelConfiguration', 'RuntimeClass', 'ServiceCIDR', 'StorageClass', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(kind);
}

/** Removes the namespace a Chart would stamp on a cluster-scoped object. */
export function markClusterScoped(apiObject: ApiObject): void {
  apiObject.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}

/** Drops `metadata.namespace` from cluster-scoped kinds in synthesized JSON (in place). */
export function stripClusterScopedNamespace(manifest: any): any {
  if (manifest && isClusterScoped(manifest.kind) && manifest.metadata && 'namespace' in manifest.metadata) {
    delete manifest.metadata.namespace;
  }
  return manifest;
}
