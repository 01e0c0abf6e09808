import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * Compiles lib/, bench/ and main.ts into `outDir` (same relative layout) the
 * way the published package is built: TypeScript with tsconfig.build.json's
 * options (ES2022, CommonJS), file by file, without a type check. So the
 * measured processes run the JavaScript that users of the npm package run.
 * (A transpiler that lowers `?.`, `??` and class fields for older engines
 * would measure slower code than anyone installs: sucrase's default did, by
 * about 10 % of a large synth.)
 */
export function compileForBench(root: string, outDir: string): void {
  const compilerOptions = buildOptions(root);
  const sources = [join(root, 'main.ts'), ...tsFiles(join(root, 'lib')), ...tsFiles(join(root, 'bench'))];
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
  }
  // Data the library requires at run time (e.g. the policy schema's field lists).
  for (const file of filesEnding(join(root, 'lib'), '.json')) {
    const out = join(outDir, relative(root, file));
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(file, out);
  }
}

/** tsconfig.build.json's compiler options (with what it extends), for emitting plain JavaScript. */
function buildOptions(root: string): ts.CompilerOptions {
  const file = join(root, 'tsconfig.build.json');
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(error.messageText, '\n')}`);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, file);
  return { ...options, noEmit: false, declaration: false, sourceMap: false, inlineSourceMap: false };
}

function tsFiles(dir: string): string[] {
  return filesEnding(dir, '.ts').filter((f) => !f.endsWith('.d.ts'));
}

function filesEnding(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (entry === '.build' || entry === 'node_modules') continue;
    if (statSync(full).isDirectory()) out.push(...filesEnding(full, suffix));
    else if (entry.endsWith(suffix)) out.push(full);
  }
  return out;
}
