import type { FieldRule } from './field-rules';

const ID_MAX = 2147483647;
const ID_RULE = `0-${ID_MAX}`;

function idField(kind: 'user' | 'group', prop: string): FieldRule {
  return {
    source: `core validation validateSecurityContext / validatePodSecurityContext (IsValid${kind === 'user' ? 'User' : 'Group'}ID)`,
    allowed: ID_RULE,
    check: (value, { field }) => {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= ID_MAX) return [];
      return [{
        field, message: `is not a valid ${kind} ID; the API server rejects it.`, value, allowed: ID_RULE,
        fix: `use the numeric ${kind} ID the image runs as, e.g. 101 for nginx-unprivileged, or leave ${prop} unset.`,
      }];
    },
  };
}

export const securityRules = {
  'SecurityContext.runAsUser': idField('user', 'runAsUser'),
  'SecurityContext.runAsGroup': idField('group', 'runAsGroup'),
  'PodSecurityContext.fsGroup': idField('group', 'fsGroup'),
  'VolumeMount.mountPath': {
    source: 'core validation ValidateVolumeMounts (mountPath required); the OCI runtime spec (a relative destination is taken relative to "/")',
    allowed: 'an absolute path such as "/tmp/cache"',
    check: (value, { field }) => {
      if (typeof value !== 'string' || value === '') {
        return [{ field, message: 'is empty; the API server requires a mount path.', value, allowed: 'an absolute path such as "/tmp/cache"', fix: 'give the directory the container writes to, e.g. "/tmp".' }];
      }
      if (value.startsWith('/')) return [];
      return [{
        field, severity: 'warning', message: `is a relative path; the container runtime mounts it at "/${value}", not relative to the working directory.`,
        value, allowed: 'an absolute path such as "/tmp/cache"', fix: `write "/${value}" if that is the directory meant.`,
      }];
    },
  },
} satisfies Record<string, FieldRule>;
