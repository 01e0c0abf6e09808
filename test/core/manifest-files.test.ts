import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandManifestPaths, loadManifests, ManifestReadError, readManifests } from '../../lib';

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
      'apiVersion: v1', 'kind: List', 'items:', '  - {apiVersion: v1, kind: Secret, metadata: {name: s}}',
      '  - apiVersion: v1', '    kind: Secret', '    metadata: {name: t}', '',
    ].join('\n'));
    const found = readManifests([join(dir, 'a.yaml')]);
    expect(found[0].manifest.data).toEqual({ app: 'web' });
    // Each item of a List reports its own line, not the List's.
    expect(found.map((m) => [m.manifest.kind, m.manifest.metadata.name, m.line])).toEqual([
      ['ConfigMap', 'one', 1], ['ConfigMap', 'one', 8], ['Secret', 's', 15], ['Secret', 't', 16],
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

describe('loadManifests: a repository as it is', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-load-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: default}\n`;

  test('non-Kubernetes YAML (kustomization.yaml, Chart.yaml, values.yaml, app config) is skipped, not checked as objects', () => {
    writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml]\n');
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: shop\nversion: 1.0.0\n');
    writeFileSync(join(dir, 'values.yaml'), 'replicaCount: 2\nimage: {repository: nginx}\n');
    writeFileSync(join(dir, 'app.yaml'), configMap('app'));
    const load = loadManifests([dir]);
    expect(load.manifests.map((m) => m.manifest.metadata.name)).toEqual(['app']);
    expect(load.skipped.map((s) => s.file.slice(dir.length + 1)).sort()).toEqual(['Chart.yaml', 'kustomization.yaml', 'values.yaml']);
    expect(load.unreadable).toEqual([]);
  });

  test('a {{ }} template is skipped and one unreadable file does not blank the folder', () => {
    mkdirSync(join(dir, 'chart', 'templates'), { recursive: true });
    writeFileSync(join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 1.0.0\n');
    writeFileSync(join(dir, 'chart', 'templates', 'svc.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n');
    writeFileSync(join(dir, 'go-template.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{- if .Values.on }}\ndata: {a: b}\n{{- end }}\n');
    writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n');
    writeFileSync(join(dir, 'ok.yaml'), configMap('ok'));
    // A valid YAML file whose strings hold {{ }} (alert templates) is an ordinary manifest.
    writeFileSync(join(dir, 'alerts.yaml'), `${configMap('alerts')}data: {summary: "{{ $labels.instance }} is down"}\n`);
    const load = loadManifests([dir]);
    expect(load.manifests.map((m) => m.manifest.metadata.name).sort()).toEqual(['alerts', 'ok']);
    expect(load.skipped.map((s) => s.file.slice(dir.length + 1)).sort()).toEqual(['chart/Chart.yaml', 'chart/templates/svc.yaml', 'go-template.yaml']);
    expect(load.unreadable.map((e) => e.file.slice(dir.length + 1))).toEqual(['broken.yaml']);
    expect(load.unreadable[0].message).toMatch(/broken\.yaml:\d+: /);
  });

  test('a missing path still throws', () => {
    expect(() => loadManifests([join(dir, 'nope')])).toThrow(/nope: no such file or folder/);
  });
});
