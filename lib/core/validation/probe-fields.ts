import type { Problem } from '../errors';
import type { FieldCheckContext, FieldRule } from './field-rules';

/** What the API server writes in place of a 0 (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
const DEFAULTED_FROM_ZERO: Record<string, number | undefined> = {
  initialDelaySeconds: undefined, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3, successThreshold: 1,
};

const INT32_MAX = 2147483647;

function probeField(name: keyof typeof DEFAULTED_FROM_ZERO, unit: 'seconds' | 'count'): FieldRule {
  const replaced = DEFAULTED_FROM_ZERO[name];
  return {
    source: `core validation validateProbe (ValidateNonnegativeField ${name})${replaced !== undefined ? `; defaults.go turns 0 into ${replaced}` : ''}`,
    allowed: replaced !== undefined ? `1 or more (0 at the API is replaced by ${replaced})` : '0 or more',
    check: (value: unknown, { field, construct }: FieldCheckContext): Problem[] => {
      const what = unit === 'seconds' ? 'whole number of seconds' : 'whole number';
      if (typeof value !== 'number' || !Number.isInteger(value) || value > INT32_MAX) {
        return [{ field, message: `is not a ${what}, which is all a probe can express.`, value, allowed: `${replaced !== undefined ? 1 : 0} or more`, fix: unit === 'seconds' ? 'use Duration.seconds(n) with a whole n.' : 'use a whole number such as 3.' }];
      }
      if (value < 0) {
        return [{ field, message: 'is negative; the API server rejects it.', value, allowed: `${replaced !== undefined ? 1 : 0} or more`, fix: replaced !== undefined ? `use 1 or more, or leave it unset for the default ${replaced}.` : 'use 0 or more.' }];
      }
      if (value === 0 && replaced !== undefined && construct) {
        return [{
          field, message: `is 0, which the API server silently replaces by its default ${replaced}: the probe would not do what was written.`,
          value, allowed: '1 or more', fix: `use 1 or more, or leave it unset for the default ${replaced}.`,
        }];
      }
      return [];
    },
  };
}

export const probeRules = {
  'Probe.initialDelaySeconds': probeField('initialDelaySeconds', 'seconds'),
  'Probe.periodSeconds': probeField('periodSeconds', 'seconds'),
  'Probe.timeoutSeconds': probeField('timeoutSeconds', 'seconds'),
  'Probe.failureThreshold': probeField('failureThreshold', 'count'),
  'Probe.successThreshold': probeField('successThreshold', 'count'),
} satisfies Record<string, FieldRule>;
