import { gatewayProblems } from '../../lib';
import { crdSchemaErrors, GATEWAY_API_VERSIONS } from './crd-schema';

function gateway(listeners: any[], extra: any = {}): any {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway',
    metadata: { name: 'public', namespace: 'gateway' },
    spec: { gatewayClassName: 'nginx', listeners, ...extra },
  };
}
const http = { name: 'http', port: 80, protocol: 'HTTP' };
const https = { name: 'https', port: 443, protocol: 'HTTPS', hostname: '*.example.com', tls: { certificateRefs: [{ name: 'wildcard-tls' }] } };

function messages(manifest: any): string[] {
  return gatewayProblems(manifest).map((p) => `${p.field}: ${p.message}`);
}

describe('gatewayProblems', () => {
  test('a Gateway with an HTTP and an HTTPS listener has no problems', () => {
    expect(gatewayProblems(gateway([http, https]))).toEqual([]);
  });

  const CASES: [string, any, string][] = [
    ['no spec', { ...gateway([http]), spec: undefined }, 'spec: is required.'],
    ['no gatewayClassName', gateway([http], { gatewayClassName: undefined }), 'spec.gatewayClassName: is required.'],
    ['a gatewayClassName over 253 characters', gateway([http], { gatewayClassName: 'x'.repeat(254) }), 'spec.gatewayClassName: must be an object name of 1-253 characters.'],
    ['no listeners', gateway([]), 'spec.listeners: has 0 items; at least 1 is required.'],
    ['65 listeners', gateway(Array.from({ length: 65 }, (_, i) => ({ name: `l${i}`, port: 1000 + i, protocol: 'HTTP' }))), 'spec.listeners: has 65 items; at most 64 are allowed.'],
    ['an upper-case listener name', gateway([{ ...http, name: 'HTTP' }]), 'spec.listeners[0].name: is not a valid section name.'],
    ['a listener without name', gateway([{ ...http, name: undefined }]), 'spec.listeners[0].name: is required.'],
    ['a listener without port', gateway([{ ...http, port: undefined }]), 'spec.listeners[0].port: is required.'],
    ['port 0', gateway([{ ...http, port: 0 }]), 'spec.listeners[0].port: is not a port number.'],
    ['no protocol', gateway([{ ...http, protocol: undefined }]), 'spec.listeners[0].protocol: is required.'],
    ['a bad protocol', gateway([{ ...http, protocol: 'HTTP/2' }]), 'spec.listeners[0].protocol: is not a valid protocol.'],
    ['an upper-case hostname', gateway([{ ...http, hostname: 'WWW.example.com' }]), 'spec.listeners[0].hostname: is not a valid Gateway API hostname.'],
    ['a hostname with a port', gateway([{ ...http, hostname: 'example.com:80' }]), 'spec.listeners[0].hostname: is not a valid Gateway API hostname.'],
    ['a bare * hostname', gateway([{ ...http, hostname: '*' }]), 'spec.listeners[0].hostname: is not a valid Gateway API hostname.'],
    ['a wildcard in the middle', gateway([{ ...http, hostname: 'a.*.example.com' }]), 'spec.listeners[0].hostname: is not a valid Gateway API hostname.'],
    ['an IP hostname', gateway([{ ...http, hostname: '10.0.0.1' }]), 'spec.listeners[0].hostname: is an IP address; Gateway API hostnames must be DNS names.'],
    ['tls on HTTP', gateway([{ ...http, tls: { certificateRefs: [{ name: 'x' }] } }]), "spec.listeners[0].tls: tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']."],
    ['Passthrough on HTTPS', gateway([{ ...https, tls: { mode: 'Passthrough' } }]), 'spec.listeners[0].tls.mode: tls mode must be Terminate for protocol HTTPS.'],
    ['a TLS listener without mode', gateway([{ name: 'tls', port: 443, protocol: 'TLS', tls: { certificateRefs: [{ name: 'x' }] } }]), 'spec.listeners[0].tls.mode: tls mode must be set for protocol TLS.'],
    ['a hostname on TCP', gateway([{ name: 'db', port: 5432, protocol: 'TCP', hostname: 'db.example.com' }]), "spec.listeners[0].hostname: hostname must not be specified for protocols ['TCP', 'UDP']."],
    ['HTTPS without tls', gateway([{ ...https, tls: undefined }]), 'spec.listeners[0].tls: is required for protocol HTTPS: without it the controller cannot serve the listener.'],
    ['HTTPS with tls {}', gateway([{ ...https, tls: {} }]), 'spec.listeners[0].tls: certificateRefs or options must be specified when mode is Terminate.'],
    ['HTTPS with options but no certificate', gateway([{ ...https, tls: { options: { 'example.com/x': 'y' } } }]), 'spec.listeners[0].tls.certificateRefs: is empty: an HTTPS listener needs a certificate to terminate TLS.'],
    ['a bad tls mode', gateway([{ name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Reencrypt' } }]), 'spec.listeners[0].tls.mode: is not one of the allowed values.'],
    ['a certificateRef without name', gateway([{ ...https, tls: { certificateRefs: [{ kind: 'Secret' }] } }]), 'spec.listeners[0].tls.certificateRefs[0].name: is required.'],
    ['a certificateRef with a bad namespace', gateway([{ ...https, tls: { certificateRefs: [{ name: 'x', namespace: 'Certs' }] } }]), 'spec.listeners[0].tls.certificateRefs[0].namespace: is not a valid namespace name.'],
    ['a certificateRef with a bad group', gateway([{ ...https, tls: { certificateRefs: [{ name: 'x', group: 'Core' }] } }]), 'spec.listeners[0].tls.certificateRefs[0].group: is not a valid API group.'],
    ['a certificateRef with a bad kind', gateway([{ ...https, tls: { certificateRefs: [{ name: 'x', kind: '1Secret' }] } }]), 'spec.listeners[0].tls.certificateRefs[0].kind: is not a valid kind.'],
    ['65 certificateRefs', gateway([{ ...https, tls: { certificateRefs: Array.from({ length: 65 }, (_, i) => ({ name: `c${i}` })) } }]), 'spec.listeners[0].tls.certificateRefs: has 65 items; at most 64 are allowed.'],
    ['17 tls options', gateway([{ ...https, tls: { certificateRefs: [{ name: 'x' }], options: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`example.com/o${i}`, 'v'])) } }]), 'spec.listeners[0].tls.options: has 17 items; at most 16 are allowed.'],
    ['a tls option value over 4096 characters', gateway([{ ...https, tls: { certificateRefs: [{ name: 'x' }], options: { 'example.com/o': 'v'.repeat(4097) } } }]), 'spec.listeners[0].tls.options["example.com/o"]: must be a string of 0-4096 characters.'],
    ['a bad allowedRoutes.namespaces.from', gateway([{ ...http, allowedRoutes: { namespaces: { from: 'Any' } } }]), 'spec.listeners[0].allowedRoutes.namespaces.from: is not one of the allowed values.'],
    ['9 allowedRoutes kinds', gateway([{ ...http, allowedRoutes: { kinds: Array.from({ length: 9 }, () => ({ kind: 'HTTPRoute' })) } }]), 'spec.listeners[0].allowedRoutes.kinds: has 9 items; at most 8 are allowed.'],
    ['an allowedRoutes kind without kind', gateway([{ ...http, allowedRoutes: { kinds: [{ group: 'gateway.networking.k8s.io' }] } }]), 'spec.listeners[0].allowedRoutes.kinds[0].kind: is required.'],
    ['an allowedRoutes kind with a bad group', gateway([{ ...http, allowedRoutes: { kinds: [{ kind: 'HTTPRoute', group: 'Gateway' }] } }]), 'spec.listeners[0].allowedRoutes.kinds[0].group: is not a valid API group.'],
    ['two listeners with one name', gateway([http, { ...http, port: 8080 }]), 'spec.listeners[1].name: Listener name must be unique within the Gateway (listener 0 has it too).'],
    ['two listeners with one port, protocol and hostname', gateway([http, { ...http, name: 'http2' }]), 'spec.listeners[1]: Combination of port, protocol and hostname must be unique for each listener (listener 0 has the same).'],
    ['17 addresses', gateway([http], { addresses: Array.from({ length: 17 }, (_, i) => ({ value: `10.0.0.${i}` })) }), 'spec.addresses: has 17 items; at most 16 are allowed.'],
    ['a repeated IP address', gateway([http], { addresses: [{ value: '10.0.0.1' }, { type: 'IPAddress', value: '10.0.0.1' }] }), 'spec.addresses[1].value: IPAddress values must be unique.'],
    ['a repeated Hostname address', gateway([http], { addresses: [{ type: 'Hostname', value: 'lb.example.com' }, { type: 'Hostname', value: 'lb.example.com' }] }), 'spec.addresses[1].value: Hostname values must be unique.'],
    ['a bad Hostname address', gateway([http], { addresses: [{ type: 'Hostname', value: 'LB.example.com' }] }), 'spec.addresses[0].value: Hostname value must be empty or contain only valid characters.'],
    ['an IPAddress that is no IP', gateway([http], { addresses: [{ value: 'lb.example.com' }] }), 'spec.addresses[0].value: is not an IPv4 or IPv6 address, as type IPAddress requires.'],
    ['a bad address type', gateway([http], { addresses: [{ type: 'ip', value: '10.0.0.1' }] }), 'spec.addresses[0].type: is not a valid address type.'],
    ['9 infrastructure labels', gateway([http], { infrastructure: { labels: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`l${i}`, 'v'])) } }), 'spec.infrastructure.labels: has 9 items; at most 8 are allowed.'],
    ['a bad infrastructure label key', gateway([http], { infrastructure: { labels: { 'a b': 'v' } } }), 'spec.infrastructure.labels: has a key that is not a valid label key.'],
    ['17 infrastructure annotations', gateway([http], { infrastructure: { annotations: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`a${i}`, 'v'])) } }), 'spec.infrastructure.annotations: has 17 items; at most 16 are allowed.'],
    ['a long infrastructure annotation', gateway([http], { infrastructure: { annotations: { a: 'v'.repeat(4097) } } }), 'spec.infrastructure.annotations["a"]: must be a string of 0-4096 characters.'],
    ['a repeated frontend TLS port', gateway([http], { tls: { frontend: { default: {}, perPort: [443, 443].map((port) => ({ port, tls: {} })) } } }), 'spec.tls.frontend.perPort[1].port: Port for TLS configuration must be unique within the Gateway.'],
    ['a bad name', { ...gateway([http]), metadata: { name: 'Public' } }, 'metadata.name: is not a valid Gateway name.'],
  ];
  test.each(CASES)('%s is a problem', (_, manifest, expected) => {
    expect(messages(manifest)).toContain(expected);
  });

  test('the passing Gateway is valid against both CRD schemas; every failing case the schema accepts is a CEL rule, a spec rule or metadata', () => {
    for (const version of GATEWAY_API_VERSIONS) expect(crdSchemaErrors(gateway([http, https]), version)).toEqual([]);
    const schemaAccepts = CASES.filter(([, manifest]) => crdSchemaErrors(manifest, 'v1.6.1').length === 0).map(([name]) => name);
    expect(schemaAccepts).toEqual([
      'an IP hostname', 'tls on HTTP', 'Passthrough on HTTPS', 'a TLS listener without mode', 'a hostname on TCP', 'HTTPS without tls',
      'HTTPS with tls {}', 'HTTPS with options but no certificate', 'two listeners with one name', 'two listeners with one port, protocol and hostname',
      'a repeated IP address', 'a repeated Hostname address', 'a bad Hostname address', 'a bad infrastructure label key',
      'a repeated frontend TLS port', 'a bad name',
    ]);
  });

  test('every problem names a fix', () => {
    for (const problem of gatewayProblems(gateway([{ name: 'X', port: 0, protocol: 'HTTPS', hostname: '*', tls: {} }]))) {
      expect(problem.fix.length).toBeGreaterThan(5);
    }
  });

  test('listeners that differ in hostname, or only one having a hostname, are distinct; TLS Passthrough needs no certificate', () => {
    expect(gatewayProblems(gateway([
      http, { ...http, name: 'http-shop', hostname: 'shop.example.com' },
      https, { ...https, name: 'https-apex', hostname: 'example.com' },
      { name: 'tls', port: 8443, protocol: 'TLS', tls: { mode: 'Passthrough' } },
      { name: 'db', port: 5432, protocol: 'TCP' },
      { name: 'custom', port: 9000, protocol: 'example.com/proto' },
    ], { addresses: [{ value: '10.0.0.1' }, { type: 'Hostname', value: '10.0.0.1' }] }))).toEqual([]);
  });

  test('a listener field of the wrong type in YAML gives problems, not an exception', () => {
    expect(messages({ metadata: { name: 'g' }, spec: { gatewayClassName: 'nginx', listeners: 'http' } })).toContain('spec.listeners: has 0 items; at least 1 is required.');
  });
});
