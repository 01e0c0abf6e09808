import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import facts from '../../lib/policy/schema/validator-facts.json';
import { installedFormats, leanValidatePackage, loadValidator, packageDirFrom, TSLIB_HELPERS, UNUSED_CIDR_FORMAT, UNUSED_CIDR_MODULE, UNUSED_FORMATS, UNUSED_FORMATS_MODULE, validatorFor } from '../../lib/policy/schema/openapi-validators';
import { schemaRequires, SchemaModules, validateOnlyRequires } from '../../lib/policy/schema/schema-modules';
import { deployment, ingress, namespace, service } from './builders';

const MODELS = packageDirFrom(join(__dirname, '..', '..'), 'kubernetes-models')!;

/** The schema module a kind's model file requires, as validatorFor finds it. */
function schemaFile(apiVersion: string, kind: string): string {
  const model = join(MODELS, apiVersion, `${kind}.js`);
  return join(MODELS, apiVersion, /["']((?:\.\.\/)+_schemas\/\w+\.js)["']/.exec(readFileSync(model, 'utf8'))![1]);
}

/** validateOnlyRequires as it was: one expression alternating the bindings, with a lookbehind (slow, but plainly right). */
const model = (source: string): string[] => {
  const { specifiers, balance } = schemaRequires(source);
  if (specifiers.size === 0) return [];
  const names = [...specifiers.keys()].map((b) => b.replace(/\$/g, '\\$')).join('|');
  for (const m of source.matchAll(new RegExp(`(?<![\\w$.])(${names})(?![\\w$])(\\.validate(?![\\w$]))?`, 'g'))) {
    balance.set(m[1], balance.get(m[1])! - 1 + (m[2] === undefined ? 0 : 1));
  }
  return [...specifiers].filter(([binding]) => balance.get(binding) === 0).map(([, specifier]) => specifier);
};

describe('schema modules loaded without Node\'s resolution', () => {
  const cases: Array<[string, any, boolean]> = [
    ['a valid Deployment', deployment('web'), true],
    ['a Deployment with a bad enum, a string port and a bad quantity', deployment('bad', {
      container: { imagePullPolicy: 'Sometimes', ports: [{ containerPort: '80' }], resources: { limits: { cpu: 'lots' } } },
    }), false],
    ['a Deployment with a number for its pod template', { ...deployment('empty'), spec: { selector: {}, template: 1 } }, false],
    ['a valid Service', service('web'), true],
    ['a Service with a bad type and a port out of int32', service('bad', { type: 'Cluster', ports: [{ port: 2 ** 40 }] }), false],
    ['an Ingress', ingress('web'), true],
    ['a Namespace with a number as a label', { ...namespace('shop'), metadata: { name: 'shop', labels: { a: 1 } } }, false],
    ['a Namespace with a creationTimestamp that is no date-time', { ...namespace('shop'), metadata: { name: 'shop', creationTimestamp: 'yesterday' } }, false],
    ['a Secret whose data is not base64', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'not base64!' } }, false],
    ['a Secret with base64 data and a date-time', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', creationTimestamp: '2026-12-06T03:00:00Z' }, data: { a: 'aGk=' } }, true],
    // Types most pods never hold, whose validators load when first reached:
    ['a Deployment with volume sources, affinity, tolerations and an owner reference', deployment('vols', {
      podSpec: {
        volumes: [{ name: 'c', configMap: { name: 'cm', items: [{ key: 'k', path: 'p' }] } }, { name: 'n', nfs: { server: 's', path: '/x' } }, { name: 'e', emptyDir: { sizeLimit: '1Gi' } }],
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } },
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
      },
    }), true],
    ['a Deployment with a bad volume source, a bad affinity weight and a bad ephemeral container', deployment('badvols', {
      podSpec: {
        volumes: [{ name: 'n', nfs: { server: 1 } }, { name: 'h', hostPath: { path: '/x', type: 7 } }],
        affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 'high', podAffinityTerm: { topologyKey: 'k' } }] } },
        ephemeralContainers: [{ name: 'debug', image: 'busybox', ports: [{ containerPort: 'x' }] }],
      },
    }), false],
  ];

  test.each(cases)('%s: the validator answers as the one Node loads, errors and all', (_case, manifest, valid) => {
    const [group, kind] = [manifest.apiVersion, manifest.kind];
    const ours = validatorFor(group, kind)!;
    const nodes = require(schemaFile(group, kind)).validate;
    expect(ours).not.toBe(nodes);
    expect([ours(manifest), ours.errors]).toEqual([nodes(manifest), nodes.errors]);
    expect([ours(manifest), (ours.errors ?? []).length > 0]).toEqual([valid, !valid]);
  });

  test('a module is loaded when its validate is first read: a plain Deployment loads a fraction of its validator\'s modules', () => {
    const modules = new SchemaModules();
    const validate = modules.load(schemaFile('apps/v1', 'Deployment')).validate;
    const required = modules.loadedModules;
    expect(validate(deployment('web'))).toBe(true);
    const plain = modules.loadedModules;
    expect(validate(deployment('vols', { podSpec: { volumes: [{ name: 'n', nfs: { server: 's', path: '/x' } }] } }))).toBe(true);
    expect([required, plain < 60, modules.loadedModules > plain]).toEqual([1, true, true]);
  });

  test('only the schema modules a module reads nothing of but validate are loaded on first read', () => {
    const source = 'let _v=require("@kubernetes-models/validate"),_a=require("./A.js"),_b=require("./B.js"),_c=require("../C.js"),_m=require("@kubernetes-models/apimachinery/_schemas/M"),_s=require("./S.js"),_t=require("./T.js");'
      + 'function f(d){return (0,_a.validate)(d)||_a.validate.errors||(0,_m.validate)(d)||_b.other||g(_c)||"_s"||_s.validate||_t.validateAll}';
    expect([...validateOnlyRequires(source)]).toEqual(['./A.js', '@kubernetes-models/apimachinery/_schemas/M']);
    expect(validateOnlyRequires('exports.validate = () => true;').size).toBe(0);
  });

  test('the bindings are found as whole identifiers: at the ends of the source, beside $ and digits, not as properties', () => {
    const decl = 'let a=require("./A.js"),a$=require("./D.js"),b=require("./B.js"),c=require("./C.js");';
    // a: read for validate only; a$: called; b: `x.b` is another object's property, then validate; c: `.validate$` is another property.
    expect([...validateOnlyRequires(`${decl}a.validate;x.b;b.validate;c.validate$;c1;a$()`)]).toEqual(['./A.js', './B.js']);
    // A module of the folder above, or of another package's _schemas, read for validate only, is deferred too.
    expect([...validateOnlyRequires('let u=require("../U.js"),m=require("@kubernetes-models/apimachinery/_schemas/M"),v=require("@kubernetes-models/validate");u.validate;m.validate;v.validate')])
      .toEqual(['../U.js', '@kubernetes-models/apimachinery/_schemas/M']);
    for (const source of [`${decl}a.validate`, `a.validate;${decl}`, `${decl}a`, `${decl}_a;a_;$a;a$.validate.errors;b.validateX;c.validate`, `${decl}\na\n.validate`]) {
      expect([source, [...validateOnlyRequires(source)]]).toEqual([source, model(source)]);
    }
    // Each end of each identifier-character range, and the characters just outside them, before and after a binding.
    for (const c of 'azAZ09_$.`{@[/:') {
      for (const source of [`${decl}a.validate;${c}a`, `${decl}a.validate;a${c}`, `${decl}a.validate${c}`]) {
        expect([source, [...validateOnlyRequires(source)]]).toEqual([source, model(source)]);
      }
    }
  });

  test('on every schema module installed it answers as the regular expression it replaced did', () => {
    const folders = [join(MODELS, '_schemas'), join(packageDirFrom(MODELS, '@kubernetes-models/apimachinery')!, '_schemas')];
    let deferred = 0;
    for (const folder of folders) {
      for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
        const source = readFileSync(join(folder, file), 'utf8');
        const expected = model(source);
        expect([file, [...validateOnlyRequires(source)]]).toEqual([file, expected]);
        deferred += expected.length;
      }
    }
    // Not a vacuous comparison: most modules require others and read only their validate.
    expect(deferred).toBeGreaterThan(1000);
  });

  test('the validators of two kinds share the modules they both use', () => {
    const modules = new SchemaModules();
    const dep = modules.load(schemaFile('apps/v1', 'Deployment'));
    const sts = modules.load(schemaFile('apps/v1', 'StatefulSet'));
    expect([typeof dep.validate, typeof sts.validate]).toEqual(['function', 'function']);
    expect(modules.load(schemaFile('apps/v1', 'Deployment'))).toBe(dep);
  });

  describe('the format checks the schema modules get (@kubernetes-models/validate without the draft 2019 formats)', () => {
    const VALIDATE = packageDirFrom(MODELS, '@kubernetes-models/validate')!;
    const nodes = require(join(VALIDATE, 'dist', 'index.js')).formats;
    const describeFormat = (d: any): unknown => (d instanceof RegExp || Object.prototype.toString.call(d) === '[object RegExp]' ? `regexp ${String(d)}`
      : typeof d === 'function' ? `function ${String(d)}` : d && typeof d === 'object' ? Object.fromEntries(Object.entries(d).map(([k, v]) => [k, describeFormat(v)])) : d);

    test('are in use with the installed packages, and are the formats installedFormats gives the schema memo', () => {
      expect(leanValidatePackage()).toBeDefined();
      expect(installedFormats()).toBe(leanValidatePackage()!.formats);
    });

    test('are the package\'s own formats, each defined by the same code, but for the draft 2019 ones and cidr', () => {
      const lean = leanValidatePackage()!.formats;
      const draft2019 = Object.keys(require(require.resolve(UNUSED_FORMATS_MODULE, { paths: [VALIDATE] })));
      expect([...draft2019].sort()).toEqual(UNUSED_FORMATS);
      expect(nodes[UNUSED_CIDR_FORMAT]).toBeDefined();
      expect(Object.keys(lean).sort()).toEqual(Object.keys(nodes).filter((k) => !draft2019.includes(k) && k !== UNUSED_CIDR_FORMAT).sort());
      for (const name of Object.keys(lean)) expect([name, describeFormat(lean[name])]).toEqual([name, describeFormat(nodes[name])]);
    });

    test('no schema uses a format left out, and no schema module reads anything of the package but its formats', () => {
      const draft2019 = Object.keys(require(require.resolve(UNUSED_FORMATS_MODULE, { paths: [VALIDATE] })));
      expect(facts.formats.filter((f) => draft2019.includes(f) || f === UNUSED_CIDR_FORMAT)).toEqual([]);
      const apimachinery = packageDirFrom(MODELS, '@kubernetes-models/apimachinery')!;
      let modules = 0;
      for (const folder of [join(MODELS, '_schemas'), join(apimachinery, '_schemas')]) {
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
          const text = readFileSync(join(folder, file), 'utf8');
          const binding = /(\w+)=require\("@kubernetes-models\/validate"\)/.exec(text)?.[1];
          if (!binding) continue;
          modules++;
          const uses = text.match(new RegExp(`\\b${binding}\\.\\w+|\\b${binding}\\b(?!\\.)`, 'g'))!;
          expect([file, uses.filter((u) => u !== `${binding}.formats` && u !== binding)]).toEqual([file, []]);
        }
      }
      expect(modules).toBeGreaterThan(100);
    });
  });

  describe('what formats.js gets instead of a module', () => {
    const VALIDATE = packageDirFrom(MODELS, '@kubernetes-models/validate')!;
    const formatsSource = readFileSync(join(VALIDATE, 'dist', 'formats.js'), 'utf8');

    test('reads nothing of tslib but __importDefault, which the helper writes as tslib does', () => {
      const binding = /(\w+) = require\("tslib"\)/.exec(formatsSource)![1];
      expect([...new Set(formatsSource.match(new RegExp(`\\b${binding}\\.\\w+`, 'g')))]).toEqual([`${binding}.__importDefault`]);
      const tslib = require(require.resolve('tslib', { paths: [VALIDATE] }));
      for (const mod of [{ __esModule: true, default: 1 }, { a: 1 }, () => 0, null, undefined, 0, 'text']) {
        expect(TSLIB_HELPERS.__importDefault(mod)).toEqual(tslib.__importDefault(mod));
      }
    });

    test('calls the cidr module only inside the cidr format\'s check, and requires no other module the table leaves out', () => {
      const binding = /(\w+) = tslib_1\.__importDefault\(require\("is-cidr"\)\)/.exec(formatsSource)![1];
      expect(UNUSED_CIDR_MODULE).toBe('is-cidr');
      const uses = formatsSource.split('\n').filter((line) => line.includes(binding) && !line.includes('require('));
      expect(uses).toEqual([expect.stringContaining(`(0, ${binding}.default)(value)`)]);
      expect(formatsSource.match(/require\("[^"]+"\)/g)).toEqual(['require("tslib")', 'require("ajv-formats/dist/formats.js")', `require("${UNUSED_FORMATS_MODULE}")`, `require("${UNUSED_CIDR_MODULE}")`]);
    });
  });

  describe('on modules of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'netkit-schema-modules-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

    test('runs a module as Node does: its exports as this, its own file and folder, cycles, built-in modules', () => {
      write('a.js', 'exports.self = this === exports; exports.file = __filename; exports.dir = __dirname; exports.b = require("./b.js"); exports.sep = require("node:path").sep; module.exports.done = true;');
      write('b.js', 'const a = require("./a.js"); exports.sawA = Object.keys(a);');
      const a = new SchemaModules().load(join(dir, 'a.js'));
      expect(a).toEqual({ self: true, file: join(dir, 'a.js'), dir, b: { sawA: ['self', 'file', 'dir'] }, sep: require('node:path').sep, done: true });
    });

    test('a module that throws is not kept: loading it again runs it again', () => {
      // The module runs outside jest's sandbox (as Node's require does here too): it counts its runs in a file.
      write('count.js', 'require("node:fs").appendFileSync(__dirname + "/runs", "x"); throw new Error("broken");');
      const modules = new SchemaModules();
      expect(() => modules.load(join(dir, 'count.js'))).toThrow('broken');
      expect(() => modules.load(join(dir, 'count.js'))).toThrow('broken');
      expect(readFileSync(join(dir, 'runs'), 'utf8')).toBe('xx');
    });

    test('a module loaded on first read that the loader cannot run is loaded by Node\'s require then', () => {
      write('root.js', 'let _leaf=require("./leaf.js");exports.validate=(x)=>(0,_leaf.validate)(x);');
      write('leaf.js', 'const c = require("./c"); exports.validate = (x) => x === c.ok;');
      write('c.js', 'exports.ok = 1;');
      const modules = new SchemaModules();
      const validate = modules.load(join(dir, 'root.js')).validate;
      expect(modules.loadedModules).toBe(1);
      expect([validate(1), validate(2)]).toEqual([true, false]);
    });

    test('what the loader cannot load (a require without its extension, ESM syntax) Node loads instead', () => {
      write('needs-node.js', 'const b = require("./b"); exports.validate = (x) => x === b.ok;');
      write('b.js', 'exports.ok = 1;');
      write('module.js', 'export const validate = () => true;');
      expect(() => new SchemaModules().load(join(dir, 'needs-node.js'))).toThrow();
      const validate = loadValidator(join(dir, 'needs-node.js'))!;
      expect([validate(1), validate(2)]).toEqual([true, false]);
      expect(() => new SchemaModules().load(join(dir, 'module.js'))).toThrow("Unexpected token 'export'");
      expect(loadValidator(join(dir, 'missing.js'))).toBeNull();
    });
  });
});
