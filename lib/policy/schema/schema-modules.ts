import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';

/**
 * A loader for kubernetes-models' compiled schema modules. The validator of
 * one kind is a graph of generated CommonJS modules (a Deployment's: about
 * 115, one per type of its PodSpec) that require each other by relative
 * path. Node's require resolves each of those (stat, realpath, package
 * lookups), which was about 40 % of the time loading them took, and they load
 * during the first schema check of every synth. Here a relative require is
 * joined to the requiring file's folder and loaded by this loader; any other
 * specifier (the apimachinery schemas, @kubernetes-models/validate) is
 * resolved by Node, once per folder and specifier, and its file loaded here if
 * it is a schema module (`_schemas/`), by Node's require otherwise (so the
 * format checks are the instance Node loads for everyone). A module runs as
 * Node runs a CommonJS module (its own exports, require, module, __filename,
 * __dirname; `this` is its exports; a cycle sees the exports filled so far).
 *
 * A schema module that its requirer reads only the `validate` of (what the
 * generated code does) is loaded when that is first read, not when it is
 * required: a Deployment's validator requires the validators of every type a
 * PodSpec may hold (ephemeral containers, thirty volume sources, affinity
 * terms), and most objects hold few of them; parsing their code was most of
 * the time loading the validators took.
 *
 * Anything this cannot load (an ESM build, a module that throws) throws: the
 * caller then uses Node's require, which handles every case (a module loaded
 * on first read, as above, is then loaded by Node's require).
 */
export class SchemaModules {
  private readonly modules = new Map<string, { exports: any }>();
  /** `folder\0specifier` → the stand-in for a module loaded on first read of its `validate`. */
  private readonly standIns = new Map<string, object>();
  /** Specifiers answered with these exports instead of a module (see openapi-validators.ts for the one there is). */
  private readonly given: ReadonlyMap<string, unknown>;
  /** `folder\0specifier` → the file Node resolves it to. */
  private readonly resolved = new Map<string, string>();
  private readonly requires = new Map<string, NodeRequire>();

  constructor(given: ReadonlyMap<string, unknown> = new Map()) {
    this.given = given;
  }

  /** The exports of the module at an absolute path. */
  public load(file: string): any {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const module = { exports: {} as any };
    this.modules.set(file, module);
    try {
      const folder = dirname(file);
      // The Function of this realm, not vm's compileFunction: where this code runs in a vm context (jest's tests), the
      // modules' objects (RegExps, errors) must be of the realm that reads them, as they are with the require of that realm.
      const source = readFileSync(file, 'utf8');
      const deferred = validateOnlyRequires(source);
      const run = new Function('exports', 'require', 'module', '__filename', '__dirname', `${source}\n//# sourceURL=${file}`);
      run.call(module.exports, module.exports, (specifier: string) => (deferred.has(specifier) ? this.standIn(folder, specifier) : this.require(folder, specifier)), module, file, folder);
    } catch (e) {
      // As Node does: a module that failed is not kept.
      this.modules.delete(file);
      throw e;
    }
    return module.exports;
  }

  /** How many modules this loader has run (the stand-ins of modules not read yet are not counted). */
  public get loadedModules(): number {
    return this.modules.size;
  }

  /**
   * The exports of a schema module as its requirer reads them (`validate`
   * only), loading it on the first read: by this loader, else by Node's require.
   */
  private standIn(folder: string, specifier: string): object {
    const key = `${folder}\0${specifier}`;
    let standIn = this.standIns.get(key);
    if (standIn) return standIn;
    const stand: Record<string, unknown> = {};
    Object.defineProperty(stand, 'validate', {
      configurable: true,
      enumerable: true,
      get: () => {
        let validate: unknown;
        try {
          validate = this.require(folder, specifier).validate;
        } catch {
          validate = this.nodeRequire(folder)(specifier).validate;
        }
        // Read once: the validators read it at each call.
        Object.defineProperty(stand, 'validate', { value: validate, enumerable: true, writable: false, configurable: false });
        return validate;
      },
    });
    this.standIns.set(key, (standIn = stand));
    return standIn;
  }

