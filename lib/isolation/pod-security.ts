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
  return typeof value === 'string' && (POD_SECURITY_LEVELS as readonly string[]).includes(value);
}

interface Ctr { readonly c: any; readonly path: string }

function containersOf(spec: any): Ctr[] {
  const out: Ctr[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    const items = spec?.[list];
    if (Array.isArray(items)) items.forEach((c: any, i: number) => out.push({ c: c ?? {}, path: `${list}[${i}]` }));
  }
  return out;
}

/**
 * What Pod Security Admission at `level` would refuse in this pod spec
 * (`privileged` refuses nothing; `restricted` includes every baseline control).
 * `annotations` are the pod template's, for the AppArmor annotations older manifests use.
 */
export function podSecurityViolations(podSpec: any, level: PodSecurityLevel, annotations: Readonly<Record<string, string>> = {}): PodSecurityViolation[] {
  if (level === 'privileged' || !podSpec || typeof podSpec !== 'object') return [];
  const out = baselineViolations(podSpec, annotations);
  if (level === 'restricted') out.push(...restrictedViolations(podSpec));
  return out;
}

function baselineViolations(spec: any, annotations: Readonly<Record<string, string>>): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const add = (control: string, field: string, message: string) => out.push({ control, level: 'baseline', field, message });
  const podSc = spec.securityContext ?? {};
  const containers = containersOf(spec);
  if (podSc.windowsOptions?.hostProcess === true) add('HostProcess', 'securityContext.windowsOptions.hostProcess', 'Windows HostProcess pods are not allowed.');
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (spec[field] === true) add('Host Namespaces', field, `${field}: true shares the node's namespace.`);
  }
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    if (v?.hostPath) add('HostPath Volumes', `volumes[${i}].hostPath`, `volume "${v.name}" mounts a hostPath.`);
  });
  (Array.isArray(podSc.sysctls) ? podSc.sysctls : []).forEach((s: any, i: number) => {
    if (!SAFE_SYSCTLS.includes(s?.name)) add('Sysctls', `securityContext.sysctls[${i}].name`, `sysctl "${s?.name}" is not in the safe set.`);
  });
  checkSelinux(podSc.seLinuxOptions, 'securityContext.seLinuxOptions', add);
  checkAppArmor(podSc.appArmorProfile, 'securityContext.appArmorProfile', add);
  if (podSc.seccompProfile?.type === 'Unconfined') add('Seccomp', 'securityContext.seccompProfile.type', 'seccompProfile type Unconfined is not allowed.');
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (key.startsWith(APPARMOR_ANNOTATION) && value !== 'runtime/default' && !String(value).startsWith('localhost/')) {
      add('AppArmor', `metadata.annotations["${key}"]`, `AppArmor profile "${value}" is not allowed (runtime/default or localhost/* are).`);
    }
  }
  for (const { c, path } of containers) {
    const sc = c.securityContext ?? {};
    if (sc.windowsOptions?.hostProcess === true) add('HostProcess', `${path}.securityContext.windowsOptions.hostProcess`, 'Windows HostProcess containers are not allowed.');
    if (sc.privileged === true) add('Privileged Containers', `${path}.securityContext.privileged`, 'privileged containers are not allowed.');
    const added: unknown[] = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
    const extra = added.filter((cap) => typeof cap !== 'string' || !BASELINE_CAPABILITIES.includes(cap.replace(/^CAP_/, '')));
    if (extra.length > 0) add('Capabilities', `${path}.securityContext.capabilities.add`, `adds ${extra.map((x) => JSON.stringify(x)).join(', ')}, beyond the baseline set.`);
    (Array.isArray(c.ports) ? c.ports : []).forEach((p: any, i: number) => {
      if (p?.hostPort) add('Host Ports', `${path}.ports[${i}].hostPort`, `hostPort ${p.hostPort} is not allowed.`);
    });
    checkSelinux(sc.seLinuxOptions, `${path}.securityContext.seLinuxOptions`, add);
    checkAppArmor(sc.appArmorProfile, `${path}.securityContext.appArmorProfile`, add);
    if (sc.procMount !== undefined && sc.procMount !== 'Default') add('/proc Mount Type', `${path}.securityContext.procMount`, `procMount "${sc.procMount}" is not allowed.`);
    if (sc.seccompProfile?.type === 'Unconfined') add('Seccomp', `${path}.securityContext.seccompProfile.type`, 'seccompProfile type Unconfined is not allowed.');
  }
  return out;
}

