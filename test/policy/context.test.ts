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

  test('only own enumerable selector keys are asked for, as Object.keys lists them', () => {
    const context = contextOf(objects);
    const selector = Object.create({ zone: 'a' });
    selector.app = 'web';
    Object.defineProperty(selector, 'tier', { value: 'back', enumerable: false });
    expect(names(context.podsWithLabels(NS, selector))).toEqual(['web', 'bare']);
    expect(context.podsWithLabels(NS, Object.create({ app: 'web' }))).toEqual([]);
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

describe('answers that share the lists of the index', () => {
  const objects = [
    deployment('web', { labels: { app: 'web', tier: 'front' } }),
    deployment('web-back', { labels: { app: 'web', tier: 'back' } }),
    deployment('api', { labels: { app: 'api', tier: 'front' } }),
  ];

  test('podsWithLabels gives a list of the caller\'s own: changing it changes no later answer', () => {
    const context = contextOf(objects);
    const first = context.podsWithLabels(NS, { app: 'api' });
    first.push(...context.podsWithLabels(NS, { app: 'web' }));
    first.length = 0;
    expect(names(context.podsWithLabels(NS, { app: 'api' }))).toEqual(['api']);
    expect(names(context.podsMatching(NS, { app: 'web' }))).toEqual(['web', 'web-back']);
  });

  test('a Service whose rarest label has candidates the other labels reject gets the filtered list, the same one each time, and the next Service its own', () => {
    const context = contextOf([...objects,
      service('narrow', { selector: { app: 'web', tier: 'back' } }), service('wide', { selector: { app: 'web' } }), service('front', { selector: { tier: 'front', app: 'web' } })]);
    const narrow = context.find('Service', NS, 'narrow')!;
    expect(names(context.podsSelectedBy(narrow))).toEqual(['web-back']);
    expect(context.podsSelectedBy(narrow)).toBe(context.podsSelectedBy(narrow));
    expect(names(context.podsSelectedBy(context.find('Service', NS, 'wide')!))).toEqual(['web', 'web-back']);
    expect(names(context.podsSelectedBy(context.find('Service', NS, 'front')!))).toEqual(['web']);
    expect(names(context.podsSelectedBy(narrow))).toEqual(['web-back']);
  });

  test('Services asked for in any order, and an object that is no Service, get their own answers', () => {
    const context = contextOf([...objects, service('web'), service('api'), service('none', { selector: { app: 'nope' } })]);
    const [web, api, none] = context.ofKind('Service');
    const asked = [api, web, api, none, web, none, api, web, none].map((s) => names(context.podsSelectedBy(s)).join(','));
    expect(asked).toEqual(['api', 'web,web-back', 'api', '', 'web,web-back', '', 'api', 'web,web-back', '']);
    const pods = { ...context.ofKind('Deployment')[0], kind: 'Pod', manifest: { spec: { selector: { tier: 'front' } } } };
    expect(names(context.podsSelectedBy(pods))).toEqual(['web', 'api']);
    expect(context.podsSelectedBy(pods)).toBe(context.podsSelectedBy(pods));
  });

  test('objects of kinds and namespaces in any order are listed per kind and namespace in input order', () => {
    const context = contextOf([
      deployment('a', { ns: 'one' }), service('s1'), { ...deployment('set', { ns: 'one' }), kind: 'StatefulSet' }, deployment('b', { ns: 'two' }), service('s2'), deployment('c', { ns: 'one' }),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'no-spec', namespace: 'one' } },
    ]);
    expect(context.ofKind('Deployment').map((o) => o.name)).toEqual(['a', 'b', 'c']);
    expect(context.ofKind('Service').map((o) => o.name)).toEqual(['s1', 's2']);
    expect(names(context.podTemplates)).toEqual(['a', 'set', 'b', 'c']);
    expect(names(context.podTemplatesIn('one'))).toEqual(['a', 'set', 'c']);
    expect(names(context.podTemplatesIn('two'))).toEqual(['b']);
  });

  test('a plain manifest, a raw object with its origin and a non-object item', () => {
    const raw = { manifest: service('from-file'), file: 'a.yaml', line: 3, constructPath: 'app/svc' };
    const context = new PolicyContext(policyObjectsOf([service('plain'), raw, null, [service('in-array')]]));
    expect(context.objects).toEqual([
      { manifest: service('plain'), apiVersion: 'v1', kind: 'Service', namespace: NS, name: 'plain' },
      { manifest: raw.manifest, apiVersion: 'v1', kind: 'Service', namespace: NS, name: 'from-file', constructPath: 'app/svc', file: 'a.yaml', line: 3 },
    ]);
    expect(context.objects[0].constructPath).toBeUndefined();
  });
});

describe('containersOf', () => {
  test('paths of many containers, holes skipped; a template made by the caller lists its containers too', () => {
    const containers: any[] = [];
    for (let i = 0; i < 10; i++) containers[i] = container({ name: `c${i}` });
    delete containers[1];
    const [many] = contextOf([deployment('many', { podSpec: { containers } })]).podTemplates;
    expect(containersOf(many).map((c) => `${c.path}=${c.container.name}`)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `spec.template.spec.containers[${i}]=c${i}`));
    expect(containersOf(many)).toBe(containersOf(many));
    const own = { ...many, specPath: 'spec.jobTemplate.spec.template.spec' };
    expect(containersOf(own).map((c) => c.path)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `spec.jobTemplate.spec.template.spec.containers[${i}]`));
    expect(containersOf(own)).toBe(containersOf(own));
  });

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
