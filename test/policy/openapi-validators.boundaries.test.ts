import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageDirFrom, schemaErrors, validatorFor, validatorPackagesSource } from '../../lib/policy/schema/openapi-validators';
import facts from '../../lib/policy/schema/validator-facts.json';

// What schemaErrors says, and how the validators and their packages are found (the loader's cases are in schema-modules.test.ts).

describe('schemaErrors', () => {
  const lines = (manifest: unknown) => schemaErrors(manifest).map((e) => `${e.path} ${e.message}`);

  test('each keyword\'s message, at its field path (a "/" and a "~" in a key as written)', () => {
    expect(lines({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { 'a/b~c': 1 } }, spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: { x: 1 } }], type: 'Cluster' } })).toEqual([
      'metadata.annotations.a/b~c must be of type string',
      'spec.ports[1].targetPort must be of type string',
      'spec.ports[1].targetPort must be of type integer',
      'spec.ports[1].targetPort fails the schema\'s "oneOf" rule {"passingSchemas":null}',
      'spec.type must be one of "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
    expect(lines({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: 'now' }, spec: { containers: [{ image: 'x' }] } })).toEqual([
      'metadata.creationTimestamp must be a valid date-time',
      'spec.containers[0] requires field "name"',
    ]);
  });

  test('a list index is in brackets, at any length; a map key of digits is a key', () => {
    const ports = Array.from({ length: 11 }, (_, i) => ({ port: i === 10 ? 'x' : 80 + i }));
    expect(lines({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', annotations: { 'a1': 1, '1a': 2, '80': 3 } }, spec: { ports } })).toEqual([
      'metadata.annotations.80 must be of type string',
      'metadata.annotations.a1 must be of type string',
      'metadata.annotations.1a must be of type string',
      'spec.ports[10].port must be of type integer',
    ]);
  });

  test('an error of the object itself is at (root); a valid object and an unknown kind have none', () => {
    expect(lines(Object.assign([], { apiVersion: 'v1', kind: 'Namespace' }))).toEqual(['(root) must be of type object']);
    expect(lines({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).toEqual([]);
    expect(lines({ apiVersion: 'example.com/v1', kind: 'Widget', spec: 5 })).toEqual([]);
  });
});

describe('validatorFor', () => {
  test('a built-in kind of the core group and of a named group; the same validator when asked again', () => {
    const pod = validatorFor('v1', 'Pod');
    expect([typeof pod, typeof validatorFor('networking.k8s.io/v1', 'Ingress')]).toEqual(['function', 'function']);
    expect(validatorFor('v1', 'Pod')).toBe(pod);
  });

  test.each([
    ['an unknown kind', 'v1', 'Widget'],
    ['a kind with a dot', 'v1', 'Pod.js'],
    ['a kind with a slash', 'v1', '../v1/Pod'],
    ['an empty kind', 'v1', ''],
    ['an apiVersion with three parts', 'apps/v1/x', 'Deployment'],
    ['an apiVersion that leaves the package', '../kubernetes-models/v1', 'Pod'],
    ['an apiVersion with a space', 'apps /v1', 'Deployment'],
    ['an empty apiVersion', '', 'Pod'],
    // Each would name an existing model file through a path: refused by the anchored patterns.
    ['an apiVersion with a path before it', 'x/../apps/v1', 'Deployment'],
    ['an apiVersion with a path after it', 'apps/v1/../v1', 'Deployment'],
    ['a kind with a path before it', 'v1', '../apps/v1/Deployment'],
    ['a kind with a path after it', 'v1', 'Pod/../Pod'],
    ['a model file that names no schema module', 'v1', 'index'],
  ])('none for %s', (_case, apiVersion, kind) => {
    expect(validatorFor(apiVersion, kind)).toBeNull();
  });
});

describe('loaded afresh (the caches empty)', () => {
  test('the installed packages are found once and give the lean format table and working validators', () => {
    jest.isolateModules(() => {
      const fresh = require('../../lib/policy/schema/openapi-validators');
      expect([fresh.installedValidatorsSource(), fresh.installedValidatorsSource()]).toEqual([facts.source, facts.source]);
      const lean = fresh.leanValidatePackage();
      expect(Object.keys(lean.formats)).toEqual(expect.arrayContaining(['byte', 'date-time', 'int32', 'quantity']));
      expect(Object.keys(lean.formats).filter((name: string) => ['duration', 'idn-email', 'idn-hostname', 'iri', 'iri-reference'].includes(name))).toEqual([]);
      expect(fresh.leanValidatePackage()).toBe(lean);
      expect(fresh.installedFormats()).toBe(lean.formats);
      const validate = fresh.validatorFor('v1', 'Namespace');
      const ns = (name: unknown) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
      expect([validate(ns('shop')), validate(ns(1)), fresh.validatorFor('v1', 'Namespace')]).toEqual([true, false, validate]);
      expect(fresh.schemaErrors({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 1 } })).toEqual([{ path: 'metadata.name', message: 'must be of type string' }]);
    });
  });

  test('with other packages than validator-facts.json names, the format table is the package\'s own, whole, and the validators still load', () => {
    jest.isolateModules(() => {
      jest.doMock('../../lib/policy/schema/validator-facts.json', () => ({ ...facts, source: 'kubernetes-models 0.0.0' }));
      const fresh = require('../../lib/policy/schema/openapi-validators');
      expect(fresh.leanValidatePackage()).toBeUndefined();
      const formats = fresh.installedFormats();
      expect(Object.keys(formats)).toEqual(expect.arrayContaining(['quantity', ...fresh.UNUSED_FORMATS]));
      expect(fresh.schemaErrors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: 'now' }, spec: { containers: [{ name: 'a', image: 'x' }] } }))
        .toEqual([{ path: 'metadata.creationTimestamp', message: 'must be a valid date-time' }]);
    });
    jest.dontMock('../../lib/policy/schema/validator-facts.json');
  });
});

