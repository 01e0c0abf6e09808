import { ApiObject, Chart, Testing } from 'cdk8s';
import { Construct, ConstructOrder } from 'constructs';
import { compactNodes } from '../../lib/core/compact-node';
import { constructsBelow, oncePerSynth, sharingFindAll, withSerializedOnce } from '../../lib/core/synthesized';

describe('compactNodes', () => {
  test('keeps every scope and validation of the construct and its children, in order', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    const parent = new Construct(chart, 'parent');
    const child = new ApiObject(parent, 'child', { apiVersion: 'v1', kind: 'ConfigMap' });
    parent.node.addValidation({ validate: () => ['first'] });
    parent.node.addValidation({ validate: () => ['second'] });
    const before = { parent: parent.node.scopes, child: child.node.scopes };
    compactNodes(parent);
    expect(parent.node.scopes).toEqual(before.parent);
    expect(child.node.scopes).toEqual(before.child);
    expect(child.node.root).toBe(app);
    expect(parent.node.validate()).toEqual(['first', 'second']);
    // The lists still grow after compaction.
    parent.node.addValidation({ validate: () => ['third'] });
    expect(parent.node.validate()).toEqual(['first', 'second', 'third']);
    expect(new Construct(child, 'grandchild').node.scopes).toEqual([...before.child, child.node.findChild('grandchild')]);
  });
});

describe('compactNodes on the ApiObjects a construct made', () => {
  const props = () => ({
    apiVersion: 'v1', kind: 'ConfigMap', data: { key: 'value' },
    metadata: { name: 'cm', labels: { b: '2', a: '1' }, annotations: { note: 'x' }, generateName: 'cm-' },
  });
  /** Two ApiObjects from the same props, the second compacted by its maker, as every construct of the library does. */
  function pair() {
    const chart = new Chart(Testing.app(), 'chart', { labels: { chart: 'yes' } });
    const plain = new ApiObject(new Construct(chart, 'plain'), 'Resource', props());
    const given = props();
    const maker = new Construct(chart, 'maker');
    const compacted = new ApiObject(maker, 'Resource', given);
    compactNodes(maker);
    return { plain, compacted, given };
  }

  test.each([['sorted', undefined], ['unsorted (CDK8S_DISABLE_SORT)', 'true']])('writes the same JSON, key for key and in the same order: %s', (_, disableSort) => {
    const stock = process.env.CDK8S_DISABLE_SORT;
    if (disableSort) process.env.CDK8S_DISABLE_SORT = disableSort;
    try {
      const { plain, compacted } = pair();
      expect(JSON.stringify(compacted.toJson())).toBe(JSON.stringify(plain.toJson()));
      expect(compacted.toJson().metadata).toEqual({ name: 'cm', namespace: undefined, generateName: 'cm-', labels: { chart: 'yes', a: '1', b: '2' }, annotations: { note: 'x' } });
      // Labels, annotations and attributes added afterwards are written as before.
      for (const o of [plain, compacted]) {
        o.metadata.addLabel('late', 'l');
        o.metadata.addAnnotation('late', 'a');
        o.metadata.add('uid', 'u');
      }
      expect(JSON.stringify(compacted.toJson())).toBe(JSON.stringify(plain.toJson()));
      expect(compacted.toJson().metadata.labels.late).toBe('l');
    } finally {
      if (stock === undefined) delete process.env.CDK8S_DISABLE_SORT;
      else process.env.CDK8S_DISABLE_SORT = stock;
    }
  });

  test('keeps one copy of the labels and annotations, and leaves the caller\'s props as they were', () => {
    const { compacted, given } = pair();
    const internals = compacted as unknown as { props: Record<string, unknown>; metadata: { _additionalAttributes: Record<string, unknown> } };
    expect(internals.props.metadata).toBeUndefined();
    expect(internals.metadata._additionalAttributes.labels).toBeUndefined();
    expect(internals.metadata._additionalAttributes.annotations).toBeUndefined();
    expect(given.metadata.labels).toEqual({ b: '2', a: '1' });
    expect(compacted.metadata.getLabel('a')).toBe('1');
  });
});

