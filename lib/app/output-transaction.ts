import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isHelmTemplatesDir } from '../gitops/output-layout';

/** The folder, below a project's `.netkit/`, where NetkitApp stages what it publishes. */
export const STAGING_FOLDER = join('.netkit', 'synth');

/** The journal's name in a transaction folder: while it exists, the staged generation is complete and being swapped in. */
export const JOURNAL_FILE = 'journal.json';

/** One folder a publish replaces: the staged copy takes its place, the old one is kept until the swap is done. */
export interface SwapStep {
  /** The folder users read (`dist`), absolute. */
  readonly target: string;
  /** The complete new content, absolute; absent when the target is to be removed. */
  readonly staged: string;
  /** Where the old content goes during the swap, absolute. */
  readonly backup: string;
}

interface Journal {
  readonly steps: readonly SwapStep[];
  /** The targets this publish owns; the next publish prunes any of them it no longer writes. */
  readonly published: readonly string[];
}

/**
 * Publishes a set of output folders (`dist/`, `dist-traffic/`,
 * `cluster-addons/`, `.netkit/secrets/`) all or nothing.
 *
 * Everything is first written to `new/` in the transaction folder
 * (`<project>/.netkit/synth/<outdir name>/`, on the same file system as the
 * targets, so moves are renames). Only when every write succeeded does
 * {@link commit} write the journal, the commit point, and swap each target
 * by two renames (old → `old/`, staged → target). A process killed before
 * the journal leaves the targets untouched and some staged files, which the
 * next run deletes; killed after it, the next run finds the journal and
 * finishes the swap: the staged generation passed every check, so the
 * repair rolls forward, never back.
 */
export class OutputTransaction {
  private readonly steps: SwapStep[] = [];
  /** The targets the last publish wrote; those this one does not write are removed (pruned). */
  private readonly previouslyPublished: readonly string[];

  /** @param directory the transaction folder (see {@link transactionDirectory}); an interrupted publish in it is finished first */
  constructor(public readonly directory: string) {
    recoverInterruptedPublish(directory);
    this.previouslyPublished = readPublished(directory);
    rmSync(join(directory, 'new'), { recursive: true, force: true });
    mkdirSync(join(directory, 'new'), { recursive: true });
  }

  /** Where to write the new content of `target` (created empty); the target itself is not touched. */
  public stage(target: string): string {
    const absolute = resolve(target);
    const existing = this.steps.find((s) => s.target === absolute);
    if (existing) return existing.staged;
    const index = this.steps.length;
    const step: SwapStep = { target: absolute, staged: join(this.directory, 'new', String(index)), backup: join(this.directory, 'old', String(index)) };
    this.steps.push(step);
    mkdirSync(step.staged, { recursive: true, mode: 0o700 });
    return step.staged;
  }

  /** Drops the staged files; every target stays as it was. */
  public abort(): void {
    rmSync(join(this.directory, 'new'), { recursive: true, force: true });
  }

  /** Swaps every staged folder into place and removes the targets of the last publish that this one no longer writes. */
  public commit(): void {
    const written = new Set(this.steps.map((s) => s.target));
    const steps = [...this.steps];
    for (const target of this.previouslyPublished) {
      if (written.has(target)) continue;
      // Nothing staged: the swap moves the stale folder to old/ and puts nothing in its place.
      steps.push({ target, staged: join(this.directory, 'new', String(steps.length)), backup: join(this.directory, 'old', String(steps.length)) });
    }
    const journal: Journal = { steps, published: [...written] };
    writeAtomically(join(this.directory, JOURNAL_FILE), JSON.stringify(relativeJournal(this.directory, journal), null, 2));
    finishSwap(this.directory, journal);
  }
}

/**
 * The transaction folder for an output folder: `<parent>/.netkit/synth/<name>`,
 * one per output folder, so two apps publishing side by side (or tests in
 * parallel) never share one.
 */
