import { Testing } from 'cdk8s';
import { collectWarnings, IngressNginx, NetkitChart } from '../../../lib';
import { controllerContainer, find, synthInstall } from './helpers';

const ANNOTATION_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

describe('IngressNginx exposure', () => {
  test('NodePort with fixed node ports 30080/30443 and a policy skip on the Service', () => {
    const { objects } = synthInstall({ nodePorts: { http: 30080, https: 30443 } });
    const svc = find(objects, 'Service', 'ingress-nginx-controller');
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports.map((p: any) => [p.name, p.nodePort])).toEqual([['http', 30080], ['https', 30443]]);
    expect(svc.metadata.annotations['netkit.io/skip-svc-type-nodeport']).toMatch(/bare-metal/);
  });

  test('LoadBalancer with source ranges, class, annotations and traffic policy; no NodePort skip', () => {
    const { objects } = synthInstall({
      exposure: 'LoadBalancer',
      externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      loadBalancerClass: 'example.com/internal-vip',
      serviceAnnotations: { 'metallb.universe.tf/address-pool': 'public' },
    });
    const svc = find(objects, 'Service', 'ingress-nginx-controller');
    expect(svc.spec).toMatchObject({
      type: 'LoadBalancer', externalTrafficPolicy: 'Local',
      loadBalancerSourceRanges: ['203.0.113.0/24'], loadBalancerClass: 'example.com/internal-vip',
    });
    expect(svc.metadata.annotations).toEqual({ 'metallb.universe.tf/address-pool': 'public' });
    // A LoadBalancer publishes its address into the Ingresses' status by default.
    expect(controllerContainer(objects).args).toContain('--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller');
  });

  test('publishService can be turned off for a LoadBalancer and on for a NodePort', () => {
    expect(controllerContainer(synthInstall({ provider: 'cloud', publishService: false }).objects).args.some((a: string) => a.startsWith('--publish-service'))).toBe(false);
    expect(controllerContainer(synthInstall({ publishService: true }).objects).args[1]).toBe('--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller');
  });

  test('HostNetwork: a DaemonSet on the host network with ClusterFirstWithHostNet and node addresses in the status', () => {
    const { install, objects } = synthInstall({ exposure: 'HostNetwork' });
    expect(objects.some((o) => o.kind === 'Deployment')).toBe(false);
    const ds = find(objects, 'DaemonSet', 'ingress-nginx-controller');
    expect(install.controller.kind).toBe('DaemonSet');
    expect(ds.spec.template.spec.hostNetwork).toBe(true);
    expect(ds.spec.template.spec.dnsPolicy).toBe('ClusterFirstWithHostNet');
    expect(ds.spec.updateStrategy).toEqual({ rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' });
    expect(ds.spec.selector.matchLabels['app.kubernetes.io/component']).toBe('controller');
    const args = controllerContainer(objects, 'DaemonSet').args;
    // The chart's _params order: after --configmap, before the webhook flags.
    expect(args.indexOf('--report-node-internal-ip-address=true')).toBe(args.indexOf('--configmap=$(POD_NAMESPACE)/ingress-nginx-controller') + 1);
    expect(ds.metadata.annotations['netkit.io/skip-host-network-ports']).toMatch(/HostNetwork/);
    expect(find(objects, 'Service', 'ingress-nginx-controller').spec.type).toBe('ClusterIP');
  });

  test('HostNetwork with provider cloud: the ClusterIP Service gets no externalTrafficPolicy', () => {
    const svc = find(synthInstall({ provider: 'cloud', exposure: 'HostNetwork' }).objects, 'Service', 'ingress-nginx-controller');
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.externalTrafficPolicy).toBeUndefined();
  });
});

