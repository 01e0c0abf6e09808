import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { IConstruct } from 'constructs';

/** A file a construct writes outside the chart output (a Secret under `.netkit/secrets/`). */
export interface LocalFile {
  /** The folder the file belongs to, the unit that is replaced as a whole. */
  readonly directory: string;
  /** The path below `directory`. */
  readonly path: string;
  readonly content: string;
}

/**
 * An App that writes local files itself, all at once with its manifests
 * (NetkitApp), instead of as each construct is created.
 */
export interface LocalFileCollector {
  /** The absolute folder for a folder the construct names (relative ones are relative to the project). */
  resolveDirectory(directory: string): string;
  collect(file: LocalFile): void;
}

const collectors = new WeakMap<IConstruct, LocalFileCollector>();

/** Called by an App that publishes local files with its synth. */
export function collectLocalFiles(root: IConstruct, collector: LocalFileCollector): void {
  collectors.set(root, collector);
}

/**
 * Writes a file readable only by its owner, as part of the app's output: in
 * a NetkitApp, at the end of a successful synth, together with the
 * manifests (so a failed synth leaves the folder as it was, and a file no
 * construct writes any more is pruned); in any other App, right away.
 * Returns the file's path, relative to the working directory when inside it.
 */
export function writeLocalFile(scope: IConstruct, directory: string, path: string, content: (file: string) => string): string {
  const collector = collectors.get(scope.node.root);
  const absoluteDirectory = collector ? collector.resolveDirectory(directory) : resolve(directory);
  const shown = displayPath(join(absoluteDirectory, path));
  if (collector) {
    collector.collect({ directory: absoluteDirectory, path, content: content(shown) });
  } else {
    writePrivateFile(join(absoluteDirectory, path), content(shown));
  }
  return shown;
}

/** A path as a user would type it: relative to the working directory when inside it. */
function displayPath(absolute: string): string {
  const fromCwd = relative(process.cwd(), absolute);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? absolute : fromCwd;
}

/**
 * Writes a file readable only by its owner, atomically, so parallel runs
 * (jest workers, two synths) never see half a key.
 */
export function writePrivateFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}
