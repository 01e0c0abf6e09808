import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const examples = join(__dirname, '..', '..', 'examples');
const load = (file: string) => parse(readFileSync(join(examples, file), 'utf8'));

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

  test('the CI workflow synthesizes, then fails on a diff in dist/', () => {
    const workflow = load('ci/dist-up-to-date.yml');
    const steps: any[] = workflow.jobs.dist.steps;
    const synth = steps.findIndex((s) => s.run === 'npx cdk8s synth');
    const check = steps.findIndex((s) => typeof s.run === 'string' && s.run.includes('git diff --exit-code'));
    expect(synth).toBeGreaterThan(-1);
    expect(check).toBeGreaterThan(synth);
    expect(steps[check].run).toContain('exit 1');
  });
});
