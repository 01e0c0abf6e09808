// gw-spec-valid: which CRD schema findings are kept beside the kind's own checks (the survivors of a mutation run
// over `overlaps`: a finding is dropped only at, above or below a field an own check reports, never elsewhere).
import { NS } from './builders';
import { GROUP, run } from './gw-boundary-helpers';

const gw = (listeners: any) => ({ apiVersion: `${GROUP}/v1`, kind: 'Gateway', metadata: { name: 'g', namespace: NS }, spec: { gatewayClassName: 'nginx', listeners } });

describe('gw-spec-valid beside the kinds\' own checks', () => {
  test('a schema finding on another listener than the one an own check reports is kept', () => {
    expect(run([gw([{ name: 'h', port: 80, protocol: 'HTTP', hostname: 'Bad_Host' }, { name: 'k', port: 81, protocol: 'HTTP', allowedRoutes: { kinds: 'x' } }])], 'gw-spec-valid')).toEqual([
      'error Gateway g: spec.listeners[0].hostname: is not a valid Gateway API hostname. Got: "Bad_Host". Allowed: a lowercase DNS name of at most 253 characters, optionally with "*." as the whole first label; no port, no trailing dot, no IP address.',
      'error Gateway g: spec.listeners[1].allowedRoutes.kinds must be of type array (got string "x").',
    ]);
  });

  test('the CEL rule on the whole listener list is not repeated beside the own check on one listener\'s name (a field below it by index)', () => {
    expect(run([gw([{ name: 'same', port: 80, protocol: 'HTTP' }, { name: 'same', port: 81, protocol: 'HTTP' }])], 'gw-spec-valid')).toEqual([
      'error Gateway g: spec.listeners[1].name: Listener name must be unique within the Gateway (listener 0 has it too). Got: "same".',
    ]);
  });

  test('a kind without own checks (GatewayClass) is judged by its schema alone', () => {
    const gatewayClass = (controllerName: string) => ({ apiVersion: `${GROUP}/v1`, kind: 'GatewayClass', metadata: { name: 'nginx' }, spec: { controllerName } });
    expect(run([gatewayClass('gateway.nginx.org/nginx-gateway-controller')], 'gw-spec-valid')).toEqual([]);
    expect(run([gatewayClass('example')], 'gw-spec-valid')).toEqual([expect.stringMatching(/^error GatewayClass nginx: spec\.controllerName /)]);
  });
});
