import { parse } from 'yaml';
import { apiServerEndpointProblems, renderKubeProxyKubeconfig } from '../../../lib/addons/kube-proxy';

describe('kube-proxy kubeconfig.conf', () => {
  test('ServiceAccount token and CA, everything named default, the server as given', () => {
    expect(parse(renderKubeProxyKubeconfig('https://k8s.example.com:6443'))).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ cluster: { 'certificate-authority': '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', server: 'https://k8s.example.com:6443' }, name: 'default' }],
      contexts: [{ context: { cluster: 'default', namespace: 'default', user: 'default' }, name: 'default' }],
      'current-context': 'default',
      users: [{ name: 'default', user: { tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token' } }],
    });
    expect(renderKubeProxyKubeconfig('https://k8s.example.com:6443').endsWith('\n')).toBe(false);
  });

  test.each(['https://192.168.1.10:6443', 'https://k8s.example.com', 'https://k8s.example.com:6443/', 'https://[fd00::10]:6443'])(
    'accepts %s', (endpoint) => {
      expect(apiServerEndpointProblems(endpoint)).toEqual([]);
    });

  test('rejects anything else, saying what is allowed', () => {
    expect(apiServerEndpointProblems('tcp://10.0.0.1:6443')).toEqual([{
      field: 'apiServerEndpoint', message: 'is not an https URL of the API server.', value: 'tcp://10.0.0.1:6443',
      allowed: '"https://<host or IP>[:port]", IPv6 in brackets, no path',
      fix: 'use the control plane endpoint kubeadm used, e.g. "https://192.168.1.10:6443" (`kubectl config view --minify` shows it).',
    }]);
    for (const endpoint of ['https://h:6443?x=1', 'https://h:6443#x', 'https://h:99999', '']) {
      expect(apiServerEndpointProblems(endpoint)).toHaveLength(1);
    }
  });
});