describe('the packages the validators come from', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'netkit-validator-packages-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const pkg = (path: string, text: string) => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'package.json'), text);
  };
  const installAll = () => {
    pkg('models', '{"version": "1.0.0"}');
    pkg('node_modules/@kubernetes-models/apimachinery', '{"version": "2.0.0"}');
    pkg('node_modules/@kubernetes-models/validate', '{"version": "3.0.0"}');
    pkg('node_modules/ajv-formats', '{"version": "4.0.0"}');
    pkg('node_modules/ajv-formats-draft2019', '{"version": "5.0.0"}');
  };

  test('each package with its version, in order; the installed ones are those validator-facts.json was read from', () => {
    installAll();
    expect(validatorPackagesSource(join(dir, 'models'))).toBe('kubernetes-models 1.0.0, @kubernetes-models/apimachinery 2.0.0, @kubernetes-models/validate 3.0.0, ajv-formats 4.0.0, ajv-formats-draft2019 5.0.0');
    expect(validatorPackagesSource(packageDirFrom(join(__dirname, '..', '..'), 'kubernetes-models')!)).toBe(facts.source);
  });

  test.each([
    ['without @kubernetes-models/validate', 'node_modules/@kubernetes-models/validate'],
    ['without ajv-formats-draft2019', 'node_modules/ajv-formats-draft2019'],
    ['without the apimachinery schemas', 'node_modules/@kubernetes-models/apimachinery'],
  ])('none %s', (_case, missing) => {
    installAll();
    rmSync(join(dir, missing), { recursive: true });
    expect(validatorPackagesSource(join(dir, 'models'))).toBeUndefined();
  });

  test('none when a package.json cannot be read', () => {
    installAll();
    pkg('node_modules/ajv-formats', '{ not json');
    expect(validatorPackagesSource(join(dir, 'models'))).toBeUndefined();
  });

  test('packageDirFrom: the nearest installed package, none when it is not installed (a folder without package.json is none)', () => {
    installAll();
    mkdirSync(join(dir, 'models', 'node_modules', 'empty-folder'), { recursive: true });
    expect(packageDirFrom(join(dir, 'models'), 'empty-folder')).toBeUndefined();
    pkg('models/node_modules/ajv-formats', '{"version": "9.0.0"}');
    expect(packageDirFrom(join(dir, 'models'), 'ajv-formats')).toBe(join(dir, 'models', 'node_modules', 'ajv-formats'));
    expect(packageDirFrom(join(dir, 'models'), 'no-such-package-netkit')).toBeUndefined();
  });
});
