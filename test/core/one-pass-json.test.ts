import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart, JsonPatch, Lazy, Yaml } from 'cdk8s';
import { IntOrString, KubeConfigMap } from 'cdk8s-plus-27/lib/imports/k8s';
import * as resolveModule from 'cdk8s/lib/resolve';
import { NetkitApp } from '../../lib';
import { onePassJson } from '../../lib/core/one-pass-json';
import { apiObjectJson } from '../../lib/core/synthesized';

/** The same JSON, key order and undefined array items included. */
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toEqual(JSON.stringify(expected));
  expect(Yaml.stringify(actual)).toEqual(Yaml.stringify(expected));
  // Strict: holes and undefined items differ.
  expect(actual).toStrictEqual(expected);
}

function chartOf(app: App = new App()): Chart {
  return new Chart(app, 'c', { namespace: 'ns', labels: { team: 'net', app: 'x' } });
}

describe('onePassJson renders exactly what ApiObject.toJson renders', () => {
  const cases: Record<string, Record<string, unknown>> = {
    'unsorted keys at every level, integer-like keys': {
      kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cm' },
      data: { zeta: '1', '10': 'ten', alpha: '2', '2': 'two' },
      nested: { b: { d: 1, c: [{ y: 1, x: 2 }] }, a: true },
    },
    'null and undefined members are dropped; in arrays they become undefined items': {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { a: null, b: undefined, c: [null, 1, undefined, { d: null }], e: { f: undefined } },
    },
    // eslint-disable-next-line no-sparse-arrays
    'arrays keep their holes, as Array.prototype.map does': { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, spec: { sparse: [1, , { b: 2, a: 1 }] } },
    'empty objects and arrays stay outside metadata': {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 's' },
      spec: { selector: {}, ports: [], externalIPs: [[]] },
    },
    'metadata: empty maps and lists are dropped, extra fields kept and sorted': {
      apiVersion: 'v1', kind: 'Secret',
      metadata: { name: 's', annotations: {}, finalizers: [], ownerReferences: [], generateName: 'g-', managedFields: [{}] },
      type: 'Opaque', stringData: { k: 'v' },
    },
    'numbers, booleans, strings that look like other types': {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', labels: { 'x/y': 'true' } },
      data: { n: '0', s: 'null', yes: 'yes' }, binaryData: {}, immutable: false, weird: [0, -1.5, 1e21, NaN],
    },
    'keys in code unit order: upper case, digits, symbols, non-ASCII and surrogate pairs': {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' },
      data: { 'é': '1', b: '2', B: '3', '\u{1F600}': '4', '\uFF21': '5', '-x': '6', a1: '7', _: '8', '007': '9', 'Z9': '10' },
    },
    'many unsorted keys (past the small-object sort) and many with a few out of place': {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' },
      data: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${(i * 37) % 60}-${String.fromCharCode(65 + (i % 50))}`, String(i)])),
      nested: Object.fromEntries([...Array.from({ length: 30 }, (_, i) => [`n${String(i).padStart(2, '0')}`, i]), ['a', 0], ['m', 1]]),
      small: Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`s${23 - i}`, i])),
    },
    'a namespace and labels from the chart, overridden by the object': {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'other', labels: { app: 'y' } },
    },
  };
  for (const [name, props] of Object.entries(cases)) {
    test(name, () => {
      const object = new ApiObject(chartOf(), 'obj', props as any);
      object.metadata.addAnnotation('z', 'last');
      object.metadata.add('uid', 'abc');
      const fast = onePassJson(object);
      expect(fast).toBeDefined();
      expectSameJson(fast, object.toJson());
    });
  }

  const tokens: Record<string, (chart: Chart) => ApiObject> = {
    'a Lazy value, and a Lazy that produces a Lazy': (c) => new ApiObject(c, 'o', {
      apiVersion: 'v1', kind: 'ConfigMap',
      data: { k: Lazy.any({ produce: () => 'late' }), j: Lazy.any({ produce: () => Lazy.any({ produce: () => ({ b: null, a: '1' }) }) }) },
    }),
    'a whole spec that is a Lazy': (c) => new ApiObject(c, 'o', { apiVersion: 'v1', kind: 'Service', spec: Lazy.any({ produce: () => ({ type: 'ClusterIP', ports: [] }) }) }),
    'a number-or-string union (IntOrString)': (c) => new ApiObject(c, 'o', {
      apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: IntOrString.fromString('http') }, { port: 81, targetPort: IntOrString.fromNumber(8081) }] },
    }),
    'an object with its own resolve()': (c) => new ApiObject(c, 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { resolve: () => ({ z: 'v', a: undefined }) } }),
    'JSON patches, applied after rendering': (c) => {
      const o = new ApiObject(c, 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });
      o.addJsonPatch(JsonPatch.add('/data/b', '2'), JsonPatch.remove('/metadata/namespace'), JsonPatch.add('/aaa', { z: 1, y: 2 }));
      return o;
    },
    'a Lazy in metadata': (c) => new ApiObject(c, 'o', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { annotations: { a: Lazy.any({ produce: () => 'b' }), e: Lazy.any({ produce: () => ({}) }) } } }),
  };
  for (const [name, build] of Object.entries(tokens)) {
    test(name, () => {
      const object = build(chartOf());
      const fast = onePassJson(object);
      expect(fast).toBeDefined();
      expectSameJson(fast, object.toJson());
    });
  }

  test('a function value passes through, as stock (the YAML writer rejects it later)', () => {
    const object = new ApiObject(chartOf(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', spec: { f: () => 1 } });
    expect(onePassJson(object)).toEqual(object.toJson());
    expect(typeof onePassJson(object).spec.f).toBe('function');
  });

  test('Lazy values are produced once each, in the order stock produces them', () => {
    const build = (log: string[]) => {
      const lazy = (name: string, value: unknown) => Lazy.any({ produce: () => { log.push(name); return value; } });
      return new ApiObject(chartOf(), 'o', {
        apiVersion: 'v1', kind: 'ConfigMap',
        metadata: { annotations: { z: lazy('meta-z', '1'), a: lazy('meta-a', '2') } },
        data: { zz: lazy('data-zz', 'x'), nested: { y: lazy('nested-y', { q: lazy('inner-q', 'q') }), b: lazy('nested-b', 'b') }, aa: lazy('data-aa', 'y') },
      });
    };
    const stockLog: string[] = [];
    const stock = build(stockLog).toJson();
    const fastLog: string[] = [];
    const fast = onePassJson(build(fastLog));
    expect(fastLog).toEqual(stockLog);
    expect(stockLog).toEqual(['meta-z', 'meta-a', 'data-zz', 'nested-y', 'inner-q', 'nested-b', 'data-aa']);
    expectSameJson(fast, stock);
  });

  test('an object without a metadata name gets the chart-generated one', () => {
    const object = new ApiObject(chartOf(), 'generated', { apiVersion: 'v1', kind: 'ConfigMap' });
    expectSameJson(onePassJson(object), object.toJson());
    expect(onePassJson(object).metadata.name).toMatch(/^c-generated-/);
  });
});

describe('onePassJson leaves anything else to the stock path', () => {
  const stockOnly: Record<string, (chart: Chart) => ApiObject> = {
    'a generated Kube* class (overrides toJson)': (c) => new KubeConfigMap(c, 'o', { data: { a: '1' } }),
  };
  for (const [name, build] of Object.entries(stockOnly)) {
    test(name, () => {
      const object = build(chartOf());
      expect(onePassJson(object)).toBeUndefined();
      expectSameJson(apiObjectJson(object), object.toJson());
    });
  }

  test('a class instance fails as it does in stock cdk8s', () => {
    const object = new ApiObject(chartOf(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', spec: { at: new Map() } });
    expect(onePassJson(object)).toBeUndefined();
    expect(() => object.toJson()).toThrow(/non-simple object of type 'Map'/);
    expect(() => apiObjectJson(object)).toThrow(/non-simple object of type 'Map'/);
  });

  test('a JSON patch that does not apply fails as it does in stock cdk8s', () => {
    const object = new ApiObject(chartOf(), 'o', { apiVersion: 'v1', kind: 'ConfigMap' });
    object.addJsonPatch(JsonPatch.replace('/data/missing', 'x'));
    expect(onePassJson(object)).toBeUndefined();
    const stockError = (() => { try { object.toJson(); } catch (e) { return (e as Error).message; } return 'no error'; })();
    expect(stockError).toMatch(/^Failed serializing construct at path 'c\/o'/);
    expect(() => apiObjectJson(object)).toThrow(stockError);
  });

  test('an App with custom resolvers', () => {
    const app = new App({ resolvers: [{ resolve: (ctx) => { if (ctx.value === 'x') ctx.replaceValue('y'); } }] });
    const object = new ApiObject(chartOf(app), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'x' } });
    expect(onePassJson(object)).toBeUndefined();
    expect(apiObjectJson(object).data).toEqual({ a: 'y' });
  });

  test('CDK8S_DISABLE_SORT', () => {
    const object = new ApiObject(chartOf(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { b: '1', a: '2' } });
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      expect(onePassJson(object)).toBeUndefined();
      expect(Object.keys(apiObjectJson(object).data)).toEqual(['b', 'a']);
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  test('an own "constructor" key fails as it does in stock cdk8s', () => {
    const object = new ApiObject(chartOf(), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { constructor: 'x' } });
    expect(onePassJson(object)).toBeUndefined();
    expect(() => object.toJson()).toThrow(/non-simple object/);
    expect(() => apiObjectJson(object)).toThrow(/non-simple object/);
  });

  test('a NetkitApp synth takes the plain path for every object of a typical chart', () => {
    const app = new NetkitApp({ outdir: 'unused' });
    const object = new ApiObject(chartOf(app), 'o', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: '1' } });
    // Stock toJson goes through cdk8s' resolve; the plain path never does.
    const spy = jest.spyOn(resolveModule, 'resolve');
    const yaml = app.synthYaml();
    expect(yaml).toContain('data:\n  a: "1"\n');
    expect(spy).not.toHaveBeenCalled();
    object.toJson();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe('the example app (main.ts)', () => {
  test('every object renders in one pass, exactly as ApiObject.toJson renders it', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'netkit-one-pass-'));
    const previous = process.env.CDK8S_OUTDIR;
    process.env.CDK8S_OUTDIR = join(outdir, 'dist');
    let checked = 0;
    try {
      jest.isolateModules(() => {
        // The modules main.ts loads, from the same isolated registry.
        const cdk8s = require('cdk8s');
        const { onePassJson: isolatedOnePassJson } = require('../../lib/core/one-pass-json');
        const stockSynth = cdk8s.App.prototype.synth;
        jest.spyOn(cdk8s.App.prototype, 'synth').mockImplementation(function (this: App) {
          for (const node of this.node.findAll()) {
            if (!cdk8s.ApiObject.isApiObject(node)) continue;
            const fast = isolatedOnePassJson(node);
            expect({ path: node.node.path, rendered: fast !== undefined }).toEqual({ path: node.node.path, rendered: true });
            expectSameJson(fast, (node as ApiObject).toJson());
            checked++;
          }
          return stockSynth.call(this);
        });
        require('../../main');
      });
    } finally {
      if (previous === undefined) delete process.env.CDK8S_OUTDIR;
      else process.env.CDK8S_OUTDIR = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
    // Every document of dist/ (43 today).
    expect(checked).toBeGreaterThanOrEqual(40);
  });
});
