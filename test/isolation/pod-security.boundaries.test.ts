import { isPodSecurityLevel, podSecurityViolations } from '../../lib/isolation';

// Each Pod Security control's exact violation (control, level, field, message), the value at the
// edge of what admission allows on either side, and the order admission reports them in, so that
// dropping a check, loosening a comparison or blanking a text fails a test (issue 17).

const hardened = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } };
const baseline = (spec: any, annotations?: Record<string, string>) => podSecurityViolations(spec, 'baseline', annotations);
const restricted = (spec: any) => podSecurityViolations(spec, 'restricted');
const fields = (spec: any, level: 'baseline' | 'restricted' = 'baseline') => podSecurityViolations(spec, level).map((v) => v.field);

describe('baseline: the exact violation of each control', () => {
  test('HostProcess on the pod and on a container', () => {
    expect(baseline({ securityContext: { windowsOptions: { hostProcess: true } }, containers: [{ securityContext: { windowsOptions: { hostProcess: true } } }] })).toEqual([
      { control: 'HostProcess', level: 'baseline', field: 'securityContext.windowsOptions.hostProcess', message: 'Windows HostProcess pods are not allowed.' },
      { control: 'HostProcess', level: 'baseline', field: 'containers[0].securityContext.windowsOptions.hostProcess', message: 'Windows HostProcess containers are not allowed.' },
    ]);
    expect(baseline({ securityContext: { windowsOptions: { hostProcess: false } }, containers: [{ securityContext: { windowsOptions: { hostProcess: false } } }] })).toEqual([]);
  });

  test('host namespaces: only true is refused', () => {
    expect(baseline({ hostNetwork: true, hostPID: true, hostIPC: true })).toEqual([
      { control: 'Host Namespaces', level: 'baseline', field: 'hostNetwork', message: "hostNetwork: true shares the node's namespace." },
      { control: 'Host Namespaces', level: 'baseline', field: 'hostPID', message: "hostPID: true shares the node's namespace." },
      { control: 'Host Namespaces', level: 'baseline', field: 'hostIPC', message: "hostIPC: true shares the node's namespace." },
    ]);
    expect(baseline({ hostNetwork: false, hostPID: false, hostIPC: false })).toEqual([]);
  });

  test('a hostPath volume, named, at its index', () => {
    expect(baseline({ volumes: [{ name: 'cache', emptyDir: {} }, { name: 'root', hostPath: { path: '/' } }] })).toEqual([
      { control: 'HostPath Volumes', level: 'baseline', field: 'volumes[1].hostPath', message: 'volume "root" mounts a hostPath.' },
    ]);
  });

  test('sysctls: the safe set passes, anything else is named', () => {
    const safe = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
    expect(baseline({ securityContext: { sysctls: safe.map((name) => ({ name, value: '1' })) } })).toEqual([]);
    expect(baseline({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.msgmax', value: '1' }, null] } })).toEqual([
      { control: 'Sysctls', level: 'baseline', field: 'securityContext.sysctls[1].name', message: 'sysctl "kernel.msgmax" is not in the safe set.' },
      { control: 'Sysctls', level: 'baseline', field: 'securityContext.sysctls[2].name', message: 'sysctl "undefined" is not in the safe set.' },
    ]);
  });

  test('SELinux: the container types and an unset or empty type pass; another type, a user or a role is refused (pod and container)', () => {
    for (const type of [undefined, '', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']) {
      expect(baseline({ securityContext: { seLinuxOptions: { type, level: 's0:c1,c2' } }, containers: [{ securityContext: { seLinuxOptions: { type } } }] })).toEqual([]);
    }
    expect(baseline({ securityContext: { seLinuxOptions: { type: 'spc_t', user: 'root', role: 'sysadm_r' } } })).toEqual([
      { control: 'SELinux', level: 'baseline', field: 'securityContext.seLinuxOptions.type', message: 'SELinux type "spc_t" is not allowed.' },
      { control: 'SELinux', level: 'baseline', field: 'securityContext.seLinuxOptions.user', message: 'setting an SELinux user is not allowed.' },
      { control: 'SELinux', level: 'baseline', field: 'securityContext.seLinuxOptions.role', message: 'setting an SELinux role is not allowed.' },
    ]);
    expect(fields({ containers: [{ securityContext: { seLinuxOptions: { type: 'spc_t', user: 'u', role: 'r' } } }] })).toEqual([
      'containers[0].securityContext.seLinuxOptions.type', 'containers[0].securityContext.seLinuxOptions.user', 'containers[0].securityContext.seLinuxOptions.role',
    ]);
  });

  test('AppArmor: RuntimeDefault and Localhost pass; another profile type is refused on the pod and on a container', () => {
    for (const type of ['RuntimeDefault', 'Localhost']) {
      expect(baseline({ securityContext: { appArmorProfile: { type } }, containers: [{ securityContext: { appArmorProfile: { type } } }] })).toEqual([]);
    }
    expect(baseline({ securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{}, { securityContext: { appArmorProfile: { type: 'Unconfined' } } }] })).toEqual([
      { control: 'AppArmor', level: 'baseline', field: 'securityContext.appArmorProfile.type', message: 'AppArmor profile type "Unconfined" is not allowed.' },
      { control: 'AppArmor', level: 'baseline', field: 'containers[1].securityContext.appArmorProfile.type', message: 'AppArmor profile type "Unconfined" is not allowed.' },
    ]);
  });

  test('AppArmor annotations: empty, runtime/default and localhost/* pass, other profiles are refused; other annotations and inherited keys are not read', () => {
    const key = 'container.apparmor.security.beta.kubernetes.io/app';
    // An empty value is allowed too (admission's allowedProfile: empty, runtime/default or localhost/*).
    expect(baseline({}, { [key]: 'runtime/default', [`${key}2`]: 'localhost/my-profile', [`${key}3`]: '', 'example.com/apparmor': 'unconfined' })).toEqual([]);
    expect(baseline({}, { [key]: 'unconfined' })).toEqual([
      { control: 'AppArmor', level: 'baseline', field: `metadata.annotations["${key}"]`, message: 'AppArmor profile "unconfined" is not allowed (runtime/default or localhost/* are).' },
    ]);
    expect(baseline({}, Object.create({ [key]: 'unconfined' }))).toEqual([]);
    // Callers pass a template's annotations as they read them: null is no annotation.
    expect(baseline({}, null as any)).toEqual([]);
  });

  test('seccomp Unconfined is refused on the pod and on a container; RuntimeDefault passes', () => {
    expect(baseline({ securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ securityContext: { seccompProfile: { type: 'Unconfined' } } }] })).toEqual([
      { control: 'Seccomp', level: 'baseline', field: 'securityContext.seccompProfile.type', message: 'seccompProfile type Unconfined is not allowed.' },
      { control: 'Seccomp', level: 'baseline', field: 'containers[0].securityContext.seccompProfile.type', message: 'seccompProfile type Unconfined is not allowed.' },
    ]);
    expect(baseline({ securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }] })).toEqual([]);
  });

  test('privileged, and capabilities beyond the baseline set (named exactly: admission does not strip CAP_), or not a string', () => {
    const all = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
    expect(baseline({ containers: [{ securityContext: { privileged: false, capabilities: { add: all } } }] })).toEqual([]);
    expect(baseline({ containers: [{ securityContext: { capabilities: { add: [] } } }] })).toEqual([]);
    expect(baseline({ initContainers: [{ securityContext: { privileged: true, capabilities: { add: ['CHOWN', 'NET_ADMIN', 'CAP_SYS_ADMIN', 7] } } }] })).toEqual([
      { control: 'Privileged Containers', level: 'baseline', field: 'initContainers[0].securityContext.privileged', message: 'privileged containers are not allowed.' },
      { control: 'Capabilities', level: 'baseline', field: 'initContainers[0].securityContext.capabilities.add', message: 'adds "NET_ADMIN", "CAP_SYS_ADMIN", 7, beyond the baseline set.' },
    ]);
    // Pod Security Admission looks the name up as written (check_capabilities_baseline.go): CAP_CHOWN is not CHOWN.
    expect(baseline({ containers: [{ securityContext: { capabilities: { add: ['CHOWN', 'CAP_CHOWN'] } } }] }).map((v) => v.message)).toEqual(['adds "CAP_CHOWN", beyond the baseline set.']);
    // The first capability beyond the set is enough, wherever it stands.
    expect(fields({ containers: [{ securityContext: { capabilities: { add: ['NET_ADMIN', 'CHOWN'] } } }] })).toEqual(['containers[0].securityContext.capabilities.add']);
  });

  test('a host port other than 0 is refused, at its container and port index', () => {
    expect(baseline({ containers: [{ ports: [{ containerPort: 80 }, { containerPort: 81, hostPort: 0 }, { containerPort: 443, hostPort: 8443 }] }] })).toEqual([
      { control: 'Host Ports', level: 'baseline', field: 'containers[0].ports[2].hostPort', message: 'hostPort 8443 is not allowed.' },
    ]);
    expect(baseline({ containers: [{ ports: [null] }] })).toEqual([]);
  });

  test('procMount: unset and Default pass, anything else is refused', () => {
    expect(baseline({ containers: [{ securityContext: {} }, { securityContext: { procMount: 'Default' } }] })).toEqual([]);
    expect(baseline({ containers: [{ securityContext: { procMount: 'Unmasked' } }] })).toEqual([
      { control: '/proc Mount Type', level: 'baseline', field: 'containers[0].securityContext.procMount', message: 'procMount "Unmasked" is not allowed.' },
    ]);
  });

  test('every container list is judged, in the order admission reports them', () => {
    const privileged = { securityContext: { privileged: true } };
    expect(fields({ ephemeralContainers: [privileged], containers: [{}, privileged], initContainers: [privileged] })).toEqual([
      'initContainers[0].securityContext.privileged', 'containers[1].securityContext.privileged', 'ephemeralContainers[0].securityContext.privileged',
    ]);
  });

  test('a null container is skipped and the next one still judged', () => {
    expect(fields({ containers: [null, { securityContext: { privileged: true } }] })).toEqual(['containers[1].securityContext.privileged']);
  });

  test('isPodSecurityLevel: the three levels exactly', () => {
    for (const level of ['privileged', 'baseline', 'restricted']) expect(isPodSecurityLevel(level)).toBe(true);
    for (const value of ['Restricted', 'latest', '', 5, undefined, null]) expect(isPodSecurityLevel(value)).toBe(false);
  });

  test('privileged refuses nothing; a spec that is not an object has nothing to judge', () => {
    expect(podSecurityViolations({ hostNetwork: true, containers: [{ securityContext: { privileged: true } }] }, 'privileged')).toEqual([]);
    for (const spec of [undefined, null, 'spec', 5]) expect(restricted(spec)).toEqual([]);
  });
});

