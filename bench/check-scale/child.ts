// One measured process of the "check: 50 MB file" section: prints one JSON line.
// Usage: node child.js <js-yaml|yaml|check> <file>
import { readFileSync } from 'node:fs';

export type ScaleTool = 'js-yaml' | 'yaml' | 'check';

function main(): void {
  const [tool, file] = process.argv.slice(2) as [ScaleTool, string];
  const start = process.hrtime.bigint();
  /** What the tool read or found, to show that each did the whole job. */
  let outcome: string;
  switch (tool) {
    case 'js-yaml': {
      // The baseline of issue 16: js-yaml 4's loadAll of the whole file, every document kept.
      outcome = `${require('js-yaml').loadAll(readFileSync(file, 'utf8')).length} documents`;
      break;
    }
    case 'yaml': {
      // What the checker did before: `yaml`'s documents, with positions.
      const { LineCounter, parseAllDocuments } = require('yaml');
      outcome = `${parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: new LineCounter() }).length} documents`;
      break;
    }
    case 'check': {
      // The CLI command itself, its report counted but not printed.
      const { checkCommand } = require('../../lib/cli/check');
      let reported = '';
      const exitCode = checkCommand.run([file], { out: (text: string) => { reported += text; }, err: (text: string) => { reported += text; } });
      if (exitCode === 3) throw new Error(`check could not read ${file}: ${reported}`);
      outcome = `exit ${exitCode}: ${/\d+ error.*info\(s\)/.exec(reported)?.[0] ?? reported.trim()}`;
      break;
    }
    default: throw new Error(`unknown tool ${tool}`);
  }
  const workMs = Number(process.hrtime.bigint() - start) / 1e6;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ workMs, peakRssMiB: process.resourceUsage().maxRSS / 1024, cpuMs: (user + system) / 1000, outcome })}\n`);
}

main();
