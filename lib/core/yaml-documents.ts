import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Schema } from 'js-yaml';

// js-yaml 4 exports its built-in types; its typings (@types/js-yaml 4.0.9) leave them out.
declare module 'js-yaml' {
  export const types: Readonly<Record<string, import('js-yaml').Type>>;
}

/**
 * js-yaml, and the schema manifests are read with: YAML 1.2's core schema plus `<<` merge keys, as the `yaml` package read
 * manifests before (`merge: true`): js-yaml's default schema would also turn
 * timestamps into Date objects (a `creationTimestamp` would then fail schema
 * validation) and `!!binary` into Buffers.
 */
function manifestYaml(): { readonly yaml: typeof import('js-yaml'); readonly schema: Schema } {
  // Loaded on first use: every program that imports the library loads this module, and most
  // (a synth) never read YAML; js-yaml is 25 modules.
  if (manifestYamlLoaded === undefined) {
    const yaml = require('js-yaml') as typeof import('js-yaml');
    manifestYamlLoaded = { yaml, schema: yaml.CORE_SCHEMA.extend({ implicit: [yaml.types.merge] }) };
  }
  return manifestYamlLoaded;
}
let manifestYamlLoaded: ReturnType<typeof manifestYaml> | undefined;

/** How much of a file is read at a time: documents are cut from it and parsed one by one, so memory never holds the whole file. */
const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * How many values aliases may add to one document. js-yaml reuses the
 * anchored object for each alias (nothing is copied while parsing), but every
 * rule that walks the object walks each alias again: a few lines of nested
 * aliases ("billion laughs") become billions of values.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Deeper nesting is refused (js-yaml's default is 100; large CRD schemas nest
 * `properties` deeper than that, and 1,000 stays far from the stack limit).
 */
const MAX_DEPTH = 1000;

/** A document's text, cut from its file, and the 1-based line of the file it starts on. */
export interface DocumentText {
  readonly text: string;
  readonly firstLine: number;
}

/** Why a document or file cannot be read; `line` is 1-based in the file. */
export class YamlReadError extends Error {
  constructor(public readonly line: number | undefined, public readonly reason: string) {
    super(reason);
    this.name = 'YamlReadError';
  }
}

/**
 * A `---` line starts a document and a `...` line ends one (followed by a
 * space, a tab or the end of the line): the YAML spec forbids both at the
 * start of a line inside any scalar, so cutting there never splits a value.
 */
const MARKER = /\n(---|\.\.\.)([ \t\r\n]|$)/;

/**
 * The documents of a file, in order, read 1 MiB at a time: each document's
 * text is handed out as soon as the next marker is read, so only the current
 * chunk and document are in memory. Directives (`%YAML`) stay with the
 * document they precede. A file with NUL bytes is refused as binary.
 */