describe('restricted: the exact violation of each control', () => {
  test('a hardened container passes; each missing control is named with its message', () => {
    expect(restricted({ containers: [{ securityContext: hardened }] })).toEqual([]);
    expect(restricted({ containers: [{}] })).toEqual([
      { control: 'Privilege Escalation', level: 'restricted', field: 'containers[0].securityContext.allowPrivilegeEscalation', message: 'allowPrivilegeEscalation must be false.' },
      { control: 'Running as Non-root', level: 'restricted', field: 'containers[0].securityContext.runAsNonRoot', message: 'runAsNonRoot must be true (on the container or the pod).' },
      { control: 'Seccomp', level: 'restricted', field: 'containers[0].securityContext.seccompProfile.type', message: 'seccompProfile type must be RuntimeDefault or Localhost (on the container or the pod).' },
      { control: 'Capabilities', level: 'restricted', field: 'containers[0].securityContext.capabilities.drop', message: 'capabilities.drop must include ALL.' },
    ]);
  });

  test('a securityContext without capabilities misses only the drop of ALL; a null container misses every control', () => {
    const { capabilities, ...noCapabilities } = hardened;
    expect(fields({ containers: [{ securityContext: noCapabilities }] }, 'restricted')).toEqual(['containers[0].securityContext.capabilities.drop']);
    expect(fields({ containers: [null] }, 'restricted')).toEqual([
      'containers[0].securityContext.allowPrivilegeEscalation', 'containers[0].securityContext.runAsNonRoot',
      'containers[0].securityContext.seccompProfile.type', 'containers[0].securityContext.capabilities.drop',
    ]);
  });

  test('restricted includes every baseline control', () => {
    expect(fields({ hostNetwork: true, containers: [{ securityContext: hardened }] }, 'restricted')).toEqual(['hostNetwork']);
  });

  test('volume types: the allowed ones pass, hostPath is left to baseline, others are named with the list', () => {
    const allowed = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
    expect(restricted({ volumes: [...allowed.map((type) => ({ name: type, [type]: {} })), { name: 'bare' }, null], containers: [] })).toEqual([]);
    expect(restricted({ volumes: [{ name: 'root', hostPath: { path: '/' } }, { name: 'n', nfs: { server: 's', path: '/' } }] })).toEqual([
      { control: 'HostPath Volumes', level: 'baseline', field: 'volumes[0].hostPath', message: 'volume "root" mounts a hostPath.' },
      { control: 'Volume Types', level: 'restricted', field: 'volumes[1].nfs', message: 'volume "n" is of type nfs; restricted allows configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret.' },
    ]);
    // The first field other than `name` is the type, wherever name stands.
    expect(fields({ volumes: [{ iscsi: {}, name: 'i' }] }, 'restricted')).toEqual(['volumes[0].iscsi']);
  });

  test('runAsUser 0 on the pod and on a container; 1 passes', () => {
    expect(restricted({ securityContext: { runAsUser: 0 }, containers: [{ securityContext: { ...hardened, runAsUser: 0 } }] })).toEqual([
      { control: 'Running as Non-root user', level: 'restricted', field: 'securityContext.runAsUser', message: 'runAsUser 0 runs as root.' },
      { control: 'Running as Non-root user', level: 'restricted', field: 'containers[0].securityContext.runAsUser', message: 'runAsUser 0 runs as root.' },
    ]);
    expect(restricted({ securityContext: { runAsUser: 1 }, containers: [{ securityContext: { ...hardened, runAsUser: 1 } }] })).toEqual([]);
  });

  test("runAsNonRoot and seccomp: the pod's value counts for a container without its own, a container's own value wins", () => {
    const { runAsNonRoot, seccompProfile, ...rest } = hardened;
    expect(restricted({ securityContext: { runAsNonRoot, seccompProfile }, containers: [{ securityContext: rest }] })).toEqual([]);
    expect(restricted({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost' } },
      containers: [{ securityContext: { ...rest, runAsNonRoot: false, seccompProfile: { type: 'Unconfined' } } }] }).map((v) => v.field)).toEqual([
      'containers[0].securityContext.seccompProfile.type', 'containers[0].securityContext.runAsNonRoot', 'containers[0].securityContext.seccompProfile.type',
    ]);
    expect(restricted({ securityContext: { runAsNonRoot: false, seccompProfile: { type: 'Unconfined' } },
      containers: [{ securityContext: { ...rest, runAsNonRoot: true, seccompProfile: { type: 'Localhost' } } }] }).map((v) => v.field)).toEqual(['securityContext.seccompProfile.type']);
  });

  test('capabilities: drop must hold ALL; add only NET_BIND_SERVICE', () => {
    const sc = (capabilities: any) => ({ containers: [{ securityContext: { ...hardened, capabilities } }] });
    expect(restricted(sc({ drop: ['ALL'], add: ['NET_BIND_SERVICE'] }))).toEqual([]);
    expect(restricted(sc({ drop: 'ALL' }))).toEqual([
      { control: 'Capabilities', level: 'restricted', field: 'containers[0].securityContext.capabilities.drop', message: 'capabilities.drop must include ALL.' },
    ]);
    expect(restricted(sc({ drop: ['NET_RAW'] })).map((v) => v.field)).toEqual(['containers[0].securityContext.capabilities.drop']);
    expect(restricted(sc({ drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN', 'SETUID'] }))).toEqual([
      { control: 'Capabilities', level: 'restricted', field: 'containers[0].securityContext.capabilities.add', message: 'adds "CHOWN", "SETUID"; restricted allows only NET_BIND_SERVICE.' },
    ]);
  });

  test('a Windows pod is exempt from privilege escalation, seccomp and capabilities, not from running as non-root', () => {
    expect(restricted({ os: { name: 'windows' }, containers: [{ securityContext: { capabilities: { add: ['CHOWN'] } } }] }).map((v) => v.field))
      .toEqual(['containers[0].securityContext.runAsNonRoot']);
    expect(restricted({ os: { name: 'linux' }, containers: [{ securityContext: { ...hardened, capabilities: { drop: ['ALL'], add: ['CHOWN'] } } }] }).map((v) => v.field))
      .toEqual(['containers[0].securityContext.capabilities.add']);
  });

  test('every container list is judged, in order', () => {
    expect(fields({ ephemeralContainers: [{ securityContext: { ...hardened, runAsUser: 0 } }], containers: [{ securityContext: { ...hardened, runAsUser: 0 } }],
      initContainers: [{ securityContext: { ...hardened, runAsUser: 0 } }] }, 'restricted')).toEqual([
      'initContainers[0].securityContext.runAsUser', 'containers[0].securityContext.runAsUser', 'ephemeralContainers[0].securityContext.runAsUser',
    ]);
  });
});
