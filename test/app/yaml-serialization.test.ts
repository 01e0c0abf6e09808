import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App } from 'cdk8s';
import { NetkitApp, NetkitChart } from '../../lib';
import { cdk8sDirectivesPrototype, skippingUnusedTagScan } from '../../lib/app/yaml-serialization';
import { synthToTree } from './app-fixtures';

// The yaml package cdk8s serializes with (it bundles its own copy).
const yaml = createRequire(require.resolve('cdk8s'))('yaml');

/** Documents whose directives take each path of Directives#toString. */
function documents(): Array<[string, () => any]> {
  return [
    ['from an object, YAML 1.1 (as cdk8s makes them)', () => new yaml.Document({ a: [1, 'x', { b: null }] }, { version: '1.1' })],
    ['from an object, YAML 1.2', () => new yaml.Document({ a: 'b' })],
    ['empty', () => new yaml.Document(null, { version: '1.1' })],
    ['parsed with a %TAG directive and a tagged node', () => yaml.parseDocument('%TAG !e! tag:example.com,2000:app/\n---\na: !e!foo bar\n')],
    ['parsed with a %TAG directive it does not use', () => yaml.parseDocument('%TAG !e! tag:example.com,2000:app/\n---\na: b\n')],
    ['parsed with %YAML 1.1', () => yaml.parseDocument('%YAML 1.1\n---\na: b\n')],
    ['parsed with --- only', () => yaml.parseDocument('---\na: b\n')],
    ['a tag handle added in code', () => {
      const doc = new yaml.Document({ a: 'b' });
      doc.directives.tags['!x!'] = 'tag:example.com,2000:';
      return doc;
    }],
    ['the default handle with another prefix', () => {
      const doc = new yaml.Document({ a: 'b' });
      doc.directives.tags['!!'] = 'tag:example.com,2000:';
      return doc;
    }],
    ['explicit %YAML set in code', () => {
      const doc = new yaml.Document({ a: 'b' });
      doc.directives.yaml.explicit = true;
      return doc;
    }],
  ];
}

describe('skipping the tag scan of the YAML library cdk8s uses', () => {
  test('the library is the one this module knows', () => {
    expect(cdk8sDirectivesPrototype()).toBe(Object.getPrototypeOf(new yaml.Document(null).directives));
  });

  test.each(documents())('a document %s prints the same directives and text', (_, make) => {
    const stock = make();
    const expected = { directives: stock.directives.toString(stock), text: String(stock), explicit: stock.toString({ directives: true }) };
    const skipped = make();
    const actual = skippingUnusedTagScan(() => ({ directives: skipped.directives.toString(skipped), text: String(skipped), explicit: skipped.toString({ directives: true }) }));
    expect(actual).toEqual(expected);
  });

  test('the scan is skipped only for the default tag without %YAML, and toString is restored (also after a throw)', () => {
    const prototype = cdk8sDirectivesPrototype()!;
    const stock = prototype.toString;
    // A document whose nodes cannot be visited: the stock scan would throw, a skipped one does not.
    const unvisitable = new yaml.Document({ a: 'b' }, { version: '1.1' });
    Object.defineProperty(unvisitable.contents, 'items', { get: () => { throw new Error('visited'); } });
    expect(() => unvisitable.directives.toString(unvisitable)).toThrow('visited');
    expect(skippingUnusedTagScan(() => unvisitable.directives.toString(unvisitable))).toBe('');
    const tagged = new yaml.Document({ a: 'b' });
    tagged.directives.tags['!x!'] = 'tag:example.com,2000:';
    Object.defineProperty(tagged.contents, 'items', { get: () => { throw new Error('visited'); } });
    expect(() => skippingUnusedTagScan(() => tagged.directives.toString(tagged))).toThrow('visited');
    expect(prototype.toString).toBe(stock);
  });

  test('NetkitApp skips it while it synthesizes and writes what a stock App writes', () => {
    const prototype = cdk8sDirectivesPrototype()!;
    const stock = prototype.toString;
    const during: unknown[] = [];
    const build = (app: App) => {
      const chart = new NetkitChart(app, 'apps', { namespace: 'apps' });
      new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { '!tag': '!!str x', '%TAG': '%YAML 1.1' } });
      chart.node.addValidation({ validate: () => { during.push(prototype.toString); return []; } });
    };
    const ours = synthToTree('netkit', {}, build);
    expect(during).toHaveLength(1);
    expect(during[0]).not.toBe(stock);
    expect(prototype.toString).toBe(stock);
    expect(ours).toEqual(synthToTree('stock', {}, build));
    const failing = new NetkitApp({ outdir: mkdtempSync(join(tmpdir(), 'netkit-fail-')) });
    build(failing);
    failing.node.addValidation({ validate: () => ['broken'] });
    expect(() => failing.synth()).toThrow(/broken/);
    expect(prototype.toString).toBe(stock);
  });
});
