import { Testing } from 'cdk8s';
import { NetkitApp, policyMatchers } from 'cdk8s-netkit';
import { WebChart } from './main';

// `expect(chart).toPassPolicies()`: no finding of severity error (the API server would reject it, or traffic cannot flow).
expect.extend(policyMatchers);

describe('WebChart', () => {
  const chart = new WebChart(new NetkitApp(), 'web');
  const objects = Testing.synth(chart);
  const find = (kind: string) => objects.find((o) => o.kind === kind);

  test('passes the policy checks', () => {
    expect(chart).toPassPolicies();
  });

  test('the Service sends port 80 to the web pods', () => {
    const service = find('Service');
    expect(service.metadata).toMatchObject({ name: 'web', namespace: 'web' });
    expect(service.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 80 })]);
    expect(service.spec.selector).toEqual(chart.web.selector);
  });

  test('the route sends web.example.com from the Gateway to the Service', () => {
    const route = find('HTTPRoute');
    expect(route.spec.hostnames).toEqual(['web.example.com']);
    expect(route.spec.parentRefs).toEqual([{ name: 'web-gateway' }]);
    expect(route.spec.rules[0].backendRefs).toEqual([expect.objectContaining({ name: 'web', port: 80 })]);
  });
});
