import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { kubectl, testWithKubectl } from '../helpers/kubectl';

const root = join(__dirname, '..', '..');
const examples = join(root, 'examples');
const text = (file: string) => readFileSync(join(examples, file), 'utf8');
const load = (file: string) => parse(text(file));

/** What kustomize renders from the committed cluster-addons/2-install/ with a GitOps example's patches (as Argo CD and Flux run it). */
function renderWithPatches(patches: unknown[]): any[] {
  const dir = mkdtempSync(join(tmpdir(), 'netkit-gitops-'));
  try {
    cpSync(join(root, 'cluster-addons', '2-install'), join(dir, 'base'), { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['base'], patches }));
    const result = kubectl(['kustomize', dir]);
    expect(result.stderr).toBe('');
    return parseAllDocuments(result.stdout).map((d) => d.toJS());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The examples in the README point at dist/; they must stay consistent with each other.
describe('GitOps examples', () => {
  test('the Argo CD Application deploys dist/', () => {
    const app = load('argocd/application.yaml');
    expect(app).toMatchObject({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', spec: { source: { path: 'dist' } } });
  });

  test('the Flux Kustomization applies ./dist from its GitRepository', () => {
    const source = load('flux/gitrepository.yaml');
    const kustomization = load('flux/kustomization.yaml');
    expect(source).toMatchObject({ apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' });
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization',
      spec: { path: './dist', sourceRef: { kind: 'GitRepository', name: source.metadata.name }, prune: true },
    });
    expect(kustomization.metadata.namespace).toBe(source.metadata.namespace);
  });

  test('the Argo CD add-on Application syncs cluster-addons/2-install first, server-side; the apps come after it', () => {
    const addons = load('argocd/cluster-addons.yaml');
    expect(addons).toMatchObject({ kind: 'Application', spec: { source: { path: 'cluster-addons/2-install' }, syncPolicy: { syncOptions: ['ServerSideApply=true'] } } });
    expect(Number(addons.metadata.annotations['argocd.argoproj.io/sync-wave']))
      .toBeLessThan(Number(load('argocd/application.yaml').metadata.annotations['argocd.argoproj.io/sync-wave']));
  });

  testWithKubectl('Argo CD: the certgen Jobs (ingress-nginx and NGINX Gateway Fabric) become hooks without a TTL (no OutOfSync flapping); the tutorial kube-proxy ConfigMap is left out', () => {
    const objects = renderWithPatches(load('argocd/cluster-addons.yaml').spec.source.kustomize.patches);
    const jobs = objects.filter((o) => o.kind === 'Job');
    expect(jobs.map((j) => [j.metadata.name, j.metadata.annotations['argocd.argoproj.io/hook'], j.spec.ttlSecondsAfterFinished])).toEqual([
      ['ingress-nginx-admission-create-v1-15-1', 'Sync', undefined],
      ['ingress-nginx-admission-patch-v1-15-1', 'PostSync', undefined],
      ['nginx-gateway-cert-generator', 'Sync', undefined],
    ]);
    for (const job of jobs) expect(job.metadata.annotations['argocd.argoproj.io/hook-delete-policy']).toBe('BeforeHookCreation,HookSucceeded');
    expect(objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kube-proxy')).toEqual([]);
    expect(objects.filter((o) => o.kind === 'ValidatingWebhookConfiguration')).toHaveLength(1);
  });

  testWithKubectl('Flux: the add-ons Kustomization keeps the certgen Jobs of both installs (no TTL) and leaves out kube-proxy; the apps depend on it', () => {
    const addons = load('flux/cluster-addons.yaml');
    expect(addons).toMatchObject({ kind: 'Kustomization', spec: { path: './cluster-addons/2-install', wait: true } });
    const objects = renderWithPatches(addons.spec.patches);
    expect(objects.filter((o) => o.kind === 'Job').map((j) => [j.metadata.name, j.spec.ttlSecondsAfterFinished])).toEqual([
      ['ingress-nginx-admission-create-v1-15-1', undefined], ['ingress-nginx-admission-patch-v1-15-1', undefined], ['nginx-gateway-cert-generator', undefined],
    ]);
    expect(objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.name === 'kube-proxy')).toEqual([]);
    expect(load('flux/kustomization.yaml').spec.dependsOn).toEqual([{ name: addons.metadata.name }]);
  });

  test('both GitOps examples say the local TLS Secrets never reach the cluster, and show the ways that do', () => {
    for (const file of ['argocd/application.yaml', 'flux/kustomization.yaml']) {
      for (const way of ['.netkit/secrets/', 'fake certificate', 'cert-manager', 'Sealed Secrets', 'SOPS', 'External Secrets']) expect(text(file)).toContain(way);
    }
  });

  test('the CI workflow runs on a supported Node.js with the node24 action majors', () => {
    const steps: any[] = load('ci/dist-up-to-date.yml').jobs.dist.steps;
    const major = (action: string) => Number(/@v(\d+)$/.exec(steps.find((s) => String(s.uses).startsWith(`${action}@`)).uses)![1]);
    expect(major('actions/checkout')).toBeGreaterThanOrEqual(6);
    expect(major('actions/setup-node')).toBeGreaterThanOrEqual(6);
    expect(steps.find((s) => String(s.uses).startsWith('actions/setup-node@')).with['node-version']).toBeGreaterThanOrEqual(22);
  });

  test('the CI workflow synthesizes, then fails on a diff in dist/, dist-traffic/ or cluster-addons/', () => {
    const workflow = load('ci/dist-up-to-date.yml');
    const steps: any[] = workflow.jobs.dist.steps;
    const synth = steps.findIndex((s) => s.run === 'npx cdk8s synth');
    const check = steps.findIndex((s) => typeof s.run === 'string' && s.run.includes('git diff --exit-code'));
    expect(synth).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(synth);
    expect(steps[check].run).toContain('exit 1');
    for (const folder of ['dist', 'dist-traffic', 'cluster-addons']) expect(steps[check].run).toContain(` ${folder}`);
  });
});
