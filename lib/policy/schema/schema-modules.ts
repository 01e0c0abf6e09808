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
 * Anything this cannot load (an ESM build, a module that throws) throws: the
 * caller then uses Node's require, which handles every case.
 */
export class SchemaModules {
  private readonly modules = new Map<string, { exports: any }>();
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
      const run = new Function('exports', 'require', 'module', '__filename', '__dirname', `${readFileSync(file, 'utf8')}\n//# sourceURL=${file}`);
      run.call(module.exports, module.exports, (specifier: string) => this.require(folder, specifier), module, file, folder);
    } catch (e) {
      // As Node does: a module that failed is not kept.
      this.modules.delete(file);
      throw e;
    }
    return module.exports;
  }

  private require(folder: string, specifier: string): any {
    if (this.given.has(specifier)) return this.given.get(specifier);
    if (specifier.startsWith('./') || specifier.startsWith('../')) return this.load(join(folder, specifier));
    const key = `${folder}\0${specifier}`;
    let file = this.resolved.get(key);
    let nodeRequire = this.requires.get(folder);
    // Stryker disable next-line ConditionalExpression: a new require of the folder resolves the same (only slower)
    if (!nodeRequire) this.requires.set(folder, (nodeRequire = createRequire(join(folder, 'index.js'))));
    // Stryker disable next-line ConditionalExpression: resolving again finds the same file (only slower)
    if (file === undefined) this.resolved.set(key, (file = nodeRequire.resolve(specifier)));
    // Built-in modules resolve to their name, not to a file.
    return isAbsolute(file) && /[\\/]_schemas[\\/][^\\/]+\.js$/.test(file) ? this.load(file) : nodeRequire(file);
  }
}
