import { join } from 'node:path';
import { checkPolicies } from '../../lib';
import facts from '../../lib/policy/schema/validator-facts.json';
import { FORMAT_GUARDS, matchesShape, shapeOf, SHAPE_KEYWORDS, ValidatedShapes } from '../../lib/policy/schema/validated-shapes';
import { readsItemByIndex, readValidatorFacts } from '../../scripts/validator-facts';
import { deployment, service } from './builders';

const MODELS = join(__dirname, '..', '..', 'node_modules', 'kubernetes-models');

/**
 * How many random strings the format-guard test tries (30,000 by default). Mutation runs set
 * NETKIT_RANDOM_SAMPLES low (stryker.config.mjs): each mutant reruns these loops in instrumented code,
 * and the deterministic boundaries (validated-shapes.boundaries.test.ts) are what kill mutants there.
 */
const SAMPLES = Number(process.env.NETKIT_RANDOM_SAMPLES) || 30_000;

describe('validator facts', () => {
  test('validator-facts.json is what the installed kubernetes-models checks (regenerate: scripts/gen-schema-fields.ts)', () => {
    expect(readValidatorFacts(MODELS)).toEqual(facts);
  });

  test('its validators use only keywords the shape memo accounts for', () => {
    expect(facts.keywords.filter((k) => !SHAPE_KEYWORDS.includes(k))).toEqual([]);
    expect(facts.enumStrings).toEqual(expect.arrayContaining(['IfNotPresent', 'ClusterIP', 'TCP']));
    expect(facts.formats).toEqual(['byte', 'date-time', 'double', 'int32', 'int64', 'quantity']);
    expect(facts.source).toMatch(/^kubernetes-models [\d.]+, @kubernetes-models\/apimachinery [\d.]+, @kubernetes-models\/validate [\d.]+, ajv-formats [\d.]+, ajv-formats-draft2019 [\d.]+$/);
  });

  test('no validator reads an array item by its index, and the fact tells ajv tuples from item loops', () => {
    expect(facts.readsItemsByPosition).toBe(false);
    // ajv is what compiled kubernetes-models' validators; compile both array forms the same way.
    const Ajv = require('ajv');
    const standalone = require('ajv/dist/standalone').default;
    const code = (items: unknown) => {
      const ajv = new Ajv({ code: { source: true }, strictTuples: false });
      return standalone(ajv, ajv.compile({ type: 'array', items }));
    };
    expect(readsItemByIndex(code([{ type: 'string' }, { type: 'integer' }]))).toBe(true);
    expect(readsItemByIndex(code({ type: 'string' }))).toBe(false);
  });

  test('with the installed packages the memo is on', () => {
    expect(ValidatedShapes.create()).toBeDefined();
  });

  test.each([
    ['another kubernetes-models version', { installedValidatorsSource: () => 'kubernetes-models 9.9.9, @kubernetes-models/apimachinery 9.9.9' }],
    ['no format table', { installedFormats: () => undefined }],
    ['a format it cannot read', { installedFormats: () => ({ byte: { async: true, validate: async () => true } }) }],
    ['a format that keeps state between tests', { installedFormats: () => ({ ...jest.requireActual('@kubernetes-models/validate').formats, byte: /^[a-z]+$/g }) }],
  ])('with %s the memo is off and every object is validated', (_case, overrides) => {
    jest.isolateModules(() => {
      jest.doMock('../../lib/policy/schema/openapi-validators', () => ({ ...jest.requireActual('../../lib/policy/schema/openapi-validators'), ...overrides }));
      const isolated = require('../../lib/policy/schema/validated-shapes');
      expect(isolated.ValidatedShapes.create()).toBeUndefined();
      const { checkPolicies: isolatedCheck } = require('../../lib/policy/engine');
      const objects = [deployment('a'), deployment('b', { container: { imagePullPolicy: 'Sometimes' } })];
      expect(isolatedCheck(objects).filter((f: any) => f.rule === 'schema-valid').map((f: any) => f.name)).toEqual(['b']);
    });
    jest.dontMock('../../lib/policy/schema/openapi-validators');
  });

  test('a format check that throws makes every string it sees count: objects differing in names are validated each', () => {
    // Names of four characters pass byte's guard (base64 comes in groups of four), so its check sees them; with a dash they are not base64.
    const type = 'Deployment';
    expect(ValidatedShapes.create()!.has(type, deployment('xy-z'))).toBe(false);
    const stock = ValidatedShapes.create()!;
    stock.add(type, deployment('ab-c'));
    expect(stock.has(type, deployment('xy-z'))).toBe(true);
    jest.isolateModules(() => {
      const throwing = { ...jest.requireActual('@kubernetes-models/validate').formats, byte: { type: 'string', validate: () => { throw new Error('boom'); } } };
      jest.doMock('../../lib/policy/schema/openapi-validators', () => ({ ...jest.requireActual('../../lib/policy/schema/openapi-validators'), installedFormats: () => throwing }));
      const shapes = require('../../lib/policy/schema/validated-shapes').ValidatedShapes.create();
      shapes.add(type, deployment('ab-c'));
      expect(shapes.has(type, deployment('ab-c'))).toBe(true);
      expect(shapes.has(type, deployment('xy-z'))).toBe(false);
    });
    jest.dontMock('../../lib/policy/schema/openapi-validators');
  });
});

