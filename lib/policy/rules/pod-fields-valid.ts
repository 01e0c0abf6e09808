import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../../core/kubernetes-version';
import { FieldCheckContext, fieldProblems } from '../../core/validation';
import { Problem } from '../../core/errors';
import { problemViolations } from '../engine';
import { Rule } from '../types';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const PROBE_FIELDS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const;

/**
 * Per check: the values each field rule found nothing wrong with. A rule's
 * verdict depends on the value and the release only (the field's path goes
 * into a problem's text, never into whether there is one), so thousands of
 * pod templates with the same user IDs, probe periods or pull policy ask
 * each rule once per distinct value.
 */
export type CleanFieldValues = Map<string, Set<unknown>>;

/**
 * The field rules WebApp applies at construct time (lib/core/validation), on
 * the pod templates of any manifest: a Deployment written by hand, a Helm
 * chart's output, another library's.
 */
export function podFieldProblems(spec: any, specPath: string, context: Omit<FieldCheckContext, 'field'>, clean: CleanFieldValues = new Map()): Problem[] {
  const problems: Problem[] = [];
  // The path is built only for a value that is there and not known to be clean: most fields are unset.
  const check = (key: Parameters<typeof fieldProblems>[0], value: unknown, path: string, rest: string) => {
    if (value === undefined || value === null) return;
    const primitive = typeof value !== 'object';
    let seen = clean.get(key);
    if (primitive && seen?.has(value)) return;
    const found = fieldProblems(key, value, { ...context, field: `${path}.${rest}` });
    if (found.length > 0) problems.push(...found);
    else if (primitive) {
      if (!seen) clean.set(key, (seen = new Set()));
      seen.add(value);
    }
  };
  check('SecurityContext.runAsUser', spec?.securityContext?.runAsUser, specPath, 'securityContext.runAsUser');
  check('SecurityContext.runAsGroup', spec?.securityContext?.runAsGroup, specPath, 'securityContext.runAsGroup');
  // An empty name is unset to the API server (the namespace's default ServiceAccount), as is an empty pull policy (defaulted).
  if (spec?.serviceAccountName !== '') check('Pod.serviceAccountName', spec?.serviceAccountName, specPath, 'serviceAccountName');
  check('PodSecurityContext.fsGroup', spec?.securityContext?.fsGroup, specPath, 'securityContext.fsGroup');
  const containers = ['initContainers', 'containers'].flatMap((list) => (Array.isArray(spec?.[list]) ? spec[list] as any[] : [])
    .map((container, i) => ({ container, path: `${specPath}.${list}[${i}]` })));
  for (const { container, path } of containers) {
    if (!container || typeof container !== 'object') continue;
    check('Container.image', container.image, path, 'image');
    if (container.imagePullPolicy !== '') check('Container.imagePullPolicy', container.imagePullPolicy, path, 'imagePullPolicy');
    (Array.isArray(container.env) ? container.env : []).forEach((env: any, i: number) => check('EnvVar.name', env?.name, path, `env[${i}].name`));
    const resources = container.resources ?? {};
    let quantitiesValid = true;
    for (const side of ['requests', 'limits']) {
      for (const [kind, value] of Object.entries(resources[side] ?? {})) {
        const before = problems.length;
        check('Container.resources.*', value, path, `resources.${side}.${kind}`);
        if (problems.length > before) quantitiesValid = false;
      }
    }
    if (quantitiesValid) check('Container.resources', resources, path, 'resources');
    for (const probe of PROBES) {
      const options = container[probe];
      if (options === undefined || options === null) continue;
      for (const field of PROBE_FIELDS) check(`Probe.${field}`, options[field], path, `${probe}.${field}`);
    }
    check('SecurityContext.runAsUser', container.securityContext?.runAsUser, path, 'securityContext.runAsUser');
    check('SecurityContext.runAsGroup', container.securityContext?.runAsGroup, path, 'securityContext.runAsGroup');
    (Array.isArray(container.volumeMounts) ? container.volumeMounts : []).forEach((m: any, i: number) => check('VolumeMount.mountPath', m?.mountPath, path, `volumeMounts[${i}].mountPath`));
  }
  return problems;
}

export const podFieldsValid: Rule = {
  id: 'pod-fields-valid',
  severity: 'error',
  severityReason: 'The API server rejects these pod templates (a negative quantity or probe field, a request above its limit, an env var name with "=", a user ID below 0), or the kubelet fails every pod (an image reference it cannot parse); a relative mountPath or an env var name a shell cannot read is accepted but very likely a mistake (warning).',
  description: "Every container's image, env var names, resource quantities, probe fields, user and group IDs and mount paths pass the API server's and the kubelet's rules for the target Kubernetes release.",
  fix: 'Change the field as the message says; WebApp checks the same fields at construct time.',
  check: (context) => {
    const version = parseKubernetesVersion(context.options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION) ?? parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION)!;
    const clean: CleanFieldValues = new Map();
    return context.podTemplates.flatMap((pod) => problemViolations(pod.owner, podFieldProblems(pod.spec, pod.specPath, { version }, clean)));
  },
};

