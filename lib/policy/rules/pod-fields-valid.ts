import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../../core/kubernetes-version';
import { COMPARED_RESOURCE_KINDS, FieldCheckContext, fieldProblems } from '../../core/validation';
import { Problem } from '../../core/errors';
import { problemViolations } from '../engine';
import { Rule } from '../types';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const PROBE_FIELDS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const;
/** Each probe field's rule key and its path in a container (`readinessProbe.periodSeconds`), written once rather than for every container. */
const PROBE_CHECKS = PROBES.map((probe) => ({
  probe, fields: PROBE_FIELDS.map((field) => ({ field, key: `Probe.${field}` as const, rest: `${probe}.${field}` })),
}));

/**
 * Per check: the values each field rule found nothing wrong with. A rule's
 * verdict depends on the value and the release only (the field's path goes
 * into a problem's text, never into whether there is one), so thousands of
 * pod templates with the same user IDs, probe periods or pull policy ask
 * each rule once per distinct value.
 */
export type CleanFieldValues = Map<string, Set<unknown>>;

/** Where the containers whose fields are checked live in a PodSpec, in the order their problems are reported. */
const CONTAINER_LISTS = ['initContainers', 'containers'] as const;
const RESOURCE_SIDES = ['requests', 'limits'] as const;
const RESOURCE_PATHS = { requests: 'resources.requests.', limits: 'resources.limits.' } as const;
/** The {@link CleanFieldValues} entry for request/limit pairs (a key no field rule has). */
const CLEAN_RESOURCE_PAIRS = 'Container.resources#pairs';

/** No claim templates: the answer for every pod template that is not a StatefulSet's, one array for all. */
const NO_CLAIM_TEMPLATES: readonly string[] = Object.freeze([]);

/** The problems of one field, unless its value is known clean; the path (`path.rest` + `restTail`) is built only for a value that is checked. */
function checkField(problems: Problem[], clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>,
  key: Parameters<typeof fieldProblems>[0], value: unknown, path: string, rest: string, restTail = ''): void {
  // Stryker disable next-line ConditionalExpression: equivalent, the field rules find nothing wrong with null (unset).
  if (value === undefined || value === null) return;
  // Stryker disable next-line all: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same (an object is never looked up by value).
  const primitive = typeof value !== 'object';
  let seen = clean.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (primitive && seen?.has(value)) return;
  const found = fieldProblems(key, value, { ...context, field: `${path}.${rest}${restTail}` });
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing no problems changes nothing, and a value with problems is not remembered either way (only clean ones are looked up).
  if (found.length > 0) {
    problems.push(...found);
    return;
  }
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, the memo of clean values only saves asking a field rule again; an object is never looked up (see `primitive && seen?.has` above).
  if (!primitive) return;
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (!seen) clean.set(key, (seen = new Set()));
  seen.add(value);
}

/**
 * What `Container.resources` reads (each compared kind's request and limit),
 * as one string when every one of them is a string, a number or unset: the
 * rule's verdict depends on those six values only, so pods with the same
 * requests and limits are compared once. undefined for other values (checked each time).
 */
// Stryker disable all: equivalent, the key only decides whether a request/limit pair is compared again; it is read only when every quantity is valid (a string or a number), and a changed key only compares more often.
function resourcePairsKey(resources: any): string | undefined {
  const values: unknown[] = [];
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = resources?.[RESOURCE_SIDES[s]];
    for (let k = 0; k < COMPARED_RESOURCE_KINDS.length; k++) {
      const v = side?.[COMPARED_RESOURCE_KINDS[k]];
      if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') return undefined;
      values.push(v);
    }
  }
  // JSON keeps strings and numbers apart; null, undefined and non-finite numbers, which it merges, are all "no quantity" to the rule.
  return JSON.stringify(values);
}
// Stryker restore all

/**
 * The field rules WebApp applies at construct time (lib/core/validation), on
 * the pod templates of any manifest: a Deployment written by hand, a Helm
 * chart's output, another library's. Indexed loops and no closure per call:
 * this runs on every pod template of every synth (it allocated a fifth of
 * what the checks of a 5,000-app synth allocated).
 */
