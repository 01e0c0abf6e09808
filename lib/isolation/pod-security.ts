/**
 * The Pod Security Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/)
 * as Pod Security Admission enforces them at level `latest` (Kubernetes 1.35):
 * ONE pure function, `podSecurityViolations(podSpec, level)`, that the policy
 * rule and the constructs writing Namespace labels both call.
 *
 * Admission judges the pod a workload creates, so a Deployment whose template
 * violates its Namespace's `enforce` level is accepted, and its ReplicaSet's
 * pods are then refused: the Deployment never runs a pod.
 */

/** The three Pod Security Standards levels. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

/** The Namespace labels Pod Security Admission reads (each with a `-version` sibling). */
export const POD_SECURITY_MODES = ['enforce', 'audit', 'warn'] as const;
export type PodSecurityMode = typeof POD_SECURITY_MODES[number];

/** One control a pod spec fails. */
export interface PodSecurityViolation {
  /** The control's name in the standard (`Host Namespaces`, `Running as Non-root`). */
  readonly control: string;
  /** The level that forbids it. */
  readonly level: 'baseline' | 'restricted';
  /** The field, relative to the pod spec (`containers[0].securityContext.privileged`). */
  readonly field: string;
  readonly message: string;
}

/** Capabilities baseline lets a container add (the container runtime's default set). */
export const BASELINE_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

/** The "safe" sysctls baseline allows (namespaced, no effect on other pods). */
export const SAFE_SYSCTLS: readonly string[] = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes',
];

/** SELinux types baseline allows. */
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

/** Volume types restricted allows (pod-security-admission policy/check_restrictedVolumes.go). */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
];

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** Whether a string is a Pod Security level. */
export function isPodSecurityLevel(value: unknown): value is PodSecurityLevel {
  return (POD_SECURITY_LEVELS as readonly unknown[]).includes(value);
}

/** The container lists a pod spec has, in the order admission reports them. */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** No annotations: the default, one object for every call. */
const NO_ANNOTATIONS: Readonly<Record<string, string>> = Object.freeze({});

// A violation's field path is written only when there is a violation: admission
// of a pod that meets the level (every pod at each synth) builds no strings.
function push(out: PodSecurityViolation[], control: string, level: 'baseline' | 'restricted', field: string, message: string): void {
  out.push({ control, level, field, message });
}

/**
 * What Pod Security Admission at `level` would refuse in this pod spec
 * (`privileged` refuses nothing; `restricted` includes every baseline control).
 * `annotations` are the pod template's, for the AppArmor annotations older manifests use.
 */
export function podSecurityViolations(podSpec: any, level: PodSecurityLevel, annotations: Readonly<Record<string, string>> = NO_ANNOTATIONS): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  // A string or number spec reads undefined for every field below, so only a missing one needs the guard.
  if (level === 'privileged' || !podSpec) return out;
  baselineViolations(out, podSpec, annotations);
  if (level === 'restricted') restrictedViolations(out, podSpec);
  return out;
}

