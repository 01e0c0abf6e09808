import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandManifestPaths, ManifestReadError, readManifests } from '../../lib';

describe('readManifests', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-read-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('several documents, anchors and aliases, Lists, empty documents, with file and line', () => {
    writeFileSync(join(dir, 'a.yaml'), [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: one, labels: &labels {app: web}}', 'data: *labels', '---', '---', '',
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: one}', '---',
      'apiVersion: v1', 'kind: List', 'items:', '  - {apiVersion: v1, kind: Secret, metadata: {name: s}}', '',
    ].join('\n'));
    const found = readManifests([join(dir, 'a.yaml')]);
    expect(found[0].manifest.data).toEqual({ app: 'web' });
    expect(found.map((m) => [m.manifest.kind, m.manifest.metadata.name, m.line])).toEqual([
      ['ConfigMap', 'one', 1], ['ConfigMap', 'one', 8], ['Secret', 's', 12],
    ]);
  });

  test('folders are read recursively, only .yaml/.yml/.json, sorted', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'b.yml'), 'kind: A\n');
    writeFileSync(join(dir, 'sub', 'a.json'), '{"kind": "B"}');
    writeFileSync(join(dir, 'ACCESS.md'), '# not a manifest');
    expect(expandManifestPaths([dir]).map((f) => f.slice(dir.length + 1))).toEqual(['b.yml', 'sub/a.json']);
  });

  test('a syntax error names the file and line', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    expect(() => readManifests([file])).toThrow(ManifestReadError);
    expect(() => readManifests([file])).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+: `));
  });

  test('a scalar document is not an object', () => {
    const file = join(dir, 'scalar.yaml');
    writeFileSync(file, 'kind: A\n---\njust text\n');
    expect(() => readManifests([file])).toThrow(/scalar\.yaml:3: a document is not a Kubernetes object/);
  });

  test('a missing path', () => {
    expect(() => readManifests([join(dir, 'nope')])).toThrow(/nope: no such file or folder/);
  });
});
