import { App } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { NetkitError } from '../core/errors';
import { printOnce } from '../core/warnings';
import { checkPolicies } from './engine';
import { formatFinding } from './report';
import { Finding, PolicyOptions } from './types';

const enforced = new WeakSet<IConstruct>();

/** Prints warnings and infos to stderr, each once per process. */
function printNonErrors(findings: readonly Finding[]): void {
  for (const f of findings) if (f.severity !== 'error') printOnce(formatFinding(f));
}

/**
 * A validation that runs every policy rule over `scope` and returns one
 * message per error finding. cdk8s runs it in `app.synth()`, `cdk8s synth`
 * and `Testing.synth()`, before anything is written.
 *
 * cdk8s validates the whole app once in `app.synth()` and again for every
 * chart it writes; the result is reused within one synchronous synth (same
 * number of constructs, same event-loop turn), so a 5,000-chart app is
 * checked once, not 5,001 times.
 */
export function policyValidation(scope: IConstruct, options: PolicyOptions = {}): IValidation {
  let cached: { size: number; errors: string[] } | undefined;
  return {
    validate: () => {
      const size = scope.node.findAll().length;
      if (cached && cached.size === size) return cached.errors;
      const findings = checkPolicies(scope, options);
      printNonErrors(findings);
      const failing = findings.filter((f) => f.severity === 'error');
      const errors = failing.length === 0 ? [] : [
        `cdk8s-netkit policies found ${failing.length} error(s); nothing was written:\n${failing.map(formatFinding).join('\n')}`,
      ];
      cached = { size, errors };
      setImmediate(() => { cached = undefined; });
      return errors;
    },
  };
}

/**
 * Makes `app.synth()` (and so `npx cdk8s synth`) fail before writing any
 * manifest when a policy rule finds an error; warnings and infos print to
 * stderr. Call once, before `app.synth()`.
 */
export function enforcePolicies(app: App | IConstruct, options: PolicyOptions = {}): void {
  if (enforced.has(app)) {
    // Two registrations would check and print everything twice, possibly with different options.
    throw new NetkitError(app.node.path || 'app', {
      field: 'enforcePolicies', message: 'was already called for this app.', fix: 'call enforcePolicies once, with all the options.',
    });
  }
  enforced.add(app);
  app.node.addValidation(policyValidation(app, options));
}
