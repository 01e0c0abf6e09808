import { IConstruct } from 'constructs';

/**
 * What is wrong with one value, in terms a user can act on.
 *
 * The same shape is produced by construct-time validation (thrown as a
 * {@link NetkitError}) and by the policy rules (reported as findings), so a
 * rule and a construct that check the same thing say the same thing.
 */
export interface Problem {
  /** The field, as a path into the object (`spec.ports[0].nodePort`) or a prop name. */
  readonly field: string;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** The offending value, if there is one. */
  readonly value?: unknown;
  /** What would have been accepted. */
  readonly allowed?: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * `warning` for what the API server accepts but is very likely a mistake:
   * a construct prints it, a policy rule reports it as a warning.
   * @default 'error'
   */
  readonly severity?: 'error' | 'warning';
}

/** Renders a value the way a user typed it: strings quoted, objects as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/** A problem in one line without its fix: field, message, value, allowed values. */
export function describeProblem(problem: Problem): string {
  const parts = [`${problem.field}: ${problem.message}`];
  if (problem.value !== undefined) parts.push(`Got: ${showValue(problem.value)}.`);
  if (problem.allowed) parts.push(`Allowed: ${problem.allowed}.`);
  return parts.join(' ');
}

/** One line per problem: field, message, value, allowed values, fix. */
export function formatProblem(problem: Problem): string {
  return `${describeProblem(problem)} Fix: ${problem.fix}`;
}

/**
 * The error every construct throws for bad input. The message starts with the
 * construct path, so a user with fifty Services knows which one is wrong.
 */
export class NetkitError extends Error {
  /** The construct path (`dev/service-nodeport`), or the name given instead of a construct. */
  public readonly path: string;
  public readonly problems: readonly Problem[];

  constructor(scope: IConstruct | string, problems: Problem | readonly Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    const path = typeof scope === 'string' ? scope : scope.node.path;
    const body = list.length === 1
      ? formatProblem(list[0])
      : list.map((p) => `\n  - ${formatProblem(p)}`).join('');
    super(`[${path}] ${body}`);
    this.name = 'NetkitError';
    this.path = path;
    this.problems = list;
  }
}

/** Throws a {@link NetkitError} when there is at least one problem. */
export function throwIfProblems(scope: IConstruct | string, problems: readonly Problem[]): void {
  if (problems.length > 0) throw new NetkitError(scope, problems);
}

/** No problems: one frozen list for the checks that find none, which is nearly every object of a large synth (a list per object was garbage to collect). */
export const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);
