import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'cdk8s';
import { ACCESS_JSON_FILE, ACCESS_MARKDOWN_FILE, accessJsonPath, ExposedService, NetkitChart, renderJson, renderMarkdown, writeTrafficMap } from '../../lib';

describe('writeTrafficMap', () => {
  let dir: string;
  let app: App;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-write-'));
    app = new App({ outdir: dir });
    const chart = new NetkitChart(app, 'web', { namespace: 'web' });
    ExposedService.externalName(chart, 'search', { externalName: 'www.baidu.com' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes ACCESS.md beside the manifests and access.json in a sibling folder, and returns the map', () => {
    const outdir = join(dir, 'dist');
    const written = writeTrafficMap(app, outdir);
    expect(ACCESS_MARKDOWN_FILE).toBe('ACCESS.md');
    expect(ACCESS_JSON_FILE).toBe('access.json');
    expect(written.files).toEqual([join(outdir, 'ACCESS.md'), join(dir, 'dist-traffic', 'access.json')]);
    expect(readFileSync(join(outdir, 'ACCESS.md'), 'utf8')).toBe(renderMarkdown(written.map));
    expect(readFileSync(join(dir, 'dist-traffic', 'access.json'), 'utf8')).toBe(renderJson(written.map));
    expect(written.map.services[0]).toMatchObject({ name: 'search', namespace: 'web', external: { cname: 'CNAME www.baidu.com' } });
  });

  test('in a Helm chart\'s templates/ folder, writes to the chart root instead', () => {
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\n');
    mkdirSync(join(dir, 'templates'));
    const written = writeTrafficMap(app, join(dir, 'templates'));
    expect(written.files).toEqual([join(dir, 'ACCESS.md'), join(dir, 'access.json')]);
  });

  test('a folder named templates without Chart.yaml is an ordinary output folder', () => {
    const templates = join(dir, 'templates');
    expect(writeTrafficMap(app, templates).files).toEqual([join(templates, 'ACCESS.md'), join(dir, 'templates-traffic', 'access.json')]);
  });

  test('a relative output folder: the JSON goes beside it, resolved from the working directory', () => {
    expect(accessJsonPath('dist')).toBe(join(process.cwd(), 'dist-traffic', 'access.json'));
    expect(accessJsonPath('out/k8s/')).toBe(join(process.cwd(), 'out', 'k8s-traffic', 'access.json'));
  });

  test('the cluster domain option reaches the written names', () => {
    const outdir = join(dir, 'dist');
    writeTrafficMap(app, outdir, { clusterDomain: 'corp.internal' });
    expect(readFileSync(join(outdir, 'ACCESS.md'), 'utf8')).toContain('`search.web.svc.corp.internal`');
  });
});