export function* documentTexts(file: string): Generator<DocumentText> {
  const fd = openSync(file, 'r');
  // One per file: a global regex keeps its search position, and two files may be read at once.
  const marker = new RegExp(MARKER.source, 'g');
  try {
    // A small file gets a small buffer (a repository is mostly files of a few KB); a pipe has no size.
    const stat = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(stat.isFile() ? Math.min(READ_CHUNK_BYTES, stat.size + 1) : READ_CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let start = 0; // where the next document begins in `pending`
    let resume = 0; // where the search for the next marker resumes in `pending`
    let startLine = 1;
    let directives: DocumentText | undefined;
    let first = true;
    for (;;) {
      const bytes = readSync(fd, buffer, 0, buffer.length, null);
      if (first && buffer.subarray(0, bytes).includes(0)) {
        throw new YamlReadError(undefined, 'not a text file: it holds NUL bytes (a binary file, or UTF-16 text); manifests are UTF-8 YAML or JSON');
      }
      first = false;
      const done = bytes === 0;
      pending = pending.slice(start) + (done ? decoder.end() : decoder.write(buffer.subarray(0, bytes)));
      marker.lastIndex = Math.max(0, resume - start);
      start = 0;
      // A marker cut by the end of the chunk (`\n--`) is searched again once the next chunk is read.
      resume = Math.max(0, pending.length - 3);
      for (let match = marker.exec(pending); match; match = marker.exec(pending)) {
        // A marker at the very end of what was read may still be followed by more of its line.
        if (!done && match[2] === '') {
          resume = match.index;
          break;
        }
        let end: number;
        if (match[1] === '---') {
          end = match.index + 1;
          marker.lastIndex = end;
        } else {
          const newline = pending.indexOf('\n', match.index + 1);
          // The rest of a `...` line (a comment) belongs to the document it ends: wait for it.
          if (newline < 0 && !done) {
            resume = match.index;
            break;
          }
          end = newline < 0 ? pending.length : newline + 1;
          // The newline ending a `...` line may start the next marker.
          marker.lastIndex = Math.max(end - 1, match.index + 1);
        }
        resume = Math.max(resume, marker.lastIndex);
        const cut = { text: pending.slice(start, end), firstLine: startLine };
        startLine += countLines(cut.text);
        start = end;
        directives = yield* withDirectives(directives, cut);
      }
      if (done) {
        const rest = { text: pending.slice(start), firstLine: startLine };
        if (directives || rest.text.length > 0) yield joined(directives, rest);
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Holds back a cut that is only directives and comments, to go in front of the next one. */
function* withDirectives(held: DocumentText | undefined, cut: DocumentText): Generator<DocumentText, DocumentText | undefined> {
  const text = held ? joined(held, cut) : cut;
  if (isDirectivesOnly(text.text)) return text;
  yield text;
  return undefined;
}

function joined(held: DocumentText | undefined, cut: DocumentText): DocumentText {
  return held ? { text: held.text + cut.text, firstLine: held.firstLine } : cut;
}

function isDirectivesOnly(text: string): boolean {
  if (text.charCodeAt(0) !== 0x25 /* % */ && !text.includes('\n%')) return false;
  return /^(?:[ \t]*(?:[%#][^\n]*)?\r?\n)*[ \t]*(?:[%#][^\n]*)?$/.test(text) && /^%/m.test(text);
}

function countLines(text: string): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Blank lines, comments, directives and a bare `---` before a document's content. */
const BEFORE_CONTENT = /(?:[ \t]*(?:#[^\n]*)?\r?\n|%[^\n]*\n|---[ \t]*(?:#[^\n]*)?\r?\n)*/y;

/** The 1-based file line where the document's content starts (not its `---` marker or leading comments). */
export function contentLine(doc: DocumentText): number {
  BEFORE_CONTENT.lastIndex = 0;
  const prefix = BEFORE_CONTENT.exec(doc.text)?.[0] ?? '';
  return doc.firstLine + countLines(prefix);
}

/**
 * Parses one document (js-yaml 4: `yaml`'s documents with positions took
 * 11 to 19 times its time and 6 times its memory on the benchmark's 50 MB
 * file, see docs/performance.md). Aliases that expand the document past
 * {@link MAX_ALIAS_EXPANSION} values are refused.
 */
export function parseDocument(doc: DocumentText, listener?: (event: 'open' | 'close', line: number, result: unknown) => void): unknown {
  const { yaml, schema } = manifestYaml();
  let value: unknown;
  try {
    value = yaml.load(doc.text, {
      schema,
      maxDepth: MAX_DEPTH,
      ...(listener ? { listener: (event, state) => listener(event, doc.firstLine + state.line, state.result) } : {}),
    } as Parameters<typeof yaml.load>[1]);
  } catch (e) {
    if (!(e instanceof yaml.YAMLException)) throw e;
    throw new YamlReadError(e.mark ? doc.firstLine + e.mark.line : contentLine(doc), e.reason);
  }
  // Without an anchor there is no alias.
  if (doc.text.includes('&') && value !== null && typeof value === 'object') checkAliasExpansion(value, contentLine(doc));
  return value;
}

/**
 * The 1-based line of each item of a `List` document's `items`, from
 * js-yaml's parse events (a second parse; Lists are rare).
 */
export function listItemLines(doc: DocumentText, items: readonly unknown[]): (number | undefined)[] {
  const lines = new Map<unknown, number>();
  const open: number[] = [];
  parseDocument(doc, (event, line, result) => {
    if (event === 'open') open.push(line);
    else {
      const start = open.pop()!;
      if (result !== null && typeof result === 'object' && !lines.has(result)) lines.set(result, start);
    }
  });
  // The second parse made new objects: items are matched by their place in the new `items`.
  // The root is opened first, hence closed last.
  let root: any;
  for (const object of lines.keys()) root = object;
  const parsedItems: unknown[] = Array.isArray(root?.items) ? root.items : [];
  return items.map((_, i) => lines.get(parsedItems[i]));
}

/** Counts the values of `value` as a rule walking it would meet them, each distinct object walked once. */
function checkAliasExpansion(value: object, line: number): void {
  const expanded = new Map<object, number>();
  let distinct = 0;
  const size = (v: unknown): number => {
    if (v === null || typeof v !== 'object') return 1;
    const known = expanded.get(v);
    if (known !== undefined) {
      if (known < 0) throw new YamlReadError(line, 'an alias refers to a value that contains it');
      return known;
    }
    expanded.set(v, -1);
    distinct++;
    let total = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      const childSize = size(child);
      if (child === null || typeof child !== 'object') distinct++;
      total += childSize;
    }
    expanded.set(v, total);
    return total;
  };
  const total = size(value);
  if (total - distinct > MAX_ALIAS_EXPANSION) {
    throw new YamlReadError(line, `aliases expand this document by ${total - distinct} values, more than the ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} allowed`
      + ' (an "alias bomb"?): write the values out, or alias fewer nested values');
  }
}
