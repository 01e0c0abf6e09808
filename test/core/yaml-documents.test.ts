import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests, readManifests } from '../../lib';
import { documentTexts, MAX_ALIAS_EXPANSION } from '../../lib/core/yaml-documents';

/** The reader's chunk size (lib/core/yaml-documents.ts): documents that straddle it must come out whole. */
const CHUNK = 1024 * 1024;

describe('reading manifests document by document', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-docs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const configMap = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;
  const namesAndLines = (file: string) => readManifests([file]).map((m) => [m.manifest.metadata.name, m.line]);

  test('documents are cut at `---` and `...` lines only, never inside a value', () => {
    const file = write('a.yaml', [
      '# leading comment', configMap('one', 'data:\n  text: |\n    --- not a marker, indented\n    ...\n  inline: a --- b\n'),
      '--- # a marker with a comment', '', '# a comment before the content', configMap('two'),
      '...', '%YAML 1.2', '---', configMap('three'),
      '--- {apiVersion: v1, kind: ConfigMap, metadata: {name: four}}', '',
    ].join('\n'));
    expect(namesAndLines(file)).toEqual([['one', 2], ['two', 15], ['three', 23], ['four', 28]]);
    expect(readManifests([file])[0].manifest.data.text).toBe('--- not a marker, indented\n...\n');
  });

  test('CRLF line ends and a byte-order mark', () => {
    const file = write('crlf.yaml', `\uFEFF${configMap('one')}---\n${configMap('two')}`.replace(/\n/g, '\r\n'));
    expect(namesAndLines(file)).toEqual([['one', 1], ['two', 6]]);
  });

  test('a file larger than the read chunk: every document whole, on its own line, wherever the chunks end', () => {
    // A `---` line starting a few bytes before, at, or after the chunk's end, and a two-byte character cut by it.
    for (const shift of [-5, -4, -3, -2, -1, 0, 1, 2, 3]) {
      const head = `${configMap('head', 'data:\n  pad: "')}`;
      // The `---` line starts at byte CHUNK + shift; `é` (two bytes) ends 2 bytes before it.
      const padding = 'x'.repeat(CHUNK + shift - head.length - 4);
      const text = `${head}${padding}é"\n---\n${configMap('tail', 'data: {text: "déjà vu"}\n')}`;
      const file = write(`shift${shift}.yaml`, text);
      const read = readManifests([file]);
      expect(read.map((m) => [m.manifest.metadata.name, m.line])).toEqual([['head', 1], ['tail', 8]]);
      expect(read[0].manifest.data.pad).toBe(`${padding}é`);
      expect(read[1].manifest.data.text).toBe('déjà vu');
    }
  });

  test('a `...` line cut by the end of the chunk ends its document whole, comment included', () => {
    for (const shift of [-12, -6, -3, -1, 0, 1]) {
      const head = configMap('head', 'data:\n  pad: "');
      // The `...` line starts at byte CHUNK + shift and is 21 bytes long.
      const padding = 'x'.repeat(CHUNK + shift - head.length - 2);
      const file = write(`end${shift}.yaml`, `${head}${padding}"\n... # end of document\n${configMap('tail')}`);
      expect(namesAndLines(file)).toEqual([['head', 1], ['tail', 8]]);
    }
  });

  test('a modest repository in one file: 20,000 objects (about 2 MB, two chunks), each with its own line', () => {
    const docs = Array.from({ length: 20_000 }, (_, i) => `---\n${configMap(`cm-${i}`, `  namespace: ns-${i % 7}\ndata: {i: "${i}"}\n`)}`);
    const file = write('many.yaml', docs.join(''));
    const load = loadManifests([file]);
    // Each document is 7 lines; its content starts after its `---`.
    expect(load.manifests.map((m) => [m.manifest, m.line])).toEqual(docs.map((_, i) => [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: `ns-${i % 7}` }, data: { i: String(i) } }, 7 * i + 2,
    ]));
    expect([...documentTexts(file)].map((d) => d.text)).toEqual(docs);
  });

  test('values are read as the Kubernetes API reads them: timestamps and yes/no stay strings, merge keys merge', () => {
    const file = write('types.yaml', configMap('t', [
      '  creationTimestamp: 2024-01-02T03:04:05Z', '  labels: &base {tier: web, enabled: yes}', 'data:', '  <<: *base', '  port: "80"', '',
    ].join('\n')));
    const [m] = readManifests([file]);
    expect(m.manifest.metadata.creationTimestamp).toBe('2024-01-02T03:04:05Z');
    expect(m.manifest.data).toEqual({ tier: 'web', enabled: 'yes', port: '80' });
  });

  test('List items each report their own line: block, flow and JSON (kubectl get -o json)', () => {
    const block = write('block.yaml', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: a}\n-\n  apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n');
    expect(namesAndLines(block)).toEqual([['a', 4], ['b', 8]]);
    const flow = write('flow.yaml', 'apiVersion: v1\nkind: ServiceList\nitems: [\n  {apiVersion: v1, kind: Service, metadata: {name: a}},\n\n  {apiVersion: v1, kind: Service, metadata: {name: b}}]\n');
    expect(namesAndLines(flow)).toEqual([['a', 4], ['b', 6]]);
    const json = write('list.json', JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } },
    ] }, null, 2));
    expect(namesAndLines(json)).toEqual([['a', 5], ['b', 12]]);
  });

  test('a syntax error names the line in the file, not in its document', () => {
    const file = write('bad.yaml', `${configMap('ok')}---\n${configMap('bad', 'data: {a: [}\n')}`);
    expect(() => readManifests([file])).toThrow(/bad\.yaml:10: /);
    expect(() => readManifests([write('dup.yaml', `${configMap('a')}  name: b\n`)])).toThrow(/dup\.yaml:5: duplicated mapping key/);
  });

  test('an alias bomb is refused with its line; ordinary aliases are read', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = write('bomb.yaml', `${configMap('ok')}---\n${configMap('bomb', `data:\n  ${levels.join('\n  ')}\n`)}`);
    expect(() => readManifests([bomb])).toThrow(new RegExp(`bomb\\.yaml:6: aliases expand this document by \\d+ values, more than the ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} allowed`));
    const load = loadManifests([bomb]);
    expect(load.manifests).toEqual([]);
    expect(load.unreadable.map((e) => e.message)).toEqual([expect.stringMatching(/bomb\.yaml:6: aliases expand/)]);
    const shared = write('shared.yaml', configMap('s', 'data: &d {a: "1"}\nextra: [*d, *d, *d]\n'));
    expect(readManifests([shared])[0].manifest.extra).toEqual([{ a: '1' }, { a: '1' }, { a: '1' }]);
  });

  test('nesting deeper than 1,000 is refused with its line; 500 is read', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deep = write('deep.yaml', `${configMap('deep', `data:\n  x: ${nested(1001)}\n`)}`);
    expect(() => readManifests([deep])).toThrow(/deep\.yaml:6: nesting exceeded maxDepth \(1000\)/);
    const fine = write('fine.yaml', `${configMap('fine', `data:\n  x: ${nested(500)}\n`)}`);
    expect(readManifests([fine])).toHaveLength(1);
  });

  test('a binary file is refused as such, without a parse error', () => {
    const file = write('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(() => readManifests([file])).toThrow(/image\.yaml: not a text file: it holds NUL bytes/);
    expect(loadManifests([file]).unreadable.map((e) => e.message)).toEqual([expect.stringMatching(/image\.yaml: not a text file/)]);
  });

  test('a document that is not a mapping names its line', () => {
    const file = write('list.yaml', `${configMap('a')}---\n- just\n- a list\n`);
    expect(() => readManifests([file])).toThrow(/list\.yaml:6: a document is not a Kubernetes object/);
  });

  test('a template action after a syntax error still makes the file a template, not an unreadable file', () => {
    write('chart.yaml', `${configMap('x', 'data: {a: [}\n')}---\n${configMap('{{ .Values.name }}')}`);
    const load = loadManifests([dir]);
    expect(load.unreadable).toEqual([]);
    expect(load.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('a {{ }} template')]);
  });
});
