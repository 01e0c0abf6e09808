// nameCoversHost and certificateCoversHost, as TLS clients match names (RFC 6125 6.4.3): the edges that the rules
// using them (ing-tls-cert-covers-hosts, gw-tls-cert-covers-hostname) and the certificate check reach only in part.
import { certificateCoversHost, nameCoversHost } from '../../lib/tls';

describe('nameCoversHost', () => {
  test('an exact name, in any case and with or without the trailing dot of a fully qualified name', () => {
    expect(nameCoversHost('web.example.com', 'web.example.com')).toBe(true);
    expect(nameCoversHost('WEB.example.com', 'web.EXAMPLE.com')).toBe(true);
    expect(nameCoversHost('web.example.com.', 'web.example.com')).toBe(true);
    expect(nameCoversHost('web.example.com', 'web.example.com.')).toBe(true);
    expect(nameCoversHost('web.example.com', 'api.example.com')).toBe(false);
    expect(nameCoversHost('web.example.com', 'webXexample.com')).toBe(false);
  });
  test('"*." stands for exactly one whole leftmost label', () => {
    expect(nameCoversHost('*.example.com', 'a.example.com')).toBe(true);
    expect(nameCoversHost('*.Example.com.', 'A.EXAMPLE.COM.')).toBe(true);
    expect(nameCoversHost('*.example.com', 'example.com')).toBe(false);
    expect(nameCoversHost('*.example.com', 'a.b.example.com')).toBe(false);
    expect(nameCoversHost('*.example.com', 'a.example.org')).toBe(false);
    // An empty first label is no label.
    expect(nameCoversHost('*.example.com', '.example.com')).toBe(false);
  });
  test('a wildcard host is covered only by the same wildcard, never by a wildcard label that is not "*" alone', () => {
    expect(nameCoversHost('*.example.com', '*.example.com')).toBe(true);
    expect(nameCoversHost('*.example.com', '*x.example.com')).toBe(false);
    expect(nameCoversHost('a.example.com', '*.example.com')).toBe(false);
    // "*" must be the whole label of the certificate name too.
    expect(nameCoversHost('x*.example.com', 'xa.example.com')).toBe(false);
    expect(nameCoversHost('*example.com', 'aexample.com')).toBe(false);
  });
});

describe('certificateCoversHost', () => {
  test('any of the names covers the host; no names cover nothing', () => {
    expect(certificateCoversHost(['example.com', '*.example.com'], 'a.example.com')).toBe(true);
    expect(certificateCoversHost(['example.com', '*.example.com'], 'example.com')).toBe(true);
    expect(certificateCoversHost(['example.com', '*.example.com'], 'a.b.example.com')).toBe(false);
    expect(certificateCoversHost([], 'example.com')).toBe(false);
  });
});
