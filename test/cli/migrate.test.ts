import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { main } from '../../lib/cli/main';

const fixtures = join(__dirname, '..', 'gateway', 'fixtures', 'ingress-nginx');
const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};
const run = async (...args: string[]) => {
  const io = capture();
  const code = await main(['migrate', ...args], io);
  return { code, stdout: io.outText, stderr: io.errText };
};
const docs = (text: string) => parseAllDocuments(text).map((d) => d.toJSON());

describe('cdk8s-netkit migrate', () => {
  test('writes the YAML to stdout and the report to stderr; exit 0 when everything converted', async () => {
    const r = await run(join(fixtures, 'multi-tls.yaml'));
    expect(r.code).toBe(0);
    expect(docs(r.stdout).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Gateway/nginx', 'HTTPRoute/foo-tls-foo-bar-com', 'HTTPRoute/foo-tls-foo-bar-com-redirect', 'HTTPRoute/foo-tls-bar-baz-com', 'HTTPRoute/foo-tls-bar-baz-com-redirect',
    ]);
    expect(r.stdout).not.toMatch(/[&*]a1/);
    expect(r.stderr).toMatch(/^Ingress default\/foo-tls \(.*multi-tls\.yaml:95\)\n  wrote: Gateway default\/nginx, HTTPRoute default\/foo-tls-foo-bar-com/);
    expect(r.stderr).toMatch(/1 Ingress\(es\): 1 converted fully, 0 with parts not converted; 5 object\(s\) written\.\nChecks of the written objects/);
  });

  test('exit 1 when something was not converted, naming it in the report', async () => {
    const r = await run(join(fixtures, 'configuration-snippets.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  NOT CONVERTED metadata.annotations["nginx.ingress.kubernetes.io/configuration-snippet"]: injects raw NGINX configuration');
  });

  test('the options reach the YAML', async () => {
    const r = await run('--gateway-class', 'envoy', '--gateway-namespace', 'edge', '--redirect-code', '308', join(fixtures, 'tls-termination.yaml'));
    const objects = docs(r.stdout);
    expect(objects[0]).toMatchObject({ kind: 'Gateway', metadata: { namespace: 'edge' }, spec: { gatewayClassName: 'envoy' } });
    expect(objects.find((o) => o.kind === 'ReferenceGrant')).toMatchObject({ metadata: { namespace: 'default' }, spec: { to: [{ kind: 'Secret', name: 'tls-secret' }] } });
    expect(objects.find((o) => o.metadata.name.endsWith('-redirect')).spec.rules[0].filters[0].requestRedirect.statusCode).toBe(308);
  });

  test('--out writes one file per namespace and prints the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkit-migrate-'));
    try {
      const r = await run('--out', dir, join(fixtures, 'canary.yaml'));
      expect(r.code).toBe(0);
      expect(readdirSync(dir)).toEqual(['default.gateway-api.yaml']);
      expect(docs(readFileSync(join(dir, 'default.gateway-api.yaml'), 'utf8')).map((o) => o.kind)).toEqual(['Gateway', 'HTTPRoute']);
      expect(r.stdout).toMatch(/^wrote .*default\.gateway-api\.yaml \(2 object\(s\)\)\nIngress default\/production/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('bad usage exits 2, unreadable input 3', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--redirect-code', '305', 'x.yaml')).stderr).toMatch(/--redirect-code must be one of 301, 302, 303, 307, 308, got "305"/);
    expect((await run('--gateway-class')).stderr).toMatch(/--gateway-class needs a value/);
    expect((await run('--bogus', 'x.yaml')).code).toBe(2);
    expect((await run(join(fixtures, 'nope.yaml'))).code).toBe(3);
  });

  test('files without Ingresses: nothing to convert, exit 0', async () => {
    const r = await run(join(fixtures, 'http-svc.yaml'));
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'cdk8s-netkit migrate: no Ingress in these files; nothing to convert.\n' });
  });

  test('is listed in the help', async () => {
    const io = capture();
    await main(['--help'], io);
    expect(io.outText).toMatch(/migrate +convert Ingresses and their ingress-nginx annotations to Gateway API YAML/);
  });
});

describe('cdk8s-netkit migrate checks what it wrote against the rest of the input', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'netkit-migrate-check-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a Secret of the wrong type fails the check (exit 1); without Secrets in the input the Secret checks say they did not run', async () => {
    const secret = join(dir, 'secrets.yaml');
    writeFileSync(secret, 'apiVersion: v1\nkind: Secret\nmetadata: {name: foobar, namespace: default}\ntype: Opaque\ndata: {}\n');
    const r = await run(join(fixtures, 'multi-tls.yaml'), secret);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ERROR [gw-tls-secret-exists] Gateway default/nginx: spec.listeners[1].tls.certificateRefs[0].name "foobar" names Secret default/foobar of type "Opaque", not kubernetes.io/tls');
    const bare = await run(join(fixtures, 'multi-tls.yaml'));
    expect(bare.stderr).toContain('Checks of the written objects with the rest of the input (gw-tls-secret-exists and gw-tls-cert-covers-hostname not run: no Secrets in the input):\n0 error(s)');
  });
});
