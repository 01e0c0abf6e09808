import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { transform } from 'sucrase';

/**
 * Strips types from lib/, bench/ and main.ts into `outDir` (same relative
 * layout), so the measured processes run plain JavaScript: no type check and
 * no transpiler loaded at run time.
 */
export function compileForBench(root: string, outDir: string): void {
  const sources = [join(root, 'main.ts'), ...tsFiles(join(root, 'lib')), ...tsFiles(join(root, 'bench'))];
  for (const file of sources) {
    const { code } = transform(readFileSync(file, 'utf8'), { transforms: ['typescript', 'imports'], filePath: file });
    const out = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  // Data the library requires at run time (e.g. the policy schema's field lists).
  for (const file of filesEnding(join(root, 'lib'), '.json')) {
    const out = join(outDir, relative(root, file));
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(file, out);
  }
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
