import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { unroutedTlsHostProblems } from '../../lib/ingress/tls-routing';

// TLS hosts that no rule of the Ingress routes (lib/ingress/tls-routing.ts), entry by entry and host by host:
// the field path of each, what is allowed, and lists with holes or without hosts.

const backend = { service: { name: 'web', port: { number: 80 } } };
const rule = (host?: unknown) => ({ ...(host !== undefined ? { host } : {}), http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } });
const ingress = (spec: any): IIngress => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec });
const unrouted = (field: string, host: string, allowed: string) => ({
  field, severity: 'warning', message: 'is a TLS host that no rule of this Ingress routes, so its requests find no backend.',
  value: host, allowed, fix: `add a rule for ${host}, or remove it from the TLS hosts.`,
});

describe('unroutedTlsHostProblems', () => {
  test('each unrouted host by its entry and place in the entry; routed ones (exact or by a wildcard) pass', () => {
    const spec = {
      rules: [rule('a.example.com'), rule('b.example.com')],
      tls: [{ hosts: ['a.example.com', 'x.example.com'] }, { hosts: ['*.example.com', 'b.example.com', 'y.example.com'] }],
    };
    expect(unroutedTlsHostProblems(ingress(spec))).toEqual([
      unrouted('spec.tls[0].hosts[1]', 'x.example.com', 'a.example.com, b.example.com'),
      unrouted('spec.tls[1].hosts[2]', 'y.example.com', 'a.example.com, b.example.com'),
    ]);
  });

  test('no rules: every TLS host is unrouted, and the allowed text says there are none', () => {
    expect(unroutedTlsHostProblems(ingress({ rules: [], tls: [{ hosts: ['a.example.com'] }] }))).toEqual([
      unrouted('spec.tls[0].hosts[0]', 'a.example.com', 'the hosts of the rules (there are none)'),
    ]);
  });

  test('an entry without hosts, holes in the lists and an Ingress without tls have nothing to report', () => {
    expect(unroutedTlsHostProblems(ingress({ rules: [rule('a.example.com')], tls: [{ secretName: 'web-tls' }] }))).toEqual([]);
    expect(unroutedTlsHostProblems(ingress({ rules: [rule('a.example.com')] }))).toEqual([]);
    // eslint-disable-next-line no-sparse-arrays
    const sparse = { rules: [rule('a.example.com')], tls: [, { hosts: [, 'z.example.com'] }] };
    expect(unroutedTlsHostProblems(ingress(sparse))).toEqual([unrouted('spec.tls[1].hosts[1]', 'z.example.com', 'a.example.com')]);
  });

  test('a rule host that is not a string: each TLS host is compared with each rule host', () => {
    expect(unroutedTlsHostProblems(ingress({ rules: [rule(5), rule('a.example.com')], tls: [{ hosts: ['a.example.com', 'b.example.com'] }] })))
      .toEqual([unrouted('spec.tls[0].hosts[1]', 'b.example.com', '5, a.example.com')]);
  });
});
