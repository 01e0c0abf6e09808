import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { isPatchFragment, kustomizePatchFiles } from './kustomize-patches';
import { contentLine, documentTexts, DocumentText, listItemLines, parseDocument, YamlReadError } from './yaml-documents';

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
 * anchors and aliases, `List` kinds flattened (each item with its own line),
 * empty documents skipped.
 */
export function readManifestFile(file: string): LoadedManifest[] {
  const read = readFileManifests(file, false);
  if (read.error) throw read.error;
  return read.manifests;
}

/** What one file held, read document by document. */
interface FileRead {
  readonly manifests: LoadedManifest[];
  /** The first document that cannot be read (the file then gives no manifests). */
  readonly error?: ManifestReadError;
  /** Whether a document holds a `{{` template action (only looked for when asked). */
  readonly template: boolean;
}

/**
 * Reads a file one document at a time (lib/core/yaml-documents.ts): each is
 * parsed and turned into plain objects, and its text dropped, so memory holds
 * the objects, never the file's text or a syntax tree of it. With
 * `findTemplates`, a `{{ }}` template action anywhere in the file (even after
 * a syntax error, which a template often causes) marks the file a template.
 */
function readFileManifests(file: string, findTemplates: boolean): FileRead {
  const manifests: LoadedManifest[] = [];
  let error: ManifestReadError | undefined;
  try {
    for (const doc of documentTexts(file)) {
      if (findTemplates && doc.text.includes('{{') && TEMPLATE_ACTION.test(doc.text)) return { manifests: [], template: true };
      if (error) continue;
      try {
        manifests.push(...documentManifests(file, doc));
      } catch (e) {
        if (!(e instanceof YamlReadError)) throw e;
        error = new ManifestReadError(file, e.line, e.reason);
        if (!findTemplates) break;
      }
    }
  } catch (e) {
    if (e instanceof YamlReadError) return { manifests: [], error: new ManifestReadError(file, e.line, e.reason), template: false };
    if (e instanceof ManifestReadError) throw e;
    return { manifests: [], error: new ManifestReadError(file, undefined, `cannot read: ${(e as Error).message}`), template: false };
  }
  return error ? { manifests: [], error, template: false } : { manifests, template: false };
}

/** The objects of one document: none when empty, the items of a `List` (each with its own line), else the document. */
function documentManifests(file: string, doc: DocumentText): LoadedManifest[] {
  const value = parseDocument(doc);
  if (value === null || value === undefined) return [];
  const line = contentLine(doc);
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new YamlReadError(line, 'a document is not a Kubernetes object (expected a mapping with apiVersion and kind)');
  }
  const obj = value as any;
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && (Array.isArray(obj.items) || obj.items === null)) {
    const items: unknown[] = obj.items ?? [];
    const itemLines = listItemLines(doc, items);
    return items.map((item, i) => ({ manifest: item, file, line: itemLines[i] ?? line }));
  }
  return [{ manifest: obj, file, line }];
}

/** Reads all files and folders given; throws on the first file that cannot be read. */
export function readManifests(paths: readonly string[]): LoadedManifest[] {
  return expandManifestPaths(paths).flatMap(readManifestFile);
}

/** A file, or some of its documents, that was not checked, and why. */
export interface SkippedManifests {
  readonly file: string;
  readonly reason: string;
  /** Whether the file may hold objects once rendered (a template), so the input checked is incomplete. */
  readonly mayHoldObjects: boolean;
}

/** What {@link loadManifests} read from a repository of any shape. */
export interface ManifestLoad {
  /** The Kubernetes objects, with file and line. */
  readonly manifests: LoadedManifest[];
  /** Templates, and YAML that is not a Kubernetes object (kustomization.yaml, Chart.yaml, values.yaml, app config). */
  readonly skipped: SkippedManifests[];
  /** Files that cannot be read or parsed; every other file was read. */
  readonly unreadable: ManifestReadError[];
}

/**
 * A `{{` template action outside any quoted string or comment on its line:
 * `name: {{ .Values.name }}` or `{{- if … }}` (it may even parse, as a flow
 * mapping, into nonsense), but not `summary: "{{ $labels.instance }} down"`,
 * which is an ordinary string of a valid manifest.
 */
const TEMPLATE_ACTION = /^[^"'#\n]*\{\{/m;

/** Kinds that configure a tool and are never applied to a cluster. */
const TOOL_CONFIG_GROUPS = ['kustomize.config.k8s.io/', 'config.kubernetes.io/', 'install.istio.io/'];

/**
 * Reads a repository as it is: one unreadable file does not hide the others
 * (it is listed in `unreadable`), `{{ }}` templates (Helm charts' templates/,
 * Go templates) are skipped until rendered, and documents that are not
 * Kubernetes objects (no apiVersion and kind, or kustomize configuration)
 * are skipped rather than checked as objects. A missing path still throws.
 */
export function loadManifests(paths: readonly string[]): ManifestLoad {
  const manifests: LoadedManifest[] = [];
  const skipped: SkippedManifests[] = [];
  const unreadable: ManifestReadError[] = [];
  const files = expandManifestPaths(paths);
  const patches = kustomizePatchFiles(files);
  for (const file of files) {
    if (patches.has(resolve(file))) {
      skipped.push({ file, reason: 'a kustomize patch (listed in its kustomization.yaml): check the output of kustomize build', mayHoldObjects: false });
      continue;
    }
    if (isHelmTemplate(file)) {
      skipped.push({ file, reason: 'a Helm chart template: render it first (helm template) and check the output', mayHoldObjects: true });
      continue;
    }
    const { manifests: read, error, template } = readFileManifests(file, true);
    if (template) {
      skipped.push({ file, reason: 'a {{ }} template, not YAML until rendered: render it and check the output', mayHoldObjects: true });
      continue;
    }
    if (error) {
      unreadable.push(error);
      continue;
    }
    const objects = read.filter((m) => isKubernetesObject(m.manifest));
    if (objects.length < read.length) {
      skipped.push({ file, reason: `${read.length - objects.length} document(s) not Kubernetes objects (no apiVersion and kind, tool configuration such as kustomization.yaml or IstioOperator, or a kustomize $patch)`, mayHoldObjects: false });
    }
    // One by one: a file of 300,000 objects is more arguments than a call may take.
    for (const object of objects) manifests.push(object);
  }
  return { manifests, skipped, unreadable };
}

/** Whether some files may hold objects that were not read (templates, unreadable files): references may resolve into them. */
export function isIncompleteLoad(load: ManifestLoad): boolean {
  return load.unreadable.length > 0 || load.skipped.some((s) => s.mayHoldObjects);
}

function isKubernetesObject(manifest: any): boolean {
  if (!manifest || typeof manifest !== 'object') return false;
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return false;
  if (isPatchFragment(manifest)) return false;
  // A tool's own configuration (a Flux plugin's `kind: Config`) has no metadata; Kubernetes' own (KubeProxyConfiguration) is checked.
  if (manifest.metadata === undefined && apiVersion.split('/')[0].includes('.') && !/(^|\.)k8s\.io\//.test(apiVersion)) return false;
  return !TOOL_CONFIG_GROUPS.some((group) => apiVersion.startsWith(group));
}

/** Whether a file sits in the templates/ folder of a Helm chart (a Chart.yaml beside that folder). */
function isHelmTemplate(file: string): boolean {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'templates' && existsSync(join(dirname(dir), 'Chart.yaml'))) return true;
  }
  return false;
}
