import { IngressNginxProps } from '../../../lib';
import { synthInstall } from './helpers';

// kubernetes-models' JSON-schema validators: a misspelt or misplaced field fails here, not at `kubectl apply`.
const MODELS: Record<string, string> = {
  Namespace: 'v1/Namespace', ServiceAccount: 'v1/ServiceAccount', ConfigMap: 'v1/ConfigMap', Service: 'v1/Service',
  Role: 'rbac.authorization.k8s.io/v1/Role', ClusterRole: 'rbac.authorization.k8s.io/v1/ClusterRole',
  RoleBinding: 'rbac.authorization.k8s.io/v1/RoleBinding', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  Deployment: 'apps/v1/Deployment', DaemonSet: 'apps/v1/DaemonSet', Job: 'batch/v1/Job', PodDisruptionBudget: 'policy/v1/PodDisruptionBudget',
  IngressClass: 'networking.k8s.io/v1/IngressClass',
  ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration',
};

const VARIANTS: Array<[string, IngressNginxProps]> = [
  ['bare-metal with node ports', { nodePorts: { http: 30080, https: 30443 } }],
  ['cloud, scaled, configured', {
    provider: 'cloud', replicas: 2, config: { 'proxy-body-size': '8m' }, defaultIngressClass: true,
    tolerations: [{ key: 'dedicated', operator: 'Exists' }], resources: { limits: { memory: '1Gi' } },
  }],
  ['host network with metrics', { exposure: 'HostNetwork', metrics: { port: 9913 } }],
];

describe.each(VARIANTS)('IngressNginx %s', (_name, props) => {
  test('every object passes its Kubernetes schema', () => {
    const { objects } = synthInstall(props);
    for (const o of objects) {
      const Model = require(`kubernetes-models/${MODELS[o.kind]}`)[o.kind];
      expect(() => new Model(o).validate()).not.toThrow();
    }
  });
});
