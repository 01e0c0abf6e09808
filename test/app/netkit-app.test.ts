import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ApiObject, App, Chart, DependencyGraph, Testing, Yaml, YamlOutputType } from 'cdk8s';
import { manifestWriter } from '../../lib/app/file-routing';
import { dependencyOrder } from '../../lib/app/topology';
import { readManifests } from '../../lib/core/manifest-files';
import { checkPolicies, enforcePolicies, ExposedService, NetkitApp, NetkitChart, synthesizedObjects, WebApp } from '../../lib';
import { ALL_OUTPUT_TYPES, buildManyCharts, synthToTree } from './app-fixtures';

/**
 * What NetkitApp writes given what a stock App writes: the same, except that
 * with FOLDER_PER_CHART_FILE_PER_RESOURCE (where cdk8s skips chart.toJson)
 * the Namespaces of NetkitCharts lose the namespace cdk8s stamps on them.
 */
function expectedFromStock(layout: YamlOutputType, file: string, content: string): string {
  if (layout !== YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE || !/\/Namespace\.svc-\d+\.k8s\.yaml$/.test(file)) return content;
  return content.replace(/\n  namespace: svc-\d+\n/, '\n');
}

describe('NetkitApp writes exactly what a stock cdk8s App writes', () => {
  for (const yamlOutputType of ALL_OUTPUT_TYPES) {
    for (const dependencies of [false, true]) {
      test(`${YamlOutputType[yamlOutputType]}, ${dependencies ? 'with' : 'without'} chart dependencies`, () => {
        const build = (app: App) => buildManyCharts(app, { charts: 40, dependencies });
        const stock = synthToTree('stock', { yamlOutputType }, build);
        const ours = synthToTree('netkit', { yamlOutputType }, build);
        expect(Object.values(ours).join('')).toContain('name: svc-39\n  namespace: svc-39');
        expect(Object.keys(ours)).toEqual(Object.keys(stock));
        for (const file of Object.keys(stock)) {
          expect({ file, content: ours[file] }).toEqual({ file, content: expectedFromStock(yamlOutputType, file, stock[file]) });
        }
      });
    }
  }

  test('chart dependencies give indexed file names, in dependency order', () => {
    const files = Object.keys(synthToTree('netkit', {}, (app) => buildManyCharts(app, { charts: 4, dependencies: true })));
    expect(files.slice(0, 2)).toEqual(['0000-42.k8s.yaml', '0001-shared.k8s.yaml']);
    expect(files).toContain('0005-svc-3.k8s.yaml');
    expect(files.every((f) => /^\d{4}-/.test(f))).toBe(true);
  });

  test('recordConstructMetadata writes the same construct-metadata.json', () => {
    const build = (app: App) => buildManyCharts(app, { charts: 5, dependencies: true });
    const stock = synthToTree('stock', { recordConstructMetadata: true }, build);
    const ours = synthToTree('netkit', { recordConstructMetadata: true }, build);
    expect(ours['construct-metadata.json']).toContain('"svc-4-nested":{"path":"svc-4/nested/ConfigMap"}');
    expect(ours).toEqual(stock);
  });

  test('a custom file extension is kept', () => {
    const ours = synthToTree('netkit', { outputFileExtension: '.yaml' }, (app) => buildManyCharts(app, { charts: 2, dependencies: false }));
    expect(Object.keys(ours)).toEqual(['42.yaml', 'shared.yaml', 'svc-0.yaml', 'svc-1.yaml']);
  });

  test('synthYaml gives the same string as the stock App', () => {
    const stock = new App({ outdir: 'unused' });
    const ours = new NetkitApp({ outdir: 'unused', allowClusterWideObjects: true });
    buildManyCharts(stock, { charts: 12, dependencies: true });
    buildManyCharts(ours, { charts: 12, dependencies: true });
    const yaml = ours.synthYaml();
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).toEqual(stock.synthYaml());
  });
});

