import { Testing } from 'cdk8s';
import { IngressNginx, IngressNginxProps, NetkitChart } from '../../lib';
import { errorOf } from '../helpers/errors';

// Boundaries of the add-on prop checks (lib/addons/*/validation.ts), found by a mutation run:
// each refusal names the construct path, the prop, the bad value, what is allowed and the fix.

function ingressNginx(props: IngressNginxProps, id = 'ingress-nginx'): void {
  new IngressNginx(new NetkitChart(Testing.app(), 'cluster'), id, { acknowledgeRetirement: true, ...props });
}

describe('IngressNginx config keys are checked as the API server checks ConfigMap keys (IsConfigMapKey)', () => {
  test.each(['.', '..', '..data'])('%j is refused: "." and keys starting with ".." are reserved', (key) => {
    const e = errorOf(() => ingressNginx({ config: { [key]: 'x' } }));
    expect(e.problems).toEqual([expect.objectContaining({ field: `config["${key}"]`, value: key })]);
    expect(e.message).toContain(`[cluster/ingress-nginx] config["${key}"]: is not a valid ConfigMap key. Got: "${key}". `
      + 'Allowed: letters, digits, "-", "_" and ".", at most 253 characters, not "." or "..", not starting with "..". '
      + 'Fix: use the option name from the ingress-nginx ConfigMap documentation, e.g. "proxy-body-size".');
  });

  test('".x", "a..b" and a key of exactly 253 characters are accepted; 254 are refused', () => {
    expect(() => ingressNginx({ config: { '.x': '1', 'a..b': '2', ['k'.repeat(253)]: '3' } })).not.toThrow();
    expect(errorOf(() => ingressNginx({ config: { ['k'.repeat(254)]: '3' } })).problems.map((p) => p.field)).toEqual([`config["${'k'.repeat(254)}"]`]);
  });
});

describe('IngressNginx controllerValue is checked as IngressClass spec.controller (IsDomainPrefixedPath, at most 250)', () => {
  test.each(['k8s.io/ingress nginx', 'k8s.io/ingress"nginx', 'k8s.io/ingress#nginx'])('%j, whose path has a character outside RFC 3986, is refused', (value) => {
    const e = errorOf(() => ingressNginx({ controllerValue: value }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'controllerValue', value })]);
    expect(e.message).toContain(`[cluster/ingress-nginx] controllerValue: is not a domain-prefixed path, as IngressClass spec.controller must be. Got: ${JSON.stringify(value)}. `
      + 'Allowed: a domain, "/", then a path, at most 250 characters (k8s.io/ingress-nginx). Fix: use a value such as "k8s.io/ingress-nginx-internal".');
  });

  test.each(['/ingress-nginx', 'k8s.io/', 'K8s.io/ingress-nginx', ''])('%j (no domain, no path, an invalid domain, empty) is refused', (value) => {
    expect(errorOf(() => ingressNginx({ controllerValue: value })).problems.map((p) => [p.field, p.value])).toEqual([['controllerValue', value]]);
  });

  test('exactly 250 characters are accepted, 251 refused', () => {
    const at = (n: number) => `k8s.io/${'c'.repeat(n - 'k8s.io/'.length)}`;
    expect(() => ingressNginx({ controllerValue: at(250) })).not.toThrow();
    expect(errorOf(() => ingressNginx({ controllerValue: at(251) })).problems.map((p) => p.field)).toEqual(['controllerValue']);
  });
});
