import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaModules } from '../../lib/policy/schema/schema-modules';

// Which loader runs which module (the kubernetes-models cases are in schema-modules.test.ts). A module
// Node runs has Node's module object (with `loaded`); one this loader runs has `{ exports }` only.

describe('SchemaModules: which specifiers it loads itself', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-schema-modules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  };
  const BY_NODE = 'exports.byNode = "loaded" in module;';

  test('a require into a parent folder is this loader\'s: one instance with the module loaded directly', () => {
    write('shared.js', BY_NODE);
    write('sub/a.js', 'exports.shared = require("../shared.js");');
    const modules = new SchemaModules();
    const a = modules.load(join(dir, 'sub', 'a.js'));
    expect(a.shared).toEqual({ byNode: false });
    expect(modules.load(join(dir, 'shared.js'))).toBe(a.shared);
  });

  test('a package file in a `_schemas` folder is this loader\'s; the package\'s other files, deeper ones and other extensions are Node\'s', () => {
    write('node_modules/pkg/package.json', '{"name": "pkg", "version": "1.0.0"}');
    write('node_modules/pkg/index.js', BY_NODE);
    write('node_modules/pkg/_schemas/Schema.js', BY_NODE);
    write('node_modules/pkg/_schemas/deeper/Schema.js', BY_NODE);
    write('node_modules/pkg/_schemas/Schema.js.cjs', BY_NODE);
    write('node_modules/pkg/x_schemas/Schema.js', BY_NODE);
    write('a.js', [
      'exports.schema = require("pkg/_schemas/Schema.js");', 'exports.again = require("pkg/_schemas/Schema.js");',
      'exports.index = require("pkg");', 'exports.deeper = require("pkg/_schemas/deeper/Schema.js");',
      'exports.cjs = require("pkg/_schemas/Schema.js.cjs");', 'exports.other = require("pkg/x_schemas/Schema.js");',
    ].join('\n'));
    const modules = new SchemaModules();
    const a = modules.load(join(dir, 'a.js'));
    expect([a.schema, a.index, a.deeper, a.cjs, a.other]).toEqual([{ byNode: false }, { byNode: true }, { byNode: true }, { byNode: true }, { byNode: true }]);
    expect(a.again).toBe(a.schema);
    expect(modules.load(join(dir, 'node_modules', 'pkg', '_schemas', 'Schema.js'))).toBe(a.schema);
  });

  test('a specifier given answers with what was given, before any file', () => {
    write('a.js', 'exports.given = require("./b.js"); exports.other = require("@scope/given");');
    const given = { formats: {} };
    const a = new SchemaModules(new Map<string, unknown>([['./b.js', 1], ['@scope/given', given]])).load(join(dir, 'a.js'));
    expect(a.given).toBe(1);
    expect(a.other).toBe(given);
  });

  test('an error a module throws names its file in the stack', () => {
    write('broken.js', '\nthrow new Error("broken");');
    let stack = '';
    try {
      new SchemaModules().load(join(dir, 'broken.js'));
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stack).toContain(join(dir, 'broken.js'));
  });
});
