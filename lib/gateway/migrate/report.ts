import { formatProblem } from '../../core/errors';
import { MigrationResult } from './types';

/**
 * The migration report as text, one block per Ingress: where it came from,
 * what was written for it, what was not converted and what behaves
 * differently; then a one-line summary.
 */
export function formatMigrationReport(result: MigrationResult): string {
  const lines: string[] = [];
  for (const i of result.ingresses) {
    lines.push(`Ingress ${i.namespace}/${i.name}${i.file !== undefined ? ` (${i.file}:${i.line})` : ''}`);
    lines.push(`  wrote: ${i.wrote.length > 0 ? i.wrote.join(', ') : 'nothing'}`);
    // The label says it; the message's own "not converted: " (for API users reading problems alone) would repeat it.
    for (const p of i.notConverted) lines.push(`  NOT CONVERTED ${formatProblem({ ...p, message: p.message.replace(/^not converted: /, '') })}`);
    for (const p of i.changed) lines.push(`  CHANGED ${formatProblem(p)}`);
  }
  const partial = result.ingresses.filter((i) => i.notConverted.length > 0).length;
  lines.push(`${result.ingresses.length} Ingress(es): ${result.ingresses.length - partial} converted fully, ${partial} with parts not converted; ${result.objects.length} object(s) written.`);
  return `${lines.join('\n')}\n`;
}
