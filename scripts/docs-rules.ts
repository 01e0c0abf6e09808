// Rewrites the rules table in docs/policy.md from the rules' metadata: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../lib/policy/rules';
import { withRulesTable } from '../lib/policy/rules-table';

const page = join(__dirname, '..', 'docs', 'policy.md');
writeFileSync(page, withRulesTable(readFileSync(page, 'utf8'), RULES));
console.log(`docs/policy.md: ${RULES.length} rules`);
