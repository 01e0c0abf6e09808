// The corpus harness shared by corpus.test.ts and `npm run corpus`: which files are checked together,
// how a finding is keyed for labels.yaml, and the precision/recall arithmetic.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { isIncompleteLoad, loadManifests } from '../../lib/core/manifest-files';
import { checkPolicies } from '../../lib/policy/engine';
import type { Finding, Severity } from '../../lib/policy/types';

export const CORPUS_DIR = __dirname;
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** A finding reduced to what identifies it across runs: no line numbers, no message wording. */
export interface CorpusFinding {
  readonly key: string;
  readonly severity: Severity;
  readonly rule: string;
  readonly file: string;
  readonly message: string;
}

/**
 * Every folder that holds manifests is checked on its own, as `cdk8s-netkit check <folder>` (not
 * recursive) would be: each folder of an examples repository is one application, and checking a
 * whole repository of unrelated examples at once would pair the Service of one with the Deployment
 * of another (kubectl apply -R would make one overwrite the other). Each file of known-defects/ is a unit.
 */
export function corpusUnits(root: string = CORPUS_DIR): string[][] {
  const units: string[][] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir).sort();
    const files = entries.map((e) => join(dir, e)).filter((p) => statSync(p).isFile() && MANIFEST_EXTENSIONS.has(extname(p)));
    // Each known defect is a small application of its own.
    if (basename(dir) === 'known-defects') units.push(...files.map((f) => [f]));
    else if (files.length > 0) units.push(files);
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) visit(join(dir, e));
  };
  visit(root);
  return units;
}

