import { formatProblem } from '../../lib/core/errors';
import { HttpIngress, IngressBackend, ingressProblems } from '../../lib/ingress';
import { fixture } from './fakes';

// HttpIngress checks only what an added rule or TLS block changes (so 5,000
// routes are linear, not quadratic); the errors must be those a check of the
// whole manifest gives, with the entry's real index.
describe('HttpIngress incremental checks', () => {
  function threeHosts() {
    const { chart, web } = fixture();
    const ing = new HttpIngress(chart, 'site');
    for (const host of ['a.example.com', 'b.example.com', 'c.example.com']) {
      ing.addRule({ host, backend: IngressBackend.fromService(web, 80) });
    }
    ing.addTls({ hosts: ['a.example.com'], secretName: 'a-tls' });
    return { ing, web };
  }

  test('a bad path on an existing host is reported at that host\'s index, as the whole-manifest check reports it', () => {
    const { ing, web } = threeHosts();
    const bad = { host: 'b.example.com', path: '/x/../y', backend: IngressBackend.fromService(web, 80) };
    const manifest = ing.toManifest();
    manifest.spec!.rules![1].http!.paths.push({ path: bad.path, pathType: 'Prefix', backend: bad.backend.toJson() });
    const expected = ingressProblems(manifest);
    expect(expected.map((p) => p.field)).toEqual(['spec.rules[1].http.paths[1].path']);
    expect(() => ing.addRule(bad)).toThrow(formatProblem(expected[0]));
    // Refused rules leave nothing behind: the same rule with a good path is accepted.
    ing.addRule({ ...bad, path: '/y' });
    expect(ing.toManifest().spec!.rules![1].http!.paths.map((p) => p.path)).toEqual(['/', '/y']);
  });

  test('a bad Secret name in a second TLS block is reported at spec.tls[1]', () => {
    const { ing } = threeHosts();
    expect(() => ing.addTls({ hosts: ['b.example.com'], secretName: 'B_tls' })).toThrow(/spec\.tls\[1\]\.secretName/);
    ing.addTls({ hosts: ['b.example.com', 'a.example.com'], secretName: 'a-tls' });
    ing.addTls({ hosts: ['c.example.com'], secretName: 'c-tls' });
    expect(ing.toManifest().spec!.tls).toEqual([
      { hosts: ['a.example.com', 'b.example.com'], secretName: 'a-tls' },
      { hosts: ['c.example.com'], secretName: 'c-tls' },
    ]);
  });

  test('a duplicate host and path is still refused after many rules', () => {
    const { ing, web } = threeHosts();
    expect(() => ing.addRule({ host: 'c.example.com', backend: IngressBackend.fromService(web, 80) })).toThrow(/routes host "c.example.com" and path "\/" a second time/);
  });
});
