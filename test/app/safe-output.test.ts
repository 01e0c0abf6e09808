import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject } from 'cdk8s';
import { enforcePolicies, NetkitApp, NetkitChart, SelfSignedTlsCertificate, TlsSecretOutput, WebApp } from '../../lib';
import { manifestWriter } from '../../lib/app/file-routing';
import { JOURNAL_FILE, transactionDirectory } from '../../lib/app/output-transaction';
import { mirrorForCdk8sCli, publishOutdir } from '../../lib/app/publish';
import { readTree } from '../helpers/synth-main';

// The real module object: lib/ calls its functions through it, so a spy here sees them (a namespace import's getters cannot be spied).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsModule: typeof import('node:fs') = require('node:fs');

let project: string;
beforeEach(() => { project = mkdtempSync(join(tmpdir(), 'netkit-safe-')); });
afterEach(() => rmSync(project, { recursive: true, force: true }));

interface Shape {
  /** Chart ids; each gets a namespace of its own name and one ConfigMap. */
  readonly charts: readonly string[];
  /** Self-signed certificates (their Secrets go to .netkit/secrets/<chart>/), in the first chart. */
  readonly certificates?: readonly string[];
  /** A Service selecting no pod: a policy error. */
  readonly broken?: boolean;
}

/** One run of an app of the given shape, publishing to <project>/dist. */
function build(shape: Shape): NetkitApp {
  const app = new NetkitApp({ outdir: join(project, 'dist'), kustomization: true, trafficMap: true });
  for (const id of shape.charts) {
    const chart = new NetkitChart(app, id, { namespace: id });
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${id}-config` }, data: { chart: id } });
  }
  const first = app.node.findChild(shape.charts[0]) as NetkitChart;
  for (const name of shape.certificates ?? []) {
    new SelfSignedTlsCertificate(first, name, {
      dnsNames: [`${name}.example.com`], keyPairDirectory: join(project, '.netkit', 'tls'), secretOutput: TlsSecretOutput.localFile(),
    });
  }
  if (shape.broken) {
    new WebApp(first, 'web', { image: 'registry.example/web:1.0.0', port: 8080 });
    new ApiObject(first, 'typo', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'nobody' }, ports: [{ port: 80, targetPort: 8080 }] },
    });
  }
  enforcePolicies(app);
  return app;
}

const published = () => {
  const out: Record<string, string> = {};
  for (const folder of ['dist', 'dist-traffic', join('.netkit', 'secrets')]) {
    if (!existsSync(join(project, folder))) continue;
    for (const [file, content] of Object.entries(readTree(join(project, folder)))) out[`${folder}/${file}`] = content;
  }
  return out;
};

describe('a failed synth leaves the last good output exactly as it was', () => {
  test('a policy error: dist/, dist-traffic/ and .netkit/secrets/ keep every byte, nothing is staged', () => {
    build({ charts: ['alpha', 'beta'], certificates: ['web-tls'] }).synth();
    const before = published();
    expect(Object.keys(before)).toEqual(expect.arrayContaining([
      'dist/alpha.k8s.yaml', 'dist/beta.k8s.yaml', 'dist/Kustomization', 'dist/ACCESS.md', 'dist-traffic/access.json', '.netkit/secrets/alpha/web-tls.yaml',
    ]));
    // A run that fails: one chart removed, one certificate added, a Service selecting no pod.
    const failing = build({ charts: ['alpha'], certificates: ['web-tls', 'api-tls'], broken: true });
    expect(() => failing.synth()).toThrow(/svc-selector-matches-pod/);
    expect(published()).toEqual(before);
    expect(existsSync(join(transactionDirectory(join(project, 'dist')), 'new'))).toBe(false);
  });

  test('a write that fails half-way (disk full): everything published stays, the next run cleans the staged files', () => {
    build({ charts: ['alpha', 'beta'] }).synth();
    const before = published();
    const write = jest.spyOn(manifestWriter, 'write');
    write.mockImplementationOnce(manifestWriter.write).mockImplementationOnce(() => { throw new Error('ENOSPC: no space left on device'); });
    try {
      expect(() => build({ charts: ['alpha', 'beta', 'gamma'] }).synth()).toThrow(/ENOSPC/);
    } finally {
      write.mockRestore();
    }
    expect(published()).toEqual(before);
    build({ charts: ['alpha', 'gamma'] }).synth();
    expect(Object.keys(published()).filter((f) => f.endsWith('.k8s.yaml'))).toEqual(['dist/alpha.k8s.yaml', 'dist/gamma.k8s.yaml']);
  });
});

describe('a good synth replaces the output completely', () => {
  test('files of removed charts, the Secret of a removed certificate and their Kustomization entries are pruned', () => {
    build({ charts: ['alpha', 'beta'], certificates: ['web-tls', 'old-tls'] }).synth();
    build({ charts: ['alpha'], certificates: ['web-tls'] }).synth();
    const files = published();
    expect(Object.keys(files).sort()).toEqual([
      '.netkit/secrets/alpha/web-tls.yaml', 'dist-traffic/access.json', 'dist/ACCESS.md', 'dist/Kustomization', 'dist/alpha.k8s.yaml',
    ]);
    expect(files['dist/Kustomization']).not.toContain('beta.k8s.yaml');
    // The Secret stays readable by its owner only.
    expect(statSync(join(project, '.netkit/secrets/alpha/web-tls.yaml')).mode & 0o777).toBe(0o600);
  });

  test('a folder the last publish wrote and this one does not (the last certificate removed) is removed', () => {
    build({ charts: ['alpha'], certificates: ['web-tls'] }).synth();
    expect(existsSync(join(project, '.netkit/secrets'))).toBe(true);
    build({ charts: ['alpha'] }).synth();
    expect(existsSync(join(project, '.netkit/secrets'))).toBe(false);
  });

  test('a copy of the project (its .netkit/ included) prunes in the copy, never in the original', () => {
    build({ charts: ['alpha', 'beta'], certificates: ['web-tls'] }).synth();
    const original = project;
    const before = published();
    const copy = mkdtempSync(join(tmpdir(), 'netkit-safe-copy-'));
    try {
      fsModule.cpSync(original, copy, { recursive: true });
      project = copy;
      build({ charts: ['alpha'] }).synth();
      expect(Object.keys(published()).filter((f) => f.endsWith('.yaml'))).toEqual(['dist/alpha.k8s.yaml']);
    } finally {
      project = original;
      rmSync(copy, { recursive: true, force: true });
    }
    expect(published()).toEqual(before);
  });

  test('a folder nothing of this app ever published is left alone', () => {
    fsModule.mkdirSync(join(project, 'cluster-addons'));
    fsModule.writeFileSync(join(project, 'cluster-addons', 'mine.yaml'), 'kind: ConfigMap\n');
    build({ charts: ['alpha'] }).synth();
    expect(readdirSync(join(project, 'cluster-addons'))).toEqual(['mine.yaml']);
  });
});

describe('a process killed mid-swap is repaired by the next run', () => {
  test.each([1, 2, 3])('killed after %i rename(s) of the swap: the next NetkitApp finishes it, the new generation complete', (renames) => {
    build({ charts: ['alpha', 'beta'], certificates: ['web-tls'] }).synth();
    const dist = join(project, 'dist');
    const realRename = fsModule.renameSync;
    const rename = jest.spyOn(fsModule, 'renameSync');
    let swapRenames = 0;
    rename.mockImplementation((from, to) => {
      // Renames of the journal or of a single file are the atomic writes; the swap moves folders.
      if (String(from).endsWith('.tmp')) return realRename(from, to);
      if (++swapRenames > renames) throw new Error('killed');
      return realRename(from, to);
    });
    try {
      expect(() => build({ charts: ['alpha', 'gamma'], certificates: ['api-tls'] }).synth()).toThrow('killed');
    } finally {
      rename.mockRestore();
    }
    expect(existsSync(join(transactionDirectory(dist), JOURNAL_FILE))).toBe(true);
    // The next run, even one that then fails, first completes the swap.
    const next = build({ charts: ['alpha'], broken: true });
    expect(existsSync(join(transactionDirectory(dist), JOURNAL_FILE))).toBe(false);
    expect(() => next.synth()).toThrow(/svc-selector-matches-pod/);
    const files = published();
    expect(Object.keys(files).filter((f) => f.endsWith('.yaml')).sort()).toEqual(['.netkit/secrets/alpha/api-tls.yaml', 'dist/alpha.k8s.yaml', 'dist/gamma.k8s.yaml']);
    expect(files['dist/Kustomization']).toContain('gamma.k8s.yaml');
    expect(existsSync(join(transactionDirectory(dist), 'old'))).toBe(false);
  });
});

describe('with the cdk8s CLI', () => {
  test('output: .netkit/dist in cdk8s.yaml publishes to dist/; an explicit outdir wins; any other folder is used as given', () => {
    expect(publishOutdir(undefined, '.netkit/dist')).toBe('dist');
    expect(publishOutdir(undefined, '/work/app/.netkit/manifests')).toBe('/work/app/manifests');
    expect(publishOutdir(undefined, 'dist')).toBe('dist');
    expect(publishOutdir(undefined, undefined)).toBe('dist');
    expect(publishOutdir('out', '.netkit/dist')).toBe('out');
  });

  test("the CLI's own output folder gets the published manifests, so it lists them and its validation plugins read them", () => {
    build({ charts: ['alpha'] }).synth();
    const cliFolder = join(project, '.netkit', 'dist');
    mirrorForCdk8sCli(join(project, 'dist'), cliFolder);
    expect(readdirSync(cliFolder)).toEqual(['alpha.k8s.yaml']);
    expect(readFileSync(join(cliFolder, 'alpha.k8s.yaml'), 'utf8')).toBe(readFileSync(join(project, 'dist', 'alpha.k8s.yaml'), 'utf8'));
  });
});
