import { Problem } from '../core/errors';
import { annotationProblems, labelProblems, namespaceProblems } from '../core/metadata-validation';
import { KubernetesMinorVersion } from '../core/kubernetes-version';
import { fieldProblems, resourcesPropProblems } from '../core/validation';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE, isDns1123Label, isDns1123Subdomain, isLabelValue, LABEL_VALUE_RULE } from '../core/names';
import type { WebAppProps, WebAppResources } from './web-app-props';

export function validateNames(name: string, props: WebAppProps): Problem[] {
  const problems: Problem[] = [];
  if (!isDns1123Subdomain(name)) {
    problems.push({ field: 'name', message: 'is not a valid Deployment name.', value: name, allowed: DNS1123_SUBDOMAIN_RULE, fix: 'pass a `name` (or construct id) such as "web-frontend".' });
  } else if (!isLabelValue(name)) {
    problems.push({ field: 'name', message: 'is used as the app.kubernetes.io/instance label and is too long for a label value.', value: name, allowed: LABEL_VALUE_RULE, fix: 'use a name of at most 63 characters.' });
  }
  for (const [field, value] of Object.entries({ appName: props.appName, version: props.version, component: props.component, partOf: props.partOf })) {
    if (value !== undefined && !isLabelValue(value)) {
      problems.push({ field, message: 'is used as a label value and is not a valid one.', value, allowed: LABEL_VALUE_RULE, fix: 'shorten it or replace other characters with "-".' });
    }
  }
  for (const [field, value] of Object.entries({ hostname: props.hostname, subdomain: props.subdomain })) {
    if (value !== undefined && !isDns1123Label(value)) {
      problems.push({ field, message: 'is not a valid DNS label.', value, allowed: DNS1123_LABEL_RULE, fix: 'use lowercase letters, digits and "-".' });
    }
  }
  return problems;
}

export function imageProblems(image: string): Problem[] {
  return fieldProblems('Container.image', image, { field: 'image' });
}

/** Env var names as the target release's API server checks them; names a shell cannot read come back as warnings. */
export function envProblems(env: WebAppProps['env'], version: KubernetesMinorVersion): Problem[] {
  return Object.keys(env ?? {}).flatMap((name) => fieldProblems('EnvVar.name', name, { field: 'env', version }));
}

/** Each quantity given, then each request against its limit once defaults are applied (`resolved`). */
export function resourceProblems(resources: WebAppResources | undefined, resolved?: { requests: Record<string, string>; limits: Record<string, string> }): Problem[] {
  return resourcesPropProblems('resources', resources, resolved);
}

/** User and group IDs, the pull policy and the ServiceAccount name, as the API server checks them. */
export function securityIdProblems(props: WebAppProps): Problem[] {
  return [
    ...(props.imagePullPolicy !== undefined ? fieldProblems('Container.imagePullPolicy', props.imagePullPolicy, { field: 'imagePullPolicy' }) : []),
    ...(props.serviceAccountName !== undefined ? fieldProblems('Pod.serviceAccountName', props.serviceAccountName, { field: 'serviceAccountName' }) : []),
    ...(props.securityProfile !== undefined && !['baseline', 'restricted'].includes(props.securityProfile) ? [{
      field: 'securityProfile', message: 'is not a Pod Security Standard WebApp writes for.', value: props.securityProfile,
      allowed: 'baseline, restricted', fix: 'use "baseline" (the default) or "restricted"; a privileged pod needs containerSecurityContext and a namespace that allows it.',
    }] : []),
    ...(props.runAsUser !== undefined ? fieldProblems('SecurityContext.runAsUser', props.runAsUser, { field: 'runAsUser' }) : []),
    ...(props.runAsGroup !== undefined ? fieldProblems('SecurityContext.runAsGroup', props.runAsGroup, { field: 'runAsGroup' }) : []),
    ...(props.fsGroup !== undefined ? fieldProblems('PodSecurityContext.fsGroup', props.fsGroup, { field: 'fsGroup' }) : []),
  ];
}

/** Each writable path becomes a volume mount's mountPath. */
export function writablePathProblems(paths: readonly string[] | undefined): Problem[] {
  return (paths ?? []).flatMap((path, i) => fieldProblems('VolumeMount.mountPath', path, { field: `writablePaths[${i}]` }));
}

/** Labels, annotations and namespace the user gives, checked before they reach the YAML. */
export function metadataPropProblems(props: WebAppProps): Problem[] {
  const reserved = Object.keys(props.labels ?? {}).filter((key) => key.startsWith('app.kubernetes.io/'));
  return [
    ...namespaceProblems('namespace', props.namespace),
    ...labelProblems('labels', props.labels),
    ...annotationProblems('annotations', props.annotations),
    ...annotationProblems('podAnnotations', props.podAnnotations),
    ...reserved.map((key) => ({
      field: 'labels', message: 'sets a recommended label the WebApp writes itself.', value: key,
      allowed: 'labels outside app.kubernetes.io/', fix: 'use the props appName, version, component or partOf instead.',
    })),
  ];
}

const PROBE_FIELDS = {
  initialDelay: 'Probe.initialDelaySeconds', period: 'Probe.periodSeconds', timeout: 'Probe.timeoutSeconds',
} as const;

/**
 * Probe timings are whole seconds in the API, and thresholds whole numbers; a
 * 0 the API server would silently replace by its default is refused too.
 */
export function probeTimingProblems(props: WebAppProps): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['readiness', 'liveness'] as const) {
    const probe = props[field];
    if (!probe) continue;
    for (const name of ['initialDelay', 'period', 'timeout'] as const) {
      const duration = probe._timings[name];
      if (duration === undefined) continue;
      problems.push(...fieldProblems(PROBE_FIELDS[name], duration.toSeconds({ integral: false }), { field: `${field}.${name}`, construct: true }));
    }
    const threshold = probe._timings.failureThreshold;
    if (threshold !== undefined) problems.push(...fieldProblems('Probe.failureThreshold', threshold, { field: `${field}.failureThreshold`, construct: true }));
  }
  return problems;
}
