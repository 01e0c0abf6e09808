// gatewayProblems at the Gateway CRD's limits (v1.6.1), with the whole problem a user sees (value, allowed, fix):
// written from the first mutation run over gateway-validation.ts (docs/testing.md).
import { gatewayProblems } from '../../lib';

const gateway = (spec: any) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'public', namespace: 'gateway' }, spec });
const http = { name: 'http', port: 80, protocol: 'HTTP' };
const withListener = (listener: any) => gateway({ gatewayClassName: 'nginx', listeners: [listener] });
const PROTOCOLS = 'HTTP, HTTPS, TLS, TCP, UDP, or a domain-prefixed protocol ("example.com/foo")';

describe('the Gateway', () => {
  test('without spec, with a bad name, without class or listeners: each fix', () => {
    expect(gatewayProblems({ ...gateway(undefined), spec: undefined } as any)).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.gatewayClassName and spec.listeners.' }]);
    expect(gatewayProblems({ ...gateway({ gatewayClassName: 'nginx', listeners: [http] }), metadata: { name: 'Public' } } as any)).toEqual([
      expect.objectContaining({ field: 'metadata.name', message: 'is not a valid Gateway name.', value: 'Public', fix: 'use a lowercase name such as "public".' }),
    ]);
    expect(gatewayProblems(gateway({}) as any)).toEqual([
      { field: 'spec.gatewayClassName', message: 'is required.', fix: 'set the name of a GatewayClass, e.g. "nginx" for NGINX Gateway Fabric.' },
      { field: 'spec.listeners', message: 'has 0 items; at least 1 is required.', value: 0, allowed: '1-64 items', fix: 'a Gateway has 1-64 listeners; split the rest onto another Gateway or a ListenerSet.' },
    ]);
  });
  test('infrastructure: an annotation value of 4096 characters passes, 4097 is refused with the fix', () => {
    const infra = (value: string) => gateway({ gatewayClassName: 'nginx', listeners: [http], infrastructure: { annotations: { 'example.com/a': value } } });
    expect(gatewayProblems(infra('v'.repeat(4096)) as any)).toEqual([]);
    expect(gatewayProblems(infra('v'.repeat(4097)) as any)).toEqual([{
      field: 'spec.infrastructure.annotations["example.com/a"]', message: 'must be a string of 0-4096 characters.', value: `${'v'.repeat(80)}…`, allowed: '0-4096 characters', fix: 'shorten the annotation value.',
    }]);
  });
  test('tls.frontend.perPort: each port once; a repeat is named at its index with the fix', () => {
    const perPort = (entries: any[]) => gateway({ gatewayClassName: 'nginx', listeners: [http], tls: { frontend: { perPort: entries } } });
    expect(gatewayProblems(perPort([{ port: 443 }, { port: 8443 }]) as any)).toEqual([]);
    expect(gatewayProblems(perPort([{ port: 443 }, { port: 8443 }, { port: 443 }]) as any)).toEqual([{
      field: 'spec.tls.frontend.perPort[2].port', message: 'Port for TLS configuration must be unique within the Gateway.', value: 443, fix: 'merge the entries for this port into one.',
    }]);
    expect(gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], tls: {} }) as any)).toEqual([]);
  });
});

