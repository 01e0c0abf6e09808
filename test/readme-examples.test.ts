import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { App } from 'cdk8s';

// Every ```ts block in README.md and in every docs/*.md page must run: a feature shown there works.
// Blocks share nothing; names a block uses without declaring (`app`, `dev`, `web`, …) come
// from a small prelude, the way the reader has them from earlier blocks. A block preceded by
// `<!-- readme-test: skip (reason) -->` is not run (e.g. it reads a file from the reader's cluster).
const ROOT = join(__dirname, '..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const blocks = PAGES.flatMap((page) => [...readFileSync(join(ROOT, page), 'utf8').matchAll(/(<!-- readme-test: skip[^>]*-->\s*)?```ts\n([\s\S]*?)```/g)]
  .map((m, i) => ({ page, index: i + 1, skip: Boolean(m[1]), code: m[2] })));

const PRELUDE: Array<{ name: string; needs: string[]; code: string }> = [
  { name: 'app', needs: [], code: 'const app = new cdk8s_1.App();' },
  { name: 'dev', needs: ['app'], code: 'const dev = new netkit_1.NetkitChart(app, "dev", { namespace: "dev" });' },
  { name: 'defaults', needs: ['app'], code: 'const defaults = new netkit_1.NetkitChart(app, "default", { namespace: "default" });' },
  { name: 'cluster', needs: ['app'], code: 'const cluster = new netkit_1.NetkitChart(app, "cluster");' },
  { name: 'web', needs: ['dev'], code: 'const web = new netkit_1.WebApp(dev, "web-app", { image: "nginx:1.17.2", port: 80 });' },
];

const exportedNames = (m: object) => Object.keys(m).filter((k) => /^[A-Z][\w$]*$/.test(k));
const MODULES: Record<string, string[]> = {
  'cdk8s': exportedNames(require('cdk8s')),
  'cdk8s-netkit': exportedNames(require('../lib')),
};

function withPrelude(block: string): string {
  const declared = (name: string) => new RegExp(`(const|let|class)\\s+${name}\\b`).test(block);
  const needed = new Set<string>();
  const need = (name: string) => {
    if (declared(name) || needed.has(name)) return;
    needed.add(name);
    PRELUDE.find((p) => p.name === name)!.needs.forEach(need);
  };
  // Identifiers only: a chart id such as 'cluster' in quotes is not a use of `cluster`.
  const code = block.replace(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g, "''").replace(/\/\/.*$/gm, '');
  for (const p of PRELUDE) if (new RegExp(`\\b${p.name}\\b`).test(code)) need(p.name);
  const lines = block.split('\n');
  const imported = new Set(lines.filter((l) => /^import /.test(l)).flatMap((l) => l.match(/\b[A-Za-z_$][\w$]*\b/g) ?? []));
  // Names a continuation block uses without importing them, as if imported from their package.
  const implicit = Object.entries(MODULES).flatMap(([id, names]) => {
    const used = names.filter((n) => !imported.has(n) && !declared(n) && new RegExp(`\\b${n}\\b`).test(block));
    return used.length > 0 ? [`const { ${used.join(', ')} } = require('${id}');`] : [];
  });
  const prelude = [
    "const cdk8s_1 = require('cdk8s');",
    "const netkit_1 = require('cdk8s-netkit');",
    ...implicit,
    ...PRELUDE.filter((p) => needed.has(p.name)).map((p) => p.code),
  ].join('\n');
  const lastImport = lines.reduce((last, line, i) => (/^import .* from '.*';$/.test(line) ? i : last), -1);
  lines.splice(lastImport + 1, 0, prelude);
  return `${lines.join('\n')}\nmodule.exports.__app = typeof app === 'undefined' ? undefined : app;\n`;
}

function run(block: string): App | undefined {
  const { outputText } = ts.transpileModule(withPrelude(block), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const moduleRequire = (id: string) => require(id === 'cdk8s-netkit' ? '../lib' : id);
  const mod = { exports: {} as any };
  new Function('require', 'module', 'exports', outputText)(moduleRequire, mod, mod.exports);
  return mod.exports.__app;
}

describe('README and docs examples', () => {
  let outdir: string;
  const previous = process.env.CDK8S_OUTDIR;
  // An example that calls app.synth() must never write into the project's dist/.
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'netkit-readme-'));
    process.env.CDK8S_OUTDIR = outdir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
    rmSync(`${outdir}-traffic`, { recursive: true, force: true });
  });

  test('there are examples, in the README and on the docs pages', () => {
    expect(blocks.filter((b) => !b.skip && b.page === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(PAGES.length).toBeGreaterThan(1);
  });

  test.each(blocks.filter((b) => !b.skip).map((b) => [b.page, b.index, b.code.split('\n')[0], b.code]))(
    '%s block %d (%s) runs and synthesizes', (_page, _i, _first, code) => {
      const app = run(code as string);
      if (app) app.synthYaml();
    });
});
