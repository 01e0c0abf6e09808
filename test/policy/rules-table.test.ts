import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../lib';
import { renderRulesTable, RULES_TABLE_END, RULES_TABLE_START, withRulesTable } from '../../lib/policy/rules-table';

describe('the rules table of docs/policy.md', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'docs', 'policy.md'), 'utf8');

  test('is up to date with the rules (run `npm run docs:rules` when this fails)', () => {
    expect(withRulesTable(readme, RULES)).toBe(readme);
  });

  test('has one row per rule with its id, severity, description and fix', () => {
    const table = renderRulesTable(RULES);
    for (const rule of RULES) {
      expect(table).toContain(`| \`${rule.id}\` | ${rule.severity} | ${rule.crossObject ? 'across objects' : 'one object'} | `);
    }
    expect(table.split('\n')).toHaveLength(RULES.length + 2);
  });

  test('replaces only the text between the markers', () => {
    const doc = `intro\n${RULES_TABLE_START}\nold\n${RULES_TABLE_END}\noutro\n`;
    expect(withRulesTable(doc, RULES.slice(0, 1))).toBe(`intro\n${RULES_TABLE_START}\n${renderRulesTable(RULES.slice(0, 1))}\n${RULES_TABLE_END}\noutro\n`);
    expect(() => withRulesTable('no markers', RULES)).toThrow(/The page has no rules table markers/);
  });
});
