import { NS } from './builders';
import { tcpRoute, validGatewayApp } from './gateway-rule-cases';
import { app, GROUP, http, parent, run } from './gw-boundary-helpers';

// The Gateway API rules keep the last answer for the next route or object (thousands in a row share it): a clean
// one first must not hide the finding of the one after it, nor a bad one first make the next clean one reported.
const heads = (findings: string[]) => findings.map((f) => f.slice(0, f.indexOf(':')));

describe('admitting listeners, asked route after route', () => {
  const inNs = parent({ name: 'public', sectionName: 'http' }, {}, 'r1');
  const fromOther = parent({ name: 'public', namespace: NS, sectionName: 'http' }, {}, 'r2', 'other');
  test('gw-route-admitted: a route of another namespace after an admitted one (and before one) is refused', () => {
    expect(heads(run(app([http()], inNs, fromOther), 'gw-route-admitted'))).toEqual(['error HTTPRoute r2']);
    expect(heads(run(app([http()], fromOther, inNs), 'gw-route-admitted'))).toEqual(['error HTTPRoute r2']);
  });
  test('gw-route-admitted: a route of the same namespace on another Gateway that refuses it, after an admitted one', () => {
    const refusing = { ...app([http({ allowedRoutes: { kinds: [{ kind: 'GRPCRoute' }] } })]).find((o) => o.kind === 'Gateway') };
    refusing.metadata = { ...refusing.metadata, name: 'grpc' };
    const onGrpc = parent({ name: 'grpc', sectionName: 'http' }, {}, 'r3');
    expect(heads(run([...app([http()], inNs, onGrpc), refusing], 'gw-route-admitted'))).toEqual(['error HTTPRoute r3']);
  });
  test('gw-route-hostname-intersects: a route whose hostname no listener serves, after one it serves; a refused one is not judged', () => {
    const listener = http({ hostname: 'shop.example.com' });
    const other = parent({ name: 'public', sectionName: 'http' }, { hostnames: ['other.example.com'] }, 'r3');
    expect(heads(run(app([listener], inNs, fromOther, other), 'gw-route-hostname-intersects'))).toEqual(['error HTTPRoute r3']);
    const mixed = parent({ name: 'public', sectionName: 'http' }, { hostnames: ['other.example.com', 5] }, 'r4');
    expect(run(app([listener], inNs, mixed), 'gw-route-hostname-intersects')).toEqual([
      `error HTTPRoute r4: spec.hostnames ["other.example.com"] share no hostname with the listeners of Gateway ${NS}/public that spec.parentRefs[0] attaches to ("http": "shop.example.com"); the route is not accepted (NoMatchingListenerHostname).`,
    ]);
  });
});

describe('selected listeners, parentRef after parentRef', () => {
  test('gw-route-parent-resolves: a parentRef naming another sectionName or port than the one before it selects its own listeners', () => {
    const ok = parent({ name: 'public', sectionName: 'http' }, {}, 'r1');
    const otherName = parent({ name: 'public', sectionName: 'nope' }, {}, 'r2');
    const otherPort = parent({ name: 'public', sectionName: 'http', port: 8080 }, {}, 'r3');
    const same = parent({ name: 'public', sectionName: 'http' }, {}, 'r4');
    expect(heads(run(app([http()], ok, otherName, otherPort, same), 'gw-route-parent-resolves'))).toEqual(['error HTTPRoute r2', 'error HTTPRoute r3']);
  });
  test('gw-route-parent-resolves: the same sectionName on another Gateway, after one that has it', () => {
    const other = { ...app([http({ name: 'web' })]).find((o) => o.kind === 'Gateway') };
    other.metadata = { ...other.metadata, name: 'other' };
    const ok = parent({ name: 'public', sectionName: 'http' }, {}, 'r1');
    const onOther = parent({ name: 'other', sectionName: 'http' }, {}, 'r2');
    expect(heads(run([...app([http()], ok, onOther), other], 'gw-route-parent-resolves'))).toEqual(['error HTTPRoute r2']);
  });
});

describe('gw-api-version, object after object', () => {
  const tcp2 = { ...tcpRoute(), metadata: { name: 'db2', namespace: NS } };
  test('objects of one kind and version after a clean one are each reported', () => {
    expect(heads(run([...validGatewayApp(), tcpRoute(), tcp2], 'gw-api-version', { gatewayApiVersion: 'v1.5.1' })))
      .toEqual(['warning TCPRoute db', 'warning TCPRoute db2']);
  });
  test('an object of the group without a version, after one with a version, is not read', () => {
    const unversioned = { ...tcpRoute(), apiVersion: `${GROUP}/`, metadata: { name: 'bare', namespace: NS } };
    expect(heads(run([...validGatewayApp(), tcpRoute(), unversioned], 'gw-api-version', { gatewayApiVersion: 'v1.5.1' })))
      .toEqual(['warning TCPRoute db']);
  });
});
