import { ApiObject, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { compactNodes } from '../../lib/core/compact-node';
import { oncePerSynth, withSerializedOnce } from '../../lib/core/synthesized';

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
