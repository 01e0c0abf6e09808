import { controllerContainer, find, synthInstall } from './helpers';
import { podSecurityLabels } from '../../../lib';

// The expectations below are transcribed from upstream
// deploy/static/provider/baremetal/deploy.yaml at controller-v1.15.1.
const COMMON = {
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'ingress-nginx',
  'app.kubernetes.io/version': '1.15.1',
};
const CONTROLLER = { ...COMMON, 'app.kubernetes.io/component': 'controller' };
const ADMISSION = { ...COMMON, 'app.kubernetes.io/component': 'admission-webhook' };
const SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};
const NS = 'ingress-nginx';

// [kind, name, namespace, upstream labels] in upstream file order.
// Deliberate difference: the Job names carry the version (see README, "Upgrading").
const UPSTREAM_OBJECTS: Array<[string, string, string | undefined, Record<string, string>]> = [
  ['Namespace', 'ingress-nginx', undefined, { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }],
  ['ServiceAccount', 'ingress-nginx', NS, CONTROLLER],
  ['ServiceAccount', 'ingress-nginx-admission', NS, ADMISSION],
  ['Role', 'ingress-nginx', NS, CONTROLLER],
  ['Role', 'ingress-nginx-admission', NS, ADMISSION],
  ['ClusterRole', 'ingress-nginx', undefined, COMMON],
  ['ClusterRole', 'ingress-nginx-admission', undefined, ADMISSION],
  ['RoleBinding', 'ingress-nginx', NS, CONTROLLER],
  ['RoleBinding', 'ingress-nginx-admission', NS, ADMISSION],
  ['ClusterRoleBinding', 'ingress-nginx', undefined, COMMON],
  ['ClusterRoleBinding', 'ingress-nginx-admission', undefined, ADMISSION],
  ['ConfigMap', 'ingress-nginx-controller', NS, CONTROLLER],
  ['Service', 'ingress-nginx-controller', NS, CONTROLLER],
  ['Service', 'ingress-nginx-controller-admission', NS, CONTROLLER],
  ['Deployment', 'ingress-nginx-controller', NS, CONTROLLER],
  ['Job', 'ingress-nginx-admission-create-v1-15-1', NS, ADMISSION],
  ['Job', 'ingress-nginx-admission-patch-v1-15-1', NS, ADMISSION],
  ['IngressClass', 'nginx', undefined, CONTROLLER],
  ['ValidatingWebhookConfiguration', 'ingress-nginx-admission', undefined, ADMISSION],
];

const rule = (apiGroup: string, resources: string[], verbs: string[], resourceNames?: string[]) =>
  ({ apiGroups: [apiGroup], ...(resourceNames ? { resourceNames } : {}), resources, verbs });

