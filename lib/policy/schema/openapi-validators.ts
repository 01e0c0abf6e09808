import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SchemaModules } from './schema-modules';
import facts from './validator-facts.json';

/** One schema violation as the kubernetes-models validators (ajv) report it. */
export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

type Validator = ((data: unknown) => boolean) & { errors?: any[] | null };

// Loaded by file path with Node's own require, so it works whether the
// installed kubernetes-models is CommonJS (4.x) or ESM-only (5.x, through
// require(esm) on Node >= 20.19), inside jest too.
const nativeRequire = createRequire(__filename);
let packageDir: string | null | undefined;
const validators = new Map<string, Validator | null>();
/** The schema modules loaded so far, shared by every kind's validator (they share most of their modules). */
let schemaModules: SchemaModules | undefined;

function findPackageDir(): string | null {
  // Stryker disable next-line ConditionalExpression: looking the package up again finds the same folder (only slower)
  if (packageDir === undefined) packageDir = packageDirFrom(__dirname, 'kubernetes-models') ?? null;
  return packageDir;
}

/**
 * The packages whose code decides what the validators accept, with their
 * versions, as validator-facts.json's `source` writes them: kubernetes-models,
 * the apimachinery schemas it uses, and the format checks
 * (@kubernetes-models/validate, with ajv-formats and ajv-formats-draft2019).
 * undefined when one cannot be found.
 */
export function validatorPackagesSource(modelsDir: string): string | undefined {
  try {
    const validate = packageDirFrom(modelsDir, '@kubernetes-models/validate');
    const dirs: Array<[string, string | undefined]> = [
      ['kubernetes-models', modelsDir],
      ['@kubernetes-models/apimachinery', packageDirFrom(modelsDir, '@kubernetes-models/apimachinery')],
      ['@kubernetes-models/validate', validate],
      ['ajv-formats', validate && packageDirFrom(validate, 'ajv-formats')],
      ['ajv-formats-draft2019', validate && packageDirFrom(validate, 'ajv-formats-draft2019')],
    ];
    const parts: string[] = [];
    for (const [name, dir] of dirs) {
      // Stryker disable next-line ConditionalExpression: join(undefined) throws, and the catch below answers undefined too
      if (!dir) return undefined;
      parts.push(`${name} ${JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version}`);
    }
    return parts.join(', ');
  } catch {
    return undefined;
  }
}

/** Where `name` is installed as seen from the package in `fromDir` (package.json lookup, so an exports map does not hide it). */
export function packageDirFrom(fromDir: string, name: string): string | undefined {
  // Stryker disable next-line ArrayDeclaration: null comes for built-in modules only, and no package folder is named like one
  for (const dir of createRequire(join(fromDir, 'package.json')).resolve.paths(name) ?? []) {
    if (existsSync(join(dir, name, 'package.json'))) return join(dir, name);
  }
  return undefined;
}

let installedSource: string | null | undefined;

/** {@link validatorPackagesSource} of the kubernetes-models the validators load (read once). */
export function installedValidatorsSource(): string | undefined {
  if (installedSource === undefined) {
    const dir = findPackageDir();
    installedSource = (dir ? validatorPackagesSource(dir) : undefined) ?? null;
  }
  return installedSource ?? undefined;
}

/** The format table the installed validators check `format` with (@kubernetes-models/validate), or undefined. */
export function installedFormats(): Record<string, unknown> | undefined {
  const lean = leanValidatePackage();
  if (lean) return lean.formats;
  const dir = findPackageDir();
  // Stryker disable next-line ConditionalExpression: join(null) throws, and the catch below answers undefined too
  if (!dir) return undefined;
  try {
    return createRequire(join(dir, 'package.json'))('@kubernetes-models/validate').formats;
  } catch {
    return undefined;
  }
}

/**
 * The module of @kubernetes-models/validate that adds ajv-formats-draft2019's
 * formats (iri, duration, idn-email, idn-hostname, iri-reference) to its
 * table. No built-in schema uses them (validator-facts.json's `formats`; a
 * test holds that), and loading them (uri-js, an SMTP address grammar, the
 * IANA scheme lists) was about half the time loading the validators took.
 */
export const UNUSED_FORMATS_MODULE = 'ajv-formats-draft2019/formats/index.js';

/** The formats {@link UNUSED_FORMATS_MODULE} defines (a test compares the list with it): left out of the table, not replaced by ajv-formats' own `duration`. */
export const UNUSED_FORMATS: readonly string[] = ['duration', 'idn-email', 'idn-hostname', 'iri', 'iri-reference'];

/**
 * The module behind the `cidr` format, which no built-in schema uses either
 * (validator-facts.json's `formats`; a test holds that). Loading it builds
 * ip-regex's IPv6 expressions. formats.js calls it only inside the format's
 * check, which is left out of the table with the format.
 */
export const UNUSED_CIDR_MODULE = 'is-cidr';
export const UNUSED_CIDR_FORMAT = 'cidr';

/**
 * What formats.js reads of tslib: its one helper, written as tslib 2 writes
 * it (a test compares the two on modules with and without `__esModule`).
 * Loading tslib whole, for this, was a fifth of the time the format table took.
 */
export const TSLIB_HELPERS = {
  __importDefault: (mod: any): any => (mod && mod.__esModule ? mod : { default: mod }),
};

/** undefined: not loaded yet; null: not available, the package is loaded whole. */
let lean: { readonly formats: Record<string, unknown> } | null | undefined;

