import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';

/**
 * How tightly a WebApp's pods are locked down.
 *
 * - `baseline` (the default) satisfies the Pod Security Standard "baseline"
 *   and still runs the images the classic tutorials use (`nginx:1.17.2` and
 *   `tomcat:8.5-jre10-slim` start as root, bind port 80 and write to their
 *   root filesystem): no privilege escalation, RuntimeDefault seccomp, NET_RAW
 *   dropped, the image's own user.
 * - `restricted` satisfies the Pod Security Standard "restricted": non-root,
 *   all capabilities dropped (NET_BIND_SERVICE kept when a port is below
 *   1024), read-only root filesystem with writable emptyDir mounts. Use it with
 *   images built to run unprivileged (e.g. `nginxinc/nginx-unprivileged`).
 */
export type SecurityProfile = 'baseline' | 'restricted';

export interface SecurityOptions {
  readonly profile: SecurityProfile;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly readOnlyRootFilesystem: boolean;
  readonly needsPrivilegedPort: boolean;
}

export function podSecurityContext(o: SecurityOptions): IPodSecurityContext {
  // Key by key rather than spreading optional parts first: lib/core/own-keys.ts says why.
  const context: IPodSecurityContext = {};
  if (o.profile === 'restricted') context.runAsNonRoot = true;
  if (o.runAsUser !== undefined) context.runAsUser = o.runAsUser;
  if (o.runAsGroup !== undefined) context.runAsGroup = o.runAsGroup;
  if (o.fsGroup !== undefined) context.fsGroup = o.fsGroup;
  context.seccompProfile = { type: 'RuntimeDefault' };
  return context;
}

export function containerSecurityContext(o: SecurityOptions): ISecurityContext {
  if (o.profile === 'restricted') {
    return {
      allowPrivilegeEscalation: false,
      capabilities: o.needsPrivilegedPort ? { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } : { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: o.readOnlyRootFilesystem,
      runAsNonRoot: true,
    };
  }
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['NET_RAW'] },
    privileged: false,
    readOnlyRootFilesystem: o.readOnlyRootFilesystem,
  };
}
