import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { validApp } from '../policy/builders';
import { DEFAULT_DENY, ingressController } from '../policy/isolation-cases';

const root = join(__dirname, '..', '..');
const check = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'cdk8s-netkit.js'), 'check', '--info', ...args], { cwd: root, encoding: 'utf8' });

jest.setTimeout(30_000);

describe('cdk8s-netkit check reads NetworkPolicies and Pod Security labels from any YAML', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'netkit-check-isolation-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a folder of YAML files: the policy in its own file blocks the routed path', () => {
    writeFileSync(join(dir, 'app.yaml'), validApp().map((o) => stringify(o)).join('---\n'));
    writeFileSync(join(dir, 'policies.yml'), stringify(DEFAULT_DENY));
    const unknown = check(dir);
    expect(unknown.status).toBe(0);
    expect(unknown.stdout).toContain('INFO [netpol-blocks-declared-path] Ingress shop/web');
    expect(unknown.stdout).toContain('the controller pods of ingress class "nginx" are not in these manifests');
    // Naming the controller's pods makes the path judgeable: blocked.
    const named = check('--data-plane-pods', 'ingress-nginx:app.kubernetes.io/name=ingress-nginx', dir);
    expect(named.status).toBe(2);
    expect(named.stdout).toContain('ERROR [netpol-blocks-declared-path] Ingress shop/web (');
    expect(named.stdout).toContain('is blocked for pods ingress-nginx/{"app.kubernetes.io/name":"ingress-nginx"} (dataPlanePods option)');
    // The same with the controller's manifests in the folder.
    writeFileSync(join(dir, 'controller.yaml'), ingressController().map((o) => stringify(o)).join('---\n'));
    expect(check(dir).stdout).toContain('is blocked for the ingress controller (Deployment ingress-nginx/ingress-nginx-controller)');
  });

  test('a bad --data-plane-pods value is a usage error', () => {
    writeFileSync(join(dir, 'app.yaml'), stringify(DEFAULT_DENY));
    const r = check('--data-plane-pods', 'ingress-nginx', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--data-plane-pods ingress-nginx is not NAMESPACE:KEY=VALUE');
  });

  test('a Namespace enforcing restricted refuses the workload: exit 2', () => {
    const app = validApp().map((o) => (o.kind === 'Namespace' ? { ...o, metadata: { name: 'shop', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } } : o));
    writeFileSync(join(dir, 'app.yaml'), app.map((o) => stringify(o)).join('---\n'));
    const r = check(dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('ERROR [ns-pod-security-admits] Deployment shop/web (');
  });
});
