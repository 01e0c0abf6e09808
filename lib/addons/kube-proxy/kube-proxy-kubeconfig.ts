import { stringify } from 'yaml';
import { Problem } from '../../core/errors';

/** Where the kubelet mounts a pod's ServiceAccount token and CA (what kubeadm's kubeconfig.conf points at). */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * kubeadm's `kubeconfig.conf` for kube-proxy (KubeProxyConfigMap19 in
 * cmd/kubeadm/app/phases/addons/proxy/manifests.go): one cluster, context and
 * user all named `default`, authenticated by the pod's ServiceAccount token.
 * Keys in kubeadm's order; no trailing newline, as kubeadm's `|-` block.
 */
export function renderKubeProxyKubeconfig(server: string): string {
  const kubeconfig = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ cluster: { 'certificate-authority': `${SERVICE_ACCOUNT_DIR}/ca.crt`, server }, name: 'default' }],
    contexts: [{ context: { cluster: 'default', namespace: 'default', user: 'default' }, name: 'default' }],
    'current-context': 'default',
    users: [{ name: 'default', user: { tokenFile: `${SERVICE_ACCOUNT_DIR}/token` } }],
  };
  return stringify(kubeconfig, { indentSeq: false, lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * The API server endpoint as kubeadm writes it: `https://` and a host (name,
 * IPv4, or IPv6 in brackets), optionally a port, nothing else.
 */
export function apiServerEndpointProblems(endpoint: string): Problem[] {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  const clean = url !== undefined && url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === ''
    && (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '' && /^https:\/\/[^/\s]+\/?$/.test(endpoint);
  if (clean) return [];
  return [{
    field: 'apiServerEndpoint', message: 'is not an https URL of the API server.', value: endpoint,
    allowed: '"https://<host or IP>[:port]", IPv6 in brackets, no path',
    fix: 'use the control plane endpoint kubeadm used, e.g. "https://192.168.1.10:6443" (`kubectl config view --minify` shows it).',
  }];
}