describe('IngressNginx scale and scheduling', () => {
  test('replicas > 1 writes replicas and a policy/v1 PodDisruptionBudget with minAvailable 1', () => {
    const { install, objects } = synthInstall({ replicas: 3 });
    expect(find(objects, 'Deployment', 'ingress-nginx-controller').spec.replicas).toBe(3);
    const pdb = find(objects, 'PodDisruptionBudget', 'ingress-nginx-controller');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.metadata.namespace).toBe('ingress-nginx');
    expect(pdb.spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } },
    });
    expect(install.podDisruptionBudget).toBeDefined();
  });

  test('replicas 1 is written but needs no PodDisruptionBudget', () => {
    const { install, objects } = synthInstall({ replicas: 1 });
    expect(find(objects, 'Deployment', 'ingress-nginx-controller').spec.replicas).toBe(1);
    expect(install.podDisruptionBudget).toBeUndefined();
    expect(objects.some((o) => o.kind === 'PodDisruptionBudget')).toBe(false);
  });

  test('resources, nodeSelector (added to the os label) and tolerations', () => {
    const { objects } = synthInstall({
      resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      nodeSelector: { 'node-role.kubernetes.io/ingress': 'true' },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(controllerContainer(objects).resources).toEqual({ requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } });
    const pod = find(objects, 'Deployment', 'ingress-nginx-controller').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/ingress': 'true' });
    expect(pod.tolerations).toEqual([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(find(objects, 'Job', 'ingress-nginx-admission-create-v1-15-1').spec.template.spec.nodeSelector)
      .toEqual({ 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/ingress': 'true' });
  });
});

describe('IngressNginx images', () => {
  test('a mirror registry and repositories drop the upstream digests and keep the tags', () => {
    const { objects } = synthInstall({
      imageRegistry: 'docker.io',
      controllerImage: { repository: 'dyrnq/controller' },
      certgenImage: { repository: 'dyrnq/kube-webhook-certgen' },
    });
    expect(controllerContainer(objects).image).toBe('docker.io/dyrnq/controller:v1.15.1');
    for (const job of objects.filter((o) => o.kind === 'Job')) {
      expect(job.spec.template.spec.containers[0].image).toBe('docker.io/dyrnq/kube-webhook-certgen:v1.6.9');
    }
  });

  test('a tag and a digest can be given for a mirror', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const { objects } = synthInstall({ controllerImage: { registry: 'registry.example.com:5000', tag: 'v1.15.1-mirror', digest } });
    expect(controllerContainer(objects).image).toBe(`registry.example.com:5000/ingress-nginx/controller:v1.15.1-mirror@${digest}`);
    // The certgen image was not overridden: still upstream's, digest included.
    expect(find(objects, 'Job', 'ingress-nginx-admission-patch-v1-15-1').spec.template.spec.containers[0].image)
      .toMatch(/^registry\.k8s\.io\/ingress-nginx\/kube-webhook-certgen:v1\.6\.9@sha256:01038e7d/);
  });

  test('another tag on the upstream registry drops the digest (it pins v1.15.1 only)', () => {
    expect(controllerContainer(synthInstall({ controllerImage: { tag: 'v1.14.5' } }).objects).image).toBe('registry.k8s.io/ingress-nginx/controller:v1.14.5');
  });
});

describe('IngressNginx class, config and controller flags', () => {
  test('IngressClass name, controller value and default class reach the class and the args', () => {
    const { install, objects } = synthInstall({ ingressClassName: 'nginx-public', controllerValue: 'k8s.io/ingress-nginx-public', defaultIngressClass: true });
    const ic = find(objects, 'IngressClass', 'nginx-public');
    expect(ic.spec.controller).toBe('k8s.io/ingress-nginx-public');
    expect(ic.metadata.annotations).toEqual({ [ANNOTATION_DEFAULT_CLASS]: 'true' });
    expect(ic.metadata.namespace).toBeUndefined();
    expect(install.ingressClassName).toBe('nginx-public');
    const args = controllerContainer(objects).args;
    expect(args).toContain('--controller-class=k8s.io/ingress-nginx-public');
    expect(args).toContain('--ingress-class=nginx-public');
  });

  test('ConfigMap entries', () => {
    const { objects } = synthInstall({ config: { 'use-forwarded-headers': 'true', 'proxy-body-size': '8m' } });
    expect(find(objects, 'ConfigMap', 'ingress-nginx-controller').data).toEqual({ 'use-forwarded-headers': 'true', 'proxy-body-size': '8m' });
  });

  test('defaultCertificate, watchNamespace, metrics and extraArgs in the chart\'s order', () => {
    const { objects } = synthInstall({
      defaultCertificate: { secretName: 'wildcard-tls', namespace: 'certs' },
      watchNamespace: 'shop',
      metrics: {},
      extraArgs: { 'enable-ssl-passthrough': 'true' },
    });
    const c = controllerContainer(objects);
    expect(c.args).toEqual([
      '/nginx-ingress-controller',
      '--election-id=ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx',
      '--ingress-class=nginx',
      '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
      '--watch-namespace=shop',
      '--validating-webhook=:8443',
      '--validating-webhook-certificate=/usr/local/certificates/cert',
      '--validating-webhook-key=/usr/local/certificates/key',
      '--enable-metrics=true',
      '--default-ssl-certificate=certs/wildcard-tls',
      '--enable-ssl-passthrough=true',
    ]);
    expect(c.ports).toContainEqual({ containerPort: 10254, name: 'metrics', protocol: 'TCP' });
  });

  test('a default certificate without namespace is looked up in the install namespace', () => {
    expect(controllerContainer(synthInstall({ defaultCertificate: { secretName: 'fallback-tls' } }).objects).args)
      .toContain('--default-ssl-certificate=ingress-nginx/fallback-tls');
  });

  test('another metrics port moves the healthz port and the probes with it', () => {
    const c = controllerContainer(synthInstall({ metrics: { port: 9913 } }).objects);
    expect(c.args).toContain('--healthz-port=9913');
    expect(c.ports).toContainEqual({ containerPort: 9913, name: 'metrics', protocol: 'TCP' });
    expect(c.livenessProbe.httpGet.port).toBe(9913);
    expect(c.readinessProbe.httpGet.port).toBe(9913);
  });
});

describe('IngressNginx admission webhook', () => {
  test('off: no webhook objects, Jobs, flags, port or volume', () => {
    const { install, objects } = synthInstall({ admissionWebhook: false });
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/ingress-nginx', 'ServiceAccount/ingress-nginx', 'Role/ingress-nginx', 'ClusterRole/ingress-nginx',
      'RoleBinding/ingress-nginx', 'ClusterRoleBinding/ingress-nginx', 'ConfigMap/ingress-nginx-controller',
      'Service/ingress-nginx-controller', 'Deployment/ingress-nginx-controller', 'IngressClass/nginx',
    ]);
    const c = controllerContainer(objects);
    expect(c.args.some((a: string) => a.startsWith('--validating-webhook'))).toBe(false);
    expect(c.ports.map((p: any) => p.name)).toEqual(['http', 'https']);
    expect(c.volumeMounts).toBeUndefined();
    expect(find(objects, 'Deployment', 'ingress-nginx-controller').spec.template.spec.volumes).toBeUndefined();
    expect(install.jobs).toEqual([]);
    expect(install.webhook).toBeUndefined();
    expect(install.admissionService).toBeUndefined();
  });

  test('failurePolicy Ignore reaches the webhook and the patch Job (which rewrites it)', () => {
    const { objects } = synthInstall({ webhookFailurePolicy: 'Ignore' });
    expect(find(objects, 'ValidatingWebhookConfiguration', 'ingress-nginx-admission').webhooks[0].failurePolicy).toBe('Ignore');
    expect(find(objects, 'Job', 'ingress-nginx-admission-patch-v1-15-1').spec.template.spec.containers[0].args).toContain('--patch-failure-policy=Ignore');
  });

  test('versionedJobNames: false keeps the upstream Job names', () => {
    const { objects } = synthInstall({ versionedJobNames: false });
    expect(objects.filter((o) => o.kind === 'Job').map((o) => [o.metadata.name, o.spec.template.metadata.name])).toEqual([
      ['ingress-nginx-admission-create', 'ingress-nginx-admission-create'],
      ['ingress-nginx-admission-patch', 'ingress-nginx-admission-patch'],
    ]);
  });
});

