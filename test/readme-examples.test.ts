import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@swc/core';
import * as cdk8s from 'cdk8s';
import * as constructs from 'constructs';
import * as netkit from '../lib';

// Every ```ts block in the README must run: a feature shown there works.
// Blocks share nothing; names a block uses without declaring (`app`, `dev`, `defaults`,
// `web`) come from a small prelude, the way the README's reader has them from earlier blocks.
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

const PRELUDE: Array<{ name: string; needs: string[]; code: string }> = [
  { name: 'app', needs: [], code: 'const app = new App();' },
  { name: 'dev', needs: ['app'], code: 'const dev = new NetkitChart(app, "dev", { namespace: "dev" });' },
  { name: 'defaults', needs: ['app'], code: 'const defaults = new NetkitChart(app, "default", { namespace: "default" });' },
  { name: 'web', needs: ['dev'], code: 'const web = new WebApp(dev, "web-app", { image: "nginx:1.17.2", port: 80 });' },
];

function runnable(block: string): string {
  const body = block.split('\n').filter((line) => !/^import .* from '.*';$/.test(line)).join('\n');
  const declared = (name: string) => new RegExp(`(const|let|class)\\s+${name}\\b`).test(body);
  const needed = new Set<string>();
  const need = (name: string) => {
    if (declared(name) || needed.has(name)) return;
    needed.add(name);
    PRELUDE.find((p) => p.name === name)!.needs.forEach(need);
  };
  for (const p of PRELUDE) if (new RegExp(`\\b${p.name}\\b`).test(body)) need(p.name);
  const prelude = PRELUDE.filter((p) => needed.has(p.name)).map((p) => p.code).join('\n');
  return `function example() {\n${prelude}\n${body}\nreturn typeof app === 'undefined' ? undefined : app;\n}`;
}

function scopeNames(...modules: object[]): string[] {
  const names = new Set<string>();
  for (const m of modules) for (const k of Object.keys(m)) if (/^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default') names.add(k);
  return [...names];
}

describe('README examples', () => {
  test('there are examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  test.each(blocks.map((b, i) => [i + 1, b.split('\n')[0], b]))('block %d (%s) runs and synthesizes', (_i, _first, block) => {
    const { code } = transformSync(runnable(block as string), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      isModule: false,
    });
    const scope = { ...constructs, ...cdk8s, ...netkit } as Record<string, unknown>;
    const names = scopeNames(scope);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = new Function(...names, `${code}\nreturn example();`);
    const app = run(...names.map((n) => scope[n]));
    if (app) (app as cdk8s.App).synthYaml();
  });
});
