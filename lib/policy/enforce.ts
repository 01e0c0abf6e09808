import { App } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { NetkitError, throwIfProblems } from '../core/errors';
import { ruleIdProblems } from './rule-ids';
import { printOnce } from '../core/warnings';
import { describeObject } from './rules/describe';
import { checkPolicies } from './engine';
import { formatFinding } from './report';
import { ConstructReports } from '../core/construct-reports';
import { Finding, PolicyOptions } from './types';
import { constructsBelow } from '../core/synthesized';

/**
 * Set to `1` (or `true`) to print every info finding at synth; by default a
 * synth prints errors and warnings in full and only the number of infos.
 */
export const POLICY_INFO_ENV = 'NETKIT_POLICY_INFO';

/** The policy checks registered on a scope: by NetkitApp's default, or by an explicit enforcePolicies call. */
interface Registration {
  options: PolicyOptions;
  explicit: boolean;
}

const registrations = new WeakMap<IConstruct, Registration>();

function showsInfos(): boolean {
  const value = process.env[POLICY_INFO_ENV];
  return value === '1' || value === 'true';
}

/** An error finding as the object's own validation message (cdk8s prefixes it with the construct path). */
function objectMessage(f: Finding): string {
  return `ERROR [${f.rule}] ${describeObject(f)}: ${f.message}\n    Fix: ${f.fix}`;
}

/** Prints warnings in full, infos in full or as a count, and a one-line summary; nothing when all is clean. */
function printNonErrors(findings: readonly Finding[]): void {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const infos = count('info');
  for (const f of findings) {
    if (f.severity === 'warning' || (f.severity === 'info' && showsInfos())) printOnce(formatFinding(f));
  }
  if (findings.length === 0) return;
  const errors = count('error');
  const parts = [`${errors} error(s)${errors > 0 ? ' (nothing was written)' : ''}`, `${count('warning')} warning(s)`];
  parts.push(infos > 0 && !showsInfos()
    ? `${infos} info(s) not shown (set ${POLICY_INFO_ENV}=1, or run \`npx cdk8s-netkit check --info <dist folder>\`, to list them)`
    : `${infos} info(s)`);
  process.stderr.write(`cdk8s-netkit policies: ${parts.join(', ')}.\n`);
}

/**
 * A validation that runs every policy rule over `scope`. cdk8s runs it in
 * `app.synth()`, `cdk8s synth` and `Testing.synth()`, before anything is
 * written. Each error finding is reported by the construct of its object, so
 * cdk8s prints it with that construct's path
 * (`[shop/typo] ERROR [svc-selector-matches-pod] Service shop/typo: …`);
 * errors on objects that are not constructs under `scope` are returned by
 * this validation itself. Warnings print in full, infos as a count (see
 * {@link POLICY_INFO_ENV}).
 *
 * cdk8s validates the whole app once in `app.synth()` and again for every
 * chart it writes; the result is reused within one synchronous synth (same
 * number of constructs, same event-loop turn), so a 5,000-chart app is
 * checked once, not 5,001 times.
 */
export function policyValidation(scope: IConstruct, options: PolicyOptions = {}): IValidation {
  return checksOf(scope, () => options);
}

function checksOf(scope: IConstruct, options: () => PolicyOptions): IValidation {
  let cached: { size: number; errors: string[] } | undefined;
  const reports = new ConstructReports();
  return {
    validate: () => {
      const all = constructsBelow(scope);
      if (cached && cached.size === all.length) return cached.errors;
      const findings = checkPolicies(scope, options());
      printNonErrors(findings);
      const failing = findings.filter((f) => f.severity === 'error');
      reports.reset();
      const own: string[] = [];
      if (failing.length > 0) {
        const byPath = new Map(all.map((c) => [c.node.path, c]));
        for (const f of failing) {
          const construct = f.constructPath !== undefined ? byPath.get(f.constructPath) : undefined;
          if (!construct || construct === scope) {
            own.push(formatFinding(f));
            continue;
          }
          reports.report(construct, objectMessage(f));
        }
      }
      cached = { size: all.length, errors: own };
      setImmediate(() => { cached = undefined; });
      return own;
    },
  };
}

/**
 * Turns the policy checks on for `scope` with `options`; what NetkitApp does
 * in its constructor unless told `policies: false`. Internal: users call
 * {@link enforcePolicies}, or rely on NetkitApp.
 */
export function registerDefaultPolicies(scope: IConstruct, options: PolicyOptions = {}): void {
  if (!registrations.has(scope)) register(scope, options, false);
}

/**
 * Makes `app.synth()` (and so `npx cdk8s synth`) fail before writing any
 * manifest when a policy rule finds an error; warnings print to stderr, infos
 * as a count. A NetkitApp does this already; on a NetkitApp this call only
 * sets the options (no second check). Call once, before `app.synth()`.
 */
export function enforcePolicies(app: App | IConstruct, options: PolicyOptions = {}): void {
  throwIfProblems(app.node.path || 'app', ruleIdProblems('disabledRules', options.disabledRules));
  const registration = registrations.get(app);
  if (registration?.explicit) {
    // Two calls would disagree on the options; one call says them all.
    throw new NetkitError(app.node.path || 'app', {
      field: 'enforcePolicies', message: 'was already called for this app.', fix: 'call enforcePolicies once, with all the options.',
    });
  }
  if (registration) {
    registration.options = options;
    registration.explicit = true;
  } else {
    register(app, options, true);
  }
}

function register(scope: IConstruct, options: PolicyOptions, explicit: boolean): void {
  const registration: Registration = { options, explicit };
  registrations.set(scope, registration);
  scope.node.addValidation(checksOf(scope, () => registration.options));
}
