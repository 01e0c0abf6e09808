import type { PolicyContext } from '../context';
import { PolicyObject } from '../types';

/**
 * A custom resource (Prometheus, Alertmanager, a database cluster …) in the
 * namespace whose labels, or whose pod labels (spec.podMetadata,
 * spec.template.metadata), include the selector: its operator creates pods
 * that no pod template of the input shows.
 */
export function operatorResourceLabelled(context: PolicyContext, namespace: string, selector: Record<string, unknown>): PolicyObject | undefined {
  const covers = (labels: unknown) => !!labels && typeof labels === 'object'
    && Object.entries(selector).every(([key, value]) => (labels as Record<string, unknown>)[key] === value);
  return context.objects.find((o) => o.namespace === namespace && isCustomResource(o.apiVersion)
    && [o.manifest.metadata?.labels, o.manifest.spec?.podMetadata?.labels, o.manifest.spec?.template?.metadata?.labels].some(covers));
}

/** A group with a dot that is not a Kubernetes group (*.k8s.io) is served by a CRD. */
function isCustomResource(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group.includes('.') && !group.endsWith('.k8s.io') && group !== 'k8s.io';
}
