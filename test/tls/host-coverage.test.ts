// nameCoversHost and certificateCoversHost, as TLS clients match names (RFC 6125 6.4.3): the edges that the rules
// using them (ing-tls-cert-covers-hosts, gw-tls-cert-covers-hostname) and the certificate check reach only in part.
import { certificateCoversHost, nameCoversHost } from '../../lib/tls';

// [certificate name, host, covered, why]
const CASES: ReadonlyArray<readonly [string, string, boolean, string]> = [
  ['web.example.com', 'web.example.com', true, 'the exact name'],
  ['WEB.example.com', 'web.EXAMPLE.com', true, 'names compare in any case'],
  ['web.example.com.', 'web.example.com', true, 'the trailing dot of a fully qualified certificate name'],
  ['web.example.com', 'web.example.com.', true, 'the trailing dot of a fully qualified host'],
  ['web.example.com', 'api.example.com', false, 'another name'],
  ['web.example.com', 'webXexample.com', false, 'a dot is a dot'],
  ['*.example.com', 'a.example.com', true, '"*." stands for one label'],
  ['*.Example.com.', 'A.EXAMPLE.COM.', true, 'a wildcard in any case, with trailing dots'],
  ['*.example.com', 'example.com', false, 'not for the apex'],
  ['*.example.com', 'a.b.example.com', false, 'not for two labels'],
  ['*.example.com', 'a.example.org', false, 'not for another domain'],
  ['*.example.com', '.example.com', false, 'not for an empty label'],
  ['*.example.com', '*.example.com', true, 'a wildcard host by the same wildcard'],
  ['*.example.com', '*x.example.com', false, 'not for a label that starts with "*"'],
  ['a.example.com', '*.example.com', false, 'a wildcard host not by one of its names'],
  ['x*.example.com', 'xa.example.com', false, '"*" only as the whole first label of the certificate name'],
  ['*example.com', 'aexample.com', false, '"*" without its dot is no wildcard'],
];

describe('nameCoversHost', () => {
  test.each(CASES)('%s covers %s: %s (%s)', (name, host, covered) => {
    expect(nameCoversHost(name, host)).toBe(covered);
  });
});

describe('certificateCoversHost', () => {
  test('any of the names covers the host; no names cover nothing', () => {
    const names = ['example.com', '*.example.com'];
    expect(['a.example.com', 'example.com', 'a.b.example.com'].map((host) => certificateCoversHost(names, host))).toEqual([true, true, false]);
    expect(certificateCoversHost([], 'example.com')).toBe(false);
  });
});
