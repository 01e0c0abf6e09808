import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiObject, App, Chart } from 'cdk8s';
import {
  DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSION_CONTEXT, setKubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS,
  supportedKubernetesVersionProblem, targetKubernetesVersion, targetKubernetesVersionText,
} from '../../lib/core/kubernetes-version';
import { NetkitError } from '../../lib/core/errors';
import { NetkitApp } from '../../lib/app/netkit-app';
import { KubeProxyConfig } from '../../lib/addons/kube-proxy/kube-proxy-config';
import { WebApp } from '../../lib/workload/web-app';
import { checkPolicies } from '../../lib/policy/engine';

const KP = { apiServerEndpoint: 'https://192.168.1.10:6443' };
const outdir = () => mkdtempSync(join(tmpdir(), 'netkit-version-'));

describe('one Kubernetes version target per app', () => {
  test('the default is one value, inside the supported range 1.31 to 1.36', () => {
    expect(DEFAULT_KUBERNETES_VERSION).toBe('1.35');
    expect(SUPPORTED_KUBERNETES_VERSIONS).toEqual({ oldest: '1.31', newest: '1.36' });
    const chart = new Chart(new App({ outdir: outdir() }), 'c');
    expect(targetKubernetesVersion(chart)).toEqual({ major: 1, minor: 35 });
    expect(new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 }).kubernetesVersion).toBe('1.35');
    expect(new KubeProxyConfig(chart, 'kp', KP).kubernetesVersion).toBe('1.35');
  });

  test('NetkitApp kubernetesVersion reaches every construct and the policy checks', () => {
    const app = new NetkitApp({ outdir: outdir(), kubernetesVersion: '1.32', policies: false });
    const chart = new Chart(app, 'c');
    expect(targetKubernetesVersion(chart)).toEqual({ major: 1, minor: 32 });
    expect(new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 }).kubernetesVersion).toBe('1.32');
    expect(new KubeProxyConfig(chart, 'kp', KP).kubernetesVersion).toBe('1.32');
    // A construct's own prop still wins, for one object on an older node pool.
    expect(new WebApp(chart, 'old', { image: 'nginx:1.27.3', port: 8080, kubernetesVersion: '1.29' }).kubernetesVersion).toBe('1.29');
  });

  test('setKubernetesVersion does the same for a stock App', () => {
    const app = new App({ outdir: outdir() });
    setKubernetesVersion(app, 'v1.34.2');
    const chart = new Chart(app, 'c');
    expect(targetKubernetesVersionText(chart)).toBe('v1.34.2');
    expect(targetKubernetesVersion(chart)).toEqual({ major: 1, minor: 34 });
    new ApiObject(chart, 'old', { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'old', namespace: 'default' } });
    const removed = (options = {}) => checkPolicies(app, options).find((f) => f.rule === 'api-stable-versions')?.message;
    expect(removed()).toContain('(target 1.34)');
    expect(removed({ kubernetesVersion: '1.33' })).toContain('(target 1.33)');
    expect(checkPolicies([{ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'old', namespace: 'default' } }])
      .find((f) => f.rule === 'api-stable-versions')?.message).toContain('(target 1.35)');
  });

  test('the context key sets it too', () => {
    const app = new App({ outdir: outdir() });
    app.node.setContext(KUBERNETES_VERSION_CONTEXT, '1.31');
    expect(targetKubernetesVersion(new Chart(app, 'c'))).toEqual({ major: 1, minor: 31 });
  });

  test.each([
    ['1.30', /kubernetesVersion: is outside the supported range 1\.31 to 1\.36: .*Got: "1\.30"\. Allowed: 1\.31 to 1\.36\. Fix: upgrade the cluster to 1\.31 or later \(1\.30 is out of upstream support\), or target 1\.31\./],
    ['1.37', /is outside the supported range 1\.31 to 1\.36.*Got: "1\.37"\. Allowed: 1\.31 to 1\.36\. Fix: target 1\.36, the newest release this version of cdk8s-netkit knows, or upgrade cdk8s-netkit\./],
    ['latest', /kubernetesVersion: is not a Kubernetes release\. Got: "latest"\. Allowed: a release from 1\.31 to 1\.36, e\.g\. "1\.35"\. Fix: give the version/],
    ['2.1', /is not a Kubernetes release\. Got: "2\.1"/],
  ])('a target of %s is refused with the range and a fix', (version, message) => {
    expect(() => setKubernetesVersion(new App({ outdir: outdir() }), version)).toThrow(message);
    expect(() => new NetkitApp({ outdir: outdir(), kubernetesVersion: version })).toThrow(NetkitError);
  });

  test('the range bounds are inclusive', () => {
    expect(supportedKubernetesVersionProblem('v', '1.31')).toBeUndefined();
    expect(supportedKubernetesVersionProblem('v', '1.36.4')).toBeUndefined();
    expect(supportedKubernetesVersionProblem('v', '1.31')).toBeUndefined();
  });

  test('a context value outside the range names the context key', () => {
    const app = new App({ outdir: outdir() });
    app.node.setContext(KUBERNETES_VERSION_CONTEXT, '1.28');
    expect(() => targetKubernetesVersion(new Chart(app, 'c'))).toThrow(/context "cdk8s-netkit:kubernetesVersion": is outside the supported range/);
  });
});