/** The leading field path of a message (`spec.ports[0].targetPort`), or the empty string. */
export function fieldOf(message: string): string {
  const m = /^([a-zA-Z$][\w$-]*(?:\.[\w$/-]+|\[\d+\])*)/.exec(message);
  return m && /[.[]/.test(m[1]) ? m[1] : m && ['apiVersion', 'kind'].includes(m[1]) ? m[1] : '';
}

export function findingKey(f: Finding, root: string = CORPUS_DIR): string {
  const file = relative(root, f.file ?? '').split('\\').join('/');
  return `${file} | ${f.kind} ${f.namespace ? `${f.namespace}/` : ''}${f.name} | ${f.rule} ${f.severity} | ${fieldOf(f.message)}`;
}

/** Runs the checker, unit by unit, over the whole corpus. */
export function checkCorpus(root: string = CORPUS_DIR): CorpusFinding[] {
  const out: CorpusFinding[] = [];
  for (const unit of corpusUnits(root)) {
    const load = loadManifests(unit);
    if (load.manifests.length === 0) continue;
    // As `cdk8s-netkit check` does: a skipped template or an unreadable file makes the input incomplete.
    const incompleteInput = isIncompleteLoad(load);
    for (const f of checkPolicies(load.manifests, incompleteInput ? { incompleteInput } : {})) {
      out.push({ key: findingKey(f, root), severity: f.severity, rule: f.rule, file: relative(root, f.file ?? ''), message: f.message });
    }
  }
  return out;
}

export type Label = 'true-positive' | 'false-positive';

/** labels.yaml: a label per finding key, and the known defects the checker is known to miss. */
export interface Labels {
  readonly findings: ReadonlyMap<string, { readonly label: Label; readonly reason: string }>;
  /** Expected-finding ids (see {@link expectedFindings}) the checker misses today, with why. */
  readonly missed: ReadonlyMap<string, string>;
}

export function readLabels(root: string = CORPUS_DIR): Labels {
  const raw = parse(readFileSync(join(root, 'labels.yaml'), 'utf8'));
  const findings = new Map<string, { label: Label; reason: string }>();
  for (const entry of raw.findings ?? []) {
    if (entry.label !== 'true-positive' && entry.label !== 'false-positive') throw new Error(`labels.yaml: ${entry.key}: label must be true-positive or false-positive`);
    if (findings.has(entry.key)) throw new Error(`labels.yaml: ${entry.key} is labelled twice`);
    findings.set(entry.key, { label: entry.label, reason: entry.reason });
  }
  return { findings, missed: new Map((raw.missed ?? []).map((m: any) => [m.expected, m.reason])) };
}

/** A finding the checker must report: `<file> | <rule> <severity>`, or `<file> | any error`. */
export interface ExpectedFinding {
  readonly id: string;
  readonly file: string;
  readonly rule?: string;
  readonly severity: Severity;
}

/**
 * The recall set: each file of known-defects/ names its findings in `# expect: <rule> <severity>` lines; each
 * manifest of the Gateway API project's hack/invalid-examples/ is rejected by the CRD, so some error is expected.
 */
export function expectedFindings(root: string = CORPUS_DIR): ExpectedFinding[] {
  const out: ExpectedFinding[] = [];
  for (const unit of corpusUnits(root)) {
    for (const path of unit) {
      const file = relative(root, path).split('\\').join('/');
      if (file.startsWith('known-defects/')) {
        for (const [, rule, severity] of readFileSync(path, 'utf8').matchAll(/^# expect: (\S+) (error|warning|info)$/gm)) {
          out.push({ id: `${file} | ${rule} ${severity}`, file, rule, severity: severity as Severity });
        }
      } else if (file.includes('/hack/invalid-examples/')) {
        out.push({ id: `${file} | any error`, file, severity: 'error' });
      }
    }
  }
  return out;
}

export interface Tally { truePositives: number; falsePositives: number }

/** What the corpus shows: precision per severity and rule, recall over the expected findings, and label drift. */
export interface CorpusScore {
  readonly bySeverity: Record<'error' | 'warning', Tally>;
  readonly byRule: Map<string, Tally & { expected: number; found: number }>;
  readonly unlabelled: string[];
  readonly stale: string[];
  readonly expected: number;
  readonly found: number;
  /** Expected findings missing and not listed under `missed:` in labels.yaml. */
  readonly newlyMissed: string[];
  /** Listed under `missed:` but found now. */
  readonly nowFound: string[];
}

export function scoreCorpus(findings: readonly CorpusFinding[], labels: Labels, expected: readonly ExpectedFinding[]): CorpusScore {
  const bySeverity = { error: { truePositives: 0, falsePositives: 0 }, warning: { truePositives: 0, falsePositives: 0 } };
  const byRule = new Map<string, Tally & { expected: number; found: number }>();
  const ruleTally = (rule: string) => {
    let t = byRule.get(rule);
    if (!t) byRule.set(rule, (t = { truePositives: 0, falsePositives: 0, expected: 0, found: 0 }));
    return t;
  };
  const unlabelled = new Set<string>();
  const seenKeys = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'info') continue;
    seenKeys.add(f.key);
    const label = labels.findings.get(f.key);
    if (!label) {
      unlabelled.add(f.key);
      continue;
    }
    const field = label.label === 'true-positive' ? 'truePositives' : 'falsePositives';
    bySeverity[f.severity][field]++;
    ruleTally(f.rule)[field]++;
  }
  let found = 0;
  const newlyMissed: string[] = [];
  const nowFound: string[] = [];
  for (const e of expected) {
    const hit = findings.some((f) => f.file === e.file && f.severity === e.severity && (e.rule === undefined || f.rule === e.rule));
    const tally = e.rule ? ruleTally(e.rule) : undefined;
    if (tally) tally.expected++;
    if (hit) {
      found++;
      if (tally) tally.found++;
      if (labels.missed.has(e.id)) nowFound.push(e.id);
    } else if (!labels.missed.has(e.id)) newlyMissed.push(e.id);
  }
  return {
    bySeverity, byRule, unlabelled: [...unlabelled], stale: [...labels.findings.keys()].filter((k) => !seenKeys.has(k)),
    expected: expected.length, found, newlyMissed, nowFound,
  };
}

/** Precision as a fraction (1 when there is nothing to judge). */
export function precision(t: Tally): number {
  const all = t.truePositives + t.falsePositives;
  return all === 0 ? 1 : t.truePositives / all;
}