function checkSelinux(options: any, field: string, add: (control: string, field: string, message: string) => void): void {
  if (!options) return;
  if (options.type !== undefined && !SELINUX_TYPES.includes(options.type)) add('SELinux', `${field}.type`, `SELinux type "${options.type}" is not allowed.`);
  if (options.user) add('SELinux', `${field}.user`, 'setting an SELinux user is not allowed.');
  if (options.role) add('SELinux', `${field}.role`, 'setting an SELinux role is not allowed.');
}

function checkAppArmor(profile: any, field: string, add: (control: string, field: string, message: string) => void): void {
  if (profile?.type !== undefined && profile.type !== 'RuntimeDefault' && profile.type !== 'Localhost') {
    add('AppArmor', `${field}.type`, `AppArmor profile type "${profile.type}" is not allowed.`);
  }
}

function restrictedViolations(spec: any): PodSecurityViolation[] {
  const out: PodSecurityViolation[] = [];
  const add = (control: string, field: string, message: string) => out.push({ control, level: 'restricted', field, message });
  const podSc = spec.securityContext ?? {};
  // Windows pods are exempt from the Linux-only controls (PSA 1.25+).
  const windows = spec.os?.name === 'windows';
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    const type = Object.keys(v ?? {}).find((k) => k !== 'name');
    if (type !== undefined && !RESTRICTED_VOLUME_TYPES.includes(type) && type !== 'hostPath') {
      add('Volume Types', `volumes[${i}].${type}`, `volume "${v.name}" is of type ${type}; restricted allows ${RESTRICTED_VOLUME_TYPES.join(', ')}.`);
    }
  });
  if (podSc.runAsUser === 0) add('Running as Non-root user', 'securityContext.runAsUser', 'runAsUser 0 runs as root.');
  const podSeccomp = podSc.seccompProfile?.type;
  for (const { c, path } of containersOf(spec)) {
    const sc = c.securityContext ?? {};
    if (!windows && sc.allowPrivilegeEscalation !== false) {
      add('Privilege Escalation', `${path}.securityContext.allowPrivilegeEscalation`, 'allowPrivilegeEscalation must be false.');
    }
    const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
    if (nonRoot !== true) add('Running as Non-root', `${path}.securityContext.runAsNonRoot`, 'runAsNonRoot must be true (on the container or the pod).');
    if (sc.runAsUser === 0) add('Running as Non-root user', `${path}.securityContext.runAsUser`, 'runAsUser 0 runs as root.');
    const seccomp = sc.seccompProfile?.type ?? podSeccomp;
    if (!windows && seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      add('Seccomp', `${path}.securityContext.seccompProfile.type`, 'seccompProfile type must be RuntimeDefault or Localhost (on the container or the pod).');
    }
    if (!windows) {
      const dropped: unknown[] = Array.isArray(sc.capabilities?.drop) ? sc.capabilities.drop : [];
      if (!dropped.includes('ALL')) add('Capabilities', `${path}.securityContext.capabilities.drop`, 'capabilities.drop must include ALL.');
      const added: unknown[] = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
      const extra = added.filter((cap) => cap !== 'NET_BIND_SERVICE');
      if (extra.length > 0) add('Capabilities', `${path}.securityContext.capabilities.add`, `adds ${extra.map((x) => JSON.stringify(x)).join(', ')}; restricted allows only NET_BIND_SERVICE.`);
    }
  }
  return out;
}