/**
 * @kubernetes-models/validate as the schema modules read it: its `formats`
 * (all they read of it), made by its own formats.js with the draft 2019
 * formats and `cidr` left out ({@link UNUSED_FORMATS_MODULE},
 * {@link UNUSED_CIDR_MODULE}), tslib's one helper given ({@link TSLIB_HELPERS}), and without its error
 * messages (ajv-i18n, for its runValidateFunc, which they do not call).
 * undefined unless the installed packages are the ones validator-facts.json
 * was read from, so that what it leaves out is known to be unused.
 */
export function leanValidatePackage(): { readonly formats: Record<string, unknown> } | undefined {
  if (lean === undefined) {
    lean = null;
    const dir = findPackageDir();
    const validate = dir && installedValidatorsSource() === facts.source ? packageDirFrom(dir, '@kubernetes-models/validate') : undefined;
    // Stryker disable next-line ConditionalExpression: join(undefined) throws, and the catch below leaves lean null too
    if (validate) {
      try {
        // Stryker disable next-line ArrayDeclaration: without the modules given, the left-out formats load, and are deleted below (only slower)
        const given = new Map<string, unknown>([[UNUSED_FORMATS_MODULE, {}], [UNUSED_CIDR_MODULE, {}], ['tslib', TSLIB_HELPERS]]);
        const all = new SchemaModules(given).load(join(validate, 'dist', 'formats.js')).formats;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: formats.js of the pinned packages exports an object (a test holds its formats)
        if (all && typeof all === 'object') {
          const formats: Record<string, unknown> = { ...all };
          for (const name of UNUSED_FORMATS) delete formats[name];
          delete formats[UNUSED_CIDR_FORMAT];
          lean = { formats };
        }
      } catch {
        lean = null;
      }
    }
  }
  return lean ?? undefined;
}

/** The compiled OpenAPI validator of a built-in kind, or null when there is none (custom resources) or it cannot load. */
export function validatorFor(apiVersion: string, kind: string): Validator | null {
  const key = `${apiVersion}/${kind}`;
  // Stryker disable next-line ConditionalExpression: loading again gives the same validator (the loader keeps its modules)
  if (validators.has(key)) return validators.get(key)!;
  let validator: Validator | null = null;
  const dir = findPackageDir();
  if (dir && /^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) && /^\w+$/.test(kind)) {
    const model = join(dir, apiVersion, `${kind}.js`);
    if (existsSync(model)) {
      // ESM builds write `from"../_schemas/X.js"`, CommonJS builds `require("../_schemas/X.js")`.
      // Stryker disable next-line StringLiteral: without an encoding the Buffer is read as UTF-8 text by exec all the same
      const schema = /["']((?:\.\.\/)+_schemas\/\w+\.js)["']/.exec(readFileSync(model, 'utf8'))?.[1];
      if (schema) validator = loadValidator(join(dir, apiVersion, schema));
    }
  }
  validators.set(key, validator);
  return validator;
}

/** The `validate` export of a schema module, loaded by {@link SchemaModules}, else by Node's require; null when neither can load it. */
export function loadValidator(file: string): Validator | null {
  try {
    // Stryker disable next-line ConditionalExpression: a new loader loads the same modules (only slower)
    if (!schemaModules) {
      const validate = leanValidatePackage();
      // Stryker disable next-line ArrayDeclaration,StringLiteral: without it the package's own formats load, the same checks (only slower)
      schemaModules = new SchemaModules(validate ? new Map([['@kubernetes-models/validate', validate]]) : undefined);
    }
    return schemaModules.load(file).validate as Validator;
  } catch {
    // An ESM build (kubernetes-models 5.x) or anything else the loader cannot run: Node loads it (require(esm) included),
    // and the loader starts afresh, so that no module of a graph that failed half-way is reused.
    schemaModules = undefined;
  }
  try {
    return nativeRequire(file).validate as Validator;
  } catch {
    return null;
  }
}

function describeError(e: any): string {
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'type': return `must be of type ${p.type}`;
    case 'required': return `requires field "${p.missingProperty}"`;
    // Stryker disable next-line ArrayDeclaration: ajv gives every enum error its allowedValues
    case 'enum': return `must be one of ${(p.allowedValues ?? []).map((v: unknown) => JSON.stringify(v)).join(', ')}`;
    case 'format': return `must be a valid ${p.format}`;
    default: return `fails the schema's "${e.keyword}" rule ${JSON.stringify(p)}`;
  }
}

/**
 * `/spec/ports/0/port` → `spec.ports[0].port`, read along the object: an
 * index of a list is in brackets, a key of a map is a key even when it is
 * all digits (`metadata.annotations.80`).
 */
function toFieldPath(pointer: string, root: unknown): string {
  // Stryker disable next-line MethodExpression: the empty part before the first "/" adds nothing to the path
  const parts = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  let node: any = root;
  for (const part of parts) {
    out += Array.isArray(node) ? `[${part}]` : (out ? `.${part}` : part);
    // Stryker disable next-line OptionalChaining: ajv's pointers lead through values that exist
    node = node?.[part];
  }
  return out || '(root)';
}

/** The schema errors of a manifest; [] when valid or when no schema is known for its kind. */
export function schemaErrors(manifest: any): SchemaError[] {
  const validate = validatorFor(manifest.apiVersion, manifest.kind);
  if (!validate || validate(manifest)) return [];
  // Stryker disable next-line ArrayDeclaration,StringLiteral: ajv sets errors when it answers false, and an instancePath on each
  return (validate.errors ?? []).map((e) => ({ path: toFieldPath(e.instancePath ?? '', manifest), message: describeError(e) }));
}
