import { Testing } from 'cdk8s';
import { NetkitApp, policyMatchers } from 'cdk8s-netkit';
import { WebChart } from './main';

// `expect(chart).toPassPolicies()`: no finding of severity error (the API server would reject it, or traffic cannot flow).
expect.extend(policyMatchers);

describe('WebChart', () => {
  const chart = new WebChart(new NetkitApp(), 'web');
  const objects = Testing.synth(chart);

  test('passes the policy checks', () => {
    expect(chart).toPassPolicies();
  });

  test('the Service sends port 80 to the web pods', () => {
    const service = objects.find((o) => o.kind === 'Service');
    expect(service.metadata).toMatchObject({ name: 'web', namespace: 'web' });
    expect(service.spec.ports).toEqual([expect.objectContaining({ port: 80, targetPort: 80 })]);
    expect(service.spec.selector).toEqual(chart.web.selector);
  });
});
