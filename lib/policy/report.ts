import { describeObject } from './rules/describe';
import { Finding } from './types';

/** Where a finding's object is: construct path, else file and line. */
export function findingLocation(f: Finding): string | undefined {
  if (f.constructPath) return f.constructPath;
  if (f.file) return f.line !== undefined ? `${f.file}:${f.line}` : f.file;
  return undefined;
}

/** One finding on one line, then its fix: `ERROR [rule] Kind ns/name (where): message`. */
export function formatFinding(f: Finding): string {
  const where = findingLocation(f);
  return `${f.severity.toUpperCase()} [${f.rule}] ${describeObject(f)}${where ? ` (${where})` : ''}: ${f.message}\n    Fix: ${f.fix}`;
}

/** A readable report: one entry per finding and a count line. */
export function formatReport(findings: readonly Finding[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info(s).`;
  return [...findings.map(formatFinding), summary].join('\n') + '\n';
}
