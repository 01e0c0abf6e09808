// What the compiled validators of the installed kubernetes-models check, read
// from their source: lib/policy/schema/validated-shapes.ts relies on it to
// validate one object per shape (see there). gen-schema-fields.ts writes it into
// lib/policy/schema/validator-facts.json; a test compares that file with the
// installed package, so an upgrade that is not regenerated fails the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ValidatorFacts {
  /** `kubernetes-models 4.5.1, @kubernetes-models/apimachinery 2.2.0`: the packages the facts were read from. */
  readonly source: string;
  /** Every ajv keyword the validators report. */
  readonly keywords: readonly string[];
  /** Every format they check, by name. */
  readonly formats: readonly string[];
  /** Every string they compare a value with: enum members. */
  readonly enumStrings: readonly string[];
}

/** Reads the facts from kubernetes-models installed at `modelsDir` (and the apimachinery package it depends on). */
export function readValidatorFacts(modelsDir: string): ValidatorFacts {
  const apimachineryDir = dirname(require.resolve('@kubernetes-models/apimachinery/package.json', { paths: [modelsDir] }));
  const keywords = new Set<string>();
  const formats = new Set<string>();
  const enumStrings = new Set<string>();
  for (const dir of [join(modelsDir, '_schemas'), join(apimachineryDir, '_schemas')]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const m of code.matchAll(/keyword:"(\w+)"/g)) keywords.add(m[1]);
      for (const m of code.matchAll(/\.formats(?:\.(\w+)|\["([^"]+)"\])/g)) formats.add(m[1] ?? m[2]);
      // The enum lists (`schema19={enum:["Always",…]}`), and any string compared inline (`"Always"===data`).
      for (const m of code.matchAll(/enum:(\[[^\]]*\])/g)) for (const v of JSON.parse(m[1]) as unknown[]) enumStrings.add(String(v));
      for (const m of code.matchAll(/("(?:[^"\\]|\\.)*")\s*[!=]==\s*data\b|\bdata\s*[!=]==\s*("(?:[^"\\]|\\.)*")/g)) enumStrings.add(JSON.parse(m[1] ?? m[2]));
    }
  }
  const version = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version as string;
  return {
    source: `kubernetes-models ${version(modelsDir)}, @kubernetes-models/apimachinery ${version(apimachineryDir)}`,
    keywords: [...keywords].sort(),
    formats: [...formats].sort(),
    enumStrings: [...enumStrings].sort(),
  };
}
