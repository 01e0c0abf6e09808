import { checkPolicies, PolicyInput, SEVERITY_RANK } from './engine';
import { NetkitError } from '../core/errors';
import { formatFinding } from './report';
import { closest } from './suggest';
import { PolicyOptions, Severity } from './types';

/** Options of the `toPassPolicies` matcher. */
export interface PassPoliciesOptions extends PolicyOptions {
  /**
   * The lowest severity that fails the assertion.
   * @default 'error'
   */
  readonly failOn?: Severity;
}


/**
 * `expect(chartOrAppOrManifests).toPassPolicies(options?)`: passes when no
 * finding is at `failOn` or worse; the failure message lists the findings.
 */
export function toPassPolicies(received: PolicyInput, options: PassPoliciesOptions = {}) {
  const failOn = options.failOn ?? 'error';
  // A misspelt severity would compare as nothing and let every finding pass.
  if (!(failOn in SEVERITY_RANK)) {
    const near = typeof failOn === 'string' ? closest(failOn, Object.keys(SEVERITY_RANK)) : undefined;
    throw new NetkitError('toPassPolicies()', {
      field: 'failOn', message: 'is not a severity, so no finding would fail the assertion.', value: failOn, allowed: 'error, warning, info',
      fix: near !== undefined ? `did you mean "${near}"?` : 'use "error" (the default), "warning" or "info".',
    });
  }
  const failing = checkPolicies(received, options).filter((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]);
  return {
    pass: failing.length === 0,
    message: () => failing.length === 0
      ? 'expected policy findings, found none'
      : `expected no policy finding of severity ${failOn} or worse, found ${failing.length}:\n${failing.map(formatFinding).join('\n')}`,
  };
}

/** The matchers, for `expect.extend(policyMatchers)`. */
export const policyMatchers = { toPassPolicies };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Passes when the App, Chart, construct or manifests have no policy finding at `failOn` (default error) or worse. */
      toPassPolicies(options?: PassPoliciesOptions): R;
    }
  }
}