describe('constructsBelow', () => {
  test('walks a scope once within a synth span and sees every change outside one', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'chart');
    new ApiObject(chart, 'one', { apiVersion: 'v1', kind: 'ConfigMap' });
    const paths = (list: readonly { node: { path: string } }[]) => list.map((c) => c.node.path);
    expect(paths(constructsBelow(chart))).toEqual(paths(chart.node.findAll()));
    new ApiObject(chart, 'two', { apiVersion: 'v1', kind: 'ConfigMap' });
    // Outside a synth the tree may change between calls: each call walks it.
    expect(paths(constructsBelow(chart))).toEqual(['chart', 'chart/one', 'chart/two']);
    withSerializedOnce(() => {
      const first = constructsBelow(chart);
      expect(constructsBelow(chart)).toBe(first);
      expect(paths(constructsBelow(app))).toEqual(['', 'chart', 'chart/one', 'chart/two']);
    });
  });
});

test('constructsBelow: within a synth span, each scope lists exactly what findAll lists, whether the app was walked first or not', () => {
  const app = Testing.app();
  const first = new Chart(app, 'first');
  const nested = new Chart(first, 'nested');
  new ApiObject(nested, 'in-nested', { apiVersion: 'v1', kind: 'ConfigMap' });
  new ApiObject(first, 'one', { apiVersion: 'v1', kind: 'ConfigMap' });
  const empty = new Chart(app, 'empty');
  const last = new Chart(app, 'last');
  new ApiObject(last, 'two', { apiVersion: 'v1', kind: 'ConfigMap' });
  const paths = (list: readonly { node: { path: string } }[]) => list.map((c) => c.node.path);
  const scopes = [first, nested, empty, last, nested.node.findChild('in-nested'), app];
  const expected = scopes.map((scope) => paths(scope.node.findAll()));
  // The app first: its children are cut from its list; then each scope on its own.
  withSerializedOnce(() => {
    constructsBelow(app);
    expect(scopes.map((scope) => paths(constructsBelow(scope)))).toEqual(expected);
  });
  withSerializedOnce(() => expect(scopes.map((scope) => paths(constructsBelow(scope)))).toEqual(expected));
});

test('sharingFindAll: findAll answers from the span\'s walk in preorder (a copy each call), walks for postorder, and is stock again afterwards', () => {
  const app = Testing.app();
  const chart = new Chart(app, 'chart');
  new ApiObject(chart, 'one', { apiVersion: 'v1', kind: 'ConfigMap' });
  const paths = (list: readonly { node: { path: string } }[]) => list.map((c) => c.node.path);
  const pre = paths(app.node.findAll());
  const post = paths(app.node.findAll(ConstructOrder.POSTORDER));
  withSerializedOnce(() => sharingFindAll(app, () => {
    const walked = constructsBelow(app);
    const answer = app.node.findAll();
    expect(paths(answer)).toEqual(pre);
    expect(answer).not.toBe(walked);
    expect(app.node.findAll()).not.toBe(answer);
    expect(paths(app.node.findAll(ConstructOrder.PREORDER))).toEqual(pre);
    expect(paths(app.node.findAll(ConstructOrder.POSTORDER))).toEqual(post);
    expect(Object.prototype.hasOwnProperty.call(app.node, 'findAll')).toBe(true);
  }));
  expect(Object.prototype.hasOwnProperty.call(app.node, 'findAll')).toBe(false);
  // Outside a span nothing is replaced.
  sharingFindAll(app, () => expect(Object.prototype.hasOwnProperty.call(app.node, 'findAll')).toBe(false));
});

describe('oncePerSynth', () => {
  test('computes once per key within a synth span, and on every call outside one', () => {
    const calls: string[] = [];
    const lengthOf = oncePerSynth((key: { name: string }) => {
      calls.push(key.name);
      return key.name.length;
    });
    const a = { name: 'a' };
    const bb = { name: 'bb' };
    expect(lengthOf(a)).toBe(1);
    expect(lengthOf(a)).toBe(1);
    expect(calls).toEqual(['a', 'a']);
    calls.length = 0;
    withSerializedOnce(() => {
      expect([lengthOf(a), lengthOf(bb), lengthOf(a), lengthOf(bb)]).toEqual([1, 2, 1, 2]);
    });
    expect(calls).toEqual(['a', 'bb']);
    // A new synth computes again: the tree may have changed in between.
    withSerializedOnce(() => lengthOf(a));
    expect(calls).toEqual(['a', 'bb', 'a']);
  });
});
