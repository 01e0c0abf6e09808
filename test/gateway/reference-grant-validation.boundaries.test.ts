// referenceGrantProblems at the ReferenceGrant CRD's limits (v1.6.1), with the whole problem a user sees (field path at
// an index above 0, value, allowed, fix): written from the first mutation run over reference-grant-validation.ts.
import { referenceGrantProblems } from '../../lib';

const from = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'shop' };
const to = { group: '', kind: 'Service' };
const grant = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'g', namespace: 'backends' }, spec });
const many = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

describe('the grant and its lists', () => {
  test('a grant without spec, or with a bad name, is told what to set', () => {
    expect(referenceGrantProblems({ ...grant(undefined), spec: undefined } as any)).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.from and spec.to.' }]);
    expect(referenceGrantProblems({ ...grant({ from: [from], to: [to] }), metadata: { name: 'G', namespace: 'backends' } } as any)).toEqual([
      expect.objectContaining({ field: 'metadata.name', message: 'is not a valid ReferenceGrant name.', value: 'G', fix: 'use a lowercase name such as "allow-routes-from-shop".' }),
    ]);
  });
  test('16 entries pass in each list; 17, or none, are refused with the fix', () => {
    expect(referenceGrantProblems(grant({ from: many(16, from), to: many(16, to) }) as any)).toEqual([]);
    expect(referenceGrantProblems(grant({ from: many(17, from), to: many(17, to) }) as any)).toEqual([
      { field: 'spec.from', message: 'has 17 items; at most 16 are allowed.', value: 17, allowed: '1-16 items', fix: 'list 1-16 kinds and namespaces that may refer here.' },
      { field: 'spec.to', message: 'has 17 items; at most 16 are allowed.', value: 17, allowed: '1-16 items', fix: 'list 1-16 kinds (and names) that may be referred to.' },
    ]);
    expect(referenceGrantProblems(grant({}) as any)).toEqual([
      { field: 'spec.from', message: 'has 0 items; at least 1 is required.', value: 0, allowed: '1-16 items', fix: 'list 1-16 kinds and namespaces that may refer here.' },
      { field: 'spec.to', message: 'has 0 items; at least 1 is required.', value: 0, allowed: '1-16 items', fix: 'list 1-16 kinds (and names) that may be referred to.' },
    ]);
  });
});

describe('each entry at its index', () => {
  test('from: group, kind and namespace are required, each with its fix', () => {
    expect(referenceGrantProblems(grant({ from: [from, {}], to: [to] }) as any)).toEqual([
      { field: 'spec.from[1].group', message: 'is required.', fix: 'use "gateway.networking.k8s.io" for routes and Gateways.' },
      { field: 'spec.from[1].kind', message: 'is required.', fix: 'set the referring kind, e.g. "HTTPRoute" or "Gateway".' },
      { field: 'spec.from[1].namespace', message: 'is required.', fix: 'set the namespace of the referring objects.' },
    ]);
    expect(referenceGrantProblems(grant({ from: [null], to: [null] }) as any).map((p) => p.field)).toEqual([
      'spec.from[0].group', 'spec.from[0].kind', 'spec.from[0].namespace', 'spec.to[0].group', 'spec.to[0].kind',
    ]);
  });
  test('from: a bad group, a kind the group lacks and a bad namespace are each named with their value', () => {
    expect(referenceGrantProblems(grant({ from: [from, { group: 'Gateway', kind: 'HTTPRoute', namespace: 'shop' }, { ...from, kind: 'httproute' }, { ...from, namespace: 'Shop' }], to: [to] }) as any)
      .map((p) => [p.field, p.value])).toEqual([['spec.from[1].group', 'Gateway'], ['spec.from[2].kind', 'httproute'], ['spec.from[3].namespace', 'Shop']]);
  });
  test('to: group and kind are required, the name is optional but checked', () => {
    expect(referenceGrantProblems(grant({ from: [from], to: [to, {}] }) as any)).toEqual([
      { field: 'spec.to[1].group', message: 'is required.', fix: 'use "" for Services and Secrets.' },
      { field: 'spec.to[1].kind', message: 'is required.', fix: 'set the kind referred to, e.g. "Service" or "Secret".' },
    ]);
    expect(referenceGrantProblems(grant({ from: [from], to: [{ ...to, name: 'a'.repeat(253) }] }) as any)).toEqual([]);
    expect(referenceGrantProblems(grant({ from: [from], to: [to, { group: 'Core', kind: 'Service' }, { group: '', kind: 'service' }, { ...to, name: '' }] }) as any)
      .map((p) => [p.field, p.value])).toEqual([['spec.to[1].group', 'Core'], ['spec.to[2].kind', 'service'], ['spec.to[3].name', '']]);
  });
});
