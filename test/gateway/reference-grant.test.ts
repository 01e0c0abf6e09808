import { App, Testing } from 'cdk8s';
import { gatewayApiObjectProblems, grantReference, NetkitChart, NetkitError, ReferenceGrant } from '../../lib';

function chart(): NetkitChart {
  return new NetkitChart(new App(), 'backends', { namespace: 'backends', createNamespace: false });
}

describe('ReferenceGrant', () => {
  test('writes from and to, deduplicated, with the core group for Services and Secrets by default', () => {
    const c = chart();
    const grant = new ReferenceGrant(c, 'allow-shop', {
      from: [{ kind: 'HTTPRoute', namespace: 'shop' }, { kind: 'HTTPRoute', namespace: 'shop' }],
      to: [{ kind: 'Service', name: 'billing' }, { kind: 'Service' }],
    });
    grant.addFrom({ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'shop' });
    expect(Testing.synth(c)).toEqual([{
      apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'allow-shop', namespace: 'backends' },
      spec: {
        from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' }, { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'shop' }],
        to: [{ group: '', kind: 'Service', name: 'billing' }, { group: '', kind: 'Service' }],
      },
    }]);
    expect(grant.allows({ kind: 'HTTPRoute', namespace: 'shop' }, { kind: 'Service', name: 'anything' })).toBe(true);
    expect(grant.allows({ kind: 'HTTPRoute', namespace: 'blog' }, { kind: 'Service', name: 'billing' })).toBe(false);
  });

  test('refuses a bad namespace or kind at once, and an empty grant at synth', () => {
    expect(() => new ReferenceGrant(chart(), 'g', { from: [{ kind: 'HTTPRoute', namespace: 'Shop' }] })).toThrow(NetkitError);
    expect(() => new ReferenceGrant(chart(), 'g', { to: [{ kind: 'my service' }] })).toThrow(/\[backends\/g\] spec\.to\[0\]\.kind: is not a valid kind/);
    const c = chart();
    new ReferenceGrant(c, 'g');
    expect(() => Testing.synth(c)).toThrow(/spec\.from: has 0 items; at least 1 is required/);
  });

  test('grantReference writes nothing within one namespace', () => {
    const c = chart();
    expect(grantReference(c, { from: { kind: 'HTTPRoute', namespace: 'backends' }, to: { group: '', kind: 'Service', name: 's', namespace: 'backends' } })).toBeUndefined();
    expect(Testing.synth(c)).toEqual([]);
  });
});

describe('gatewayApiObjectProblems', () => {
  test('dispatches Gateway, HTTPRoute and ReferenceGrant by kind, and skips everything else', () => {
    expect(gatewayApiObjectProblems({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' }, spec: { gatewayClassName: 'nginx', listeners: [] } })
      ?.map((p) => p.field)).toEqual(['spec.listeners']);
    expect(gatewayApiObjectProblems({ apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { hostnames: ['A'] } })
      ?.map((p) => p.field)).toEqual(['spec.hostnames[0]']);
    expect(gatewayApiObjectProblems({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ReferenceGrant', metadata: { name: 'x' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'a' }], to: [{ group: '', kind: 'Service' }] } })).toEqual([]);
    expect(gatewayApiObjectProblems({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GRPCRoute' })).toBeUndefined();
    expect(gatewayApiObjectProblems({ apiVersion: 'networking.k8s.io/v1', kind: 'Gateway' })).toBeUndefined();
  });
});