export function podFieldProblems(spec: any, specPath: string, context: Omit<FieldCheckContext, 'field'>, clean: CleanFieldValues = new Map(),
  claimTemplates: readonly string[] = NO_CLAIM_TEMPLATES): Problem[] {
  const problems: Problem[] = [];
  const pod: PodVolumes = { spec, specPath, claimTemplates };
  // A pod template's spec is always set (the context lists no template without one): the `spec?.` below guard direct callers.
  // Stryker disable OptionalChaining: equivalent, see above.
  checkField(problems, clean, context, 'SecurityContext.runAsUser', spec?.securityContext?.runAsUser, specPath, 'securityContext.runAsUser');
  checkField(problems, clean, context, 'SecurityContext.runAsGroup', spec?.securityContext?.runAsGroup, specPath, 'securityContext.runAsGroup');
  // An empty name is unset to the API server (the namespace's default ServiceAccount), as is an empty pull policy (defaulted).
  if (spec?.serviceAccountName !== '') checkField(problems, clean, context, 'Pod.serviceAccountName', spec?.serviceAccountName, specPath, 'serviceAccountName');
  checkField(problems, clean, context, 'PodSecurityContext.fsGroup', spec?.securityContext?.fsGroup, specPath, 'securityContext.fsGroup');
  // Stryker disable next-line EqualityOperator: equivalent, CONTAINER_LISTS[length] is undefined, and spec[undefined] is no list.
  for (let l = 0; l < CONTAINER_LISTS.length; l++) {
    const list = CONTAINER_LISTS[l];
    const items = spec?.[list];
    // Stryker restore OptionalChaining
    if (!Array.isArray(items)) continue;
    // Stryker disable next-line EqualityOperator: equivalent, items[length] is not `in` the list and is skipped below.
    for (let i = 0; i < items.length; i++) {
      // A hole in the list is skipped, as `map` skipped it before.
      // Stryker disable next-line ConditionalExpression: equivalent, a hole reads as undefined, which containerFieldProblems skips.
      if (!(i in items)) continue;
      containerFieldProblems(problems, clean, context, items[i], `${specPath}.${list}[${i}]`, pod);
    }
  }
  return problems;
}

/**
 * Every mount names a volume of the pod: the API server refuses the pod
 * template otherwise (`volumeMounts[1].name: Not found: "ca-certs"`), a slip
 * that a run against a real API server found in a public example (istio's
 * mtls-echo) and that no field rule sees, since it spans two lists. A
 * StatefulSet's volumeClaimTemplates are volumes of its pods too. `pod`
 * carries the pod's volume names, read on the first mount (most pods of a
 * large synth have none).
 */
function volumeMountProblems(problems: Problem[], pod: PodVolumes, mounts: unknown[], path: string): void {
  // Stryker disable next-line EqualityOperator: equivalent, mounts[length] is undefined, which has no name and is skipped.
  for (let m = 0; m < mounts.length; m++) {
    const name = (mounts[m] as any)?.name;
    if (typeof name !== 'string') continue;
    const declared: string[] = (pod.declared ??= Array.isArray(pod.spec.volumes)
      ? pod.spec.volumes.map((v: any) => v?.name).filter((n: unknown): n is string => typeof n === 'string') : []);
    if (declared.includes(name) || pod.claimTemplates.includes(name)) continue;
    problems.push({
      field: `${path}.volumeMounts[${m}].name`,
      message: 'no volume of the pod has this name; the API server refuses the pod template ("Not found").',
      value: name,
      allowed: declared.length > 0 ? `a name from ${pod.specPath}.volumes: ${declared.map((v: string) => JSON.stringify(v)).join(', ')}` : `a name from ${pod.specPath}.volumes (the pod declares none)`,
      fix: `Add a volume named ${JSON.stringify(name)} to ${pod.specPath}.volumes, or mount one the pod declares.`,
    });
  }
}

/** What the mount check of {@link volumeMountProblems} reads of a pod; `declared` is filled on first use. */
interface PodVolumes { readonly spec: any; readonly specPath: string; readonly claimTemplates: readonly string[]; declared?: string[] }

