import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';

// Every ```ts block of docs/gateway-api.md runs as written (complete blocks importing 'cdk8s' and 'cdk8s-netkit').
const page = readFileSync(join(__dirname, '..', '..', 'docs', 'gateway-api.md'), 'utf8');
const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

function run(code: string): string[] {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  const logged: string[] = [];
  const fakeConsole = { ...console, log: (...args: unknown[]) => logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')) };
  const mod = { exports: {} };
  new Function('require', 'module', 'exports', 'console', outputText)((id: string) => require(id === 'cdk8s-netkit' ? '../../lib' : id), mod, mod.exports, fakeConsole);
  return logged;
}

describe('docs/gateway-api.md examples', () => {
  let outdir: string;
  const previous = process.env.CDK8S_OUTDIR;
  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'netkit-gateway-docs-'));
    process.env.CDK8S_OUTDIR = outdir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
  });

  test('the page has its six examples', () => {
    expect(blocks).toHaveLength(6);
  });

  test('the CRD add-on example installs v1.5.1', () => {
    expect(run(blocks[0])).toEqual(['v1.5.1 BackendTLSPolicy, GatewayClass, Gateway, GRPCRoute, HTTPRoute, ListenerSet, ReferenceGrant, TLSRoute']);
  });

  test('the Gateway example prints its listeners', () => {
    expect(run(blocks[1])).toEqual(['http:80 https:443']);
  });

  test('the HttpRoute example runs', () => {
    expect(run(blocks[2])).toEqual([]);
  });

  test('the WildcardGateway example prints its URL', () => {
    expect(run(blocks[3])).toEqual(['["https://web01.cluster.example.com/"]']);
  });

  test('the ReferenceGrant example grants in the billing namespace', () => {
    expect(run(blocks[4])).toEqual(['["billing/allow-httproutes-from-shop"]']);
  });

  test('the per-object check example prints the three problems its comments show', () => {
    const lines = run(blocks[5]);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^spec\.listeners\[0\]\.tls: is required for protocol HTTPS/);
    expect(lines[1]).toMatch(/^spec\.rules\[0\]\.matches\[0\]\.path\.value: value must be an absolute path and start with '\/'/);
    expect(lines[2]).toBe('spec.rules[0].backendRefs[0].port: Must have port for Service reference. Fix: set the Service port number; a port name must be resolved to its number through the Service.');
  });
});