describe('IngressNginx defaults equal the upstream bare-metal manifest', () => {
  const { objects } = synthInstall();

  test('the same 19 objects: kinds, names, namespaces, in upstream order', () => {
    expect(objects.map((o) => [o.kind, o.metadata.name, o.metadata.namespace])).toEqual(UPSTREAM_OBJECTS.map(([k, n, ns]) => [k, n, ns]));
  });

  test('the upstream labels on every object, plus managed-by, and Pod Security labels on the Namespace', () => {
    for (const [kind, name, , labels] of UPSTREAM_OBJECTS) {
      const podSecurity = kind === 'Namespace' ? podSecurityLabels('restricted') : {};
      expect({ kind, name, labels: find(objects, kind, name).metadata.labels })
        .toEqual({ kind, name, labels: { ...labels, 'app.kubernetes.io/managed-by': 'cdk8s-netkit', ...podSecurity } });
    }
  });

  test('the upstream API versions', () => {
    const versions = Object.fromEntries(objects.map((o) => [o.kind, o.apiVersion]));
    expect(versions).toEqual({
      Namespace: 'v1', ServiceAccount: 'v1', Role: 'rbac.authorization.k8s.io/v1', ClusterRole: 'rbac.authorization.k8s.io/v1',
      RoleBinding: 'rbac.authorization.k8s.io/v1', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1', ConfigMap: 'v1', Service: 'v1',
      Deployment: 'apps/v1', Job: 'batch/v1', IngressClass: 'networking.k8s.io/v1', ValidatingWebhookConfiguration: 'admissionregistration.k8s.io/v1',
    });
  });

  test('selectors select the controller pods only', () => {
    expect(find(objects, 'Service', 'ingress-nginx-controller').spec.selector).toEqual(SELECTOR);
    expect(find(objects, 'Service', 'ingress-nginx-controller-admission').spec.selector).toEqual(SELECTOR);
    const deployment = find(objects, 'Deployment', 'ingress-nginx-controller');
    expect(deployment.spec.selector).toEqual({ matchLabels: SELECTOR });
    expect(deployment.spec.template.metadata.labels).toEqual({ ...CONTROLLER, 'app.kubernetes.io/managed-by': 'cdk8s-netkit' });
  });

  test('the controller RBAC rules, verbatim and in order', () => {
    expect(find(objects, 'Role', 'ingress-nginx').rules).toEqual([
      rule('', ['namespaces'], ['get']),
      rule('', ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
      rule('', ['services'], ['get', 'list', 'watch']),
      rule('networking.k8s.io', ['ingresses'], ['get', 'list', 'watch']),
      rule('networking.k8s.io', ['ingresses/status'], ['update']),
      rule('networking.k8s.io', ['ingressclasses'], ['get', 'list', 'watch']),
      rule('coordination.k8s.io', ['leases'], ['get', 'update'], ['ingress-nginx-leader']),
      rule('coordination.k8s.io', ['leases'], ['create']),
      rule('', ['events'], ['create', 'patch']),
      rule('discovery.k8s.io', ['endpointslices'], ['list', 'watch', 'get']),
    ]);
    expect(find(objects, 'ClusterRole', 'ingress-nginx').rules).toEqual([
      rule('', ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
      rule('coordination.k8s.io', ['leases'], ['list', 'watch']),
      rule('', ['nodes'], ['get']),
      rule('', ['services'], ['get', 'list', 'watch']),
      rule('networking.k8s.io', ['ingresses'], ['get', 'list', 'watch']),
      rule('', ['events'], ['create', 'patch']),
      rule('networking.k8s.io', ['ingresses/status'], ['update']),
      rule('networking.k8s.io', ['ingressclasses'], ['get', 'list', 'watch']),
      rule('discovery.k8s.io', ['endpointslices'], ['list', 'watch', 'get']),
    ]);
  });

  test('the admission RBAC rules and all four bindings', () => {
    expect(find(objects, 'Role', 'ingress-nginx-admission').rules).toEqual([rule('', ['secrets'], ['get', 'create'])]);
    expect(find(objects, 'ClusterRole', 'ingress-nginx-admission').rules).toEqual([
      rule('admissionregistration.k8s.io', ['validatingwebhookconfigurations'], ['get', 'update']),
    ]);
    for (const [kind, roleKind] of [['RoleBinding', 'Role'], ['ClusterRoleBinding', 'ClusterRole']]) {
      for (const name of ['ingress-nginx', 'ingress-nginx-admission']) {
        const binding = find(objects, kind, name);
        expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name });
        expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name, namespace: NS }]);
      }
    }
    for (const name of ['ingress-nginx', 'ingress-nginx-admission']) {
      expect(find(objects, 'ServiceAccount', name).automountServiceAccountToken).toBe(true);
    }
  });

  test('the controller container: args, env, image, ports, probes, resources, securityContext, preStop, volume', () => {
    const c = controllerContainer(objects);
    expect(c.args).toEqual([
      '/nginx-ingress-controller',
      '--election-id=ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx',
      '--ingress-class=nginx',
      '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
      '--validating-webhook=:8443',
      '--validating-webhook-certificate=/usr/local/certificates/cert',
      '--validating-webhook-key=/usr/local/certificates/key',
    ]);
    expect(c.env).toEqual([
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
    ]);
    expect(c.image).toBe('registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1');
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.name).toBe('controller');
    expect(c.lifecycle).toEqual({ preStop: { exec: { command: ['/wait-shutdown'] } } });
    expect(c.ports).toEqual([
      { containerPort: 80, name: 'http', protocol: 'TCP' },
      { containerPort: 443, name: 'https', protocol: 'TCP' },
      { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
    ]);
    const probe = { httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' }, initialDelaySeconds: 10, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 };
    expect(c.livenessProbe).toEqual({ ...probe, failureThreshold: 5 });
    expect(c.readinessProbe).toEqual({ ...probe, failureThreshold: 3 });
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '90Mi' } });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: false,
      runAsGroup: 82, runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(c.volumeMounts).toEqual([{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }]);
  });

  test('the Deployment and pod spec', () => {
    const d = find(objects, 'Deployment', 'ingress-nginx-controller');
    expect(d.spec.replicas).toBeUndefined();
    expect(d.spec.minReadySeconds).toBe(0);
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.strategy).toEqual({ rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' });
    const pod = d.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(pod.dnsPolicy).toBe('ClusterFirst');
    expect(pod.hostNetwork).toBeUndefined();
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(pod.serviceAccountName).toBe('ingress-nginx');
    expect(pod.terminationGracePeriodSeconds).toBe(300);
    expect(pod.volumes).toEqual([{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }]);
  });

  test('the Services: NodePort with allocated node ports, and the webhook ClusterIP', () => {
    const svc = find(objects, 'Service', 'ingress-nginx-controller');
    expect(svc.spec).toEqual({
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', type: 'NodePort', selector: SELECTOR,
      ports: [
        { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
    });
    expect(find(objects, 'Service', 'ingress-nginx-controller-admission').spec).toEqual({
      ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }], selector: SELECTOR, type: 'ClusterIP',
    });
  });

  test('the ConfigMap is empty and the IngressClass is nginx, not the default class', () => {
    expect(find(objects, 'ConfigMap', 'ingress-nginx-controller').data).toBeUndefined();
    const ic = find(objects, 'IngressClass', 'nginx');
    expect(ic.spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
    expect(ic.metadata.annotations).toBeUndefined();
  });

  test('the certgen Jobs: args, image, ttl, security', () => {
    const image = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.9@sha256:01038e7de14b78d702d2849c3aad72fd25903c4765af63cf16aa3398f5d5f2dd';
    const create = find(objects, 'Job', 'ingress-nginx-admission-create-v1-15-1');
    const patch = find(objects, 'Job', 'ingress-nginx-admission-patch-v1-15-1');
    expect(create.spec.template.spec.containers[0].args).toEqual([
      'create',
      '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc',
      '--namespace=$(POD_NAMESPACE)',
      '--secret-name=ingress-nginx-admission',
    ]);
    expect(patch.spec.template.spec.containers[0].args).toEqual([
      'patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false',
      '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail',
    ]);
    for (const [job, step] of [[create, 'create'], [patch, 'patch']]) {
      expect(job.spec.ttlSecondsAfterFinished).toBe(0);
      const pod = job.spec.template.spec;
      expect(pod).toMatchObject({ automountServiceAccountToken: true, nodeSelector: { 'kubernetes.io/os': 'linux' }, restartPolicy: 'OnFailure', serviceAccountName: 'ingress-nginx-admission' });
      expect(pod.containers[0]).toMatchObject({ image, imagePullPolicy: 'IfNotPresent', name: step });
      expect(pod.containers[0].env).toEqual([{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }]);
      expect(pod.containers[0].securityContext).toEqual({
        allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true,
        runAsGroup: 65532, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.containers[0].resources).toBeUndefined();
    }
  });

  test('the ValidatingWebhookConfiguration', () => {
    expect(find(objects, 'ValidatingWebhookConfiguration', 'ingress-nginx-admission').webhooks).toEqual([{
      admissionReviewVersions: ['v1'],
      clientConfig: { service: { name: 'ingress-nginx-controller-admission', namespace: NS, path: '/networking/v1/ingresses', port: 443 } },
      failurePolicy: 'Fail',
      matchPolicy: 'Equivalent',
      name: 'validate.nginx.ingress.kubernetes.io',
      rules: [{ apiGroups: ['networking.k8s.io'], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['ingresses'] }],
      sideEffects: 'None',
    }]);
  });
});

describe("provider: 'cloud' differs from bare-metal exactly as upstream's cloud manifest", () => {
  const baremetal = synthInstall().objects;
  const cloud = synthInstall({ provider: 'cloud' }).objects;

  test('1 and 2: the controller Service is a LoadBalancer with externalTrafficPolicy Local', () => {
    const svc = find(cloud, 'Service', 'ingress-nginx-controller');
    expect(svc.spec.type).toBe('LoadBalancer');
    expect(svc.spec.externalTrafficPolicy).toBe('Local');
    expect(find(baremetal, 'Service', 'ingress-nginx-controller').spec.externalTrafficPolicy).toBeUndefined();
  });

  test('3: --publish-service comes right after the binary', () => {
    expect(controllerContainer(cloud).args.slice(0, 3)).toEqual([
      '/nginx-ingress-controller', '--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller', '--election-id=ingress-nginx-leader',
    ]);
  });

  test('nothing else differs', () => {
    const strip = (objects: any[]) => JSON.parse(JSON.stringify(objects), (key, value) => {
      if (key === 'type' && (value === 'NodePort' || value === 'LoadBalancer')) return undefined;
      if (key === 'externalTrafficPolicy') return undefined;
      if (key === 'args') return value.filter((a: string) => !a.startsWith('--publish-service='));
      if (key === 'netkit.io/skip-svc-type-nodeport') return undefined;
      if (key === 'annotations' && Object.keys(value).length === 0) return undefined;
      return value;
    });
    expect(strip(cloud)).toEqual(strip(baremetal));
  });
});