describe('listeners', () => {
  test('a listener without name or port is told what to set', () => {
    expect(gatewayProblems(withListener({ protocol: 'HTTP' }) as any)).toEqual([
      { field: 'spec.listeners[0].name', message: 'is required.', fix: 'name the listener, e.g. "http" or "https"; routes attach to it by this sectionName.' },
      { field: 'spec.listeners[0].port', message: 'is required.', fix: 'set the port, e.g. 80 for HTTP or 443 for HTTPS.' },
    ]);
  });
  test('a protocol of 255 characters passes the pattern, 256 do not; a missing protocol is required', () => {
    const long = (n: number) => `${'a'.repeat(n - 4)}/foo`;
    expect(gatewayProblems(withListener({ ...http, protocol: long(255) }) as any)).toEqual([]);
    expect(gatewayProblems(withListener({ ...http, protocol: long(256) }) as any)).toEqual([{
      field: 'spec.listeners[0].protocol', message: 'is not a valid protocol.', value: long(256), allowed: PROTOCOLS, fix: 'use HTTP or HTTPS for HTTPRoutes.',
    }]);
    expect(gatewayProblems(withListener({ ...http, protocol: undefined }) as any)).toEqual([{
      field: 'spec.listeners[0].protocol', message: 'is required.', value: undefined, allowed: PROTOCOLS, fix: 'use HTTP or HTTPS for HTTPRoutes.',
    }]);
  });
  test.each(['TCP', 'UDP'])('tls on a %s listener is refused with the fix; so is a hostname', (protocol) => {
    expect(gatewayProblems(withListener({ name: 'l', port: 5000, protocol, tls: { certificateRefs: [{ name: 'c' }] } }) as any)).toEqual([{
      field: 'spec.listeners[0].tls', message: "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP'].", value: protocol, fix: 'use protocol HTTPS (or TLS) for a TLS listener, or remove tls.',
    }]);
    expect(gatewayProblems(withListener({ name: 'l', port: 5000, protocol, hostname: 'a.example.com' }) as any)).toEqual([{
      field: 'spec.listeners[0].hostname', message: "hostname must not be specified for protocols ['TCP', 'UDP'].", value: 'a.example.com', fix: 'remove the hostname; TCP and UDP listeners match by port only.',
    }]);
  });
  test('HTTPS: mode "" or Terminate pass, Passthrough is refused with the fix; TLS needs a mode', () => {
    const https = (tls: any) => withListener({ name: 'https', port: 443, protocol: 'HTTPS', tls });
    expect(gatewayProblems(https({ mode: '', certificateRefs: [{ name: 'c' }] }) as any).map((p) => p.field)).toEqual(['spec.listeners[0].tls.mode']);
    expect(gatewayProblems(https({ mode: 'Terminate', certificateRefs: [{ name: 'c' }] }) as any)).toEqual([]);
    expect(gatewayProblems(https({ mode: 'Passthrough' }) as any)).toEqual([{
      field: 'spec.listeners[0].tls.mode', message: 'tls mode must be Terminate for protocol HTTPS.', value: 'Passthrough', allowed: 'Terminate', fix: 'use protocol TLS with a TLSRoute for Passthrough, or set mode Terminate.',
    }]);
    expect(gatewayProblems(withListener({ name: 'tls', port: 443, protocol: 'TLS' }) as any)).toEqual([{
      field: 'spec.listeners[0].tls.mode', message: 'tls mode must be set for protocol TLS.', allowed: 'Terminate, Passthrough', fix: 'set tls.mode to Passthrough (or Terminate with a certificate).',
    }]);
    expect(gatewayProblems(withListener({ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } }) as any)).toEqual([]);
  });
});

