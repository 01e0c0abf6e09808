import { NS } from './builders';
import { gatewayCrd, tcpRoute, validGatewayApp } from './gateway-rule-cases';
import { app, GROUP, http, parent, run } from './gw-boundary-helpers';

// The Gateway API rules re-measured after the speed rewrites of 2026-12-06 (docs/testing.md): tests for what the
// mutation run and the reading of its survivors found.

describe('listener protocols named like Object.prototype properties', () => {
  // The CRD's protocol pattern accepts any alphanumeric name; such a listener carries nothing these rules know.
  const odd = (protocol: string, extra: any = {}) => ({ name: 'odd', port: 80, protocol, ...extra });
  test.each(['constructor', 'toString', 'valueOf'])('gw-listeners-distinct: a %s listener beside HTTP on one port is not judged', (protocol) => {
    expect(run(app([http(), odd(protocol)]), 'gw-listeners-distinct')).toEqual([]);
    expect(run(app([odd(protocol), http()]), 'gw-listeners-distinct')).toEqual([]);
  });
  test.each(['constructor', 'toString'])('gw-redirect-no-loop: a %s listener admitting HTTPRoutes has no scheme to loop on', (protocol) => {
    const listener = odd(protocol, { allowedRoutes: { kinds: [{ kind: 'HTTPRoute' }] } });
    const redirect = parent({ name: 'public', sectionName: 'odd' }, { hostnames: undefined, rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { port: 80 } }] }] });
    expect(run(app([listener], redirect), 'gw-redirect-no-loop')).toEqual([]);
    // The same route on an HTTP listener does loop: the test above is not empty for another reason.
    expect(run(app([http({ name: 'odd' })], redirect), 'gw-redirect-no-loop')).toEqual([
      `error HTTPRoute r: spec.rules[0].filters[0] redirects to {"port":80}, and the route also serves listener "odd" (HTTP, port 80) of Gateway ${NS}/public, where the redirected request matches this rule again: clients loop until they give up.`,
    ]);
  });
});

describe('gw-api-version: which CRD declares the bundle', () => {
  const crd = gatewayCrd('v1.6.1');
  const unannotated = [
    { ...crd, metadata: undefined }, { ...crd, metadata: { name: 'a.gateway.networking.k8s.io' } },
    { ...crd, metadata: { name: 'b.gateway.networking.k8s.io', annotations: { [`${GROUP}/bundle-version`]: 161 } } },
    { ...crd, spec: undefined },
  ];
  test('CRDs without metadata, annotations, a string bundle-version or spec are passed over for the first that has one', () => {
    expect(run([...validGatewayApp(), tcpRoute(), ...unannotated, gatewayCrd('v1.5.1')], 'gw-api-version')).toEqual([
      'warning TCPRoute db: TCPRoute is not a kind of the Gateway API v1.5.1 standard channel, the bundle declared by the CRDs in these manifests (tcproutes.gateway.networking.k8s.io); v1.6.1 serves it.',
    ]);
  });
  test('with none of them declaring a bundle, the default is the declared one', () => {
    expect(run([...validGatewayApp(), tcpRoute(), ...unannotated], 'gw-api-version')).toEqual([
      'warning TCPRoute db: TCPRoute is not a kind of the Gateway API v1.5.1 standard channel, the bundle declared by the default (what GatewayApiCrds installs); v1.6.1 serves it.',
    ]);
  });
});
