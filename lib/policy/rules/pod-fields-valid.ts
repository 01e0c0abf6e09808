import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../../core/kubernetes-version';
import { FIELD_RULES, FieldCheckContext, FieldKey, FieldRule } from '../../core/validation';
import { NO_PROBLEMS, Problem } from '../../core/errors';
import { problemViolations } from '../engine';
import { Rule, RuleViolation } from '../types';
import { probeFieldValues, QuantitiesSeen, quantitiesOf, RESOURCE_SIDES, sameProbeFields, sameQuantities } from './pod-fields-memos';

/**
 * The field rules this rule asks, each with its slot in {@link CleanFieldValues}:
 * a list index, not a lookup by key, since it is read for every field of every
 * container of every synth.
 */
const FIELD_SLOTS: readonly FieldKey[] = [
  'SecurityContext.runAsUser', 'SecurityContext.runAsGroup', 'Pod.serviceAccountName', 'PodSecurityContext.fsGroup', 'Container.image',
  'Container.imagePullPolicy', 'EnvVar.name', 'Container.resources.*', 'Container.resources', 'VolumeMount.mountPath',
  'Probe.initialDelaySeconds', 'Probe.periodSeconds', 'Probe.timeoutSeconds', 'Probe.successThreshold', 'Probe.failureThreshold',
];
const slot = (key: FieldKey): number => FIELD_SLOTS.indexOf(key);
/** Each slot's row of the field table, looked up once rather than by key for every value checked. */
const SLOT_RULES: readonly FieldRule[] = FIELD_SLOTS.map((key) => FIELD_RULES[key] as FieldRule);
const RUN_AS_USER = slot('SecurityContext.runAsUser');
const RUN_AS_GROUP = slot('SecurityContext.runAsGroup');
const SERVICE_ACCOUNT = slot('Pod.serviceAccountName');
const FS_GROUP = slot('PodSecurityContext.fsGroup');
const IMAGE = slot('Container.image');
const PULL_POLICY = slot('Container.imagePullPolicy');
const ENV_NAME = slot('EnvVar.name');
const QUANTITY = slot('Container.resources.*');
const RESOURCES = slot('Container.resources');
const MOUNT_PATH = slot('VolumeMount.mountPath');

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const PROBE_FIELDS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const;
/** Each probe field's rule slot and its path in a container (`readinessProbe.periodSeconds`), written once rather than for every container. */
const PROBE_CHECKS = PROBES.map((probe) => ({
  probe, fields: PROBE_FIELDS.map((field) => ({ field, slot: slot(`Probe.${field}`), rest: `${probe}.${field}` })),
}));

/** Where the containers whose fields are checked live in a PodSpec, in the order their problems are reported. */
const CONTAINER_LISTS = ['initContainers', 'containers'] as const;
const RESOURCE_PATHS = { requests: 'resources.requests.', limits: 'resources.limits.' } as const;

/** No claim templates: the answer for every pod template that is not a StatefulSet's, one array for all. */
const NO_CLAIM_TEMPLATES: readonly string[] = Object.freeze([]);
/** Unset resources, read as an empty map (one object for all containers without any). */
const NO_RESOURCES = Object.freeze({});

/**
 * Per check: the values each field rule found nothing wrong with, by the
 * rule's slot in {@link FIELD_SLOTS}. A rule's verdict depends on the value
 * and the release only (the field's path goes into a problem's text, never
 * into whether there is one), so thousands of pod templates with the same
 * user IDs, probe periods or pull policy ask each rule once per distinct value.
 */
export class CleanFieldValues {
  readonly bySlot: Array<Set<unknown> | undefined> = FIELD_SLOTS.map(() => undefined);
  /** The requests and limits of the last container whose quantities were all clean, read as {@link sameQuantities} compares them. */
  lastCleanQuantities: QuantitiesSeen | undefined;
  /** By probe (readiness, liveness, startup): the field values of the last such probe whose fields were all clean, in the order of {@link probeFieldValues}. */
  readonly lastCleanProbes: Array<readonly unknown[] | undefined> = PROBES.map(() => undefined);
  /** The pod being checked: one record per check, reset for each pod, not one per pod (this runs for every pod template of every synth). */
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, each field is set for each pod before it is read.
  readonly pod: PodFields = { spec: undefined, specPath: '', claimTemplates: NO_CLAIM_TEMPLATES, list: undefined, index: 0, found: undefined, declared: undefined };
  /** The context values are judged in before any path is written (its field is empty), and the context it was made from. */
  probe: FieldCheckContext | undefined;
  probeOf: Omit<FieldCheckContext, 'field'> | undefined;
}

/**
 * Where the fields being checked are, and what was found there: a path is
 * written only for a value with problems, never for the clean fields of nearly
 * every pod. `list` and `index` name the container (`list` undefined for the
 * pod's own fields); `declared` holds the pod's volume names, read on the first mount.
 */
interface PodFields {
  spec: any;
  specPath: string;
  claimTemplates: readonly string[];
  list: string | undefined;
  index: number;
  found: Problem[] | undefined;
  declared: string[] | undefined;
}