describe('cluster-scoped objects in a NetkitChart', () => {
  test('carry no namespace with FOLDER_PER_CHART_FILE_PER_RESOURCE either (a stock App leaves it there)', () => {
    const layout = { yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE };
    const build = (app: App) => buildManyCharts(app, { charts: 1, dependencies: false });
    const stock = synthToTree('stock', layout, build);
    const ours = synthToTree('netkit', layout, build);
    expect(stock['svc-0/Namespace.svc-0.k8s.yaml']).toContain('  namespace: svc-0\n');
    expect(ours['svc-0/Namespace.svc-0.k8s.yaml']).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    app.kubernetes.io/managed-by: cdk8s-netkit\n    pod-security.kubernetes.io/audit: baseline\n    pod-security.kubernetes.io/audit-version: v1.35\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.35\n    pod-security.kubernetes.io/warn: baseline\n    pod-security.kubernetes.io/warn-version: v1.35\n  name: svc-0\n');
    // Objects of a plain Chart are written as cdk8s writes them.
    expect(ours['shared/IngressClass.nginx.k8s.yaml']).toBe(stock['shared/IngressClass.nginx.k8s.yaml']);
  });

  test('the Namespace carries no namespace, the namespaced objects do', () => {
    const files = synthToTree('netkit', {}, (app) => buildManyCharts(app, { charts: 1, dependencies: false }));
    const svc = files['svc-0.k8s.yaml'];
    expect(svc).toMatch(/^apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    app.kubernetes.io\/managed-by: cdk8s-netkit\n    pod-security\.kubernetes\.io\/audit: baseline\n    pod-security\.kubernetes\.io\/audit-version: v1\.35\n    pod-security\.kubernetes\.io\/enforce: baseline\n    pod-security\.kubernetes\.io\/enforce-version: v1\.35\n    pod-security\.kubernetes\.io\/warn: baseline\n    pod-security\.kubernetes\.io\/warn-version: v1\.35\n  name: svc-0\n---\n/);
    expect(svc).toContain('kind: Deployment\nmetadata:\n  labels:');
    expect(svc).toContain('  name: svc-0\n  namespace: svc-0\nspec:');
  });
});