function baselineViolations(out: PodSecurityViolation[], spec: any, annotations: Readonly<Record<string, string>>): void {
  const podSc = spec.securityContext;
  if (podSc?.windowsOptions?.hostProcess === true) push(out, 'HostProcess', 'baseline', 'securityContext.windowsOptions.hostProcess', 'Windows HostProcess pods are not allowed.');
  if (spec.hostNetwork === true) push(out, 'Host Namespaces', 'baseline', 'hostNetwork', "hostNetwork: true shares the node's namespace.");
  if (spec.hostPID === true) push(out, 'Host Namespaces', 'baseline', 'hostPID', "hostPID: true shares the node's namespace.");
  if (spec.hostIPC === true) push(out, 'Host Namespaces', 'baseline', 'hostIPC', "hostIPC: true shares the node's namespace.");
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    // Stryker disable next-line EqualityOperator: equivalent, volumes[length] is undefined, which has no hostPath.
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i];
      if (v?.hostPath) push(out, 'HostPath Volumes', 'baseline', `volumes[${i}].hostPath`, `volume "${v.name}" mounts a hostPath.`);
    }
  }
  if (podSc) {
    const sysctls = podSc.sysctls;
    if (Array.isArray(sysctls)) {
      for (let i = 0; i < sysctls.length; i++) {
        const s = sysctls[i];
        if (!SAFE_SYSCTLS.includes(s?.name)) push(out, 'Sysctls', 'baseline', `securityContext.sysctls[${i}].name`, `sysctl "${s?.name}" is not in the safe set.`);
      }
    }
    if (podSc.seLinuxOptions) checkSelinux(out, podSc.seLinuxOptions, 'securityContext.seLinuxOptions');
    checkAppArmor(out, podSc.appArmorProfile, undefined, 0);
    if (podSc.seccompProfile?.type === 'Unconfined') push(out, 'Seccomp', 'baseline', 'securityContext.seccompProfile.type', 'seccompProfile type Unconfined is not allowed.');
  }
  // `for…in` over null or undefined runs no iteration, so annotations passed as null need no guard; the shared
  // empty default (most pod templates have no annotations) is not enumerated at all.
  // Stryker disable next-line ConditionalExpression: made true, equivalent: for…in over the empty default lists nothing.
  if (annotations !== NO_ANNOTATIONS) for (const key in annotations) {
    if (!Object.prototype.hasOwnProperty.call(annotations, key)) continue;
    const value = annotations[key];
    // Admission allows an empty value, runtime/default and localhost/<profile> (check_appArmorProfile.go).
    if (key.startsWith(APPARMOR_ANNOTATION) && value !== '' && value !== 'runtime/default' && !String(value).startsWith('localhost/')) {
      push(out, 'AppArmor', 'baseline', `metadata.annotations["${key}"]`, `AppArmor profile "${value}" is not allowed (runtime/default or localhost/* are).`);
    }
  }
  // Indexed: runs for every pod template of every synth, mostly before V8 optimizes it (for…of runs an iterator).
  // Stryker disable next-line EqualityOperator: equivalent, one past the end reads spec[undefined], which is no list
  for (let l = 0; l < CONTAINER_LISTS.length; l++) {
    const list = CONTAINER_LISTS[l];
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    // Stryker disable next-line EqualityOperator: equivalent, items[length] is undefined, which has no securityContext or ports.
    for (let i = 0; i < items.length; i++) {
      const sc = items[i]?.securityContext;
      if (sc) containerBaselineViolations(out, sc, list, i);
      const ports = items[i]?.ports;
      if (Array.isArray(ports)) {
        // Stryker disable next-line EqualityOperator: equivalent, ports[length] is undefined, which has no hostPort.
        for (let j = 0; j < ports.length; j++) {
          const p = ports[j];
          if (p?.hostPort) push(out, 'Host Ports', 'baseline', `${list}[${i}].ports[${j}].hostPort`, `hostPort ${p.hostPort} is not allowed.`);
        }
      }
      if (sc) containerBaselineTail(out, sc, list, i);
    }
  }
}

/** The baseline controls of one container's securityContext that admission reports before its host ports. */
function containerBaselineViolations(out: PodSecurityViolation[], sc: any, list: string, i: number): void {
  if (sc.windowsOptions?.hostProcess === true) push(out, 'HostProcess', 'baseline', `${list}[${i}].securityContext.windowsOptions.hostProcess`, 'Windows HostProcess containers are not allowed.');
  if (sc.privileged === true) push(out, 'Privileged Containers', 'baseline', `${list}[${i}].securityContext.privileged`, 'privileged containers are not allowed.');
  const added = sc.capabilities?.add;
  if (Array.isArray(added)) {
    let beyond = false;
    // Admission looks each name up as written: `CAP_CHOWN` is not `CHOWN` (pod-security-admission, check_capabilities_baseline.go).
    for (const cap of added) if (!BASELINE_CAPABILITIES.includes(cap)) beyond = true;
    if (beyond) {
      const extra = added.filter((cap: unknown) => !BASELINE_CAPABILITIES.includes(cap as string));
      push(out, 'Capabilities', 'baseline', `${list}[${i}].securityContext.capabilities.add`, `adds ${extra.map((x: unknown) => JSON.stringify(x)).join(', ')}, beyond the baseline set.`);
    }
  }
}

/** The baseline controls of one container's securityContext that admission reports after its host ports. */
function containerBaselineTail(out: PodSecurityViolation[], sc: any, list: string, i: number): void {
  if (sc.seLinuxOptions) checkSelinux(out, sc.seLinuxOptions, `${list}[${i}].securityContext.seLinuxOptions`);
  checkAppArmor(out, sc.appArmorProfile, list, i);
  if (sc.procMount !== undefined && sc.procMount !== 'Default') push(out, '/proc Mount Type', 'baseline', `${list}[${i}].securityContext.procMount`, `procMount "${sc.procMount}" is not allowed.`);
  if (sc.seccompProfile?.type === 'Unconfined') push(out, 'Seccomp', 'baseline', `${list}[${i}].securityContext.seccompProfile.type`, 'seccompProfile type Unconfined is not allowed.');
}

