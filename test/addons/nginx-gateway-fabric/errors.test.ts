import { Testing } from 'cdk8s';
import { NetkitChart, NginxGatewayFabric, NginxGatewayFabricProps } from '../../../lib';
import { errorOf } from '../../helpers/errors';

function build(props: NginxGatewayFabricProps, id = 'ngf'): void {
  new NginxGatewayFabric(new NetkitChart(Testing.app(), 'cluster'), id, props);
}

describe('NginxGatewayFabric rejects bad props with the construct path, value, rule and fix', () => {
  test('a node port outside the range, named by its prop', () => {
    expect(errorOf(() => build({ nodePorts: { http: 80, https: 30443 } })).message).toBe('[cluster/ngf] nodePorts.http: is outside the node port range. Got: 80. Allowed: 30000-32767. '
      + 'Fix: pick a port in 30000-32767, leave it unset so the cluster allocates one, or set nodePortRange to the API server\'s --service-node-port-range.');
  });

  test('the same node port twice', () => {
    expect(errorOf(() => build({ nodePorts: { http: 30080, https: 30080 } })).message).toMatch(/nodePorts\.https: 30080\/TCP is used by two ports/);
  });

  test('load balancer options with NodePort exposure', () => {
    const e = errorOf(() => build({ loadBalancerSourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'example.com/vip' }));
    expect(e.problems.map((p) => p.field)).toEqual(['loadBalancerSourceRanges', 'loadBalancerClass']);
    expect(e.message).toMatch(/may only be set on a LoadBalancer Service/);
  });

  test('a source range that is not a CIDR', () => {
    expect(errorOf(() => build({ exposure: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.1'] })).message).toMatch(/loadBalancerSourceRanges\[0\]: is not a CIDR\. Got: "10\.0\.0\.1"/);
  });

  test('replicas and controllerReplicas below 1 or fractional', () => {
    const e = errorOf(() => build({ replicas: 0, controllerReplicas: 1.5 }));
    expect(e.problems.map((p) => [p.field, p.value])).toEqual([['replicas', 0], ['controllerReplicas', 1.5]]);
    expect(e.message).toMatch(/replicas: is not a whole number of pods of at least 1\. Got: 0\. Allowed: 1, 2, 3…\. Fix: give the number of nginx pods per Gateway\./);
  });

  test('a name too long for the leader-election lease', () => {
    expect(errorOf(() => build({ name: 'a-very-long-nginx-gateway-fabric-install-name-here' })).message)
      .toMatch(/^\[cluster\/ngf\] name: is not usable as the base of the object names.*at most 47 characters/);
  });

  test('bad namespace, class name, controller name, exposure, traffic policy and log level', () => {
    const e = errorOf(() => build({
      namespace: 'Gateway', gatewayClassName: 'Nginx', controllerName: 'example.com/ngf', exposure: 'HostNetwork' as any,
      externalTrafficPolicy: 'Nearest' as any, logLevel: 'warn' as any,
    }));
    expect(e.problems.map((p) => p.field)).toEqual(['namespace', 'gatewayClassName', 'controllerName', 'exposure', 'externalTrafficPolicy', 'logLevel']);
    expect(e.message).toMatch(/controllerName: is not a controller name NGF accepts: "gateway\.nginx\.org\/" followed by a path\. Got: "example\.com\/ngf"/);
  });

  test('a controller name with only the prefix', () => {
    expect(errorOf(() => build({ controllerName: 'gateway.nginx.org/' })).problems.map((p) => p.field)).toEqual(['controllerName']);
  });

  test('bad image parts', () => {
    const e = errorOf(() => build({ imageRegistry: 'https://ghcr.io', controllerImage: { tag: ':2.6.7', digest: 'sha256:abc' }, nginxImage: { repository: 'Nginx/NGF' } }));
    expect(e.problems.map((p) => p.field)).toEqual(['imageRegistry', 'controllerImage.tag', 'controllerImage.digest', 'nginxImage.repository']);
  });

  test('createNamespace in a chart that declares the same namespace', () => {
    const chart = new NetkitChart(Testing.app(), 'gw', { namespace: 'nginx-gateway' });
    expect(errorOf(() => new NginxGatewayFabric(chart, 'ngf')).message).toMatch(/createNamespace: would declare Namespace "nginx-gateway" a second time.*Fix: set createNamespace: false/);
    expect(() => new NginxGatewayFabric(chart, 'ngf2', { createNamespace: false })).not.toThrow();
  });

  test('two installs with the same name, class and controller name fail at synth', () => {
    const chart = new NetkitChart(Testing.app(), 'cluster');
    new NginxGatewayFabric(chart, 'a');
    new NginxGatewayFabric(chart, 'b', { namespace: 'other' });
    expect(() => Testing.synth(chart)).toThrow(/name "nginx-gateway" is also used by cluster\/b[\s\S]*gatewayClassName "nginx" is also used[\s\S]*controllerName "gateway\.nginx\.org\/nginx-gateway-controller" is also used/);
  });

  test('skipPolicy rejects a bad rule id and an empty reason', () => {
    const install = new NginxGatewayFabric(new NetkitChart(Testing.app(), 'cluster'), 'ngf');
    expect(errorOf(() => install.skipPolicy(install.service, 'Bad Rule', 'x')).message).toMatch(/ruleId: is not a policy rule id/);
    expect(errorOf(() => install.skipPolicy(install.service, 'pod-resources', ' ')).message).toMatch(/reason: is empty for rule pod-resources/);
  });
});
