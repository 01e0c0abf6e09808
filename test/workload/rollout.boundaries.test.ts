import { rollingUpdateRejections, rolloutProblems } from '../../lib/workload/rollout';

// The Deployment strategy checks (lib/workload/rollout.ts) that WebApp and the dep-strategy-valid and
// rollout-keeps-ready rules share: the exact problem of each branch, the values at each edge, and
// Kubernetes' defaults for an unset count, so that a dropped branch or a blanked text fails (issue 17).

const strategy = (rollingUpdate: any, type = 'RollingUpdate') => ({ strategy: { type, rollingUpdate } });
const notACount = (name: string, value: unknown) => ({
  field: `spec.strategy.rollingUpdate.${name}`, message: 'is not a pod count; the API server rejects it.', value,
  allowed: 'a whole number of pods (0 or more) or a percentage such as "25%"', fix: 'write e.g. 1 or "25%".',
});

describe('preStopProblems on pod specs without containers', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { preStopProblems } = require('../../lib/workload/graceful-shutdown');
  test('no spec, no containers list, or a list that is not one: nothing to judge', () => {
    for (const spec of [undefined, {}, { containers: 'web' }]) expect(preStopProblems(spec, 'spec')).toEqual([]);
  });
  test('the grace period is said to be the default only when the pod leaves it unset', () => {
    const containers = [{ name: 'web', lifecycle: { preStop: { sleep: { seconds: 30 } } } }];
    expect(preStopProblems({ containers }, 'spec').map((p: any) => p.message)).toEqual(['pauses 30 s, not less than terminationGracePeriodSeconds 30 (the default), so the container is killed before it can finish its requests.']);
    expect(preStopProblems({ containers, terminationGracePeriodSeconds: 30 }, 'spec').map((p: any) => p.message)).toEqual(['pauses 30 s, not less than terminationGracePeriodSeconds 30, so the container is killed before it can finish its requests.']);
  });
});

describe('rollingUpdateRejections', () => {
  test('rollingUpdate with type Recreate: the exact problem; Recreate alone, and its counts, are not judged', () => {
    expect(rollingUpdateRejections(strategy({ maxSurge: 'x' }, 'Recreate'))).toEqual([{
      field: 'spec.strategy.rollingUpdate', message: 'is set with strategy type Recreate; the API server rejects that.',
      fix: 'remove rollingUpdate, or set type: RollingUpdate.',
    }]);
    expect(rollingUpdateRejections({ strategy: { type: 'Recreate' } })).toEqual([]);
  });

  test('a count that is neither pods nor a percentage: the exact problem for each field', () => {
    expect(rollingUpdateRejections(strategy({ maxSurge: -1, maxUnavailable: '1.5%' }))).toEqual([notACount('maxSurge', -1), notACount('maxUnavailable', '1.5%')]);
    expect(rollingUpdateRejections(strategy({ maxSurge: 'one', maxUnavailable: 1 }))).toEqual([notACount('maxSurge', 'one')]);
    expect(rollingUpdateRejections(strategy({ maxSurge: 1, maxUnavailable: null }))).toEqual([notACount('maxUnavailable', null)]);
  });

  test('maxUnavailable "100%" passes, "101%" is refused with the exact problem', () => {
    expect(rollingUpdateRejections(strategy({ maxSurge: 0, maxUnavailable: '100%' }))).toEqual([]);
    expect(rollingUpdateRejections(strategy({ maxSurge: 1, maxUnavailable: '101%' }))).toEqual([{
      field: 'spec.strategy.rollingUpdate.maxUnavailable', message: 'is above 100%; the API server rejects it.', value: '101%',
      allowed: 'at most "100%"', fix: 'set maxUnavailable to 0 and maxSurge to 1.',
    }]);
    // A number of pods is not a percentage: 101 pods is a count, however many replicas there are.
    expect(rollingUpdateRejections(strategy({ maxSurge: 1, maxUnavailable: 101 }))).toEqual([]);
  });

  test('both 0 (as pods or percentages): the exact problem; either one above 0 passes', () => {
    const bothZero = (value: unknown) => [{
      field: 'spec.strategy.rollingUpdate.maxUnavailable', message: 'and maxSurge are both 0, so no pod could ever be replaced; the API server rejects that.',
      value, allowed: 'maxSurge or maxUnavailable above 0', fix: 'set maxSurge to 1 (or "25%") and keep maxUnavailable 0.',
    }];
    expect(rollingUpdateRejections(strategy({ maxSurge: 0, maxUnavailable: 0 }))).toEqual(bothZero(0));
    expect(rollingUpdateRejections(strategy({ maxSurge: '0%', maxUnavailable: '0%' }))).toEqual(bothZero('0%'));
    expect(rollingUpdateRejections(strategy({ maxSurge: 1, maxUnavailable: 0 }))).toEqual([]);
    expect(rollingUpdateRejections(strategy({ maxSurge: 0, maxUnavailable: 1 }))).toEqual([]);
  });

  test("an unset count is Kubernetes' default 25%, so one 0 alone passes; no strategy or spec at all passes", () => {
    expect(rollingUpdateRejections(strategy({ maxSurge: 0 }))).toEqual([]);
    expect(rollingUpdateRejections(strategy({ maxUnavailable: 0 }))).toEqual([]);
    expect(rollingUpdateRejections(strategy(null))).toEqual([]);
    expect(rollingUpdateRejections({})).toEqual([]);
    expect(rollingUpdateRejections(undefined)).toEqual([]);
  });
});

