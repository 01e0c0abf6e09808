import { podSecurityViolations } from '../../lib/isolation';

const restrictedContainer = {
  name: 'app', image: 'app:1',
  securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, capabilities: { drop: ['ALL'] } },
};
const controls = (spec: any, level: 'baseline' | 'restricted', annotations?: Record<string, string>) =>
  podSecurityViolations(spec, level, annotations).map((v) => `${v.control} @ ${v.field}`);

describe('podSecurityViolations', () => {
  test('privileged refuses nothing; a plain pod passes baseline', () => {
    expect(podSecurityViolations({ hostNetwork: true }, 'privileged')).toEqual([]);
    expect(controls({ containers: [{ name: 'a', image: 'a' }] }, 'baseline')).toEqual([]);
  });

  test('baseline: host namespaces, privileged, capabilities, hostPath, hostPorts, AppArmor, SELinux, procMount, seccomp, sysctls', () => {
    const spec = {
      hostNetwork: true, hostPID: true, hostIPC: true,
      securityContext: {
        sysctls: [{ name: 'net.ipv4.tcp_syncookies', value: '1' }, { name: 'kernel.msgmax', value: '1' }],
        seLinuxOptions: { type: 'spc_t' }, seccompProfile: { type: 'Unconfined' }, appArmorProfile: { type: 'Unconfined' },
      },
      volumes: [{ name: 'root', hostPath: { path: '/' } }],
      containers: [{
        name: 'a', image: 'a', ports: [{ containerPort: 80, hostPort: 80 }],
        securityContext: { privileged: true, capabilities: { add: ['NET_ADMIN', 'CHOWN'] }, procMount: 'Unmasked', seLinuxOptions: { user: 'root' } },
      }],
    };
    expect(controls(spec, 'baseline', { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' })).toEqual([
      'Host Namespaces @ hostNetwork', 'Host Namespaces @ hostPID', 'Host Namespaces @ hostIPC',
      'HostPath Volumes @ volumes[0].hostPath',
      'Sysctls @ securityContext.sysctls[1].name',
      'SELinux @ securityContext.seLinuxOptions.type',
      'AppArmor @ securityContext.appArmorProfile.type',
      'Seccomp @ securityContext.seccompProfile.type',
      'AppArmor @ metadata.annotations["container.apparmor.security.beta.kubernetes.io/a"]',
      'Privileged Containers @ containers[0].securityContext.privileged',
      'Capabilities @ containers[0].securityContext.capabilities.add',
      'Host Ports @ containers[0].ports[0].hostPort',
      'SELinux @ containers[0].securityContext.seLinuxOptions.user',
      '/proc Mount Type @ containers[0].securityContext.procMount',
    ]);
  });

  test('restricted: a hardened pod passes; each missing control is named per container, init containers included', () => {
    expect(controls({ containers: [restrictedContainer], volumes: [{ name: 'c', configMap: { name: 'c' } }] }, 'restricted')).toEqual([]);
    // Pod-level runAsNonRoot and seccomp count for every container.
    expect(controls({ securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p' } },
      containers: [{ name: 'a', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } } }] }, 'restricted')).toEqual([]);
    expect(controls({
      securityContext: { runAsUser: 0 },
      volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }],
      initContainers: [{ name: 'init' }],
      containers: [{ ...restrictedContainer, securityContext: { ...restrictedContainer.securityContext, runAsNonRoot: false, capabilities: { drop: ['ALL'], add: ['CHOWN'] } } }],
    }, 'restricted')).toEqual([
      'Volume Types @ volumes[0].nfs',
      'Running as Non-root user @ securityContext.runAsUser',
      'Privilege Escalation @ initContainers[0].securityContext.allowPrivilegeEscalation',
      'Running as Non-root @ initContainers[0].securityContext.runAsNonRoot',
      'Seccomp @ initContainers[0].securityContext.seccompProfile.type',
      'Capabilities @ initContainers[0].securityContext.capabilities.drop',
      'Running as Non-root @ containers[0].securityContext.runAsNonRoot',
      'Capabilities @ containers[0].securityContext.capabilities.add',
    ]);
  });

  test('Windows pods are exempt from the Linux-only restricted controls', () => {
    expect(controls({ os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'a' }] }, 'restricted')).toEqual([]);
  });
});
