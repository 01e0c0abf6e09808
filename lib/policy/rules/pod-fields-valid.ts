import { DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion } from '../../core/kubernetes-version';
import { FieldCheckContext, fieldProblems } from '../../core/validation';
import { Problem } from '../../core/errors';
import { problemViolations } from '../engine';
import { Rule } from '../types';

type FieldKey = Parameters<typeof fieldProblems>[0];

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
}

/** Where the containers whose fields are checked live in a PodSpec, in the order their problems are reported. */
const CONTAINER_LISTS = ['initContainers', 'containers'] as const;
const RESOURCE_SIDES = ['requests', 'limits'] as const;
const RESOURCE_PATHS = { requests: 'resources.requests.', limits: 'resources.limits.' } as const;

/** No claim templates: the answer for every pod template that is not a StatefulSet's, one array for all. */
const NO_CLAIM_TEMPLATES: readonly string[] = Object.freeze([]);

/** The problems of one field (the rule in `slotOfKey` of {@link FIELD_SLOTS}), unless its value is known clean; the path (`path.rest` + `restTail`) is built only for a value that is checked. */
function checkField(problems: Problem[], clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>,
  slotOfKey: number, value: unknown, path: string, rest: string, restTail = ''): void {
  // Stryker disable next-line ConditionalExpression: equivalent, the field rules find nothing wrong with null (unset).
  if (value === undefined || value === null) return;
  // Stryker disable next-line all: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same (an object is never looked up by value).
  const primitive = typeof value !== 'object';
  let seen = clean.bySlot[slotOfKey];
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (primitive && seen?.has(value)) return;
  const found = fieldProblems(FIELD_SLOTS[slotOfKey], value, { ...context, field: `${path}.${rest}${restTail}` });
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, pushing no problems changes nothing, and a value with problems is not remembered either way (only clean ones are looked up).
  if (found.length > 0) {
    problems.push(...found);
    return;
  }
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent, the memo of clean values only saves asking a field rule again; an object is never looked up (see `primitive && seen?.has` above).
  if (!primitive) return;
  // Stryker disable next-line ConditionalExpression: equivalent, the memo of clean values only saves asking a field rule again; the rule's answer is the same.
  if (!seen) clean.bySlot[slotOfKey] = seen = new Set();
  seen.add(value);
}

/** A container's requests and limits as {@link sameQuantities} compares them: each side's own enumerable keys and their values, in order. */
interface QuantitiesSeen {
  readonly keys: readonly (readonly string[])[];
  readonly values: readonly (readonly unknown[])[];
}

/**
 * The requests and limits of `resources` as {@link QuantitiesSeen}, when each
 * side is unset or a plain object (undefined otherwise: checked each time).
 */
// Stryker disable all: equivalent, this only decides whether a container's quantities are checked again; every path that returns undefined or a record checks them at least as often.
function quantitiesOf(resources: any): QuantitiesSeen | undefined {
  const keys: string[][] = [];
  const values: unknown[][] = [];
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = resources[RESOURCE_SIDES[s]];
    const k: string[] = [];
    const v: unknown[] = [];
    if (side !== undefined && side !== null) {
      if (typeof side !== 'object' || Array.isArray(side)) return undefined;
      for (const kind in side) {
        if (!Object.prototype.hasOwnProperty.call(side, kind)) continue;
        k.push(kind);
        v.push(side[kind]);
      }
    }
    keys.push(k);
    values.push(v);
  }
  return { keys, values };
}
// Stryker restore all

/**
 * Whether a container's requests and limits are those of a container whose
 * quantities were all clean: each side lists, by `for…in`, the same keys in
 * the same order, holding identical values, as that container's own keys.
 * The quantity rules and the request/limit comparison read nothing else
 * (`for…in` lists a side's own and inherited enumerable keys, every key those
 * rules read of a manifest; over an unset side, a string or a number it lists
 * what they read too), so their verdict is the same: thousands of apps with
 * the same sizing are checked once. Anything else answers "not the same",
 * which only costs a full check.
 */
// Stryker disable next-line BlockStatement: equivalent, an empty body answers undefined, "not the same".
function sameQuantities(resources: any, seen: QuantitiesSeen): boolean {
  for (let s = 0; s < RESOURCE_SIDES.length; s++) {
    const side = resources[RESOURCE_SIDES[s]];
    const keys = seen.keys[s];
    const values = seen.values[s];
    let n = 0;
    for (const kind in side) {
      // A key past the end of `keys` reads undefined, never a key.
      // Stryker disable next-line ConditionalExpression: equivalent when forced true ("not the same"); the mark also hides the mutants forcing it, or either side of `||`, false, which pod-fields-alike.test.ts kills (tried by hand).
      if (keys[n] !== kind || values[n] !== side[kind]) return false;
      // Stryker disable next-line UpdateOperator: equivalent, `n--` compares the next key with keys[-1] (undefined) and the count with -1: "not the same" whenever a side has a key.
      n++;
    }
    // Fewer keys (a side unset here but set there, too) are not the same. Were they answered "the same", nothing would be hidden
    // today: such a side holds clean quantities only, and each request/limit pair it holds, the clean container held too. A rule
    // that wants a limit for a request (extended resources) would change that.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent today, see above.
    if (n !== keys.length) return false;
  }
  // Stryker disable next-line BooleanLiteral: equivalent, "not the same" only costs a full check.
  return true;
}

