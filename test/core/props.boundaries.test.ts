import { Testing } from 'cdk8s';
import { checkProps, ExistingTlsSecret, NetkitChart, NetkitError, unknownPropProblems } from '../../lib';
import { errorOf } from '../helpers/errors';

// Boundaries of lib/core/props.ts found by a mutation run: what counts as a props object, and the
// exact words of a refusal (construct path, prop, value, the known keys, the fix).

describe('only plain objects are props; anything else is a value the construct checks itself', () => {
  test.each([undefined, null, 'x', 7, true, [{ colour: 1 }], new Map([['colour', 1]]), new Date(0)])('%p yields no problem and does not throw', (props) => {
    expect(unknownPropProblems('ExistingTlsSecretProps', props)).toEqual([]);
  });

  test('a class instance with own fields is a value, not props: its keys are not checked', () => {
    class Colour { readonly colour = 'blue'; }
    expect(unknownPropProblems('ExistingTlsSecretProps', new Colour())).toEqual([]);
  });

  test('an object without a prototype (Object.create(null), a parsed config) is a props object', () => {
    const props = Object.assign(Object.create(null), { secretName: 'tls', colour: 'blue' });
    expect(unknownPropProblems('ExistingTlsSecretProps', props).map((p) => [p.field, p.value])).toEqual([['colour', 'blue']]);
  });

  test('a null or absent nested props object is skipped; a list of them is checked item by item', () => {
    expect(unknownPropProblems('ExposedServiceProps', { port: 80, nodePortRange: null, ports: [null, { port: 81, colour: 1 }] }).map((p) => p.field))
      .toEqual(['ports[1].colour']);
  });

  test('a path given by the caller prefixes every field, nested ones too', () => {
    expect(unknownPropProblems('ExposedServiceProps', { colour: 1, nodePortRange: { maks: 2 } }, 'service').map((p) => p.field))
      .toEqual(['service.colour', 'service.nodePortRange.maks']);
  });
});

describe('the refusal names the construct, the prop, the value, the known keys and the fix', () => {
  test('a key with no close match and no home one level down: removed', () => {
    const e = errorOf(() => new ExistingTlsSecret(new NetkitChart(Testing.app(), 'dev'), 'tls', { secretName: 'tls', colour: 'blue' } as never));
    expect(e.message).toBe('[dev/tls] colour: is not a prop of ExistingTlsSecretProps. Got: "blue". Allowed: dnsNames, namespace, secretName. '
      + 'Fix: remove it; it would be ignored.');
  });

  test('a misspelt key: the message and the fix name the closest key', () => {
    const e = errorOf(() => checkProps('Probe.http()', 'ExistingTlsSecretProps', { secretNam: 'tls' }));
    expect(e).toBeInstanceOf(NetkitError);
    expect(e.message).toBe('[Probe.http()] secretNam: is not a prop of ExistingTlsSecretProps; the closest one is `secretName`. Got: "tls". '
      + 'Allowed: dnsNames, namespace, secretName. Fix: did you mean `secretName`?');
  });

  test('a key of a nested props object given one level up: the fix says where it belongs', () => {
    const [problem] = unknownPropProblems('ExposedServiceProps', { port: 80, min: 30000 });
    expect(problem).toMatchObject({ field: 'min', value: 30000, fix: '`min` is a prop of `nodePortRange` (NodePortRange): move it inside `nodePortRange`.' });
    expect(problem.message).toBe('is not a prop of ExposedServiceProps.');
  });

  test('valid props, checked twice (the key sets are built once), pass', () => {
    expect(() => checkProps('x', 'ExistingTlsSecretProps', { secretName: 'a', namespace: 'b', dnsNames: [] })).not.toThrow();
    expect(() => checkProps('x', 'ExistingTlsSecretProps', { secretName: 'a' })).not.toThrow();
  });
});
