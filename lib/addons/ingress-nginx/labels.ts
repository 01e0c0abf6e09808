import { LABEL_COMPONENT, LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME, LABEL_PART_OF, LABEL_VERSION, MANAGED_BY } from '../../core/labels';
import { APP_NAME, INGRESS_NGINX_VERSION } from './upstream';

/** The two components upstream labels its objects with. */
export type IngressNginxComponent = 'controller' | 'admission-webhook';

/**
 * The labels upstream puts on every object but the Namespace, plus ours.
 * Upstream leaves `component` off the controller ClusterRole and its binding;
 * pass no component for those.
 */
export function installLabels(instance: string, component?: IngressNginxComponent): Record<string, string> {
  return {
    ...(component ? { [LABEL_COMPONENT]: component } : {}),
    [LABEL_INSTANCE]: instance,
    [LABEL_NAME]: APP_NAME,
    [LABEL_PART_OF]: APP_NAME,
    [LABEL_VERSION]: INGRESS_NGINX_VERSION,
    [LABEL_MANAGED_BY]: MANAGED_BY,
  };
}

/** The Namespace carries only instance and name upstream. */
export function namespaceLabels(instance: string): Record<string, string> {
  return { [LABEL_INSTANCE]: instance, [LABEL_NAME]: APP_NAME, [LABEL_MANAGED_BY]: MANAGED_BY };
}

/**
 * What the Services, the workload and the PodDisruptionBudget select: exactly
 * upstream's, without version (it changes on upgrade; selectors are immutable).
 */
export function controllerSelector(instance: string): Record<string, string> {
  return { [LABEL_COMPONENT]: 'controller', [LABEL_INSTANCE]: instance, [LABEL_NAME]: APP_NAME };
}
