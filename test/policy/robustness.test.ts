import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicies, readManifests } from '../../lib';
import { main } from '../../lib/cli/main';

const capture = () => {
  const io = { outText: '', errText: '', out: (t: string) => { io.outText += t; }, err: (t: string) => { io.errText += t; } };
  return io;
};

describe('odd but real-world input', () => {
  test('RBAC names with ":" (system:, kubeadm:) are valid; "/" is not', () => {
    const role = (name: string) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [] });
    const rules = (name: string) => checkPolicies([role(name)]).filter((f) => f.rule === 'name-valid');
    expect(rules('system:my-role')).toEqual([]);
    expect(rules('kubeadm:node-proxier')).toEqual([]);
    expect(rules('a/b')).toEqual([expect.objectContaining({ message: expect.stringContaining('without "/" or "%"') })]);
  });

  test('the same path as Prefix and Exact in one Ingress is not a duplicate', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' },
      spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [
        { path: '/v1', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } },
        { path: '/v1', pathType: 'Exact', backend: { service: { name: 's', port: { number: 80 } } } },
      ] } }] },
    };
    expect(checkPolicies([ingress]).filter((f) => f.rule === 'ing-host-path-unique')).toEqual([]);
  });

  test('a misspelt kind of a built-in apiVersion is an error; custom resources are not judged', () => {
    const typo = checkPolicies([{ apiVersion: 'apps/v1', kind: 'Deplyoment', metadata: { name: 'd', namespace: 'default' } }]).filter((f) => f.rule === 'schema-valid');
    expect(typo).toEqual([expect.objectContaining({ message: 'kind "Deplyoment" is not served by apiVersion apps/v1 (did you mean "Deployment"?); kubectl answers "no matches for kind".', fix: 'Write kind: Deployment.' })]);
    const crd = checkPolicies([{ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'default' } }]).filter((f) => f.rule === 'schema-valid');
    expect(crd).toEqual([]);
  });

  test('a malformed list item becomes findings, never an exception', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { selector: { a: 'b' }, ports: [null, { port: 80 }] } };
    const findings = checkPolicies([service]);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
  });

  describe('files', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'netkit-odd-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('YAML merge keys are expanded as kubectl does', () => {
      const file = join(dir, 'cm.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\ndata:\n  a: x\n  <<: {b: y}\n');
      expect(readManifests([file])[0].manifest.data).toEqual({ a: 'x', b: 'y' });
    });

    test('a List with null items is an empty list', () => {
      const file = join(dir, 'list.yaml');
      writeFileSync(file, 'apiVersion: v1\nkind: List\nitems: null\n');
      expect(readManifests([file])).toEqual([]);
    });

    test('check and map answer malformed objects with a message and an exit code, not a stack trace', async () => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, [
        'apiVersion: v1', 'kind: Service', 'metadata: {name: s, namespace: default}', 'spec:', '  selector: {a: b}', '  ports:', '    -', '    - port: 80', '---',
        'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: i, namespace: default}', 'spec:', '  rules: {host: a}', '',
      ].join('\n'));
      const check = capture();
      expect(await main(['check', file], check)).toBe(2);
      expect(check.errText).not.toMatch(/\n\s+at /);
      const map = capture();
      expect(await main(['map', file], map)).toBe(3);
      expect(map.errText).toMatch(/^cdk8s-netkit map: cannot map these manifests/);
      expect(map.errText).not.toMatch(/\n\s+at /);
    });
  });

  test('check rejects an unknown rule id and a malformed Kubernetes version as usage errors', async () => {
    const io = capture();
    expect(await main(['check', '--disable', 'svc-selector-matches-pods', 'dist/'], io)).toBe(2);
    expect(io.errText).toMatch(/--disable: is not a policy rule id, so it turns nothing off\. Got: "svc-selector-matches-pods"\..* Fix: did you mean "svc-selector-matches-pod"\?/);
    const io2 = capture();
    expect(await main(['check', '--kubernetes-version', 'banana', 'dist/'], io2)).toBe(2);
    expect(io2.errText).toMatch(/--kubernetes-version: is not a Kubernetes release\. Got: "banana"\. Allowed: a release from 1\.31 to 1\.36/);
    const io3 = capture();
    expect(await main(['check', '--kubernetes-version', '1.29', 'dist/'], io3)).toBe(2);
    expect(io3.errText).toMatch(/--kubernetes-version: is outside the supported range 1\.31 to 1\.36.*Got: "1\.29"\. Allowed: 1\.31 to 1\.36\. Fix: upgrade the cluster to 1\.31 or later/);
  });
});

