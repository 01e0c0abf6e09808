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

/** Options of {@link formatReport}. */
export interface ReportOptions {
  /**
   * Whether info findings are listed, or only counted in the summary line.
   * @default true
   */
  readonly listInfos?: boolean;
}

/** A readable report: one entry per finding (infos only counted unless listed) and a count line. */
export function formatReport(findings: readonly Finding[], options: ReportOptions = {}): string {
  const listInfos = options.listInfos ?? true;
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const infos = count('info');
  const hidden = !listInfos && infos > 0 ? ' (not listed; --info lists them)' : '';
  const summary = `${count('error')} error(s), ${count('warning')} warning(s), ${infos} info(s)${hidden}.`;
  const listed = listInfos ? findings : findings.filter((f) => f.severity !== 'info');
  return [...listed.map(formatFinding), summary].join('\n') + '\n';
}
