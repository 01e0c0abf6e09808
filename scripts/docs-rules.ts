// Rewrites the rules table in README.md from the rules' metadata: `npm run docs:rules`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../lib/policy/rules';
import { withRulesTable } from '../lib/policy/rules-table';

const readme = join(__dirname, '..', 'README.md');
writeFileSync(readme, withRulesTable(readFileSync(readme, 'utf8'), RULES));
console.log(`README.md: ${RULES.length} rules`);
