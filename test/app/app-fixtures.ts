import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, AppProps, Chart, YamlOutputType } from 'cdk8s';
import { NetkitApp, NetkitChart, WebApp } from '../../lib';
import { generatedHeader } from '../../lib/app/publish';
import { readTree } from '../helpers/synth-main';

export const ALL_OUTPUT_TYPES = [
  YamlOutputType.FILE_PER_APP,
  YamlOutputType.FILE_PER_CHART,
  YamlOutputType.FILE_PER_RESOURCE,
  YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE,
];

export interface ManyChartsOptions {
  /** Number of service charts. */
  readonly charts: number;
  /** Add chart and object dependencies across charts (gives indexed file names). */
  readonly dependencies: boolean;
}

/**
 * An app with one NetkitChart per service (a Namespace, a WebApp and its
 * Service), a shared cluster-scoped object, a chart with an integer-like id, a plain cdk8s Chart, a nested
 * chart and, optionally, dependencies across charts.
 */
export function buildManyCharts(app: App, options: ManyChartsOptions): void {
  const shared = new Chart(app, 'shared', { namespace: 'shared' });
  const ingressClass = new ApiObject(shared, 'IngressClass', {
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' },
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
  new ApiObject(shared, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared-config' }, data: { b: '2', a: '1' } });
  // An integer-like id: JavaScript orders such object keys first, and so does cdk8s.
  new ApiObject(new Chart(app, '42'), 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'answer' } });
  for (let i = 0; i < options.charts; i++) {
    const name = `svc-${i}`;
    const chart = new NetkitChart(app, name, { namespace: name });
    const web = new WebApp(chart, name, { image: `registry.example/${name}:1.${i}.0`, replicas: 3, port: 8080 });
    const service = web.expose(`${name}-service`, { name, port: 80 });
    if (options.dependencies && i % 3 === 0) chart.addDependency(shared);
    if (options.dependencies && i % 5 === 1) web.deployment.node.addDependency(ingressClass);
    if (options.dependencies && i % 7 === 2) web.node.addDependency(service);
    if (i % 10 === 4) {
      const nested = new Chart(chart, 'nested', { namespace: name });
      new ApiObject(nested, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${name}-nested` }, data: { key: 'value' } });
    }
  }
}

/** The first line NetkitApp gives every manifest file it writes (run from this repository, whose cdk8s.yaml runs main.ts). */
export const HEADER = generatedHeader('main.ts');

/**
 * Runs `build` against a fresh App (stock or NetkitApp) writing to a temp
 * folder; returns the files it wrote, NetkitApp's without their header.
 * The folder is `out/` in a temp folder, so NetkitApp's staging folder
 * (`.netkit/synth/` beside it) goes too.
 */
export function synthToTree(kind: 'stock' | 'netkit', props: AppProps, build: (app: App) => void): Record<string, string> {
  const parent = mkdtempSync(join(tmpdir(), `netkit-${kind}-`));
  const outdir = join(parent, 'out');
  try {
    // The fixtures hold cluster-scoped objects in app charts, as stock apps may.
    const app = kind === 'stock' ? new App({ ...props, outdir }) : new NetkitApp({ ...props, outdir, allowClusterWideObjects: true });
    build(app);
    app.synth();
    const tree = readTree(outdir);
    if (kind === 'stock') return tree;
    for (const [file, content] of Object.entries(tree)) {
      if (!file.endsWith('.json')) {
        expect(content.startsWith(HEADER)).toBe(true);
        tree[file] = content.slice(HEADER.length);
      }
    }
    return tree;
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
