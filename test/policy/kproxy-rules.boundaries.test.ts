import { checkPolicies, PolicyOptions } from '../../lib';

// kproxy-config-valid (issue 17, from `npm run mutate`): which ConfigMaps it reads, that it checks against the
// release the app targets, and that each problem keeps its own fix.

const configMap = (name: string, config?: string) => ({
  apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'kube-system' },
  ...(config === undefined ? {} : { data: { 'config.conf': `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${config}` } }),
});
const found = (objects: any[], options?: PolicyOptions) => checkPolicies(objects, options)
  .filter((f) => f.rule === 'kproxy-config-valid').map((f) => ({ name: f.name, severity: f.severity, message: f.message, fix: f.fix }));

describe('kproxy-config-valid', () => {
  test('a mode kube-proxy does not have is an error with the fix of that problem', () => {
    expect(found([configMap('kube-proxy', 'mode: ipvss\n')])).toEqual([{
      name: 'kube-proxy', severity: 'error',
      message: expect.stringMatching(/^data\["config\.conf"\]\.mode: is not a Linux proxy mode\./),
      fix: 'use "nftables" (recommended from 1.33), "iptables" or "ipvs"; "kernelspace" is for Windows nodes, "userspace" was removed in 1.26.',
    }]);
    expect(found([configMap('kube-proxy', 'mode: nftables\n')])).toEqual([]);
  });

  test('any ConfigMap carrying config.conf is read; other ConfigMaps are not', () => {
    expect(found([configMap('proxy-settings', 'mode: ipvss\n')]).map((f) => f.name)).toEqual(['proxy-settings']);
    expect(found([configMap('app-settings')])).toEqual([]);
    expect(found([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'shop' }, data: { 'settings.yaml': 'mode: ipvss' } }])).toEqual([]);
  });

  test('the release the app targets decides: a gate is judged against kubernetesVersion, not the default', () => {
    const gate = configMap('kube-proxy', 'mode: nftables\nfeatureGates:\n  KubeProxyIPVS: true\n');
    expect(found([gate], { kubernetesVersion: '1.33' }).map((f) => f.message)).toEqual([
      expect.stringContaining('does not exist in Kubernetes 1.33 (added in 1.37)'),
    ]);
    expect(found([gate]).map((f) => f.message)).toEqual([expect.stringContaining('does not exist in Kubernetes 1.35 (added in 1.37)')]);
  });
});