describe('validation', () => {
  function failingApp(app: App): void {
    for (let i = 0; i < 3; i++) {
      const chart = new NetkitChart(app, `team-${i}`, { namespace: `team-${i}` });
      new WebApp(chart, `web-${i}`, { image: 'nginx:1.27.3', port: 8080 });
    }
    Chart.of(app.node.findChild('team-2')).node.addValidation({ validate: () => ['the tenant quota is exceeded'] });
  }

  test('an error throws before anything is written, with the same message as stock cdk8s', () => {
    const messages: string[] = [];
    for (const kind of ['stock', 'netkit'] as const) {
      const outdir = mkdtempSync(join(tmpdir(), 'netkit-invalid-'));
      try {
        const app = kind === 'stock' ? new App({ outdir }) : new NetkitApp({ outdir });
        failingApp(app);
        expect(() => app.synth()).toThrow(/\[team-2\] the tenant quota is exceeded/);
        try { app.synth(); } catch (e) { messages.push((e as Error).message); }
        expect(readdirSync(outdir)).toEqual([]);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    }
    expect(messages[1]).toEqual(messages[0]);
  });

  test('validations run once per synth, not once per chart', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-count-'));
    try {
      const app = new NetkitApp({ outdir });
      let runs = 0;
      for (let i = 0; i < 20; i++) {
        const chart = new NetkitChart(app, `c-${i}`, { namespace: `c-${i}` });
        new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` } });
      }
      app.node.addValidation({ validate: () => { runs++; return []; } });
      app.synth();
      // once, before anything is written; stock runs them once more per chart (21 times).
      expect(runs).toBe(1);
      expect(existsSync(join(outdir, 'c-19.k8s.yaml'))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('charts of other apps, and Testing.synth, keep the stock behaviour during and after a synth', () => {
    const stockInternal = (App as any)._synthChart;
    const app = new NetkitApp({ outdir: mkdtempSync(join(tmpdir(), 'netkit-restore-')) });
    const chart = new Chart(app, 'only');
    chart.node.addValidation({ validate: () => ['broken'] });
    expect(() => app.synth()).toThrow(/broken/);
    expect((App as any)._synthChart).toBe(stockInternal);
    rmSync(app.outdir, { recursive: true, force: true });

    const other = Testing.chart();
    new ApiObject(other, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    expect(Testing.synth(other)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }]);
  });
});

describe('dependencyOrder', () => {
  test('equals the cdk8s DependencyGraph topology, with and without dependencies, integer-like ids included', () => {
    for (const dependencies of [false, true]) {
      const app = new App({ outdir: 'unused' });
      buildManyCharts(app, { charts: 15, dependencies });
      // Array indexes sort first, numerically; look-alikes keep their place.
      for (const id of ['43', '7', '0', '007', '-1', '1e3', '4294967294', '4294967295', '12345678901']) new Chart(app, id);
      new ApiObject(new Chart(app, '99'), '5', { apiVersion: 'v1', kind: 'ConfigMap' });
      expect(dependencyOrder(app).map((c) => c.node.path)).toEqual(new DependencyGraph(app.node).topology().map((c) => c.node.path));
      expect(new NetkitApp().charts).toEqual([]);
    }
  });

  test('charts of a NetkitApp come in the same order as a stock App, integer-like ids first', () => {
    const stock = new App({ outdir: 'unused' });
    const ours = new NetkitApp({ outdir: 'unused', allowClusterWideObjects: true });
    for (const app of [stock, ours]) {
      for (const id of ['b', '10', 'a', '2']) new Chart(app, id);
    }
    expect(ours.charts.map((c) => c.node.id)).toEqual(['2', '10', 'b', 'a']);
    expect(ours.charts.map((c) => c.node.id)).toEqual(stock.charts.map((c) => c.node.id));
  });
});

describe('one serialization per synth', () => {
  test('validations reading synthesizedObjects and the written files share one toJson per object, and get the same JSON', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-once-'));
    try {
      const app = new NetkitApp({ outdir, allowClusterWideObjects: true });
      buildManyCharts(app, { charts: 3, dependencies: false });
      const calls = new Map<string, number>();
      for (const c of app.node.findAll()) {
        if (!(c instanceof ApiObject)) continue;
        const original = c.toJson.bind(c);
        c.toJson = () => { calls.set(c.node.path, (calls.get(c.node.path) ?? 0) + 1); return original(); };
      }
      let seen: any[] = [];
      app.node.addValidation({ validate: () => { seen = synthesizedObjects(app).map((o) => o.manifest); return []; } });
      app.synth();
      expect(calls.size).toBeGreaterThan(10);
      expect([...new Set(calls.values())]).toEqual([1]);
      // The policy view of a cluster-scoped object has no namespace; the namespaced ones are the written JSON.
      const namespace = seen.find((m) => m.kind === 'Namespace' && m.metadata.name === 'svc-0');
      expect(namespace.metadata.namespace).toBeUndefined();
      expect(readFileSync(join(outdir, 'svc-0.k8s.yaml'), 'utf8')).toContain('kind: Namespace');
      // Outside a synth nothing is cached: toJson runs again.
      synthesizedObjects(app);
      expect([...new Set(calls.values())]).toEqual([2]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a written chart gives its JSON up: asked again in the same synth, it renders the same JSON anew', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-taken-'));
    try {
      const app = new NetkitApp({ outdir });
      const pairs: Array<[any[], any[]]> = [];
      class TwiceChart extends NetkitChart {
        public toJson(): any[] {
          const first = super.toJson();
          pairs.push([first, super.toJson()]);
          return first;
        }
      }
      const chart = new TwiceChart(app, 'twice', { namespace: 'twice' });
      new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });
      app.node.addValidation({ validate: () => { synthesizedObjects(app); return []; } });
      app.synth();
      expect(pairs).toHaveLength(1);
      const [first, second] = pairs[0];
      expect(second).toEqual(first);
      expect(second.map((o) => o.kind)).toEqual(['Namespace', 'Deployment', 'PodDisruptionBudget']);
      // Not the objects the write used (those were handed over), so a caller may change either.
      second.forEach((o, i) => expect(o).not.toBe(first[i]));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('write order with one file per chart', () => {
  /** The files a synth writes, in the order it writes them, and their contents. */
  function writes(build: (app: NetkitApp) => void, props: { recordConstructMetadata?: boolean } = {}) {
    const parent = mkdtempSync(join(tmpdir(), 'netkit-order-'));
    const outdir = join(parent, 'out');
    // NetkitApp writes each file itself (with its header), into a staging folder, then swaps it in.
    const save = jest.spyOn(manifestWriter, 'write');
    try {
      const app = new NetkitApp({ outdir, ...props });
      build(app);
      // A validation reading synthesizedObjects (as enforcePolicies does) leaves the JSON that sizes the charts.
      app.node.addValidation({ validate: () => { synthesizedObjects(app); return []; } });
      app.synth();
      // Outside the synth, charts come in the stock order.
      expect(app.charts).toEqual(dependencyOrder(app).filter((c) => c instanceof Chart));
      return save.mock.calls.map(([file]) => basename(String(file))).filter((f) => f.endsWith('.k8s.yaml'));
    } finally {
      save.mockRestore();
      rmSync(parent, { recursive: true, force: true });
    }
  }
  function bigChartFirst(app: NetkitApp) {
    const big = new NetkitChart(app, 'big', { namespace: 'big' });
    for (let i = 0; i < 20; i++) new ApiObject(big, `cm-${i}`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}` }, data: { a: 'b' } });
    for (const id of ['small-a', 'small-b']) new ApiObject(new NetkitChart(app, id), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id } });
  }

  test('small charts are written before large ones, the files being those of a stock App', () => {
    expect(writes(bigChartFirst)).toEqual(['small-a.k8s.yaml', 'small-b.k8s.yaml', 'big.k8s.yaml']);
    const stock = synthToTree('stock', {}, bigChartFirst as (app: App) => void);
    const ours = synthToTree('netkit', {}, bigChartFirst as (app: App) => void);
    expect(ours).toEqual(stock);
  });

  test("a file's documents are serialized smallest first and written in their order; Yaml.stringify is restored", () => {
    const build = (app: App) => {
      const chart = new NetkitChart(app, 'apps', { namespace: 'apps' });
      const data = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key-${i}`, `value-${i}`]));
      new ApiObject(chart, 'big', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data });
      for (const name of ['small-a', 'small-b']) new ApiObject(chart, name, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    };
    const stockStringify = Yaml.stringify;
    const stringify = jest.spyOn(Yaml, 'stringify');
    try {
      const ours = synthToTree('netkit', {}, build);
      // One call per document, by size: the bare ConfigMaps, the Namespace (it has labels), the big one.
      expect(stringify.mock.calls.map((args) => args.map((doc) => doc.metadata.name))).toEqual([['small-a'], ['small-b'], ['apps'], ['big']]);
      expect(ours).toEqual(synthToTree('stock', {}, build));
      expect(ours['apps.k8s.yaml'].indexOf('name: big')).toBeLessThan(ours['apps.k8s.yaml'].indexOf('name: small-a'));
    } finally {
      stringify.mockRestore();
    }
    expect(Yaml.stringify).toBe(stockStringify);
    const failing = new NetkitApp({ outdir: mkdtempSync(join(tmpdir(), 'netkit-fail-')) });
    build(failing);
    failing.node.addValidation({ validate: () => ['broken'] });
    expect(() => failing.synth()).toThrow(/broken/);
    expect(Yaml.stringify).toBe(stockStringify);
  });

  test('the stock order is kept where it shows: chart dependencies, construct metadata', () => {
    const stockOrder = ['big.k8s.yaml', 'small-a.k8s.yaml', 'small-b.k8s.yaml'];
    expect(writes((app) => { bigChartFirst(app); app.node.findChild('small-a').node.addDependency(app.node.findChild('small-b')); }))
      .toEqual(['0000-big.k8s.yaml', '0001-small-b.k8s.yaml', '0002-small-a.k8s.yaml']);
    expect(writes(bigChartFirst, { recordConstructMetadata: true })).toEqual(stockOrder);
    expect(writes((app) => { bigChartFirst(app); new NetkitChart(new NetkitChart(app, 'outer'), 'inner'); }))
      .toEqual(['0000-big.k8s.yaml', '0001-small-a.k8s.yaml', '0002-small-b.k8s.yaml', '0003-outer-inner-c841ea9b.k8s.yaml', '0004-outer.k8s.yaml']);
  });
});

describe('policy checks give the same findings under NetkitApp and a stock App', () => {
  const build = (broken: boolean) => (app: App) => {
    buildManyCharts(app, { charts: 12, dependencies: true });
    if (broken) {
      // A Service selecting nothing and a duplicate nodePort: real findings to compare.
      const chart = new NetkitChart(app, 'broken', { namespace: 'broken' });
      ExposedService.nodePort(chart, 'typo', { selector: { app: 'nginxx' }, ports: [{ port: 80, nodePort: 30080 }] });
      ExposedService.nodePort(chart, 'twin', { selector: { app: 'nginxx' }, ports: [{ port: 80, nodePort: 30080 }] });
    }
  };

  test.each([false, true])('broken: %s', (broken) => {
    const stock = new App({ outdir: '/tmp/netkit-unused' });
    const ours = new NetkitApp({ outdir: '/tmp/netkit-unused', allowClusterWideObjects: true });
    build(broken)(stock);
    build(broken)(ours);
    const stockFindings = checkPolicies(stock);
    expect(checkPolicies(ours)).toEqual(stockFindings);
    const rules = new Set(stockFindings.map((f) => f.rule));
    expect(rules.has('svc-selector-matches-pod') && rules.has('svc-nodeport-unique')).toBe(broken);
    // The same findings from the files a stock App writes (rendered by cdk8s' own toJson), read back.
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-stock-files-'));
    try {
      const written = new App({ outdir });
      build(broken)(written);
      written.synth();
      const fromFiles = checkPolicies(readManifests([outdir]).map((m) => m.manifest));
      const withoutOrigin = (findings: ReturnType<typeof checkPolicies>) => findings.map(({ constructPath, file, line, ...rest }) => rest);
      expect(withoutOrigin(checkPolicies(ours))).toEqual(withoutOrigin(fromFiles));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    // And enforced at synth, both fail (or pass) with the same report.
    enforcePolicies(stock);
    enforcePolicies(ours);
    const outcome = (app: App) => { try { app.synthYaml(); return 'ok'; } catch (e) { return (e as Error).message; } };
    expect(outcome(ours)).toEqual(outcome(stock));
  });
});