describe('format guards', () => {
  const formats = jest.requireActual('@kubernetes-models/validate').formats;
  const passes = (name: string, s: string): boolean => {
    const f = formats[name];
    const check = typeof f === 'function' ? f : f.validate;
    return check instanceof RegExp ? check.test(s) : Boolean(check(s));
  };

  test('each guarded format is one the validators check', () => {
    expect(facts.formats).toEqual(expect.arrayContaining(Object.keys(FORMAT_GUARDS)));
  });

  test.each([
    ['date-time', ['2026-11-21T10:00:00Z', '2026-11-21 10:00:00+01:00', '1999-12-31t23:59:60.5z']],
    ['quantity', ['500m', '1.5Gi', '+1e3', '-2', '.5', '0', '5.']],
    ['byte', ['', 'YWJj', 'YWI=', 'YQ==', 'web1']],
  ])('%s: valid examples pass the guard', (name, examples) => {
    for (const s of examples) expect([s, passes(name, s), FORMAT_GUARDS[name](s)]).toEqual([s, true, true]);
  });

  test('no string valid for a format fails its guard (random strings of the formats\' characters)', () => {
    // A fixed-seed generator: the strings are the same on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const chars = '0123456789-+.:eEiKMGTmkuntTzZ =/ab';
    let valid = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const s = Array.from({ length: next() % 26 }, () => chars[next() % chars.length]).join('');
      for (const name of Object.keys(FORMAT_GUARDS)) {
        if (!passes(name, s)) continue;
        valid++;
        expect([name, s, FORMAT_GUARDS[name](s)]).toEqual([name, s, true]);
      }
    }
    // The strings reach every format often enough to mean something.
    expect(valid).toBeGreaterThan(SAMPLES / 30);
  });

  test('names, images and hosts fail every guard, so their format checks are skipped', () => {
    for (const s of ['web', 'app-00001', 'registry.example.com/app:1.0.0', 'www.example.com']) {
      expect([s, Object.values(FORMAT_GUARDS).some((guard) => guard(s))]).toEqual([s, false]);
    }
  });
});

/**
 * What "alike for the validators" means, written plainly (recursive, no
 * shape): the same own enumerable keys in plain objects, the same array
 * lengths, the same numbers, booleans and nulls, strings equal or both
 * insignificant; an identical value is alike anywhere, nothing else past 64 levels.
 */
