import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const fixtures = join(root, 'test', 'policy', 'fixtures');

/** Runs the real executable, as `npx cdk8s-netkit check …` would. */
function check(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'cdk8s-netkit.js'), 'check', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

jest.setTimeout(30_000);

describe('cdk8s-netkit check', () => {
  test('exits 0 and says so when nothing is wrong', () => {
    const r = check(join(fixtures, 'clean.yaml'));
    expect(r).toMatchObject({ code: 0, stdout: '0 error(s), 0 warning(s), 0 info(s).\n' });
  });

  test('exits 0 on warnings only, 1 with --strict', () => {
    expect(check(join(fixtures, 'warnings-only.yaml')).code).toBe(0);
    const strict = check('--strict', join(fixtures, 'warnings-only.yaml'));
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^WARNING \[img-pinned\] Pod default\/tool \(.*warnings-only\.yaml:1\): spec\.containers\[0\]\.image "busybox" has no tag/);
  });

  test('exits 2 on an error finding, naming file, line, rule, object and fix', () => {
    const r = check(join(fixtures, 'broken.yaml'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('ERROR [svc-selector-matches-pod] Service default/web (');
    expect(r.stdout).toContain('broken.yaml:2): spec.selector {"app":"wbe"} matches no pod template in namespace "default"');
    expect(r.stdout).toContain('    Fix: Make the selector equal to');
    expect(r.stdout).toMatch(/1 error\(s\), 0 warning\(s\), 0 info\(s\)\.\n$/);
  });

  test('--format json prints the findings as JSON', () => {
    const r = check('--format', 'json', join(fixtures, 'broken.yaml'));
    expect(r.code).toBe(2);
    const { findings, counts } = JSON.parse(r.stdout);
    expect(counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(findings).toEqual([{
      rule: 'svc-selector-matches-pod', severity: 'error', kind: 'Service', namespace: 'default', name: 'web',
      file: join(fixtures, 'broken.yaml'), line: 2,
      message: 'spec.selector {"app":"wbe"} matches no pod template in namespace "default", so the Service has no endpoints. Did you mean app=web?',
      fix: "Make the selector equal to (a subset of) the workload's pod template labels, or fix the namespace.",
    }]);
  });

  test('exits 3 on unreadable YAML, naming file and line, without a stack trace, after checking the other files', () => {
    const r = check(join(fixtures, 'clean.yaml'), join(fixtures, 'unreadable.yaml'));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('0 error(s), 0 warning(s), 0 info(s).\n');
    expect(r.stderr).toMatch(/^cdk8s-netkit check: cannot read .*unreadable\.yaml:6: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a repository as it is: skipped files are named, the rest is checked; no objects at all exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netkit-check-repo-'));
    try {
      writeFileSync(join(dir, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n');
      writeFileSync(join(dir, 'values.yaml'), 'replicaCount: 2\n');
      expect(check(dir)).toMatchObject({ code: 3, stderr: expect.stringContaining(`no Kubernetes objects found in ${dir}`) });
      copyFileSync(join(fixtures, 'broken.yaml'), join(dir, 'broken.yaml'));
      writeFileSync(join(dir, 'template.yaml'), 'kind: Service\nmetadata:\n  name: {{ .Values.name }}\n');
      writeFileSync(join(dir, 'settings.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Settings\n');
      const r = check(dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('ERROR [name-valid] ConfigMap default/Settings');
      expect(r.stdout).not.toMatch(/schema-valid|name-valid.*Service/);
      // The skipped template may hold the pods the Service selects: that cannot be judged, so it is not an error.
      expect(r.stdout).not.toContain('ERROR [svc-selector-matches-pod]');
      expect(check(dir, '--info').stdout).toMatch(/INFO \[svc-selector-matches-pod\] Service default\/web \(.*broken\.yaml:2\): cannot judge spec\.selector \{"app":"wbe"\}: some files of the input were not read/);
      expect(r.stderr).toContain(`skipped ${join(dir, 'template.yaml')}: a {{ }} template`);
      expect(r.stderr).toContain(`skipped ${join(dir, 'values.yaml')}: 1 document(s) not Kubernetes objects`);
      // Without the template the input is complete, and the typo is an error again.
      rmSync(join(dir, 'template.yaml'));
      expect(check(dir).stdout).toContain('ERROR [svc-selector-matches-pod]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exits 3 on a missing file', () => {
    const r = check(join(fixtures, 'no-such-file.yaml'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no-such-file.yaml: no such file or folder');
  });

  test('exits 2 on bad usage', () => {
    expect(check('--format', 'xml', 'x.yaml')).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be text or json, got "xml"') });
    expect(check()).toMatchObject({ code: 2, stderr: expect.stringContaining('no files or folders given') });
    expect(check('--frobnicate', 'x.yaml')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown option "--frobnicate"') });
  });

  test('--external-ingress-class declares a class installed outside the files', () => {
    const ingress = join(fixtures, 'ingress-external-class.yaml');
    // No IngressClass in the files and none declared: the class cannot be judged (info).
    expect(check('--info', ingress)).toMatchObject({ code: 0, stdout: expect.stringContaining('INFO [ing-class-resolves] Ingress default/web') });
    expect(check('--external-ingress-class', 'nginx', ingress)).toMatchObject({ code: 2, stdout: expect.stringContaining('ERROR [ing-class-resolves] Ingress default/web') });
    expect(check('--external-ingress-class', 'traefik', ingress)).toMatchObject({ code: 0, stdout: '0 error(s), 0 warning(s), 0 info(s).\n' });
  });

  test('the committed dist/ has no error or warning (the example declares its IngressClass external)', () => {
    const r = check('--external-ingress-class', 'nginx', join(root, 'dist'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^(ERROR|WARNING)/m);
  });

  test('counts infos, and lists them only with --info (text and JSON)', () => {
    const ingress = join(fixtures, 'ingress-external-class.yaml');
    const counted = check(ingress);
    expect(counted.stdout).toBe('0 error(s), 0 warning(s), 1 info(s) (not listed; --info lists them).\n');
    expect(check('--info', ingress).stdout).toMatch(/^INFO \[ing-class-resolves\] Ingress default\/web .*cannot judge/);
    const json = JSON.parse(check('--format', 'json', ingress).stdout);
    expect(json).toEqual({ findings: [], counts: { error: 0, warning: 0, info: 1 } });
    expect(JSON.parse(check('--format', 'json', '--info', ingress).stdout).findings).toEqual([expect.objectContaining({ rule: 'ing-class-resolves', severity: 'info' })]);
  });

  test('--disable turns a rule off', () => {
    const r = check('--format', 'json', '--disable', 'svc-selector-matches-pod', join(fixtures, 'broken.yaml'));
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.code).toBe(0);
  });
});