describe('certificates, allowedRoutes, the listener set and addresses', () => {
  const https = (tls: any) => withListener({ name: 'https', port: 443, protocol: 'HTTPS', tls });
  test('HTTPS without tls or certificateRefs, a null certificateRef, a long option: each fix', () => {
    expect(gatewayProblems(withListener({ name: 'https', port: 443, protocol: 'HTTPS' }) as any)).toEqual([{
      field: 'spec.listeners[0].tls', message: 'is required for protocol HTTPS: without it the controller cannot serve the listener.', fix: 'set tls.certificateRefs to a kubernetes.io/tls Secret holding the certificate.',
    }]);
    expect(gatewayProblems(https({ options: { 'example.com/o': 'v' } }) as any)).toEqual([{
      field: 'spec.listeners[0].tls.certificateRefs', message: 'is empty: an HTTPS listener needs a certificate to terminate TLS.', fix: 'add a certificateRef to the kubernetes.io/tls Secret with the certificate.',
    }]);
    // A null certificateRef is the CRD schema walk's finding ("must be of type object"); the others are still checked.
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c' }, null] }) as any)).toEqual([]);
    expect(gatewayProblems(https({ certificateRefs: [null, {}] }) as any)).toEqual([{ field: 'spec.listeners[0].tls.certificateRefs[1].name', message: 'is required.', fix: 'set the name of the Secret.' }]);
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c', kind: 'secret' }] }) as any).map((p) => [p.field, p.value])).toEqual([['spec.listeners[0].tls.certificateRefs[0].kind', 'secret']]);
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c', group: '', kind: 'Secret', namespace: 'certs' }] }) as any)).toEqual([]);
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c' }], options: { 'example.com/o': 'v'.repeat(4097) } }) as any)).toEqual([expect.objectContaining({
      field: 'spec.listeners[0].tls.options["example.com/o"]', allowed: '0-4096 characters', fix: 'shorten the option value.',
    })]);
    expect(gatewayProblems(https({ mode: 'Terminal', certificateRefs: [{ name: 'c' }] }) as any).find((p) => p.message === 'is not one of the allowed values.')).toEqual({
      field: 'spec.listeners[0].tls.mode', message: 'is not one of the allowed values.', value: 'Terminal', allowed: 'Terminate, Passthrough', fix: 'use Terminate (the default) or Passthrough.',
    });
  });
  test('allowedRoutes: from, a selector, kinds (null, without kind, in the Gateway API group by default)', () => {
    const routes = (allowedRoutes: any) => withListener({ ...http, allowedRoutes });
    expect(gatewayProblems(routes({ namespaces: { from: 'All' }, kinds: [{ kind: 'HTTPRoute' }, { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute' }] }) as any)).toEqual([]);
    expect(gatewayProblems(routes({ namespaces: { from: 'Any' } }) as any)).toEqual([{
      field: 'spec.listeners[0].allowedRoutes.namespaces.from', message: 'is not one of the allowed values.', value: 'Any', allowed: 'All, Selector, Same', fix: 'use Same (the default), All, or Selector with a selector.',
    }]);
    expect(gatewayProblems(routes({ namespaces: { from: 'Selector', selector: { matchLabels: { 'a b': 'x' } } } }) as any).map((p) => p.field)[0]).toMatch(/^spec\.listeners\[0\]\.allowedRoutes\.namespaces\.selector/);
    expect(gatewayProblems(routes({ kinds: [null, { kind: 'httproute' }] }) as any).map((p) => [p.field, p.message.slice(0, 11)])).toEqual([
      ['spec.listeners[0].allowedRoutes.kinds[0].kind', 'is required'], ['spec.listeners[0].allowedRoutes.kinds[1].kind', 'is not a ki'],
    ]);
    expect(gatewayProblems(routes({ kinds: [{}] }) as any)).toEqual([{ field: 'spec.listeners[0].allowedRoutes.kinds[0].kind', message: 'is required.', fix: 'set the route kind, e.g. "HTTPRoute".' }]);
  });
  test('the listener set: a repeated name and a repeated port, protocol and hostname, each with its fix', () => {
    const set = (listeners: any[]) => gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners }) as any);
    expect(set([http, { ...http, port: 8080 }])).toEqual([{
      field: 'spec.listeners[1].name', message: 'Listener name must be unique within the Gateway (listener 0 has it too).', value: 'http', fix: 'give each listener its own name, e.g. "https-shop" and "https-blog".',
    }]);
    expect(set([http, { ...http, name: 'http2' }])).toEqual([{
      field: 'spec.listeners[1]', message: 'Combination of port, protocol and hostname must be unique for each listener (listener 0 has the same).',
      value: { port: 80, protocol: 'HTTP', hostname: undefined }, fix: 'merge the two listeners, or give one another hostname or port.',
    }]);
    expect(set([http, { ...http, name: 'b', port: 81 }, { ...http, name: 'c', hostname: 'a.example.com' }, { name: 'd', port: 80, protocol: 'example.com/x' }])).toEqual([]);
  });
  test('addresses: types, values of 253 characters, IPs, hostnames and repeats', () => {
    const addresses = (list: any[]) => gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], addresses: list }) as any);
    expect(addresses([{ value: '192.0.2.10' }, { type: 'Hostname', value: 'lb.example.com' }, { type: 'NamedAddress', value: 'x' }, { type: 'Hostname', value: '' }, { type: 'example.com/t', value: 'v' }, null])).toEqual([]);
    expect(addresses([{ type: 'Ip' }, { type: 'a'.repeat(250) + '.com/t' }])).toEqual([0, 1].map((i) => ({
      field: `spec.addresses[${i}].type`, message: 'is not a valid address type.', value: i === 0 ? 'Ip' : `${'a'.repeat(250)}.com/t`,
      allowed: 'IPAddress, Hostname, NamedAddress, or a domain-prefixed type', fix: 'use IPAddress (the default), Hostname or NamedAddress.',
    })));
    expect(addresses([{ type: 'NamedAddress', value: 'v'.repeat(254) }])).toEqual([expect.objectContaining({ field: 'spec.addresses[0].value', allowed: '0-253 characters', fix: 'shorten the address.' })]);
    expect(addresses([{ type: 'NamedAddress', value: 'v'.repeat(253) }])).toEqual([]);
    expect(addresses([{ value: 'lb.example.com' }])).toEqual([{
      field: 'spec.addresses[0].value', message: 'is not an IPv4 or IPv6 address, as type IPAddress requires.', value: 'lb.example.com',
      allowed: 'an IP address such as "192.0.2.10" or "2001:db8::1"', fix: 'write the IP address, or set type Hostname or NamedAddress.',
    }]);
    expect(addresses([{ type: 'Hostname', value: 'LB' }])).toEqual([{
      field: 'spec.addresses[0].value', message: 'Hostname value must be empty or contain only valid characters.', value: 'LB', allowed: expect.any(String), fix: 'use the lowercase DNS name of the address.',
    }]);
    expect(addresses([{ value: '192.0.2.10' }, { type: 'NamedAddress', value: '192.0.2.10' }, { type: 'IPAddress', value: '192.0.2.10' }])).toEqual([{
      field: 'spec.addresses[2].value', message: 'IPAddress values must be unique.', value: '192.0.2.10', fix: 'remove the repeated address.',
    }]);
    expect(addresses([{ type: 'NamedAddress', value: 'x' }, { type: 'NamedAddress', value: 'x' }, { type: 'Hostname' }, { type: 'Hostname' }])).toEqual([]);
  });
});

