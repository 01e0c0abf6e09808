import { containersOf, PolicyContext, policyObjectsOf } from '../../lib';
import { container, deployment, NS, service } from './builders';

// The indexes of PolicyContext that several rules share, built on first use: what each lookup answers
// must not depend on which rule asked first or what was asked before.

const contextOf = (objects: any[]) => new PolicyContext(policyObjectsOf(objects));
const names = (templates: readonly { owner: { name: string } }[]) => templates.map((t) => t.owner.name);

describe('pod templates by label (built per namespace and key, on first use)', () => {
  const objects = [
    deployment('web', { labels: { app: 'web', tier: 'front' } }),
    deployment('api', { labels: { app: 'api', tier: 'front' } }),
    deployment('db', { labels: { app: 'db', tier: 'back' } }),
    deployment('web-other', { labels: { app: 'web', tier: 'front' }, ns: 'other' }),
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: NS, labels: { app: 'web' } }, spec: { containers: [container()] } },
  ];

  test('a selector matches the templates of its namespace that carry all its labels, in input order, whichever key is asked first', () => {
    const context = contextOf(objects);
    expect(names(context.podsWithLabels(NS, { tier: 'front' }))).toEqual(['web', 'api']);
    expect(names(context.podsWithLabels(NS, { app: 'web', tier: 'front' }))).toEqual(['web']);
    expect(names(context.podsWithLabels(NS, { app: 'web' }))).toEqual(['web', 'bare']);
    expect(names(context.podsWithLabels('other', { app: 'web' }))).toEqual(['web-other']);
    // The same answers from a fresh context asked in another order.
    const fresh = contextOf(objects);
    expect(names(fresh.podsWithLabels(NS, { app: 'web' }))).toEqual(['web', 'bare']);
    expect(names(fresh.podsWithLabels(NS, { tier: 'front', app: 'web' }))).toEqual(['web']);
  });

  test('no match for a value, a key no template carries, an empty selector or a namespace without templates', () => {
    const context = contextOf(objects);
    expect(context.podsWithLabels(NS, { app: 'nope' })).toEqual([]);
    expect(context.podsWithLabels(NS, { app: 'web', zone: 'a' })).toEqual([]);
    expect(context.podsWithLabels(NS, {})).toEqual([]);
    expect(context.podsWithLabels('empty', { app: 'web' })).toEqual([]);
  });

  test('only own enumerable labels count, as a for-in over the labels lists them', () => {
    const labels = Object.create({ inherited: 'yes' });
    labels.app = 'odd';
    Object.defineProperty(labels, 'hidden', { value: 'yes', enumerable: false });
    const context = contextOf([deployment('odd', { labels })]);
    expect(names(context.podsWithLabels(NS, { app: 'odd' }))).toEqual(['odd']);
    expect(context.podsWithLabels(NS, { inherited: 'yes' })).toEqual([]);
    expect(context.podsWithLabels(NS, { hidden: 'yes' })).toEqual([]);
    // With a rare first key, the others are checked on its few candidates, as their index would have them.
    expect([context.podsWithLabels(NS, { app: 'odd', inherited: 'yes' }), context.podsWithLabels(NS, { app: 'odd', hidden: 'yes' })]).toEqual([[], []]);
  });

  test('a value is matched with ===, also on the key whose index gave the candidates: NaN matches nothing', () => {
    const context = contextOf([deployment('nan', { labels: { app: NaN as any } })]);
    expect(context.podsWithLabels(NS, { app: NaN })).toEqual([]);
    expect(context.podsWithLabels(NS, { app: 'nan' })).toEqual([]);
  });

  test('the values templates give a key, for hints, in input order; a Service selects by the same index', () => {
    const context = contextOf([...objects, service('front', { selector: { tier: 'front' } })]);
    expect(context.podLabelValues(NS, 'tier')).toEqual(['front', 'back']);
    expect(context.podLabelValues(NS, 'zone')).toEqual([]);
    expect(context.podLabelValues('empty', 'app')).toEqual([]);
    expect(names(context.podsSelectedBy(context.find('Service', NS, 'front')!))).toEqual(['web', 'api']);
  });
});

describe('containersOf', () => {
  test('with init and ephemeral containers: init first, then the app containers, then ephemeral; without them, the app containers', () => {
    const spec = { initContainers: [container({ name: 'init' })], containers: [container({ name: 'app' })], ephemeralContainers: [container({ name: 'debug' })] };
    const [withAll, plain, emptyInit] = contextOf([
      deployment('all', { podSpec: spec }), deployment('plain'), deployment('empty-init', { podSpec: { initContainers: [], ephemeralContainers: [] } }),
    ]).podTemplates;
    expect(containersOf(withAll, true).map((c) => c.path)).toEqual([
      'spec.template.spec.initContainers[0]', 'spec.template.spec.containers[0]', 'spec.template.spec.ephemeralContainers[0]',
    ]);
    expect(containersOf(withAll).map((c) => c.container.name)).toEqual(['app']);
    expect(containersOf(plain, true).map((c) => c.path)).toEqual(['spec.template.spec.containers[0]']);
    expect(containersOf(emptyInit, true).map((c) => c.path)).toEqual(['spec.template.spec.containers[0]']);
  });
});