/**
 * The field rules WebApp applies at construct time (lib/core/validation), on
 * the pod templates of any manifest: a Deployment written by hand, a Helm
 * chart's output, another library's. Indexed loops and no closure per call:
 * this runs on every pod template of every synth (it allocated a fifth of
 * what the checks of a 5,000-app synth allocated).
 */
export function podFieldProblems(spec: any, specPath: string, context: Omit<FieldCheckContext, 'field'>, clean: CleanFieldValues = new CleanFieldValues(),
  claimTemplates: readonly string[] = NO_CLAIM_TEMPLATES): Problem[] {
  const problems: Problem[] = [];
  const pod: PodVolumes = { spec, specPath, claimTemplates };
  // A pod template's spec is always set (the context lists no template without one): the `spec?.` below guard direct callers.
  // Stryker disable OptionalChaining: equivalent, see above.
  checkField(problems, clean, context, RUN_AS_USER, spec?.securityContext?.runAsUser, specPath, 'securityContext.runAsUser');
  checkField(problems, clean, context, RUN_AS_GROUP, spec?.securityContext?.runAsGroup, specPath, 'securityContext.runAsGroup');
  // An empty name is unset to the API server (the namespace's default ServiceAccount), as is an empty pull policy (defaulted).
  if (spec?.serviceAccountName !== '') checkField(problems, clean, context, SERVICE_ACCOUNT, spec?.serviceAccountName, specPath, 'serviceAccountName');
  checkField(problems, clean, context, FS_GROUP, spec?.securityContext?.fsGroup, specPath, 'securityContext.fsGroup');
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
  checkField(problems, clean, context, IMAGE, container.image, path, 'image');
  if (container.imagePullPolicy !== '') checkField(problems, clean, context, PULL_POLICY, container.imagePullPolicy, path, 'imagePullPolicy');
  const env = container.env;
  if (Array.isArray(env)) {
    // A hole in the list is skipped, as forEach skipped it.
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and env[length] read as undefined, which has no name to check.
    for (let i = 0; i < env.length; i++) if (i in env) checkField(problems, clean, context, ENV_NAME, env[i]?.name, path, `env[${i}].name`);
  }
  const resources = container.resources ?? {};
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, the fast path only spares checking quantities known clean again.
  if (!(clean.lastCleanQuantities && sameQuantities(resources, clean.lastCleanQuantities))) resourceProblems(problems, clean, context, resources, path);
  // Indexed loops, no iterator or destructuring per probe field: this runs for every container of every synth.
  for (let p = 0; p < PROBE_CHECKS.length; p++) {
    const options = container[PROBE_CHECKS[p].probe];
    if (options === undefined || options === null) continue;
    const fields = PROBE_CHECKS[p].fields;
    for (let f = 0; f < fields.length; f++) checkField(problems, clean, context, fields[f].slot, options[fields[f].field], path, fields[f].rest);
  }
  checkField(problems, clean, context, RUN_AS_USER, container.securityContext?.runAsUser, path, 'securityContext.runAsUser');
  checkField(problems, clean, context, RUN_AS_GROUP, container.securityContext?.runAsGroup, path, 'securityContext.runAsGroup');
  const mounts = container.volumeMounts;
  if (Array.isArray(mounts)) {
    // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, a hole and mounts[length] read as undefined, which has no mountPath to check.
    for (let i = 0; i < mounts.length; i++) if (i in mounts) checkField(problems, clean, context, MOUNT_PATH, mounts[i]?.mountPath, path, `volumeMounts[${i}].mountPath`);
    volumeMountProblems(problems, pod, mounts, path);
  }
}

/** Each quantity of a container's requests and limits, then each request against its limit; remembers them when all are clean. */
function resourceProblems(problems: Problem[], clean: CleanFieldValues, context: Omit<FieldCheckContext, 'field'>, resources: any, path: string): void {
  const before = problems.length;
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
      checkField(problems, clean, context, QUANTITY, values[kind], path, RESOURCE_PATHS[side], kind);
    }
  }
  // A request is compared with its limit only when both are quantities.
  if (problems.length > before) return;
  checkField(problems, clean, context, RESOURCES, resources, path, 'resources');
  // Stryker disable next-line all: equivalent, remembering clean quantities only spares checking alike ones again.
  if (problems.length === before) clean.lastCleanQuantities = quantitiesOf(resources) ?? clean.lastCleanQuantities;
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
    return context.podTemplates.flatMap((pod) => problemViolations(pod.owner, podFieldProblems(pod.spec, pod.specPath, { version }, clean, claimTemplateNames(pod.owner.manifest))));
  },
};