function alikeModel(a: unknown, b: unknown, significant: (s: string) => boolean, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 64 || typeof a !== typeof b) return false;
  if (typeof a === 'string') return !significant(a) && !significant(b as string);
  if (typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => alikeModel(item, (b as unknown[])[i], significant, depth + 1));
  const plain = (o: object) => [Object.prototype, null].includes(Object.getPrototypeOf(o));
  if (!plain(a) || !plain(b as object)) return false;
  const keysOf = (o: object) => {
    const keys: string[] = [];
    for (const key in o) keys.push(key);
    return keys;
  };
  const [ka, kb] = [keysOf(a), keysOf(b as object)];
  if (!ka.every((key) => Object.prototype.hasOwnProperty.call(a, key)) || !kb.every((key) => Object.prototype.hasOwnProperty.call(b, key))) return false;
  return ka.length === kb.length && kb.every((key) => ka.includes(key)) && ka.every((key) => alikeModel((a as any)[key], (b as any)[key], significant, depth + 1));
}

describe('alike objects (shapeOf and matchesShape)', () => {
  const significant = ValidatedShapes.create() ? (s: string) => facts.enumStrings.includes(s) || /^\d/.test(s) || /^[A-Za-z0-9+/]{4}$/.test(s) : undefined;
  const same = (a: unknown, b: unknown) => matchesShape(shapeOf(a, significant!)!, b, significant!);

  test('names, images and label values are interchangeable', () => {
    expect(same(deployment('web'), deployment('shop-frontend', { container: { image: 'registry.example.com/shop:2.0' } }))).toBe(true);
  });

  test.each([
    ['an enum member and another string', { imagePullPolicy: 'Always' }, { imagePullPolicy: 'Sometimes' }],
    ['two enum members', { imagePullPolicy: 'Always' }, { imagePullPolicy: 'Never' }],
    ['two numbers', { ports: [{ containerPort: 80 }] }, { ports: [{ containerPort: 81 }] }],
    ['a number and a numeric string', { ports: [{ containerPort: 80 }] }, { ports: [{ containerPort: '80' }] }],
    ['a string that passes a format and one that does not', { resources: { limits: { cpu: '500m' } } }, { resources: { limits: { cpu: 'half' } } }],
    ['two strings that pass a format', { resources: { limits: { cpu: '500m' } } }, { resources: { limits: { cpu: '250m' } } }],
    ['an extra key', { name: 'web' }, { name: 'web', extra: 1 }],
    ['a missing key', { name: 'web', image: 'nginx' }, { name: 'web' }],
    ['array lengths', { args: ['a'] }, { args: ['a', 'b'] }],
    ['an array and an object', { args: ['a'] }, { args: { 0: 'a' } }],
    ['null and an object', { securityContext: null }, { securityContext: {} }],
    ['booleans', { stdin: true }, { stdin: false }],
    ['a plain object and a class instance', { env: {} }, { env: new Map() }],
  ])('%s differ', (_case, a, b) => {
    expect(same(a, b)).toBe(false);
    expect(same(b, a)).toBe(false);
  });

  test('values nested deeper than any schema, cycles included, do not count as alike', () => {
    const cyclic = (): any => {
      const data: any = { a: 1 };
      data.self = data;
      return data;
    };
    expect(same({ data: cyclic() }, { data: cyclic() })).toBe(false);
  });

  test('inherited keys do not count as alike', () => {
    const withInherited = Object.create({ name: 'web' });
    expect(same({ name: 'web' }, withInherited)).toBe(false);
  });
});