// Written from the second mutation run (2026-12-06): each test names the survivor it kills.
describe('the second run: edges the first tests left open', () => {
  const https = (tls: any) => withListener({ name: 'https', port: 443, protocol: 'HTTPS', tls });
  test('a spec that is not an object is refused as missing, and nothing inside it is judged', () => {
    for (const spec of ['nginx', true, 1]) {
      expect(gatewayProblems(gateway(spec) as any)).toEqual([{ field: 'spec', message: 'is required.', fix: 'set spec.gatewayClassName and spec.listeners.' }]);
    }
  });
  test('an infrastructure annotation with a bad key is reported at spec.infrastructure.annotations', () => {
    expect(gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], infrastructure: { annotations: { 'a b': 'v' } } }) as any)).toEqual([
      expect.objectContaining({ field: 'spec.infrastructure.annotations', message: 'has a key that is not a valid annotation key.', value: 'a b' }),
    ]);
  });
  test('a protocol of one character passes the CRD pattern', () => {
    expect(gatewayProblems(withListener({ name: 'x', port: 5000, protocol: 'X' }) as any)).toEqual([]);
  });
  test.each(['TCP', 'UDP'])('a %s listener with hostname "" passes the CEL rule (it allows ""), and only the Hostname type refuses ""', (protocol) => {
    expect(gatewayProblems(withListener({ name: 'l', port: 5000, protocol, hostname: '' }) as any)).toEqual([expect.objectContaining({
      field: 'spec.listeners[0].hostname', message: 'is not a valid Gateway API hostname.', value: '',
    })]);
  });
  test('a TLS listener terminating with options and no certificateRefs passes (the CEL rule asks for either); HTTPS needs a certificate', () => {
    const options = { 'example.com/o': 'v' };
    expect(gatewayProblems(withListener({ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Terminate', options } }) as any)).toEqual([]);
    expect(gatewayProblems(https({ mode: 'Terminate', options }) as any).map((p) => p.field)).toEqual(['spec.listeners[0].tls.certificateRefs']);
  });
  test('a certificateRef name of 254 characters is refused at its own field path', () => {
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c' }, { name: 'c'.repeat(254) }] }) as any)).toEqual([expect.objectContaining({
      field: 'spec.listeners[0].tls.certificateRefs[1].name', message: 'must be an object name of 1-253 characters.', allowed: '1-253 characters',
    })]);
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c'.repeat(253) }] }) as any)).toEqual([]);
  });
  test('a certificateRef kind without group is judged in the core group, the default', () => {
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c', kind: 'Gateway' }] }) as any)).toEqual([expect.objectContaining({
      field: 'spec.listeners[0].tls.certificateRefs[0].kind', value: 'Gateway',
      message: 'is not a kind of the core group (""), so the reference refers to no object.',
      fix: '"Gateway" is in the group "gateway.networking.k8s.io": set group: "gateway.networking.k8s.io".',
    })]);
    expect(gatewayProblems(https({ certificateRefs: [{ name: 'c', kind: 'Secret' }] }) as any)).toEqual([]);
  });
  test('an address type of exactly 253 characters passes, 254 do not', () => {
    const addresses = (list: any[]) => gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], addresses: list }) as any);
    const type = (n: number) => `${'a'.repeat(n - 6)}.com/t`;
    expect(addresses([{ type: type(253), value: 'v' }])).toEqual([]);
    expect(addresses([{ type: type(254), value: 'v' }]).map((p) => [p.field, p.message])).toEqual([['spec.addresses[0].type', 'is not a valid address type.']]);
  });
  test('a null address before an IP address is skipped by the repeat check', () => {
    const addresses = (list: any[]) => gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], addresses: list }) as any);
    expect(addresses([null, { value: '192.0.2.10' }, { type: 'Hostname', value: 'lb.example.com' }])).toEqual([]);
    expect(addresses([null, { value: '192.0.2.10' }, { value: '192.0.2.10' }]).map((p) => p.field)).toEqual(['spec.addresses[2].value']);
  });
});