function containerFieldProblems(problems: Problem[], clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>, container: any, path: string, pod: PodVolumes): void {
  // Stryker disable next-line ConditionalExpression: equivalent, a string or number item has none of the fields read below.
  if (!container || typeof container !== 'object') return;
  checkField(problems, clean, context, 'Container.image', container.image, path, 'image');
  if (container.imagePullPolicy !== '') checkField(problems, clean, context, 'Container.imagePullPolicy', container.imagePullPolicy, path, 'imagePullPolicy');
  const env = container.env;
  if (Array.isArray(env)) {
    // A hole in the list is skipped, as forEach skipped it.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and env[length] read as undefined, which has no name to check.
    for (let i = 0; i < env.length; i++) if (i in env) checkField(problems, clean, context, 'EnvVar.name', env[i]?.name, path, `env[${i}].name`);
  }
  const resources = container.resources ?? {};
  let quantitiesValid = true;
  // Stryker disable next-line EqualityOperator: equivalent, RESOURCE_SIDES[length] is undefined, and resources[undefined] holds no quantity.
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = RESOURCE_SIDES[s];
    const quantities = resources[side];
    // Own enumerable keys, in order, as Object.entries lists them (without an array per side and per entry).
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Object(undefined) and Object(null) are empty objects, whose loop runs no iteration; the guard only spares that object.
    if (quantities === undefined || quantities === null) continue;
    const values = Object(quantities);
    for (const kind in values) {
      if (!Object.prototype.hasOwnProperty.call(values, kind)) continue;
      const before = problems.length;
      checkField(problems, clean, context, 'Container.resources.*', values[kind], path, RESOURCE_PATHS[side], kind);
      if (problems.length > before) quantitiesValid = false;
    }
  }
  if (quantitiesValid) {
    const pairs = resourcePairsKey(resources);
    let cleanPairs = clean.get(CLEAN_RESOURCE_PAIRS);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the memo of clean request/limit pairs only saves comparing them again.
    if (pairs === undefined || !cleanPairs?.has(pairs)) {
      const before = problems.length;
      checkField(problems, clean, context, 'Container.resources', resources, path, 'resources');
      // Stryker disable next-line all: equivalent, the memo of clean request/limit pairs only saves comparing them again.
      if (pairs !== undefined && problems.length === before) {
        // Stryker disable next-line ConditionalExpression: equivalent, a new memo set only forgets earlier clean pairs.
        if (!cleanPairs) clean.set(CLEAN_RESOURCE_PAIRS, (cleanPairs = new Set()));
        cleanPairs.add(pairs);
      }
    }
  }
  // Indexed loops, no iterator or destructuring per probe field: this runs for every container of every synth.
  for (let p = 0; p < PROBE_CHECKS.length; p++) {
    const options = container[PROBE_CHECKS[p].probe];
    if (options === undefined || options === null) continue;
    const fields = PROBE_CHECKS[p].fields;
    for (let f = 0; f < fields.length; f++) checkField(problems, clean, context, fields[f].key, options[fields[f].field], path, fields[f].rest);
  }
  checkField(problems, clean, context, 'SecurityContext.runAsUser', container.securityContext?.runAsUser, path, 'securityContext.runAsUser');
  checkField(problems, clean, context, 'SecurityContext.runAsGroup', container.securityContext?.runAsGroup, path, 'securityContext.runAsGroup');
  const mounts = container.volumeMounts;
  if (Array.isArray(mounts)) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and mounts[length] read as undefined, which has no mountPath to check.
    for (let i = 0; i < mounts.length; i++) if (i in mounts) checkField(problems, clean, context, 'VolumeMount.mountPath', mounts[i]?.mountPath, path, `volumeMounts[${i}].mountPath`);
    volumeMountProblems(problems, pod, mounts, path);
  }
}

/**
 * The names of a StatefulSet's volumeClaimTemplates (each becomes a volume of its pods); none for other kinds.
 * `manifest` is the owner of a pod template, so it has a spec.
 */
function claimTemplateNames(manifest: any): readonly string[] {
  const templates = manifest.kind === 'StatefulSet' ? manifest.spec.volumeClaimTemplates : undefined;
  if (!Array.isArray(templates)) return NO_CLAIM_TEMPLATES;
  // Stryker disable next-line ArrayDeclaration: equivalent for every name a mount may hold, a made-up name has spaces, which no volume name can hold.
  const names: string[] = [];
  for (const t of templates) {
    const name = t?.metadata?.name;
    // Stryker disable next-line ConditionalExpression: equivalent, a name that is not a string never equals a mount's name (checked to be a string).
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

export const podFieldsValid: Rule = {
  id: 'pod-fields-valid',
  severity: 'error',
  severityReason: 'The API server rejects these pod templates (a negative quantity or probe field, a request above its limit, an env var name with "=", a user ID below 0), or the kubelet fails every pod (an image reference it cannot parse); a relative mountPath or an env var name a shell cannot read is accepted but very likely a mistake (warning).',
  description: "Every container's image, env var names, resource quantities, probe fields, user and group IDs and mount paths pass the API server's and the kubelet's rules for the target Kubernetes release, and every volume mount names a volume of the pod.",
  fix: 'Change the field as the message says; WebApp checks the same fields at construct time.',
  check: (context) => {
    const version = parseKubernetesVersion(context.options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION) ?? parseKubernetesVersion(DEFAULT_KUBERNETES_VERSION)!;
    const clean: CleanFieldValues = new Map();
    return context.podTemplates.flatMap((pod) => problemViolations(pod.owner, podFieldProblems(pod.spec, pod.specPath, { version }, clean, claimTemplateNames(pod.owner.manifest))));
  },
};

