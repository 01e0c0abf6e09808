import { Testing } from 'cdk8s';
import { ExistingTlsSecret } from '../../lib/tls';
import { devChart } from './fixtures';

describe('ExistingTlsSecret', () => {
  test('references a Secret by name and emits nothing', () => {
    const { chart } = devChart();
    const secret = new ExistingTlsSecret(chart, 'sealed', { secretName: 'web-tls', dnsNames: ['web.example.com'] });
    expect(secret.secretName).toBe('web-tls');
    expect(secret.namespace).toBe('dev');
    expect(secret.dnsNames).toEqual(['web.example.com']);
    expect(secret.managedOutside).toBe(true);
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['Namespace']);
  });

  test('unknown names stay undefined, so coverage is not checked', () => {
    const { chart } = devChart();
    expect(new ExistingTlsSecret(chart, 'web-tls').dnsNames).toBeUndefined();
  });

  test('bad names are errors', () => {
    const { chart } = devChart();
    expect(() => new ExistingTlsSecret(chart, 'a', { secretName: 'web_tls' })).toThrow('[dev/a] secretName: is not a valid Secret name. Got: "web_tls". Allowed: dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters. Fix: rename the Secret, e.g. "web-tls".');
    expect(() => new ExistingTlsSecret(chart, 'b', { dnsNames: ['*'] })).toThrow('[dev/b] dnsNames[0]: is not a DNS name');
  });
});