function checkSelinux(out: PodSecurityViolation[], options: any, field: string): void {
  if (options.type !== undefined && !SELINUX_TYPES.includes(options.type)) push(out, 'SELinux', 'baseline', `${field}.type`, `SELinux type "${options.type}" is not allowed.`);
  if (options.user) push(out, 'SELinux', 'baseline', `${field}.user`, 'setting an SELinux user is not allowed.');
  if (options.role) push(out, 'SELinux', 'baseline', `${field}.role`, 'setting an SELinux role is not allowed.');
}

/** The AppArmor profile of the pod (`list` undefined, `i` unread) or of container `list[i]`. */
function checkAppArmor(out: PodSecurityViolation[], profile: any, list: string | undefined, i: number): void {
  if (profile?.type !== undefined && profile.type !== 'RuntimeDefault' && profile.type !== 'Localhost') {
    const field = list === undefined ? 'securityContext.appArmorProfile' : `${list}[${i}].securityContext.appArmorProfile`;
    push(out, 'AppArmor', 'baseline', `${field}.type`, `AppArmor profile type "${profile.type}" is not allowed.`);
  }
}

function restrictedViolations(out: PodSecurityViolation[], spec: any): void {
  const podSc = spec.securityContext;
  // Windows pods are exempt from the Linux-only controls (PSA 1.25+).
  const windows = spec.os?.name === 'windows';
  const volumes = spec.volumes;
  if (Array.isArray(volumes)) {
    // Stryker disable next-line EqualityOperator: equivalent, volumes[length] is undefined, which has no type.
    for (let i = 0; i < volumes.length; i++) {
      const v = volumes[i];
      let type: string | undefined;
      for (const k in v ?? {}) if (k !== 'name') { type = k; break; }
      if (type !== undefined && !RESTRICTED_VOLUME_TYPES.includes(type) && type !== 'hostPath') {
        push(out, 'Volume Types', 'restricted', `volumes[${i}].${type}`, `volume "${v.name}" is of type ${type}; restricted allows ${RESTRICTED_VOLUME_TYPES.join(', ')}.`);
      }
    }
  }
  if (podSc?.runAsUser === 0) push(out, 'Running as Non-root user', 'restricted', 'securityContext.runAsUser', 'runAsUser 0 runs as root.');
  const podSeccomp = podSc?.seccompProfile?.type;
  const podNonRoot = podSc?.runAsNonRoot;
  for (const list of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const sc = items[i]?.securityContext;
      if (!windows && sc?.allowPrivilegeEscalation !== false) {
        push(out, 'Privilege Escalation', 'restricted', `${list}[${i}].securityContext.allowPrivilegeEscalation`, 'allowPrivilegeEscalation must be false.');
      }
      const nonRoot = sc?.runAsNonRoot ?? podNonRoot;
      if (nonRoot !== true) push(out, 'Running as Non-root', 'restricted', `${list}[${i}].securityContext.runAsNonRoot`, 'runAsNonRoot must be true (on the container or the pod).');
      if (sc?.runAsUser === 0) push(out, 'Running as Non-root user', 'restricted', `${list}[${i}].securityContext.runAsUser`, 'runAsUser 0 runs as root.');
      const seccomp = sc?.seccompProfile?.type ?? podSeccomp;
      if (!windows && seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
        push(out, 'Seccomp', 'restricted', `${list}[${i}].securityContext.seccompProfile.type`, 'seccompProfile type must be RuntimeDefault or Localhost (on the container or the pod).');
      }
      if (!windows) {
        const dropped = sc?.capabilities?.drop;
        if (!Array.isArray(dropped) || !dropped.includes('ALL')) push(out, 'Capabilities', 'restricted', `${list}[${i}].securityContext.capabilities.drop`, 'capabilities.drop must include ALL.');
        const added = sc?.capabilities?.add;
        if (Array.isArray(added) && added.some((cap: unknown) => cap !== 'NET_BIND_SERVICE')) {
          const extra = added.filter((cap: unknown) => cap !== 'NET_BIND_SERVICE');
          push(out, 'Capabilities', 'restricted', `${list}[${i}].securityContext.capabilities.add`, `adds ${extra.map((x: unknown) => JSON.stringify(x)).join(', ')}; restricted allows only NET_BIND_SERVICE.`);
        }
      }
    }
  }
}
