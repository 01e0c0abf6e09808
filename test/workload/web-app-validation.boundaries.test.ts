import { Duration, Testing } from 'cdk8s';
import { NetkitChart, Probe, WebApp, WebAppProps } from '../../lib';
import { errorOf } from '../helpers/errors';

// Boundaries of lib/workload/web-app-validation.ts found by reading it for a mutation run: each
// refusal names the construct path, the prop, the bad value, what is allowed and the fix.

const web = (props: Partial<WebAppProps>, id = 'web') => new WebApp(new NetkitChart(Testing.app(), 'dev', { namespace: 'dev' }), id, { image: 'nginx:1.27', ...props });

function onlyProblem(props: Partial<WebAppProps>, id = 'web') {
  const e = errorOf(() => web(props, id));
  expect(e.message.startsWith(`[dev/${id}] `)).toBe(true);
  expect(e.problems).toHaveLength(1);
  return e.problems[0];
}

describe('the name is a Deployment name and the app.kubernetes.io/instance label value', () => {
  test('63 characters are accepted; 64 (a valid Deployment name) are refused as a label value', () => {
    expect(() => web({}, 'w'.repeat(63))).not.toThrow();
    expect(onlyProblem({}, 'w'.repeat(64))).toEqual({
      field: 'name', message: 'is used as the app.kubernetes.io/instance label and is too long for a label value.', value: 'w'.repeat(64),
      allowed: 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit', fix: 'use a name of at most 63 characters.',
    });
  });

  test('a name that is not a DNS subdomain', () => {
    expect(onlyProblem({ name: 'Web_Front' })).toEqual({
      field: 'name', message: 'is not a valid Deployment name.', value: 'Web_Front',
      allowed: 'dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters', fix: 'pass a `name` (or construct id) such as "web-frontend".',
    });
  });
});

describe('label values and DNS labels among the props', () => {
  test.each(['appName', 'version', 'component', 'partOf'] as const)('%s: 63 characters pass, 64 and a leading "-" are refused', (field) => {
    expect(() => web({ [field]: 'v'.repeat(63) })).not.toThrow();
    for (const value of ['v'.repeat(64), '-v']) {
      expect(onlyProblem({ [field]: value })).toEqual({
        field, message: 'is used as a label value and is not a valid one.', value,
        allowed: 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit', fix: 'shorten it or replace other characters with "-".',
      });
    }
  });

  test.each(['hostname', 'subdomain'] as const)('%s must be a DNS label: "a.b" is refused, "a-b" accepted', (field) => {
    expect(() => web({ [field]: 'a-b' })).not.toThrow();
    expect(onlyProblem({ [field]: 'a.b' })).toEqual({
      field, message: 'is not a valid DNS label.', value: 'a.b',
      allowed: 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters', fix: 'use lowercase letters, digits and "-".',
    });
  });
});

describe('securityProfile and reserved labels', () => {
  test('"privileged" is refused with the two profiles and the fix; "baseline" and "restricted" pass', () => {
    expect(() => web({ securityProfile: 'baseline' })).not.toThrow();
    expect(() => web({ securityProfile: 'restricted' })).not.toThrow();
    expect(onlyProblem({ securityProfile: 'privileged' as never })).toEqual({
      field: 'securityProfile', message: 'is not a Pod Security Standard WebApp writes for.', value: 'privileged', allowed: 'baseline, restricted',
      fix: 'use "baseline" (the default) or "restricted"; a privileged pod needs containerSecurityContext and a namespace that allows it.',
    });
  });

  test('a label under app.kubernetes.io/ is refused; one beside it (app.kubernetes.io-x/, example.com/app.kubernetes.io) passes', () => {
    expect(onlyProblem({ labels: { 'app.kubernetes.io/name': 'x' } })).toEqual({
      field: 'labels', message: 'sets a recommended label the WebApp writes itself.', value: 'app.kubernetes.io/name',
      allowed: 'labels outside app.kubernetes.io/', fix: 'use the props appName, version, component or partOf instead.',
    });
    expect(() => web({ labels: { 'app.kubernetes.io-x/name': 'x', 'team': 'a' } })).not.toThrow();
  });
});

describe('probe timings are named by the probe and the timing', () => {
  test.each([
    ['readiness', 'period'], ['liveness', 'timeout'], ['readiness', 'initialDelay'],
  ] as const)('%s.%s of 1.5 s is refused: whole seconds only', (probe, timing) => {
    const problem = onlyProblem({ port: 8080, [probe]: Probe.tcp({ port: 8080, [timing]: Duration.millis(1500) }) });
    expect(problem).toMatchObject({ field: `${probe}.${timing}`, value: 1.5 });
    expect(problem.fix).toEqual(expect.any(String));
  });

  test('a failureThreshold of 0 is refused under liveness.failureThreshold; 1 passes', () => {
    expect(onlyProblem({ port: 8080, liveness: Probe.tcp({ port: 8080, failureThreshold: 0 }) })).toMatchObject({ field: 'liveness.failureThreshold', value: 0 });
    expect(() => web({ port: 8080, liveness: Probe.tcp({ port: 8080, failureThreshold: 1, period: Duration.seconds(1), timeout: Duration.seconds(1) }) })).not.toThrow();
  });
});

describe('ids, pull policy, service account and writable paths reach the field table under their prop', () => {
  test.each([
    [{ runAsUser: -1 }, 'runAsUser'], [{ runAsGroup: -1 }, 'runAsGroup'], [{ fsGroup: -1 }, 'fsGroup'], [{ imagePullPolicy: 'always' as never }, 'imagePullPolicy'],
    [{ serviceAccountName: 'Web' }, 'serviceAccountName'], [{ writablePaths: ['/tmp', ''] }, 'writablePaths[1]'],
  ])('%j is refused under %s', (props, field) => {
    expect(onlyProblem(props as Partial<WebAppProps>)).toMatchObject({ field });
  });
});

describe('the shared checks report under the prop the user wrote', () => {
  test.each([
    [{ image: 'Nginx:1.27' }, 'image'], [{ env: { 'A=B': 'x' } }, 'env'], [{ resources: { limits: { cpu: '-1' } } }, 'resources.limits.cpu'],
    [{ namespace: 'Dev' }, 'namespace'], [{ labels: { 'a b': 'x' } }, 'labels'], [{ annotations: { 'a b': 'x' } }, 'annotations'], [{ podAnnotations: { 'a b': 'x' } }, 'podAnnotations'],
  ])('%j is refused under %s', (props, field) => {
    expect(onlyProblem(props as Partial<WebAppProps>)).toMatchObject({ field, allowed: expect.any(String), fix: expect.any(String) });
  });
});