describe('shapeOf and matchesShape (a kept object read once)', () => {
  const significant = (s: string) => facts.enumStrings.includes(s) || /^\d/.test(s);
  const matches = (a: unknown, b: unknown) => matchesShape(shapeOf(a, significant)!, b, significant);
  const cyclic = (): any => {
    const data: any = { a: 1 };
    data.self = data;
    return data;
  };
  const shared = { name: 'x' };
  const inherited = Object.create({ name: 'web' });
  const deep = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { next: deep(levels - 1, leaf) });
  const values: unknown[] = [
    deployment('web'), deployment('shop', { container: { image: 'registry.example.com/shop:2.0' } }),
    deployment('web', { container: { imagePullPolicy: 'Always' } }), service('web'),
    { imagePullPolicy: 'Always' }, { imagePullPolicy: 'Never' }, { imagePullPolicy: 'Sometimes' },
    { ports: [{ containerPort: 80 }] }, { ports: [{ containerPort: 81 }] }, { ports: [{ containerPort: '80' }] },
    { resources: { limits: { cpu: '500m' } } }, { resources: { limits: { cpu: 'half' } } },
    { name: 'web' }, { name: 'web', extra: 1 }, { name: 'web', image: 'nginx' }, { image: 'nginx', name: 'web' },
    { args: ['a'] }, { args: ['a', 'b'] }, { args: { 0: 'a' } }, { args: [] }, { args: {} },
    { securityContext: null }, { securityContext: {} }, { securityContext: undefined }, {},
    { stdin: true }, { stdin: false }, { env: new Map() }, { env: {} }, { n: NaN }, { s: shared }, { s: { name: 'y' } },
    { data: cyclic() }, { data: cyclic() }, inherited, { name: 'web' }, Object.create(null),
    deep(70, 'a'), deep(70, 'b'), deep(60, 'a'), deep(60, 'b'), 'web', 'Always', 80, null, undefined, [1, 2], [1, [2]],
  ];

  test('on every pair of values it answers as the plain definition of alike does', () => {
    for (const a of values) {
      for (const b of values) expect([a, b, matches(a, b)]).toEqual([a, b, alikeModel(a, b, significant)]);
      // Identical values are alike, even deeper than any schema or with a cycle.
      expect(matches(a, a)).toBe(true);
    }
  });

  test('an identical part of the other object is alike wherever it is, a copy of it only within 64 levels', () => {
    const deepShared = deep(70, 'a');
    expect([matches({ x: deepShared }, { x: deepShared }), matches({ x: deepShared }, { x: deep(70, 'a') })]).toEqual([true, false]);
  });

  test('an own key that is not enumerable is not a key of the object (the validators do not see it): not alike', () => {
    const hidden: any = { y: 'web' };
    Object.defineProperty(hidden, 'x', { value: 'web', enumerable: false });
    expect([matches({ x: 'web' }, hidden), matches({ y: 'web' }, hidden), matches({ x: 'web', y: 'web' }, hidden)]).toEqual([false, true, false]);
  });

  test('an object past 20,000 values gets no shape: objects like it are not taken as validated (they are validated), smaller ones still are', () => {
    const big = (name: string, length = 20_001) => ({ metadata: { name }, data: Array.from({ length }, (_, i) => `v${i}`) });
    expect(shapeOf(big('a'), significant)).toBeUndefined();
    const shapes = ValidatedShapes.create()!;
    shapes.add('ConfigMap', big('a'));
    shapes.add('ConfigMap', big('a', 19_000));
    expect([shapes.has('ConfigMap', big('b')), shapes.has('ConfigMap', big('b', 19_000)), shapes.has('ConfigMap', { ...big('c', 19_000), extra: 1 })]).toEqual([false, true, false]);
  });
});