  private nodeRequire(folder: string): NodeRequire {
    let nodeRequire = this.requires.get(folder);
    // Stryker disable next-line ConditionalExpression: a new require of the folder resolves the same (only slower)
    if (!nodeRequire) this.requires.set(folder, (nodeRequire = createRequire(join(folder, 'index.js'))));
    return nodeRequire;
  }

  private require(folder: string, specifier: string): any {
    if (this.given.has(specifier)) return this.given.get(specifier);
    if (specifier.startsWith('./') || specifier.startsWith('../')) return this.load(join(folder, specifier));
    const key = `${folder}\0${specifier}`;
    let file = this.resolved.get(key);
    const nodeRequire = this.nodeRequire(folder);
    // Stryker disable next-line ConditionalExpression: resolving again finds the same file (only slower)
    if (file === undefined) this.resolved.set(key, (file = nodeRequire.resolve(specifier)));
    // Built-in modules resolve to their name, not to a file.
    return isAbsolute(file) && /[\\/]_schemas[\\/][^\\/]+\.js$/.test(file) ? this.load(file) : nodeRequire(file);
  }
}

/** `let binding=require("specifier")` (or `, binding=…` in the same declaration), as the generated modules declare what they require. */
const REQUIRE = /(?:\b(?:let|const|var)\s+|,\s*)([A-Za-z_$][\w$]*)\s*=\s*require\(\s*"([^"]+)"\s*\)/g;
const NONE: ReadonlySet<string> = new Set();

/**
 * The specifiers of the schema modules (`./X.js`, `…/_schemas/X`) that a
 * module's code reads only the `validate` of: every other mention of the
 * binding counts as another use (even in a string), so a module read in any
 * other way is loaded when it is required, as before.
 */
export function validateOnlyRequires(source: string): ReadonlySet<string> {
  const { specifiers, balance } = schemaRequires(source);
  // Stryker disable next-line ConditionalExpression: equivalent, without the shortcut the loops below run over nothing and give an empty set too
  if (specifiers.size === 0) return NONE;
  // Each binding's mentions, found with indexOf: one regular expression alternating all the bindings, with a
  // lookbehind, took a third of the time loading a Deployment's validator took (this runs on every module loaded).
  for (const binding of specifiers.keys()) {
    let count = balance.get(binding)!;
    for (let at = source.indexOf(binding); at >= 0; at = source.indexOf(binding, at + binding.length)) {
      const end = at + binding.length;
      // A whole identifier, not a property (`x.binding`): no identifier character or dot before it, none after it.
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, at 0 the character before is charCodeAt(-1), NaN, which is none of them
      if ((at > 0 && isIdentifierPartOrDot(source.charCodeAt(at - 1))) || isIdentifierPart(source.charCodeAt(end))) continue;
      count -= 1;
      if (source.startsWith(VALIDATE, end) && !isIdentifierPart(source.charCodeAt(end + VALIDATE.length))) count += 1;
    }
    balance.set(binding, count);
  }
  const out = new Set<string>();
  for (const [binding, specifier] of specifiers) if (balance.get(binding) === 0) out.add(specifier);
  return out;
}

const VALIDATE = '.validate';

/**
 * The schema modules a module's code requires (`./X.js`, `…/_schemas/X`): binding → specifier, and binding → how
 * many times it is declared (the start of {@link validateOnlyRequires}'s balance).
 */
export function schemaRequires(source: string): { specifiers: Map<string, string>; balance: Map<string, number> } {
  const specifiers = new Map<string, string>();
  const balance = new Map<string, number>();
  for (const m of source.matchAll(REQUIRE)) {
    if (!(m[2].startsWith('./') || m[2].startsWith('../') || m[2].includes('/_schemas/'))) continue;
    specifiers.set(m[1], m[2]);
    balance.set(m[1], (balance.get(m[1]) ?? 0) + 1);
  }
  return { specifiers, balance };
}

/** `[A-Za-z0-9_$]`: what a regular expression's `[\w$]` matches (NaN, past the end, matches nothing). */
function isIdentifierPart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

function isIdentifierPartOrDot(code: number): boolean {
  return code === 46 || isIdentifierPart(code);
}
