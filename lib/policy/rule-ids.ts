import { Problem } from '../core/errors';
import { closest } from './suggest';

/** The ids of the built-in rules. Read at call time: the rules import modules that import this file. */
export function ruleIds(): string[] {
  const { RULES } = require('./rules') as typeof import('./rules');
  return RULES.map((r) => r.id);
}

/**
 * The ids of a list that name no rule (`disabledRules`, `--disable`): a typo
 * there would disable nothing and keep failing the synth, or, worse, seem to
 * have turned a rule off. `known` defaults to the built-in rules.
 */
export function ruleIdProblems(field: string, ids: readonly unknown[] | undefined, known?: readonly string[]): Problem[] {
  if (ids === undefined || ids.length === 0) return [];
  const all = known ?? ruleIds();
  const problems: Problem[] = [];
  ids.forEach((id, i) => {
    if (typeof id === 'string' && all.includes(id)) return;
    problems.push(unknownRuleIdProblem(`${field}[${i}]`, id, all));
  });
  return problems;
}

/** The problem of one id that names no rule, with the closest id when it looks like a typo. */
export function unknownRuleIdProblem(field: string, id: unknown, known: readonly string[] = ruleIds()): Problem {
  const near = typeof id === 'string' ? closest(id, known) : undefined;
  return {
    field, message: 'is not a policy rule id, so it turns nothing off.', value: id, allowed: known.join(', '),
    fix: near !== undefined ? `did you mean "${near}"?` : 'use the id a finding reports (the rules table in docs/policy.md lists them all).',
  };
}