describe('withoutAlikeItems', () => {
  const shapes = ValidatedShapes.create()!;
  const rule = (i: number, extra: Record<string, unknown> = {}) => ({
    host: `app-${i}.apps.example.com`,
    http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `app-${i}`, port: { number: 80 } } }, ...extra }] },
  });
  const ingress = (rules: unknown[]) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { ingressClassName: 'nginx', rules } });

  test('alike items of a list are left out, unlike ones kept in order, and the object itself is not changed', () => {
    const rules = Array.from({ length: 50 }, (_, i) => rule(i));
    rules.splice(20, 0, rule(20, { pathType: 'Exact' }));
    const original = ingress(rules);
    const copy = JSON.parse(JSON.stringify(original));
    const cut = shapes.withoutAlikeItems(original) as any;
    expect(cut.spec.rules.map((r: any) => r.http.paths[0].pathType)).toEqual(['Prefix', 'Exact']);
    expect(cut.spec.rules[1]).toBe(original.spec.rules[20]);
    expect(cut.metadata).toBe(original.metadata);
    expect(original).toEqual(copy);
  });

  test('lists inside kept items are cut too; an object without alike items comes back as it is', () => {
    const paths = Array.from({ length: 5 }, (_, i) => ({ path: `/p${i}`, pathType: 'Prefix', backend: { service: { name: `s${i}`, port: { number: 80 } } } }));
    const cut = shapes.withoutAlikeItems(ingress([{ host: 'a.example.com', http: { paths } }])) as any;
    expect(cut.spec.rules[0].http.paths).toEqual([paths[0]]);
    const unlike = ingress([rule(1), rule(2, { pathType: 'Exact' })]);
    expect(shapes.withoutAlikeItems(unlike)).toBe(unlike);
  });

  test('items that differ in an enum member, a number or a key are all kept', () => {
    const items = [{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 80 }, { protocol: 'TCP', port: 81 }, { protocol: 'TCP', port: 80, name: 'x' }, { protocol: 'TCP', port: 80 }];
    expect((shapes.withoutAlikeItems({ ports: items }) as any).ports).toEqual(items.slice(0, 4));
  });

  test('items too large for a shape (past 20,000 values) are all kept', () => {
    const item = (name: string) => ({ name, data: Array.from({ length: 20_001 }, (_, i) => `v${i}`) });
    const small = (name: string) => ({ name, data: ['v'] });
    const cut = (shapes.withoutAlikeItems({ items: [item('a'), item('b'), small('c'), small('d')] }) as any).items;
    expect(cut.map((i: any) => i.name)).toEqual(['a', 'b', 'c']);
  });

  test('a "__proto__" key stays a key of the copy', () => {
    const value = JSON.parse('{"__proto__": {"a": 1}, "list": [{"n": "x"}, {"n": "y"}]}');
    const cut = shapes.withoutAlikeItems(value) as any;
    expect(cut.list).toHaveLength(1);
    expect(Object.getPrototypeOf(cut)).toBe(Object.prototype);
    expect(Object.keys(cut)).toEqual(['__proto__', 'list']);
  });

  test('when a validator read items by index, lists are left whole', () => {
    jest.isolateModules(() => {
      jest.doMock('../../lib/policy/schema/validator-facts.json', () => ({ ...facts, readsItemsByPosition: true }));
      const isolated = require('../../lib/policy/schema/validated-shapes').ValidatedShapes.create();
      const value = ingress([rule(1), rule(2)]);
      expect(isolated.withoutAlikeItems(value)).toBe(value);
    });
    jest.dontMock('../../lib/policy/schema/validator-facts.json');
  });
});

