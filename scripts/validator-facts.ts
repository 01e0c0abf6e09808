// What the compiled validators of the installed kubernetes-models check, read
// from their source: lib/policy/schema/validated-shapes.ts relies on it to
// validate one object per shape (see there). gen-schema-fields.ts writes it into
// lib/policy/schema/validator-facts.json; a test compares that file with the
// installed package, so an upgrade that is not regenerated fails the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDirFrom, validatorPackagesSource } from '../lib/policy/schema/openapi-validators';

export interface ValidatorFacts {
  /** `kubernetes-models 4.5.1, @kubernetes-models/apimachinery 2.2.0, …`: the packages the validators' behaviour comes from. */
  readonly source: string;
  /** Every ajv keyword the validators report. */
  readonly keywords: readonly string[];
  /** Every format they check, by name. */
  readonly formats: readonly string[];
  /** Every string they compare a value with: enum members. */
  readonly enumStrings: readonly string[];
  /**
   * Whether any validator reads an array item at a fixed index (a tuple-form
   * `items`), so that an item's check depends on where it stands. Swagger 2.0,
   * which the Kubernetes schemas come from, has no such form.
   */
  readonly readsItemsByPosition: boolean;
}

/**
 * Whether ajv-generated code reads an array item at a fixed index: arrays
 * are checked in loops (`data[i0]`), a tuple schema reads `data[0]`. A
 * fixed index in a string literal counts too, which only turns the array
 * memo off.
 */
export function readsItemByIndex(code: string): boolean {
  return /[\w$\])]\[\d+\]/.test(code);
}

/** Reads the facts from kubernetes-models installed at `modelsDir` (and the apimachinery package it depends on). */
export function readValidatorFacts(modelsDir: string): ValidatorFacts {
  const source = validatorPackagesSource(modelsDir);
  const apimachineryDir = packageDirFrom(modelsDir, '@kubernetes-models/apimachinery');
  if (!source || !apimachineryDir) throw new Error(`${modelsDir}: kubernetes-models or a package it validates with is missing`);
  const keywords = new Set<string>();
  const formats = new Set<string>();
  const enumStrings = new Set<string>();
  let readsItemsByPosition = false;
  for (const dir of [join(modelsDir, '_schemas'), join(apimachineryDir, '_schemas')]) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const m of code.matchAll(/keyword:"(\w+)"/g)) keywords.add(m[1]);
      // `_validate.formats.int32` (CommonJS builds) or `formats.int32` after `import{formats}` (ESM builds).
      for (const m of code.matchAll(/(?<![\w$])formats(?:\.(\w+)|\["([^"]+)"\])/g)) formats.add(m[1] ?? m[2]);
      // The enum lists (`schema19={enum:["Always",…]}`), and any string compared inline (`"Always"===data`).
      for (const m of code.matchAll(/enum:(\[[^\]]*\])/g)) for (const v of JSON.parse(m[1]) as unknown[]) enumStrings.add(String(v));
      for (const m of code.matchAll(/("(?:[^"\\]|\\.)*")\s*[!=]==\s*data\b|\bdata\s*[!=]==\s*("(?:[^"\\]|\\.)*")/g)) enumStrings.add(JSON.parse(m[1] ?? m[2]));
      if (readsItemByIndex(code)) readsItemsByPosition = true;
    }
  }
  return {
    source,
    keywords: [...keywords].sort(),
    formats: [...formats].sort(),
    enumStrings: [...enumStrings].sort(),
    readsItemsByPosition,
  };
}
