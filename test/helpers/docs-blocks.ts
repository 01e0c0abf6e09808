import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

/** The ```ts blocks of a page under docs/, in order. */
export function tsBlocks(page: string): string[] {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', page), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

/** Runs a complete docs block ('cdk8s-netkit' resolves to lib/) and returns what it logged, one entry per console.log call. */
export function runTsBlock(code: string): string[] {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const logged: string[] = [];
  const fakeConsole = { ...console, log: (...args: unknown[]) => logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')) };
  const mod = { exports: {} };
  new Function('require', 'module', 'exports', 'console', outputText)((id: string) => require(id === 'cdk8s-netkit' ? '../../lib' : id), mod, mod.exports, fakeConsole);
  return logged;
}
