import type { PolicyContext } from '../context';
import { PolicyObject, RuleViolation } from '../types';

/**
 * A custom resource (Prometheus, Alertmanager, a database cluster …) in the
 * namespace whose labels, or whose pod labels (spec.podMetadata,
 * spec.template.metadata), include the selector: its operator creates pods
 * that no pod template of the input shows.
 */
function operatorResourceLabelled(context: PolicyContext, namespace: string, selector: Record<string, unknown>): PolicyObject | undefined {
  const covers = (labels: unknown) => !!labels && typeof labels === 'object'
    && Object.entries(selector).every(([key, value]) => (labels as Record<string, unknown>)[key] === value);
  return context.objects.find((o) => o.namespace === namespace && isCustomResource(o.apiVersion)
    && [o.manifest.metadata?.labels, o.manifest.spec?.podMetadata?.labels, o.manifest.spec?.template?.metadata?.labels].some(covers));
}

/**
 * The "cannot judge" info for a selector (`field`, shown as written) that no
 * pod template matches but a custom resource's labels cover: its operator
 * may create the pods. Undefined when no custom resource carries the labels.
 */
export function operatorPodsNote(context: PolicyContext, object: PolicyObject, namespace: string, field: string, shown: unknown, labels: Record<string, unknown>): RuleViolation | undefined {
  const creator = operatorResourceLabelled(context, namespace, labels);
  if (!creator) return undefined;
  return {
    object, severity: 'info',
    message: `cannot judge ${field} ${JSON.stringify(shown)}: no pod template here matches it, but ${creator.kind} ${creator.namespace}/${creator.name} carries these labels, and its operator may create the pods.`,
    fix: 'Nothing to do if the operator labels its pods so; else fix the selector.',
  };
}

/** A group with a dot that is not a Kubernetes group (*.k8s.io) is served by a CRD. */
function isCustomResource(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group.includes('.') && !group.endsWith('.k8s.io') && group !== 'k8s.io';
}
