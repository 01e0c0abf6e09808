import {
  isCidr, isDns1035Label, isDns1123Label, isDns1123Subdomain, isIanaSvcName, isIpAddress, isIpPort, isLabelValue,
  isPortNumber, isQualifiedName, isSpecialPurposeIp, toDns1035Label,
} from '../../lib';
import { isIP } from 'node:net';
import { ipFamily } from '../../lib/core/net';

describe('Kubernetes name syntaxes', () => {
  test.each([
    ['web', true], ['web-v2', true], ['1web', false], ['Web', false], ['web-', false], ['a'.repeat(63), true], ['a'.repeat(64), false],
  ])('DNS-1035 label %s → %s', (v, ok) => expect(isDns1035Label(v)).toBe(ok));

  test.each([['1web', true], ['web_1', false], ['-web', false], ['a'.repeat(64), false]])('DNS-1123 label %s → %s', (v, ok) => expect(isDns1123Label(v)).toBe(ok));

  // apimachinery's IsDNS1123Subdomain limits only the whole name (253): a 64-character label is accepted.
  test.each([['a.b.c', true], ['tls-secret', true], ['a..b', false], ['A.b', false], ['', false], [`${'a'.repeat(63)}.b`, true], [`${'a'.repeat(64)}.b`, true], ['a'.repeat(253), true], ['a'.repeat(254), false],
    ['.a', false], ['a.', false], ['a.-b', false], ['a-.b', false], ['1.2.3.4', true], [`b.${'a'.repeat(63)}`, true], [`b.${'a'.repeat(64)}`, true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true], [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false]])(
    'DNS-1123 subdomain %s → %s', (v, ok) => expect(isDns1123Subdomain(v)).toBe(ok));

  test.each([['http', true], ['https-webhook-01', false], ['https-webhook', true], ['h2c', true], ['80', false], ['a--b', false], ['-a', false], ['Http', false], ['metrics', true]])(
    'IANA service name %s → %s', (v, ok) => expect(isIanaSvcName(v)).toBe(ok));

  test.each([['http', true], ['kubernetes.io/h2c', true], ['a/b/c', false], ['Bad Name', false], ['example.com/internal-vip', true],
    // Asked twice: the second answer comes from the memo.
    ['Bad Name', false], ['http', true], ['/x', false], ['Example.com/x', false], ['x/', false]])(
    'qualified name %s → %s', (v, ok) => expect(isQualifiedName(v)).toBe(ok));

  test.each([['', true], ['1.17.2', true], ['v1_beta', true], ['-x', false], ['a'.repeat(64), false], ['a b', false]])(
    'label value %s → %s', (v, ok) => expect(isLabelValue(v)).toBe(ok));

  test('generated DNS-1035 labels', () => {
    expect(toDns1035Label('My_App.v2')).toBe('my-app-v2');
    expect(toDns1035Label('2fast')).toBe('fast');
  });
});

describe('network syntaxes', () => {
  test.each([['10.0.0.0/8', true], ['2001:db8::/32', true], ['10.0.0.0', false], ['10.0.0.0/33', false], ['fd00::/129', false], ['x/8', false]])(
    'CIDR %s → %s', (v, ok) => expect(isCidr(v)).toBe(ok));

  test.each([['0.0.0.0:10256', true], ['[::]:10256', true], ['127.0.0.1:0', false], ['localhost:80', false], ['::1:80', false], ['1.2.3.4:65536', false]])(
    'IP:port %s → %s', (v, ok) => expect(isIpPort(v)).toBe(ok));

  test.each([['127.0.0.1', true], ['0.0.0.0', true], ['169.254.1.1', true], ['224.0.0.5', true], ['::1', true], ['fe80::1', true], ['203.0.113.1', false], ['2001:db8::1', false]])(
    'special-purpose IP %s → %s', (v, ok) => expect(isSpecialPurposeIp(v)).toBe(ok));

  test('IPs and ports', () => {
    expect(isIpAddress('10.97.97.97')).toBe(true);
    expect(isIpAddress('www.baidu.com')).toBe(false);
    expect(isPortNumber(65535)).toBe(true);
    expect(isPortNumber(0)).toBe(false);
    expect(isPortNumber(80.5)).toBe(false);
  });

  test.each([
    ['10.0.0.1', 4], ['::', 6], ['::ffff:10.0.0.1', 6], ['fe80::1%eth0', 6], ['2001:db8::', 6],
    ['example.com', 0], ['10.0.0.1.', 0], ['10.0.0.x', 0], ['', 0], ['1', 0], ['web01.cluster.example.com', 0], ['app-00001', 0], ['1.2.3', 0], ['1..2.3.4', 0],
  ])('ipFamily(%j) → %s, as node:net isIP', (v, family) => {
    expect(ipFamily(v as string)).toBe(family);
    expect(isIP(v as string)).toBe(family);
  });

  test('ipFamily agrees with node:net isIP on random strings of IP-ish characters', () => {
    // A fixed-seed generator: the strings are the same on every run.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const chars = '0123456789abcdef:.%xz';
    for (let i = 0; i < 20_000; i++) {
      const v = Array.from({ length: next() % 20 }, () => chars[next() % chars.length]).join('');
      expect([v, ipFamily(v)]).toEqual([v, isIP(v)]);
    }
  });
});

describe('a name with a 64-character label, which the API server accepts', () => {
  const longLabel = `${'a'.repeat(64)}.example`;
  test('is accepted as a Secret, ConfigMap and Ingress name by the checker (name-valid) and as a TLS Secret name by the constructs', () => {
    const { checkPolicies, ExistingTlsSecret } = require('../../lib');
    const { App, Chart } = require('cdk8s');
    const objects = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: longLabel, namespace: 'dev' }, data: {} },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: longLabel, namespace: 'dev' }, type: 'Opaque', data: {} },
    ];
    expect(checkPolicies(objects).filter((f: any) => f.rule === 'name-valid')).toEqual([]);
    // 254 characters in all is over the API server's limit: refused.
    const tooLong = [{ ...objects[0], metadata: { name: 'a'.repeat(254), namespace: 'dev' } }];
    expect(checkPolicies(tooLong).filter((f: any) => f.rule === 'name-valid')).toHaveLength(1);
    const chart = new Chart(new App(), 'shop', { namespace: 'dev' });
    expect(new ExistingTlsSecret(chart, 'tls', { secretName: longLabel }).secretName).toBe(longLabel);
    expect(() => new ExistingTlsSecret(chart, 'bad', { secretName: 'a'.repeat(254) })).toThrow(/secretName/);
  });
});
