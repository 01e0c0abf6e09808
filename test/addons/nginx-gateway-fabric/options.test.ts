import { Testing } from 'cdk8s';
import { checkPolicies, NetkitChart, NginxGatewayFabric } from '../../../lib';
import { controller, find, proxySpec, synthInstall } from './helpers';

describe('NginxGatewayFabric exposure of the per-Gateway Service (NginxProxy)', () => {
  test('the tutorials\' node ports 30080/30443 map to the listener ports 80 and 443, with every node answering', () => {
    const { objects } = synthInstall({ nodePorts: { http: 30080, https: 30443 }, externalTrafficPolicy: 'Cluster' });
    expect(proxySpec(objects).service).toEqual({
      externalTrafficPolicy: 'Cluster',
      nodePorts: [{ port: 30080, listenerPort: 80 }, { port: 30443, listenerPort: 443 }],
      type: 'NodePort',
    });
  });

  test('one node port alone', () => {
    expect(proxySpec(synthInstall({ nodePorts: { https: 30443 } }).objects).service.nodePorts).toEqual([{ port: 30443, listenerPort: 443 }]);
  });

  test('LoadBalancer with source ranges and class', () => {
    const { objects } = synthInstall({ exposure: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'], loadBalancerClass: 'example.com/internal-vip' });
    expect(proxySpec(objects).service).toEqual({
      externalTrafficPolicy: 'Local', loadBalancerClass: 'example.com/internal-vip', loadBalancerSourceRanges: ['203.0.113.0/24'], type: 'LoadBalancer',
    });
  });

  test('nodePortRange widens what is accepted', () => {
    expect(proxySpec(synthInstall({ nodePorts: { http: 20080 }, nodePortRange: { min: 20000, max: 22767 } }).objects).service.nodePorts)
      .toEqual([{ port: 20080, listenerPort: 80 }]);
  });
});

describe('NginxGatewayFabric scale, images and names', () => {
  test('replicas sets the nginx pods per Gateway; controllerReplicas the control plane', () => {
    const { objects } = synthInstall({ replicas: 3, controllerReplicas: 2 });
    expect(proxySpec(objects).deployment.replicas).toBe(3);
    expect(find(objects, 'Deployment', 'nginx-gateway').spec.replicas).toBe(2);
  });

  test('imageRegistry moves all three image uses: controller, IMAGE_NAME (nginx init container), cert generator, and the nginx image', () => {
    const { objects } = synthInstall({ imageRegistry: 'registry.example.com:5000' });
    const c = controller(objects);
    expect(c.image).toBe('registry.example.com:5000/nginx/nginx-gateway-fabric:2.6.7');
    expect(c.env.find((e: any) => e.name === 'IMAGE_NAME').value).toBe('registry.example.com:5000/nginx/nginx-gateway-fabric:2.6.7');
    expect(find(objects, 'Job', 'nginx-gateway-cert-generator').spec.template.spec.containers[0].image).toBe('registry.example.com:5000/nginx/nginx-gateway-fabric:2.6.7');
    expect(proxySpec(objects).deployment.container.image).toEqual({ pullPolicy: 'IfNotPresent', repository: 'registry.example.com:5000/nginx/nginx-gateway-fabric/nginx', tag: '2.6.7' });
  });

  test('controllerImage and nginxImage override parts; a digest pins the controller', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const { objects } = synthInstall({
      controllerImage: { registry: 'docker.io', repository: 'mirror/ngf', tag: '2.6.7-fips', digest },
      nginxImage: { repository: 'mirror/ngf-nginx', tag: '2.6.7-debug' },
    });
    expect(controller(objects).image).toBe(`docker.io/mirror/ngf:2.6.7-fips@${digest}`);
    expect(proxySpec(objects).deployment.container.image).toEqual({ pullPolicy: 'IfNotPresent', repository: 'ghcr.io/mirror/ngf-nginx', tag: '2.6.7-debug' });
  });

  test('name, namespace, class and controller name wire every reference together', () => {
    const { install, objects } = synthInstall({ name: 'ngf-internal', namespace: 'gw-internal', gatewayClassName: 'nginx-internal', controllerName: 'gateway.nginx.org/internal' });
    expect(install.gatewayClassName).toBe('nginx-internal');
    expect(controller(objects, 'ngf-internal').args).toEqual([
      'controller', '--gateway-ctlr-name=gateway.nginx.org/internal', '--gatewayclass=nginx-internal', '--config=ngf-internal-config',
      '--service=ngf-internal', '--agent-tls-secret=agent-tls', '--metrics-port=9113', '--health-port=8081',
      '--leader-election-lock-name=ngf-internal-leader-election',
    ]);
    expect(find(objects, 'GatewayClass', 'nginx-internal').spec).toEqual({
      controllerName: 'gateway.nginx.org/internal',
      parametersRef: { group: 'gateway.nginx.org', kind: 'NginxProxy', name: 'ngf-internal-proxy-config', namespace: 'gw-internal' },
    });
    expect(find(objects, 'Job', 'ngf-internal-cert-generator').spec.template.spec.containers[0].args).toContain('--service=ngf-internal');
    expect(find(objects, 'ClusterRoleBinding', 'ngf-internal').subjects).toEqual([{ kind: 'ServiceAccount', name: 'ngf-internal', namespace: 'gw-internal' }]);
    expect(find(objects, 'Service', 'ngf-internal').spec.selector).toEqual({ 'app.kubernetes.io/instance': 'ngf-internal', 'app.kubernetes.io/name': 'ngf-internal' });
    expect(objects.filter((o) => o.metadata.namespace).every((o) => o.metadata.namespace === 'gw-internal')).toBe(true);
  });

  test('logLevel reaches the NginxGateway', () => {
    expect(find(synthInstall({ logLevel: 'debug' }).objects, 'NginxGateway', 'nginx-gateway-config').spec).toEqual({ logging: { level: 'debug' } });
  });

  test('createNamespace: false leaves the Namespace out', () => {
    const { install, objects } = synthInstall({ createNamespace: false });
    expect(install.namespaceObject).toBeUndefined();
    expect(objects.some((o) => o.kind === 'Namespace')).toBe(false);
  });

  test('every object is a public field', () => {
    const { install, objects } = synthInstall();
    const fields = [install.namespaceObject, install.serviceAccount, install.certGeneratorServiceAccount, install.certGeneratorRole, install.clusterRole,
      install.certGeneratorRoleBinding, install.clusterRoleBinding, install.service, install.deployment, install.certGeneratorJob,
      install.gatewayClass, install.nginxGateway, install.nginxProxy];
    expect(fields.map((f) => f!.kind)).toEqual(objects.map((o) => o.kind));
  });
});

describe('NginxGatewayFabric passes the policy check', () => {
  test('no finding on the tutorial install; skips are written with reasons', () => {
    const { chart } = synthInstall({ nodePorts: { http: 30080, https: 30443 }, externalTrafficPolicy: 'Cluster' });
    expect(checkPolicies(chart)).toEqual([]);
  });

  test('skipPolicy writes a reasoned skip on any of its objects', () => {
    const { install } = synthInstall();
    install.skipPolicy(install.service, 'svc-selector-matches-pod', 'a reason');
    expect(Testing.synth(install.node.scope as any).find((o: any) => o.kind === 'Service').metadata.annotations).toEqual({ 'netkit.io/skip-svc-selector-matches-pod': 'a reason' });
  });
});

test('two installs with distinct names, classes and controller names live side by side', () => {
  const chart = new NetkitChart(Testing.app(), 'cluster');
  new NginxGatewayFabric(chart, 'a');
  new NginxGatewayFabric(chart, 'b', { name: 'ngf-b', namespace: 'ngf-b', gatewayClassName: 'nginx-b', controllerName: 'gateway.nginx.org/b' });
  expect(Testing.synth(chart).filter((o) => o.kind === 'GatewayClass').map((o) => o.metadata.name)).toEqual(['nginx', 'nginx-b']);
});

test('the documented escape hatch: nginx as a DaemonSet on the nodes\' ports 80 and 443, through the public nginxProxy', () => {
  const { JsonPatch } = require('cdk8s');
  const chart = new NetkitChart(Testing.app(), 'cluster');
  const ngf = new NginxGatewayFabric(chart, 'nginx-gateway-fabric');
  ngf.nginxProxy.addJsonPatch(
    JsonPatch.remove('/spec/kubernetes/deployment'),
    JsonPatch.add('/spec/kubernetes/daemonSet', { container: { hostPorts: [{ port: 80, containerPort: 80 }, { port: 443, containerPort: 443 }] } }),
  );
  expect(find(Testing.synth(chart), 'NginxProxy', 'nginx-gateway-proxy-config').spec.kubernetes).toEqual({
    daemonSet: { container: { hostPorts: [{ port: 80, containerPort: 80 }, { port: 443, containerPort: 443 }] } },
    service: { externalTrafficPolicy: 'Local', type: 'NodePort' },
  });
});