// A YAML `- ~` item or `tls: ~` used to crash the check (TypeError), and gw-spec-valid then reported only that it
// "could not run", losing every finding of every Gateway API object of the input.
describe('null items and fields (the API server: a null list item is not an object; a null field is pruned, as if absent)', () => {
  test('a null listener is left to the schema, beside other listeners checked as usual', () => {
    expect(gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [null] }) as any)).toEqual([]);
    expect(gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http, null, { ...http, name: 'b' }] }) as any).map((p) => p.field)).toEqual(['spec.listeners[2]']);
    expect(gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [null, { name: 'a' }] }) as any).map((p) => p.field)).toEqual(['spec.listeners[1].port', 'spec.listeners[1].protocol']);
  });
  test('tls: null on an HTTPS listener is tls left out', () => {
    expect(gatewayProblems(withListener({ name: 'https', port: 443, protocol: 'HTTPS', tls: null }) as any)).toEqual([{
      field: 'spec.listeners[0].tls', message: 'is required for protocol HTTPS: without it the controller cannot serve the listener.', fix: 'set tls.certificateRefs to a kubernetes.io/tls Secret holding the certificate.',
    }]);
    expect(gatewayProblems(withListener({ ...http, tls: null }) as any)).toEqual([]);
  });
  test('a null tls.frontend.perPort entry is skipped; the others are still compared', () => {
    const perPort = (entries: any[]) => gatewayProblems(gateway({ gatewayClassName: 'nginx', listeners: [http], tls: { frontend: { perPort: entries } } }) as any);
    expect(perPort([null, { port: 443 }, null])).toEqual([]);
    expect(perPort([null, { port: 443 }, { port: 443 }]).map((p) => p.field)).toEqual(['spec.tls.frontend.perPort[2].port']);
  });
});
