import { NginxGatewayFabricProps } from '../../../lib';
import { synthInstall } from './helpers';

// kubernetes-models' JSON-schema validators for the built-in kinds: a misspelt or misplaced field fails here.
const MODELS: Record<string, string> = {
  Namespace: 'v1/Namespace', ServiceAccount: 'v1/ServiceAccount', Service: 'v1/Service',
  Role: 'rbac.authorization.k8s.io/v1/Role', ClusterRole: 'rbac.authorization.k8s.io/v1/ClusterRole',
  RoleBinding: 'rbac.authorization.k8s.io/v1/RoleBinding', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  Deployment: 'apps/v1/Deployment', Job: 'batch/v1/Job',
};
// The custom resources are checked against the vendored CRD schemas in crd-schema.test.ts.
const CUSTOM = new Set(['GatewayClass', 'NginxGateway', 'NginxProxy']);

const VARIANTS: Array<[string, NginxGatewayFabricProps]> = [
  ['node ports', { nodePorts: { http: 30080, https: 30443 }, externalTrafficPolicy: 'Cluster' }],
  ['load balancer, scaled, mirrored', { exposure: 'LoadBalancer', replicas: 3, controllerReplicas: 2, imageRegistry: 'registry.example.com', loadBalancerSourceRanges: ['10.0.0.0/8'] }],
];

describe.each(VARIANTS)('NginxGatewayFabric %s', (_name, props) => {
  test('every built-in object passes its Kubernetes schema', () => {
    for (const o of synthInstall(props).objects) {
      if (CUSTOM.has(o.kind)) continue;
      const Model = require(`kubernetes-models/${MODELS[o.kind]}`)[o.kind];
      expect(() => new Model(o).validate()).not.toThrow();
    }
  });
});
