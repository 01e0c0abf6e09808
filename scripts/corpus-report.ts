// `npm run corpus`: precision and recall of the checker on the labelled corpus (test/corpus), per severity and per rule.
import { checkCorpus, expectedFindings, precision, readLabels, scoreCorpus, Tally } from '../test/corpus/corpus-run';

const percent = (n: number) => `${(n * 100).toFixed(1)} %`;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const judged = (t: Tally) => t.truePositives + t.falsePositives;

const findings = checkCorpus();
const score = scoreCorpus(findings, readLabels(), expectedFindings());
const lines = ['## Precision (labelled findings)', '', row(['severity', 'findings', 'true positives', 'false positives', 'precision']), row(['---', '---:', '---:', '---:', '---:'])];
for (const severity of ['error', 'warning'] as const) {
  const t = score.bySeverity[severity];
  lines.push(row([severity, judged(t), t.truePositives, t.falsePositives, percent(precision(t))]));
}
const infos = findings.filter((f) => f.severity === 'info').length;
lines.push('', `Info findings (advice and "cannot judge" notes, not labelled): ${infos}.`);
lines.push('', `## Recall (known defects: known-defects/ and the Gateway API project's invalid examples)`, '',
  `${score.found} of ${score.expected} expected findings reported (${percent(score.expected === 0 ? 1 : score.found / score.expected)}).`);
lines.push('', '## Per rule', '', row(['rule', 'TP', 'FP', 'precision', 'expected', 'found']), row(['---', '---:', '---:', '---:', '---:', '---:']));
for (const [rule, t] of [...score.byRule].sort(([a], [b]) => a.localeCompare(b))) {
  lines.push(row([rule, t.truePositives, t.falsePositives, judged(t) ? percent(precision(t)) : '-', t.expected || '-', t.expected ? t.found : '-']));
}
if (score.unlabelled.length + score.stale.length + score.newlyMissed.length > 0) {
  lines.push('', `Unlabelled: ${score.unlabelled.length}, stale labels: ${score.stale.length}, newly missed: ${score.newlyMissed.length}.`);
  // Entries to label by reading each manifest: the label and the reason are a person's judgement, never a default.
  if (score.unlabelled.length > 0) lines.push('', 'To add to labels.yaml (findings:), once judged:', '', ...score.unlabelled.flatMap((key) => [`  - key: ${JSON.stringify(key)}`, '    label: true-positive | false-positive', '    reason: "…"']));
  for (const key of score.stale) lines.push(`Stale (remove from labels.yaml): ${key}`);
  for (const id of score.newlyMissed) lines.push(`Missed: ${id}`);
}
process.stdout.write(`${lines.join('\n')}\n`);
