import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * Writes a tiny cdk8s project using this library into a temp folder and runs
 * `npx cdk8s synth` there: a NetkitApp (policies on by default), or a stock
 * App with an explicit enforcePolicies call.
 */
function synthTinyApp(body: string, app: 'netkit' | 'stock' = 'netkit') {
  const dir = mkdtempSync(join(tmpdir(), 'netkit-synth-cli-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node --transpile-only main.ts\noutput: dist\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true } }));
  writeFileSync(join(dir, 'main.ts'), [
    "import { ApiObject, App } from 'cdk8s';",
    `import { enforcePolicies, ExposedService, NetkitApp, NetkitChart, WebApp } from ${JSON.stringify(join(root, 'lib'))};`,
    app === 'netkit' ? 'const app = new NetkitApp();' : 'const app = new App();',
    "const chart = new NetkitChart(app, 'shop', { namespace: 'shop' });",
    "const web = new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });",
    "ExposedService.nodePort(chart, 'web-nodeport', { target: web, ports: [{ port: 80, nodePort: 30080 }] });",
    body,
    app === 'netkit' ? '' : 'enforcePolicies(app);',
    'app.synth();',
  ].join('\n'));
  const result = spawnSync('npx', ['cdk8s', 'synth'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' } });
  const dist = join(dir, 'dist');
  const files = existsSync(dist) ? readdirSync(dist) : [];
  rmSync(dir, { recursive: true, force: true });
  return { code: result.status, output: `${result.stdout}${result.stderr}`, files };
}

// Each case spawns the cdk8s CLI and ts-node: seconds, not milliseconds.
jest.setTimeout(60_000);

describe('npx cdk8s synth with the policy checks', () => {
  test('writes the manifests of a valid app, counting its infos', () => {
    const r = synthTinyApp('');
    expect(r.output).not.toContain('INFO [svc-type-nodeport]');
    expect(r.output).toContain('cdk8s-netkit policies: 0 error(s), 0 warning(s), 1 info(s) not shown');
    expect(r).toMatchObject({ code: 0, files: ['shop.k8s.yaml'] });
  });

  test('a stock App with enforcePolicies fails on an error too', () => {
    const r = synthTinyApp("new ApiObject(chart, 'typo', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' }, spec: { selector: { app: 'wbe' }, ports: [{ port: 80 }] } });", 'stock');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('[shop/typo] ERROR [svc-selector-matches-pod] Service shop/typo: ');
  });

  test('fails on a broken app before writing anything, naming construct path, object, rule and fix of each error', () => {
    const r = synthTinyApp(`
// selector typo
new ApiObject(chart, 'typo', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'typo' }, spec: { selector: { 'app.kubernetes.io/name': 'wbe' }, ports: [{ port: 80 }] } });
// wrong targetPort
new ApiObject(chart, 'wrong-port', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'wrong-port' }, spec: { selector: web.selector, ports: [{ port: 80, targetPort: 'metrics' }] } });
// duplicate nodePort
new ApiObject(chart, 'dup', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dup' }, spec: { type: 'NodePort', selector: web.selector, ports: [{ port: 81, targetPort: 8080, nodePort: 30080 }] } });
// missing backend, uncovered TLS host
new ApiObject(chart, 'Namespace2', { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } });
new ApiObject(chart, 'cert', { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'shop-tls' }, spec: { secretName: 'shop-tls', dnsNames: ['shop.example.com'], issuerRef: { name: 'le', kind: 'ClusterIssuer' } } });
new ApiObject(chart, 'ing', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop' }, spec: {
  ingressClassName: 'nginx',
  tls: [{ hosts: ['www.example.com'], secretName: 'shop-tls' }],
  rules: [{ host: 'www.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'wbe', port: { number: 80 } } } }] } }],
} });
`);
    expect(r.code).not.toBe(0);
    expect(r.files.filter((f) => f.endsWith('.yaml'))).toEqual([]);
    for (const expected of [
      '[shop/typo] ERROR [svc-selector-matches-pod] Service shop/typo: ',
      '[shop/wrong-port] ERROR [svc-targetport-exists] Service shop/wrong-port: spec.ports[0].targetPort "metrics"',
      '[shop/dup] ERROR [svc-nodeport-unique] Service shop/dup: spec.ports[0].nodePort 30080/TCP is already claimed by Service shop/web-nodeport',
      '[shop/ing] ERROR [ing-backend-exists] Ingress shop/shop: spec.rules[0].http.paths[0].backend.service.name "wbe"',
      '[shop/ing] ERROR [ing-tls-cert-covers-hosts] Ingress shop/shop: spec.tls[0].hosts[0] "www.example.com" is not covered',
    ]) expect(r.output).toContain(expected);
    // An app-wide check (what app charts may hold) is reported under the object too, never under an empty path.
    expect(r.output).toContain('[shop/Namespace2] kind: IngressClass "nginx" is cluster-scoped');
    expect(r.output).toContain('    Fix: ');
    expect(r.output).not.toContain('[] ');
  });
});
