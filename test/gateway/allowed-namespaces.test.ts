import { App, Testing } from 'cdk8s';
import { Gateway, gatewayProblems, NetkitChart, WildcardGateway } from '../../lib';
import { labelSelectorProblems } from '../../lib/core/metadata-validation';
import { errorOf } from '../helpers/errors';

const chart = () => new NetkitChart(new App(), 'edge', { namespace: 'edge', createNamespace: false });
const LABEL_VALUE = 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';

describe('a listener\'s allowedNamespaces selector is checked like a label selector', () => {
  test('a bad matchLabels key and value are refused at the Gateway, under the option the user wrote', () => {
    const e = errorOf(() => new Gateway(chart(), 'gw', { listeners: [{ protocol: 'HTTP', allowedNamespaces: { selector: { matchLabels: { 'bad key!': 'a b' } } } }] }));
    expect(e.path).toBe('edge/gw');
    expect(e.problems).toEqual([
      {
        field: 'listener(http).allowedNamespaces.selector.matchLabels', message: 'has a key that is not a valid label key.', value: 'bad key!',
        allowed: 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
        fix: 'use a key such as "app" or "example.com/team".',
      },
      { field: 'listener(http).allowedNamespaces.selector.matchLabels["bad key!"]', message: 'is not a valid label value.', value: 'a b', allowed: LABEL_VALUE, fix: 'shorten it, or replace spaces and other characters with "-".' },
    ]);
  });

  test('a bad matchExpressions value, key and operator are refused; a valid selector is written', () => {
    const e = errorOf(() => new Gateway(chart(), 'gw', {
      listeners: [{ protocol: 'HTTP', allowedNamespaces: { selector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['has space'] }, { key: '-x', operator: 'exists' }] } } }],
    }));
    expect(e.problems).toEqual([
      { field: 'listener(http).allowedNamespaces.selector.matchExpressions[0].values[0]', message: 'is not a valid label value.', value: 'has space', allowed: LABEL_VALUE, fix: 'shorten it, or replace spaces and other characters with "-".' },
      expect.objectContaining({ field: 'listener(http).allowedNamespaces.selector.matchExpressions[1].key', value: '-x', fix: 'use a key such as "team" or "kubernetes.io/metadata.name".' }),
      {
        field: 'listener(http).allowedNamespaces.selector.matchExpressions[1].operator', message: 'is not a label selector operator.', value: 'exists',
        allowed: 'In, NotIn, Exists, DoesNotExist', fix: 'write operator: "Exists" (operators are case-sensitive).',
      },
    ]);
    expect(e.message).toMatch(/^\[edge\/gw\] \n  - listener\(http\)\.allowedNamespaces\.selector\.matchExpressions\[0\]\.values\[0\]: is not a valid label value\. Got: "has space"\./);
    const c = chart();
    new Gateway(c, 'gw', { listeners: [{ protocol: 'HTTP', allowedNamespaces: { selector: { matchLabels: { team: 'shop' }, matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop', 'blog'] }, { key: 'env', operator: 'DoesNotExist' }] } } }] });
    expect(Testing.synth(c)[0].spec.listeners[0].allowedRoutes.namespaces).toEqual({
      from: 'Selector', selector: { matchLabels: { team: 'shop' }, matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['shop', 'blog'] }, { key: 'env', operator: 'DoesNotExist' }] },
    });
  });

  test('WildcardGateway refuses a bad selector value too, at its own path', () => {
    const c = chart();
    const e = errorOf(() => new WildcardGateway(c, 'wild', {
      domain: 'cluster.example.com', certificate: { secretName: 'wildcard-tls', dnsNames: ['*.cluster.example.com'] },
      allowedNamespaces: { selector: { matchLabels: { team: 'a/b' } } },
    }));
    expect(e.path).toBe('edge/wild');
    expect(e.problems.map((p) => [p.field, p.value])).toEqual([['allowedNamespaces.selector.matchLabels["team"]', 'a/b']]);
  });

  test('values must be given for In/NotIn and not for Exists/DoesNotExist', () => {
    expect(labelSelectorProblems('s', { matchExpressions: [{ key: 'a', operator: 'NotIn' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Equals' }] })).toEqual([
      { field: 's.matchExpressions[0].values', message: 'must be non-empty when operator is NotIn.', fix: 'list the label values to match, or use Exists.' },
      { field: 's.matchExpressions[1].values', message: 'must be empty when operator is Exists.', value: ['x'], fix: 'drop the values, or use In to match them.' },
      { field: 's.matchExpressions[2].operator', message: 'is not a label selector operator.', value: 'Equals', allowed: 'In, NotIn, Exists, DoesNotExist', fix: 'use In or NotIn with values, or Exists or DoesNotExist without.' },
    ]);
    expect(labelSelectorProblems('s', {})).toEqual([]);
    expect(labelSelectorProblems('s', undefined)).toEqual([]);
  });

  test('the policy check over YAML reports the same problem under the manifest path', () => {
    const manifest: any = {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'public' },
      spec: { gatewayClassName: 'nginx', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'a b' } } } } }] },
    };
    expect(gatewayProblems(manifest).map((p) => [p.field, p.value])).toEqual([['spec.listeners[0].allowedRoutes.namespaces.selector.matchLabels["team"]', 'a b']]);
    manifest.spec.listeners[0].allowedRoutes.namespaces.selector.matchLabels.team = 'a-b';
    expect(gatewayProblems(manifest)).toEqual([]);
  });
});
