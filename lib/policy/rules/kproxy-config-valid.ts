import { isKubeProxyConfigMap, kubeProxyConfigMapProblems } from '../../addons/kube-proxy/kube-proxy-validation';
import { problemViolations } from '../engine';
import { Rule } from '../types';

export const kproxyConfigValid: Rule = {
  id: 'kproxy-config-valid',
  severity: 'error',
  severityReason: 'kube-proxy refuses to start with an invalid configuration, and Service traffic stops on that node.',
  description: "The kube-proxy ConfigMap's config.conf parses as a KubeProxyConfiguration that kube-proxy accepts for the target release (mode, IPVS scheduler, CIDRs, durations, feature gates).",
  fix: 'Fix config.conf as the message says; KubeProxyConfig renders a valid one.',
  check: (context) => context.ofKind('ConfigMap')
    .filter((o) => isKubeProxyConfigMap(o.manifest))
    .flatMap((o) => problemViolations(o, kubeProxyConfigMapProblems(o.manifest, { kubernetesVersion: context.options.kubernetesVersion }))),
};