/** The path of the container being checked (`spec.template.spec.containers[0]`), or the pod spec's for its own fields. */
function placePath(pod: PodFields): string {
  return pod.list === undefined ? pod.specPath : `${pod.specPath}.${pod.list}[${pod.index}]`;
}

/** The pod's problems so far, the list made at the first (most pods have none). */
function foundIn(pod: PodFields): Problem[] {
  return (pod.found ??= []);
}

/**
 * The problems of one field (the rule in `slotOfKey` of {@link FIELD_SLOTS}) added to the pod's, unless its value is
 * known clean. The value is judged first without its path (`placePath` + `rest`, `[index]` for a list item, +
 * `restTail`), which is written, and the rule asked again with it, only for a value with problems: this runs for
 * every field of every container of every synth.
 */
function checkField(clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>, slotOfKey: number, value: unknown,
  rest: string, restTail = '', index = -1): void {
  // Stryker disable next-line ConditionalExpression: equivalent, the field rules find nothing wrong with null (unset).
  if (value === undefined || value === null) return;
  // Stryker disable next-line all: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same (an object is never looked up by value).
  const primitive = typeof value !== 'object';
  let seen = clean.bySlot[slotOfKey];
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (primitive && seen?.has(value)) return;
  const rule = SLOT_RULES[slotOfKey];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent when forced true (`>= 0`), the rule is asked again with the path and finds the same nothing (only the value is not remembered); forced false, every test with a finding fails.
  if (rule.check(value, probeContext(clean, context)).length > 0) {
    const pod = clean.pod;
    const field = index < 0 ? `${placePath(pod)}.${rest}${restTail}` : `${placePath(pod)}.${rest}[${index}]${restTail}`;
    foundIn(pod).push(...rule.check(value, { ...context, field }));
    return;
  }
  // Images are not remembered: each app has its own, so the set would only grow (the image rule answers in one pattern test).
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral,EqualityOperator: equivalent, the memo of clean values only saves asking a field rule again; an object is never looked up (see `primitive && seen?.has` above).
  if (!primitive || slotOfKey === IMAGE) return;
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (!seen) clean.bySlot[slotOfKey] = seen = new Set();
  seen.add(value);
}

/** `context` with an empty field, made once per check: a field rule's verdict never depends on the field, only its problems' text. */
function probeContext(clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>): FieldCheckContext {
  // Stryker disable next-line ConditionalExpression: equivalent when forced true, making the probe again gives an equal one (the test only spares that).
  if (clean.probeOf !== context) {
    // Stryker disable next-line StringLiteral: equivalent, the probe's field is never shown (only whether there are problems is read).
    clean.probe = { ...context, field: '' };
    clean.probeOf = context;
  }
  return clean.probe!;
}

/**
 * The field rules WebApp applies at construct time (lib/core/validation), on
 * the pod templates of any manifest: a Deployment written by hand, a Helm
 * chart's output, another library's. Indexed loops and no closure per call:
 * this runs on every pod template of every synth (it allocated a fifth of
 * what the checks of a 5,000-app synth allocated).
 */
export function podFieldProblems(spec: any, specPath: string, context: Omit<FieldCheckContext, 'field'>, clean: CleanFieldValues = new CleanFieldValues(),
  claimTemplates: readonly string[] = NO_CLAIM_TEMPLATES): readonly Problem[] {
  const pod = clean.pod;
  pod.spec = spec;
  pod.specPath = specPath;
  pod.claimTemplates = claimTemplates;
  pod.list = undefined;
  pod.found = undefined;
  pod.declared = undefined;
  // A pod template's spec is always set (the context lists no template without one): the `spec?.` below guard direct callers.
  // Stryker disable OptionalChaining: equivalent, see above.
  const securityContext = spec?.securityContext;
  checkField(clean, context, RUN_AS_USER, securityContext?.runAsUser, 'securityContext.runAsUser');
  checkField(clean, context, RUN_AS_GROUP, securityContext?.runAsGroup, 'securityContext.runAsGroup');
  // An empty name is unset to the API server (the namespace's default ServiceAccount), as is an empty pull policy (defaulted).
  if (spec?.serviceAccountName !== '') checkField(clean, context, SERVICE_ACCOUNT, spec?.serviceAccountName, 'serviceAccountName');
  checkField(clean, context, FS_GROUP, securityContext?.fsGroup, 'securityContext.fsGroup');
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
      pod.list = list;
      pod.index = i;
      containerFieldProblems(clean, context, items[i]);
    }
  }
  return pod.found ?? NO_PROBLEMS;
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
function volumeMountProblems(pod: PodFields, mounts: unknown[]): void {
  // Stryker disable next-line EqualityOperator: equivalent, mounts[length] is undefined, which has no name and is skipped.
  for (let m = 0; m < mounts.length; m++) {
    const name = (mounts[m] as any)?.name;
    if (typeof name !== 'string') continue;
    const declared: string[] = (pod.declared ??= Array.isArray(pod.spec.volumes)
      ? pod.spec.volumes.map((v: any) => v?.name).filter((n: unknown): n is string => typeof n === 'string') : []);
    if (declared.includes(name) || pod.claimTemplates.includes(name)) continue;
    foundIn(pod).push({
      field: `${placePath(pod)}.volumeMounts[${m}].name`,
      message: 'no volume of the pod has this name; the API server refuses the pod template ("Not found").',
      value: name,
      allowed: declared.length > 0 ? `a name from ${pod.specPath}.volumes: ${declared.map((v: string) => JSON.stringify(v)).join(', ')}` : `a name from ${pod.specPath}.volumes (the pod declares none)`,
      fix: `Add a volume named ${JSON.stringify(name)} to ${pod.specPath}.volumes, or mount one the pod declares.`,
    });
  }
}