export function transactionDirectory(outdir: string): string {
  const absolute = resolve(outdir);
  const name = isHelmTemplatesDir(absolute) ? `${basename(dirname(absolute))}-templates` : basename(absolute);
  return join(projectDirectory(absolute), STAGING_FOLDER, name);
}

/**
 * The folder an output folder's siblings go to (the add-on folder,
 * `.netkit/`): its parent, or for a Helm chart's templates/ the chart's
 * parent, so nothing lands in the chart Helm packages.
 */
export function projectDirectory(outdir: string): string {
  const absolute = resolve(outdir);
  return isHelmTemplatesDir(absolute) ? dirname(dirname(absolute)) : dirname(absolute);
}

/**
 * Finishes or cleans up a publish that a killed process left behind in
 * `directory`: with a journal, completes the swap (roll forward); without
 * one, deletes staged files (the targets were never touched). Returns
 * whether there was anything to repair.
 */
export function recoverInterruptedPublish(directory: string): boolean {
  const journalFile = join(directory, JOURNAL_FILE);
  if (existsSync(journalFile)) {
    finishSwap(directory, absoluteJournal(directory, JSON.parse(readFileSync(journalFile, 'utf8')) as Journal));
    return true;
  }
  const leftovers = ['new', 'old'].map((d) => join(directory, d)).filter((d) => existsSync(d));
  for (const leftover of leftovers) rmSync(leftover, { recursive: true, force: true });
  return leftovers.length > 0;
}

/**
 * Every step is idempotent, so a run killed anywhere in here is finished by
 * the next: a target whose staged folder is gone was swapped already.
 */
function finishSwap(directory: string, journal: Journal): void {
  mkdirSync(join(directory, 'old'), { recursive: true });
  for (const step of journal.steps) {
    if (!existsSync(step.staged)) {
      // Swapped already, or a pruned target: move whatever is left of the old content away.
      if (!journal.published.includes(step.target) && existsSync(step.target) && !existsSync(step.backup)) renameSync(step.target, step.backup);
      continue;
    }
    if (existsSync(step.target)) {
      if (existsSync(step.backup)) rmSync(step.backup, { recursive: true, force: true });
      renameSync(step.target, step.backup);
    }
    mkdirSync(dirname(step.target), { recursive: true });
    renameSync(step.staged, step.target);
  }
  writeAtomically(join(directory, PUBLISHED_FILE), JSON.stringify(journal.published.map((p) => relative(directory, p)), null, 2));
  // The commit is complete once the journal is gone; what follows is cleanup a later run also does.
  rmSync(join(directory, JOURNAL_FILE), { force: true });
  rmSync(join(directory, 'old'), { recursive: true, force: true });
  rmSync(join(directory, 'new'), { recursive: true, force: true });
}

/** The record of what the last publish wrote, kept for pruning. */
const PUBLISHED_FILE = 'published.json';

function readPublished(directory: string): string[] {
  const file = join(directory, PUBLISHED_FILE);
  if (!existsSync(file)) return [];
  try {
    const value = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map((v) => resolve(directory, v)) : [];
  } catch {
    // An unreadable record only loses pruning for one run.
    return [];
  }
}

/**
 * The journal as written to disk: paths relative to the transaction folder, so
 * a project copied or moved elsewhere (its git-ignored .netkit/ included)
 * never prunes or swaps the folders of the original.
 */
function relativeJournal(directory: string, journal: Journal): Journal {
  const rel = (path: string) => relative(directory, path);
  return { steps: journal.steps.map((s) => ({ target: rel(s.target), staged: rel(s.staged), backup: rel(s.backup) })), published: journal.published.map(rel) };
}

function absoluteJournal(directory: string, journal: Journal): Journal {
  const abs = (path: string) => resolve(directory, path);
  return { steps: journal.steps.map((s) => ({ target: abs(s.target), staged: abs(s.staged), backup: abs(s.backup) })), published: journal.published.map(abs) };
}

function writeAtomically(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
