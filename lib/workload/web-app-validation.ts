import { Problem } from '../core/errors';
import { annotationProblems, labelProblems, namespaceProblems } from '../core/metadata-validation';
import { parseQuantity, QUANTITY_RULE } from '../core/quantity';
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
  if (image.trim() === '' || /\s/.test(image)) {
    return [{ field: 'image', message: 'is not an image reference.', value: image, allowed: '[registry/]repository[:tag][@digest]', fix: 'use e.g. "nginx:1.27.3".' }];
  }
  return [];
}

export function resourceProblems(resources: WebAppResources | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const side of ['requests', 'limits'] as const) {
    for (const [kind, value] of Object.entries(resources?.[side] ?? {})) {
      if (value !== undefined && parseQuantity(value) === undefined) {
        problems.push({ field: `resources.${side}.${kind}`, message: 'is not a Kubernetes quantity.', value, allowed: QUANTITY_RULE, fix: kind === 'cpu' ? 'write e.g. "250m" or "1".' : 'write e.g. "256Mi" or "1Gi".' });
      }
    }
  }
  for (const kind of ['cpu', 'memory'] as const) {
    const request = resources?.requests?.[kind];
    const limit = resources?.limits?.[kind];
    const r = request !== undefined ? parseQuantity(request) : undefined;
    const l = limit !== undefined ? parseQuantity(limit) : undefined;
    if (r !== undefined && l !== undefined && r > l) {
      problems.push({ field: `resources.requests.${kind}`, message: `is above the limit ${limit}; the API server rejects that.`, value: request, allowed: `at most ${limit}`, fix: 'lower the request or raise the limit.' });
    }
  }
  return problems;
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

/** Probe timings are whole seconds in the API. */
export function probeTimingProblems(props: WebAppProps): Problem[] {
  const problems: Problem[] = [];
  for (const field of ['readiness', 'liveness'] as const) {
    const probe = props[field];
    if (!probe) continue;
    for (const name of ['initialDelay', 'period', 'timeout'] as const) {
      const duration = probe._timings[name];
      if (duration === undefined) continue;
      const seconds = duration.toSeconds({ integral: false });
      if (!Number.isInteger(seconds) || seconds < 0) {
        problems.push({ field: `${field}.${name}`, message: 'is not a whole number of seconds, which is all a probe can express.', value: `${seconds}s`, allowed: 'whole seconds, 0 or more', fix: 'use Duration.seconds(n).' });
      }
    }
  }
  return problems;
}