describe('IngressNginx names, namespace and public parts', () => {
  test('name and namespace reach every object; cluster-scoped objects carry none', () => {
    const { objects } = synthInstall({ name: 'edge', namespace: 'edge-system' });
    for (const o of objects) {
      if (['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'ValidatingWebhookConfiguration'].includes(o.kind)) {
        expect({ kind: o.kind, ns: o.metadata.namespace }).toEqual({ kind: o.kind, ns: undefined });
      } else {
        expect({ kind: o.kind, ns: o.metadata.namespace }).toEqual({ kind: o.kind, ns: 'edge-system' });
      }
      expect(o.metadata.labels['app.kubernetes.io/instance']).toBe('edge');
    }
    expect(find(objects, 'Namespace', 'edge-system')).toBeDefined();
    expect(find(objects, 'Role', 'edge').rules[6].resourceNames).toEqual(['edge-leader']);
    expect(find(objects, 'ValidatingWebhookConfiguration', 'edge-admission').webhooks[0].clientConfig.service)
      .toMatchObject({ name: 'edge-controller-admission', namespace: 'edge-system' });
    expect(find(objects, 'Deployment', 'edge-controller').spec.template.spec.containers[0].args)
      .toContain('--configmap=$(POD_NAMESPACE)/edge-controller');
  });

  test('createNamespace: false leaves the Namespace out', () => {
    const { install, objects } = synthInstall({ createNamespace: false });
    expect(objects.some((o) => o.kind === 'Namespace')).toBe(false);
    expect(install.namespaceObject).toBeUndefined();
  });

  test('explicit namespaces win over a chart namespace', () => {
    const chart = new NetkitChart(Testing.app(), 'other', { namespace: 'apps' });
    new IngressNginx(chart, 'ingress-nginx', { acknowledgeRetirement: true });
    const objects = Testing.synth(chart).filter((o: any) => o.metadata.labels?.['app.kubernetes.io/name'] === 'ingress-nginx');
    expect(new Set(objects.filter((o: any) => o.metadata.namespace !== undefined).map((o: any) => o.metadata.namespace))).toEqual(new Set(['ingress-nginx']));
    expect(find(objects, 'ClusterRole', 'ingress-nginx').metadata.namespace).toBeUndefined();
  });

  test('every generated object is a public field', () => {
    const { install } = synthInstall({ replicas: 2 });
    const parts = [
      install.namespaceObject, install.serviceAccount, install.role, install.clusterRole, install.roleBinding, install.clusterRoleBinding,
      install.admissionServiceAccount, install.admissionRole, install.admissionClusterRole, install.admissionRoleBinding, install.admissionClusterRoleBinding,
      install.configMap, install.service, install.admissionService, install.controller, install.podDisruptionBudget, ...install.jobs,
      install.ingressClass, install.webhook,
    ];
    expect(parts.map((p) => p?.kind)).toEqual([
      'Namespace', 'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
      'ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
      'ConfigMap', 'Service', 'Service', 'Deployment', 'PodDisruptionBudget', 'Job', 'Job', 'IngressClass', 'ValidatingWebhookConfiguration',
    ]);
  });

  test('skipPolicy writes a skip annotation with its reason on any part', () => {
    const { install, chart } = synthInstall();
    install.skipPolicy(install.controller, 'sec-caps', 'nginx binds ports 80 and 443 (NET_BIND_SERVICE).');
    const deployment = find(Testing.synth(chart), 'Deployment', 'ingress-nginx-controller');
    expect(deployment.metadata.annotations).toEqual({
      'netkit.io/skip-privileged-ports': 'ingress-nginx serves ports 80 and 443 inside the pod (NET_BIND_SERVICE, as upstream).',
      'netkit.io/skip-pod-probe-port-exists': 'the controller serves /healthz on 10254 without declaring the port, as upstream does.',
      'netkit.io/skip-pod-readiness-probe': 'the controller serves /healthz on 10254 without declaring the port, as upstream does.',
      'netkit.io/skip-pod-resources': 'upstream v1.15.1 sets no memory limit: nginx memory grows with the number of Ingresses and connections; set `resources.limits` to cap it.',
      'netkit.io/skip-sec-caps': 'nginx binds ports 80 and 443 (NET_BIND_SERVICE).',
    });
  });

  test('with metrics the healthz port is declared, so no probe-port skips are needed', () => {
    const annotations = find(synthInstall({ metrics: {} }).objects, 'Deployment', 'ingress-nginx-controller').metadata.annotations;
    expect(Object.keys(annotations)).toEqual(['netkit.io/skip-pod-resources', 'netkit.io/skip-privileged-ports']);
  });

  test('the missing memory limit is skipped with a reason only while no limit is set; the certgen Jobs always', () => {
    const withLimit = synthInstall({ resources: { limits: { memory: '512Mi' } } }).objects;
    expect(find(withLimit, 'Deployment', 'ingress-nginx-controller').metadata.annotations['netkit.io/skip-pod-resources']).toBeUndefined();
    for (const job of withLimit.filter((o: any) => o.kind === 'Job')) {
      expect(job.metadata.annotations['netkit.io/skip-pod-resources']).toMatch(/kube-webhook-certgen runs once/);
    }
  });
});

describe('IngressNginx retirement warning', () => {
  test('one warning pointing to the alternatives, unless acknowledged', () => {
    const chart = new NetkitChart(Testing.app(), 'cluster');
    new IngressNginx(chart, 'ingress-nginx');
    const warnings = collectWarnings(chart);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].path).toBe('cluster/ingress-nginx');
    expect(warnings[0].message).toMatch(/ingress-nginx is retired.*March 2026.*Gateway API.*Alternatives to ingress-nginx.*acknowledgeRetirement: true/);
  });

  test('acknowledgeRetirement: true silences it', () => {
    const { chart } = synthInstall({ acknowledgeRetirement: true });
    expect(collectWarnings(chart)).toEqual([]);
  });
});

describe('IngressNginx webhookChart', () => {
  test('writes the ValidatingWebhookConfiguration with the given chart, everything else with the install', () => {
    const app = Testing.app();
    const cluster = new NetkitChart(app, 'cluster');
    const last = new NetkitChart(app, 'cluster-admission');
    const install = new IngressNginx(cluster, 'ingress-nginx', { webhookChart: last, acknowledgeRetirement: true });
    expect(Testing.synth(cluster).some((o: any) => o.kind === 'ValidatingWebhookConfiguration')).toBe(false);
    const [webhook] = Testing.synth(last);
    expect(webhook).toMatchObject({ kind: 'ValidatingWebhookConfiguration', metadata: { name: 'ingress-nginx-admission' } });
    expect(webhook.metadata.namespace).toBeUndefined();
    expect(install.webhook).toBeDefined();
  });
});