describe('schema-valid with the shape memo', () => {
  const schemaFindings = (objects: any[]) => checkPolicies(objects).filter((f) => f.rule === 'schema-valid').map((f) => `${f.name}: ${f.message}`);

  // Each differs from the valid first one in a way only the validators or the field table see.
  const variants = (): any[] => [
    deployment('ok-1'),
    deployment('ok-2', { container: { image: 'other:2' } }),
    deployment('bad-enum', { container: { imagePullPolicy: 'Sometimes' } }),
    deployment('bad-type', { container: { ports: [{ containerPort: '8080', name: 'http', protocol: 'TCP' }] } }),
    deployment('bad-int32', { container: { ports: [{ containerPort: 2 ** 40, name: 'http', protocol: 'TCP' }] } }),
    deployment('bad-quantity', { container: { resources: { requests: { cpu: 'lots', memory: '64Mi' }, limits: { memory: '128Mi' } } } }),
    deployment('misspelt', { container: { imagePullPolcy: 'Always' } }),
    deployment('no-name', { container: { name: undefined } }),
    { ...deployment('null-spec'), spec: null }, // allowed: the schema's fields are nullable
    service('svc-ok'),
    service('svc-bad-type', { type: 'Cluster' }),
    service('svc-ok-2'),
  ];

  test('findings over the whole set are those of each object checked alone', () => {
    const alone = variants().flatMap((o) => schemaFindings([o]));
    expect(schemaFindings(variants())).toEqual(alone);
    expect(alone.map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['bad-enum', 'bad-type', 'bad-int32', 'bad-quantity', 'misspelt', 'no-name', 'svc-bad-type']));
    expect(alone.some((f) => /^(ok-|svc-ok)/.test(f))).toBe(false);
  });

  test('objects with a cycle where the schema does not look (a ControllerRevision\'s data) are checked, not compared forever', () => {
    const revision = (name: string): any => {
      const data: any = { a: 1 };
      data.self = data;
      return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name, namespace: 'shop' }, revision: 1, data };
    };
    expect(schemaFindings([revision('r1'), revision('r2'), { ...revision('r3'), revision: 'one' }])).toEqual(['r3: revision must be of type integer.']);
  });

  test('the four most recently matched shapes of a kind are kept', () => {
    const shapes = ValidatedShapes.create()!;
    const shape = (i: number) => ({ kind: 'ConfigMap', data: { [`key-${i}`]: 'v' } });
    for (let i = 0; i < 4; i++) shapes.add('ConfigMap', shape(i));
    expect(shapes.has('ConfigMap', shape(0))).toBe(true);
    shapes.add('ConfigMap', shape(4));
    // 0 was just matched: 1 was the least recently matched, and went.
    expect([0, 1, 2, 3, 4].map((i) => shapes.has('ConfigMap', shape(i)))).toEqual([true, false, true, true, true]);
    expect(shapes.has('Secret', shape(0))).toBe(false);
  });

  test('past the strings it remembers (10,000, with the default sample size), answers stay the same', () => {
    const shapes = ValidatedShapes.create()!;
    const labelled = (value: string) => ({ kind: 'ConfigMap', metadata: { name: 'cm', labels: { app: value } } });
    shapes.add('ConfigMap', labelled('web'));
    for (let i = 0; i < SAMPLES * 0.4; i++) expect(shapes.has('ConfigMap', labelled(`app-${i}-x`))).toBe(true);
    // An enum member and a quantity are compared exactly, before and after the memo forgot.
    expect([shapes.has('ConfigMap', labelled('Always')), shapes.has('ConfigMap', labelled('64Mi'))]).toEqual([false, false]);
    expect(shapes.has('ConfigMap', labelled('web'))).toBe(true);
  });

  test('an Ingress with many alike rules: a fault in one rule is found at its own index', () => {
    const rules = (bad: (i: number) => Record<string, unknown>) => Array.from({ length: 40 }, (_, i) => ({
      host: `app-${i}.apps.example.com`,
      http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `app-${i}`, port: { number: 80 } } }, ...bad(i) }] },
    }));
    const ingress = (name: string, bad: (i: number) => Record<string, unknown>) => ({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'shop' }, spec: { ingressClassName: 'nginx', rules: rules(bad) },
    });
    expect(schemaFindings([
      ingress('ok', () => ({})),
      ingress('bad-enum', (i) => (i === 37 ? { pathType: 'Sometimes' } : {})),
      ingress('misspelt', (i) => (i === 12 ? { pathTyp: 'Prefix' } : {})),
    ])).toEqual([
      'bad-enum: spec.rules[37].http.paths[0].pathType must be one of "Exact", "ImplementationSpecific", "Prefix".',
      'misspelt: spec.rules[12].http.paths[0].pathTyp is not a field of HTTPIngressPath (did you mean "pathType"?); the API server drops or rejects it.',
    ]);
  });

  test('a fault after many objects of the same shape is still found', () => {
    const many = Array.from({ length: 50 }, (_, i) => deployment(`app-${i}`));
    many.push(deployment('late', { container: { imagePullPolicy: 'Sometimes' } }));
    expect(schemaFindings(many)).toEqual(['late: spec.template.spec.containers[0].imagePullPolicy must be one of "Always", "IfNotPresent", "Never".']);
  });
});
