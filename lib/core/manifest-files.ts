import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

/** A Kubernetes object read from a YAML or JSON file. */
export interface LoadedManifest {
  readonly manifest: any;
  /** The file it came from. */
  readonly file: string;
  /** 1-based line where its document starts. */
  readonly line: number;
}

/** A file that cannot be read or parsed; the message names the file and line. */
export class ManifestReadError extends Error {
  constructor(public readonly file: string, public readonly line: number | undefined, reason: string) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'ManifestReadError';
  }
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Expands files and folders (folders recursively, only .yaml/.yml/.json,
 * sorted) into the list of files to read, as `kubectl apply -R -f` would.
 */
export function expandManifestPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new ManifestReadError(path, undefined, 'no such file or folder');
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry), false);
    } else if (explicit || MANIFEST_EXTENSIONS.has(extname(path).toLowerCase())) {
      files.push(path);
    }
  };
  for (const p of paths) visit(p, true);
  return files;
}

/**
 * Reads every Kubernetes object in the files: several documents per file,
 * anchors and aliases, `List` kinds flattened, empty documents skipped.
 */
export function readManifestFile(file: string): LoadedManifest[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ManifestReadError(file, undefined, `cannot read: ${(e as Error).message}`);
  }
  const out: LoadedManifest[] = [];
  // Line starts recorded while parsing: a line number is then a lookup, not a scan from the top of the file.
  const lines = new LineCounter();
  for (const doc of parseAllDocuments(source, { merge: true, lineCounter: lines })) {
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      throw new ManifestReadError(file, error.linePos?.[0].line ?? lines.linePos(error.pos[0]).line, error.message.split('\n')[0]);
    }
    // The line of the document's content, not of its `---` marker.
    const line = lines.linePos((doc.contents as any)?.range?.[0] ?? doc.range[0]).line;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 10000 });
    } catch (e) {
      throw new ManifestReadError(file, line, (e as Error).message);
    }
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ManifestReadError(file, line, 'a document is not a Kubernetes object (expected a mapping with apiVersion and kind)');
    }
    const obj = value as any;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && (Array.isArray(obj.items) || obj.items === null)) {
      for (const item of obj.items ?? []) out.push({ manifest: item, file, line });
    } else {
      out.push({ manifest: obj, file, line });
    }
  }
  return out;
}

/** Reads all files and folders given. */
export function readManifests(paths: readonly string[]): LoadedManifest[] {
  return expandManifestPaths(paths).flatMap(readManifestFile);
}