/** The fields of the container at `clean.pod`'s list and index. */
function containerFieldProblems(clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>, container: any): void {
  // Stryker disable next-line ConditionalExpression: equivalent, a string or number item has none of the fields read below.
  if (!container || typeof container !== 'object') return;
  checkField(clean, context, IMAGE, container.image, 'image');
  const pullPolicy = container.imagePullPolicy;
  if (pullPolicy !== '') checkField(clean, context, PULL_POLICY, pullPolicy, 'imagePullPolicy');
  const env = container.env;
  if (Array.isArray(env)) {
    // A hole in the list is skipped, as forEach skipped it.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and env[length] read as undefined, which has no name to check.
    for (let i = 0; i < env.length; i++) if (i in env) checkField(clean, context, ENV_NAME, env[i]?.name, 'env', '.name', i);
  }
  const resources = container.resources ?? NO_RESOURCES;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, the fast path only spares checking quantities known clean again.
  if (!(clean.lastCleanQuantities && sameQuantities(resources, clean.lastCleanQuantities))) resourceProblems(clean, context, resources);
  // Indexed loops, no iterator or destructuring per probe field: this runs for every container of every synth.
  for (let p = 0; p < PROBE_CHECKS.length; p++) {
    const options = container[PROBE_CHECKS[p].probe];
    if (options === undefined || options === null) continue;
    // The probe fields of the last clean probe of this kind are each known clean: thousands of apps share their probe timings.
    const seen = clean.lastCleanProbes[p];
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent when false, a shortcut: each field of such a probe is one the memo of clean values answers (forced true, or `||`, the tests of pod-fields-alike.test.ts fail: tried by hand).
    if (seen !== undefined && sameProbeFields(options, seen)) continue;
    // Stryker disable next-line LogicalOperator: equivalent, `&& 0` makes the count before undefined or 0, so a probe is remembered less often (only slower).
    const before = clean.pod.found?.length ?? 0;
    const fields = PROBE_CHECKS[p].fields;
    for (let f = 0; f < fields.length; f++) checkField(clean, context, fields[f].slot, options[fields[f].field], fields[f].rest);
    // Stryker disable next-line ConditionalExpression: equivalent when false, never remembering only costs full checks; forced true, pod-fields-alike.test.ts fails (a bad probe remembered, tried by hand).
    if ((clean.pod.found?.length ?? 0) === before) clean.lastCleanProbes[p] = probeFieldValues(options);
  }
  const securityContext = container.securityContext;
  checkField(clean, context, RUN_AS_USER, securityContext?.runAsUser, 'securityContext.runAsUser');
  checkField(clean, context, RUN_AS_GROUP, securityContext?.runAsGroup, 'securityContext.runAsGroup');
  const mounts = container.volumeMounts;
  if (Array.isArray(mounts)) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and mounts[length] read as undefined, which has no mountPath to check.
    for (let i = 0; i < mounts.length; i++) if (i in mounts) checkField(clean, context, MOUNT_PATH, mounts[i]?.mountPath, 'volumeMounts', '.mountPath', i);
    volumeMountProblems(clean.pod, mounts);
  }
}

/** Each quantity of a container's requests and limits, then each request against its limit; remembers them when all are clean. */
function resourceProblems(clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>, resources: any): void {
  const pod = clean.pod;
  const before = pod.found?.length ?? 0;
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
      checkField(clean, context, QUANTITY, values[kind], RESOURCE_PATHS[side], kind);
    }
  }
  // A request is compared with its limit only when both are quantities.
  if ((pod.found?.length ?? 0) > before) return;
  checkField(clean, context, RESOURCES, resources, 'resources');
  // Stryker disable next-line all: equivalent, remembering clean quantities only spares checking alike ones again.
  if ((pod.found?.length ?? 0) === before) clean.lastCleanQuantities = quantitiesOf(resources) ?? clean.lastCleanQuantities;
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
    const clean = new CleanFieldValues();
    // One context for the check, an indexed loop and no violation list for a clean pod: runs for every pod template of every synth.
    const fieldContext = { version };
    const out: RuleViolation[] = [];
    const templates = context.podTemplates;
    for (let t = 0; t < templates.length; t++) {
      const pod = templates[t];
      const problems = podFieldProblems(pod.spec, pod.specPath, fieldContext, clean, claimTemplateNames(pod.owner.manifest));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing the violations of no problem pushes nothing.
      if (problems.length > 0) out.push(...problemViolations(pod.owner, problems));
    }
    return out;
  },
};