describe('rolloutProblems', () => {
  const emptying = (unavailable: number, replicas: number, value: unknown, servedBy = 'the Services in front') => [{
    field: 'spec.strategy.rollingUpdate.maxUnavailable',
    message: `lets ${unavailable} of ${replicas} pod${replicas === 1 ? '' : 's'} be unavailable at once, so a rollout can take every ready pod out of ${servedBy}.`,
    value, allowed: `fewer than ${replicas} pod${replicas === 1 ? '' : 's'}`,
    fix: 'set maxUnavailable to 0 and maxSurge to 1 (or "25%"): new pods start before old ones stop.',
  }];

  test('maxUnavailable at the replica count: the exact problem, naming what loses its endpoints; one below passes', () => {
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 3 }), 3)).toEqual(emptying(3, 3, 3));
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 3 }), 3, 'Service shop/web')).toEqual(emptying(3, 3, 3, 'Service shop/web'));
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 2 }), 3)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 1 }), 1)).toEqual(emptying(1, 1, 1));
  });

  test('a percentage of unavailable pods rounds down, a surge rounds up', () => {
    // 99% of 2 is 1.98 pods: 1 unavailable, fewer than 2.
    expect(rolloutProblems(strategy({ maxSurge: 0, maxUnavailable: '99%' }), 2)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 0, maxUnavailable: '100%' }), 2)).toEqual(emptying(2, 2, '100%'));
    // 1% surge of 1 pod rounds up to one pod, so 10% unavailable (0 pods) stays 0: a new pod starts first.
    expect(rolloutProblems(strategy({ maxSurge: '1%', maxUnavailable: '10%' }), 1)).toEqual([]);
  });

  test('both counts rounding to 0 let the controller take one pod: an emptied single pod', () => {
    expect(rolloutProblems(strategy({ maxSurge: 0, maxUnavailable: '10%' }), 1)).toEqual(emptying(1, 1, '10%'));
    expect(rolloutProblems(strategy({ maxSurge: 0, maxUnavailable: '10%' }), 2)).toEqual([]);
  });

  test("Kubernetes' default 25% applies to an unset count", () => {
    // 25% of 4 is one unavailable pod, fewer than 4; of 1 pod, 0 unavailable and 1 surge.
    expect(rolloutProblems({}, 4)).toEqual([]);
    expect(rolloutProblems(undefined, 1)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 0 }), 1)).toEqual(emptying(1, 1, '25%'));
    expect(rolloutProblems(strategy({ maxSurge: 0 }), 4)).toEqual([]);
  });

  test('not judged: Recreate (a choice), no replicas, counts that are not counts, and both 0 (refused by the API server first)', () => {
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 2 }, 'Recreate'), 2)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 2 }), 0)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 'x', maxUnavailable: 2 }), 2)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 1, maxUnavailable: 'all' }), 2)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: 0, maxUnavailable: 0 }), 1)).toEqual([]);
    expect(rolloutProblems(strategy({ maxSurge: '0%', maxUnavailable: 0 }), 1)).toEqual([]);
  });
});
