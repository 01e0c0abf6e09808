import { FIELD_RULES, FieldCheckContext, FieldKey, fieldProblems, imageReferenceError } from '../../lib/core/validation';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Problem } from '../../lib/core/errors';

const v = (minor: number) => ({ major: 1, minor });

interface Refused {
  readonly value: unknown;
  readonly message: RegExp;
  readonly allowed: RegExp;
  readonly fix: RegExp;
  readonly context?: Partial<FieldCheckContext>;
  readonly severity?: 'warning';
}

/** For every row of the table: values it must refuse (with message, allowed and fix) and edge values it must accept. */
const CASES: Record<FieldKey, { refused: Refused[]; accepted: Array<[unknown, Partial<FieldCheckContext>?]> }> = {
  'Container.image': {
    refused: [
      { value: 'Nginx:1.27', message: /^has an uppercase repository name "Nginx"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName\.$/, allowed: /^\[registry\[:port\]\/\]repository/, fix: /^use "nginx:1\.27"\.$/ },
      { value: 'Registry.Example.com/Team/App:1', message: /uppercase repository name "Team\/App"/, allowed: /repository/, fix: /^use "Registry\.Example\.com\/team\/app:1"\.$/ },
      { value: '', message: /^is empty; a pod needs an image to run\.$/, allowed: /repository/, fix: /nginx:1\.27\.3/ },
      { value: ' nginx', message: /leading or trailing whitespace/, allowed: /repository/, fix: /^remove the whitespace: "nginx"\.$/ },
      { value: 'nginx 1.27', message: /^is not an image reference: it contains whitespace\.$/, allowed: /repository/, fix: /after a ":"/ },
      { value: 'nginx:.bad', message: /^has an invalid tag "\.bad"\.$/, allowed: /tag/, fix: /at most 128/ },
      { value: `nginx:${'a'.repeat(129)}`, message: /has an invalid tag/, allowed: /tag/, fix: /at most 128/ },
      { value: 'nginx@sha256:abc', message: /^has an invalid digest "sha256:abc"\.$/, allowed: /digest/, fix: /64 hex digits/ },
      { value: `nginx@sha256:${'a'.repeat(63)}0a`, message: /has a sha256 digest of 65 hex digits; sha256 digests have 64\./, allowed: /digest/, fix: /^copy the whole digest\.$/ },
      { value: 'my_registry.com:x/app', message: /has an invalid registry host "my_registry\.com:x"/, allowed: /registry/, fix: /host\[:port\]/ },
      { value: 'team/-app', message: /invalid repository path component "-app"/, allowed: /repository/, fix: /library\/nginx/ },
      { value: `${'a'.repeat(256)}:1`, message: /has a name of 256 characters; at most 255 are allowed\./, allowed: /repository/, fix: /^shorten the repository path\.$/ },
      { value: 42, message: /^is not a string\.$/, allowed: /repository/, fix: /as a string/ },
    ],
    accepted: [['nginx'], ['nginx:1.27.3'], ['library/nginx:latest'], ['registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:' + 'a'.repeat(64)],
      ['localhost:5000/team/app_x__y-z.w:1'], ['[::1]:5000/app'], [`nginx:${'a'.repeat(128)}`], [`${'a'.repeat(255)}`], ['nginx@sha256:' + 'A'.repeat(64)]],
  },
  'EnvVar.name': {
    refused: [
      { value: 'A=B', message: /^contains "=", which ends a name in the environment; the API server rejects it\.$/, allowed: /other than "="/, fix: /^drop the "=": "A_B"\.$/ },
      { value: '', message: /^is empty\.$/, allowed: /printable ASCII/, fix: /LOG_LEVEL/ },
      { value: 'CAFÉ', message: /not printable ASCII/, allowed: /printable ASCII/, fix: /LOG_LEVEL/ },
      { value: '1ABC', context: { version: v(31) }, message: /^is not a valid name in Kubernetes 1\.31, which has not relaxed env var names yet \(on by default from 1\.32\); the API server rejects it\.$/, allowed: /not starting with a digit \(Kubernetes before 1\.32\)/, fix: /not starting with a digit/ },
      { value: '..A', context: { version: v(31) }, message: /not a valid name in Kubernetes 1\.31/, allowed: /before 1\.32/, fix: /LOG_LEVEL/ },
      { value: '1ABC', context: { version: v(32) }, severity: 'warning', message: /^is accepted by the API server, but a shell cannot read it as \$NAME/, allowed: /^letters, digits and "_", not starting with a digit$/, fix: /^rename it, e\.g\. "_1ABC", unless only the program itself reads it\.$/ },
      { value: 'A-B', context: { version: v(31) }, severity: 'warning', message: /shell cannot read it/, allowed: /letters/, fix: /"A_B"/ },
      { value: 7, message: /^is not a string\.$/, allowed: /LOG_LEVEL/, fix: /string/ },
    ],
    accepted: [['LOG_LEVEL'], ['_X1'], ['a', { version: v(31) }]],
  },
  'Container.imagePullPolicy': {
    refused: [
      { value: 'always', message: /^is not a pull policy\.$/, allowed: /^Always, IfNotPresent, Never$/, fix: /^write it with this case: "Always"\.$/ },
      { value: 'Sometimes', message: /pull policy/, allowed: /Always/, fix: /^use "IfNotPresent" \(the default\) for a pinned tag, "Always" for a moving one\.$/ },
    ],
    accepted: [['Always'], ['IfNotPresent'], ['Never']],
  },
  'Pod.serviceAccountName': {
    refused: [{ value: 'Web_SA', message: /^is not a valid ServiceAccount name\.$/, allowed: /253/, fix: /lowercase name/ }],
    accepted: [['web'], ['a.b-c']],
  },
  'Container.resources.*': {
    refused: [
      { value: '-1', context: { field: 'resources.limits.cpu' }, message: /^is negative; the API server rejects a negative quantity\.$/, allowed: /0 or more$/, fix: /^use a positive amount such as "500m", or leave it unset for the default\.$/ },
      { value: '-1Mi', context: { field: 'resources.limits.memory' }, message: /is negative/, allowed: /0 or more/, fix: /"256Mi"/ },
      { value: 'lots', context: { field: 'resources.requests.cpu' }, message: /^is not a Kubernetes quantity\.$/, allowed: /millicores/, fix: /^write e\.g\. "250m" or "1"\.$/ },
      { value: 'lots', context: { field: 'resources.requests.memory' }, message: /quantity/, allowed: /Ki\/Mi\/Gi/, fix: /^write e\.g\. "256Mi" or "1Gi"\.$/ },
      { value: -0.5, message: /is negative/, allowed: /0 or more/, fix: /positive/ },
    ],
    accepted: [['0'], ['250m'], ['1e3'], ['1.5Gi'], [1], [0]],
  },
  'Container.resources': {
    refused: [
      { value: { requests: { cpu: '2' }, limits: { cpu: '1' } }, message: /^is above the limit 1; the API server rejects that\.$/, allowed: /^at most 1$/, fix: /^lower the request or raise the limit\.$/ },
      { value: { requests: { 'ephemeral-storage': '2Gi' }, limits: { 'ephemeral-storage': '1Gi' } }, message: /above the limit 1Gi/, allowed: /at most 1Gi/, fix: /lower/ },
    ],
    accepted: [[{ requests: { cpu: '1' }, limits: { cpu: '1' } }], [{ requests: { cpu: '1000m' }, limits: { cpu: '1' } }], [{ requests: { memory: '1Gi' } }], [undefined]],
  },
  ...Object.fromEntries(([['Probe.periodSeconds', 10], ['Probe.timeoutSeconds', 1], ['Probe.failureThreshold', 3], ['Probe.successThreshold', 1]] as const).map(([key, replaced]) => [key, {
    refused: [
      { value: -1, message: /^is negative; the API server rejects it\.$/, allowed: /^1 or more$/, fix: new RegExp(`^use 1 or more, or leave it unset for the default ${replaced}\\.$`) },
      { value: 0, context: { construct: true }, message: new RegExp(`^is 0, which the API server silently replaces by its default ${replaced}: the probe would not do what was written\\.$`), allowed: /^1 or more$/, fix: new RegExp(`default ${replaced}\\.$`) },
      { value: 1.5, message: /^is not a whole number/, allowed: /^1 or more$/, fix: /whole/ },
      { value: 2147483648, message: /is not a whole number/, allowed: /1 or more/, fix: /whole/ },
    ],
    accepted: [[0], [1], [2147483647]],
  }])) as any,
  'Probe.initialDelaySeconds': {
    refused: [
      { value: -1, message: /^is negative; the API server rejects it\.$/, allowed: /^0 or more$/, fix: /^use 0 or more\.$/ },
      { value: 0.5, message: /^is not a whole number of seconds, which is all a probe can express\.$/, allowed: /^0 or more$/, fix: /^use Duration\.seconds\(n\) with a whole n\.$/ },
    ],
    accepted: [[0, { construct: true }], [1]],
  },
  'SecurityContext.runAsUser': {
    refused: [
      { value: -1, message: /^is not a valid user ID; the API server rejects it\.$/, allowed: /^0-2147483647$/, fix: /^use the numeric user ID the image runs as, e\.g\. 101 for nginx-unprivileged, or leave runAsUser unset\.$/ },
      { value: 2147483648, message: /user ID/, allowed: /0-2147483647/, fix: /runAsUser/ },
      { value: 1.5, message: /user ID/, allowed: /0-2147483647/, fix: /runAsUser/ },
    ],
    accepted: [[0], [2147483647]],
  },
  'SecurityContext.runAsGroup': {
    refused: [{ value: -1, message: /^is not a valid group ID; the API server rejects it\.$/, allowed: /0-2147483647/, fix: /leave runAsGroup unset/ }],
    accepted: [[0]],
  },
  'PodSecurityContext.fsGroup': {
    refused: [{ value: -2, message: /group ID/, allowed: /0-2147483647/, fix: /leave fsGroup unset/ }],
    accepted: [[2147483647]],
  },
  'VolumeMount.mountPath': {
    refused: [
      { value: '', message: /^is empty; the API server requires a mount path\.$/, allowed: /absolute path/, fix: /\/tmp/ },
      { value: 'tmp/cache', severity: 'warning', message: /^is a relative path; the container runtime mounts it at "\/tmp\/cache", not relative to the working directory\.$/, allowed: /^an absolute path such as "\/tmp\/cache"$/, fix: /^write "\/tmp\/cache" if that is the directory meant\.$/ },
    ],
    accepted: [['/tmp'], ['/']],
  },
  'Service.metadata.name': {
    refused: [
      { value: '1web', message: /DNS-1035/, allowed: /starting with a letter/, fix: /rename the Service/ },
      { value: 'a'.repeat(64), message: /DNS-1035/, allowed: /63/, fix: /rename/ },
    ],
    accepted: [['web'], ['a'.repeat(63)]],
  },
  'Service.spec.ports[].port': {
    refused: [
      { value: 0, message: /^is not a valid port number\.$/, allowed: /^1-65535$/, fix: /^use a port from 1 to 65535\.$/ },
      { value: 65536, message: /port number/, allowed: /1-65535/, fix: /1 to 65535/ },
      { value: '80', message: /port number/, allowed: /1-65535/, fix: /1 to 65535/ },
    ],
    accepted: [[1], [65535]],
  },
  'Service.spec.ports[].protocol': {
    refused: [
      { value: 'tcp', message: /^is not a supported protocol: protocols are uppercase, so "tcp" must be written "TCP"\.$/, allowed: /^TCP, UDP, SCTP \(uppercase\)$/, fix: /^write protocol: 'TCP'\.$/ },
      { value: 'Udp', message: /must be written "UDP"/, allowed: /uppercase/, fix: /'UDP'/ },
      { value: 'HTTP', message: /^is not a supported protocol\.$/, allowed: /TCP, UDP, SCTP/, fix: /^use 'TCP' \(the default\), 'UDP' or 'SCTP'\.$/ },
    ],
    accepted: [['TCP'], ['UDP'], ['SCTP']],
  },
  'Service.spec.ports[].nodePort': {
    refused: [
      { value: 29999, message: /^is outside the node port range\.$/, allowed: /^30000-32767$/, fix: /^pick a port in 30000-32767, leave it unset so the cluster allocates one, or set nodePortRange/ },
      { value: 32768, message: /outside/, allowed: /30000-32767/, fix: /30000-32767/ },
      { value: 30000.5, message: /outside/, allowed: /30000-32767/, fix: /30000-32767/ },
      { value: 30000, context: { nodePortRange: { min: 20000, max: 29999 } }, message: /outside/, allowed: /^20000-29999$/, fix: /20000-29999/ },
    ],
    accepted: [[30000], [32767], [20000, { nodePortRange: { min: 20000, max: 29999 } }]],
  },
  'Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds': {
    refused: [
      { value: 0, message: /^must be greater than 0 seconds\.$/, allowed: /^1-86400 seconds \(default 10800\)$/, fix: /^use at least 1 second, or leave it unset for the default 10800 \(3 hours\)\.$/ },
      { value: 86401, message: /^is longer than one day, the longest ClientIP affinity the API server accepts\.$/, allowed: /1-86400/, fix: /^use at most 86400 seconds \(one day\)\.$/ },
      { value: 1.5, message: /^is not a whole number of seconds\.$/, allowed: /1-86400/, fix: /^use a whole number of seconds from 1 to 86400\.$/ },
    ],
    accepted: [[1], [86400]],
  },
  'Ingress.metadata.name': {
    refused: [{ value: 'Web_Ingress', message: /^is not a valid Ingress name\.$/, allowed: /253/, fix: /^use a lowercase name such as "web-ingress"\.$/ }],
    accepted: [['web'], ['a.b-c']],
  },
  'Ingress.spec.ingressClassName': {
    refused: [{ value: 'Nginx', message: /^is not a valid IngressClass name\.$/, allowed: /253/, fix: /^use the IngressClass name, e\.g\. "nginx"\.$/ }],
    accepted: [['nginx'], ['nginx.internal']],
  },
  'IngressRule.host': {
    refused: [
      { value: '10.0.0.1', message: /^is an IP address; Ingress hosts must be DNS names\.$/, allowed: /not an IP address/, fix: /leave the host empty/ },
      { value: 'foo.*.com', message: /^has a wildcard that is not the whole first label\.$/, allowed: /"\*\.example\.com"/, fix: /"foo\.\*\.com" and "\*foo\.com" are not allowed/ },
      { value: 'WWW.example.com', message: /^is not a valid host name\.$/, allowed: /lowercase DNS name/, fix: /e\.g\. "www\.example\.com"/ },
      { value: 7, message: /^is not a valid host name\.$/, allowed: /lowercase DNS name/, fix: /without scheme, port or path/ },
    ],
    accepted: [['www.example.com'], ['*.example.com']],
  },
  'IngressTLS.hosts[]': {
    refused: [{ value: 'shop.example.com:443', message: /^is not a valid host name\.$/, allowed: /^a lowercase DNS name.*not an IP address$/, fix: /without scheme, port or path/ }],
    accepted: [['10.0.0.1'], ['*.example.com'], ['shop.example.com']],
  },
  'IngressTLS.secretName': {
    refused: [{ value: 'Web_TLS', message: /^is not a valid Secret name\.$/, allowed: /253/, fix: /^use the name of the kubernetes\.io\/tls Secret, e\.g\. "web-tls"\.$/ }],
    accepted: [[undefined], [''], ['web-tls']],
  },
  'HTTPIngressPath.pathType': {
    refused: [
      { value: undefined, message: /^is required in networking\.k8s\.io\/v1\.$/, allowed: /^Prefix, Exact, ImplementationSpecific$/, fix: /^set pathType, usually Prefix\.$/ },
      { value: 'prefix', message: /^is not a path type\.$/, allowed: /^Prefix, Exact, ImplementationSpecific$/, fix: /^use Prefix, Exact or ImplementationSpecific\.$/ },
    ],
    accepted: [['Prefix'], ['Exact'], ['ImplementationSpecific']],
  },
  'HTTPIngressPath.path': {
    refused: [
      { value: 'api', context: { siblings: { pathType: 'Prefix' } }, message: /^must be an absolute path for pathType Prefix\.$/, allowed: /^a path starting with "\/"$/, fix: /^write it as "\/api"\.$/ },
      { value: '', context: { siblings: { pathType: 'Exact' } }, message: /^must be an absolute path for pathType Exact\.$/, allowed: /starting with "\/"/, fix: /^use "\/" to match everything\.$/ },
      { value: '/a//b', context: { siblings: { pathType: 'Prefix' } }, message: /^must not contain "\/\/"\.$/, allowed: /normalized path/, fix: /collapse/ },
      { value: '/a/.', context: { siblings: { pathType: 'Prefix' } }, message: /^must not end with "\/\."\.$/, allowed: /^a normalized path$/, fix: /trailing/ },
      { value: 'api', context: { siblings: { pathType: 'ImplementationSpecific' } }, message: /^must be an absolute path\.$/, allowed: /^empty, or a path starting with "\/"$/, fix: /^write it as "\/api"\.$/ },
    ],
    accepted: [['/', { siblings: { pathType: 'Prefix' } }], ['', { siblings: { pathType: 'ImplementationSpecific' } }], ['/.well-known', { siblings: { pathType: 'Exact' } }], ['anything', { siblings: { pathType: 'prefix' } }], ['x']],
  },
  'IngressServiceBackend.name': {
    refused: [{ value: '1web', message: /^is not a valid Service name\.$/, allowed: /starting with a letter/, fix: /Ingress's namespace/ }],
    accepted: [['web'], ['a'.repeat(63)]],
  },
  'ServiceBackendPort.number': {
    refused: [{ value: 0, message: /^is not a valid port number\.$/, allowed: /^1-65535$/, fix: /^use the Service port number\.$/ }, { value: 65536, message: /port number/, allowed: /1-65535/, fix: /Service port/ }],
    accepted: [[1], [65535]],
  },
  'ServiceBackendPort.name': {
    refused: [{ value: 'very-long-port-name', message: /^is not a valid port name for an Ingress backend\.$/, allowed: /at most 15/, fix: /refer to the port by number/ }],
    accepted: [['http'], ['a'.repeat(15)]],
  },
  'IngressClass.metadata.name': {
    refused: [{ value: 'Nginx', message: /^is not a valid IngressClass name\.$/, allowed: /253/, fix: /^use a lowercase name such as "nginx"\.$/ }],
    accepted: [['nginx']],
  },
  'IngressClass.spec.controller': {
    refused: [
      { value: undefined, message: /^is required\.$/, allowed: /domain-prefixed path/, fix: /watches for/ },
      { value: 'ingress-nginx', message: /^is not a domain-prefixed path\.$/, allowed: /at most 250 characters/, fix: /documents/ },
      { value: `k8s.io/${'a'.repeat(244)}`, message: /domain-prefixed/, allowed: /250/, fix: /documents/ },
    ],
    accepted: [['k8s.io/ingress-nginx'], [`k8s.io/${'a'.repeat(243)}`]],
  },
  'Secret.metadata.name': {
    refused: [{ value: 'Web_TLS', message: /^is not a valid Secret name\.$/, allowed: /253/, fix: /^rename the Secret, e\.g\. "web-tls"\.$/ }],
    accepted: [['web-tls'], ['a.b']],
  },
  'Certificate.dnsNames[]': {
    refused: [
      { value: '10.0.0.1', message: /^is an IP address; Ingress TLS hosts must be DNS names\.$/, allowed: /"\*\." as the whole first label/, fix: /^use a DNS name that resolves to the address\.$/ },
      { value: 'foo.*.com', message: /^is not a DNS name \(a wildcard may only be the whole first label, "\*\.example\.com"\)\.$/, allowed: /253/, fix: /"app\.example\.com" or "\*\.example\.com"/ },
    ],
    accepted: [['app.example.com'], ['*.example.com']],
  },
  'Certificate.commonName': {
    refused: [
      { value: `${'a'.repeat(57)}.example`, message: /^is not a DNS name of at most 64 characters \(the X\.509 CN limit\)\.$/, allowed: /^a DNS name such as "example\.com"$/, fix: /leave the CN out/ },
      { value: 'Example.com', message: /X\.509 CN limit/, allowed: /DNS name/, fix: /main domain/ },
    ],
    accepted: [[`${'a'.repeat(56)}.example`], ['*.example.com']],
  },
};

const run = (key: FieldKey, value: unknown, context: Partial<FieldCheckContext> = {}): Problem[] => fieldProblems(key, value, { field: 'f', ...context });

describe('the field rules table', () => {
  test('every row has refused and accepted cases here (a new row without them fails)', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FIELD_RULES).sort());
    for (const [key, rule] of Object.entries(FIELD_RULES)) {
      expect([key, rule.source.length > 10, rule.allowed.length > 0]).toEqual([key, true, true]);
    }
  });

  describe.each(Object.entries(CASES))('%s', (key, c) => {
    test.each(c.refused.map((r) => [JSON.stringify(r.value)?.slice(0, 40), r] as const))('refuses %s with message, value, allowed and fix', (_label, r) => {
      const problems = run(key as FieldKey, r.value, r.context);
      expect(problems).toHaveLength(1);
      const [p] = problems;
      expect(p.field).toBe(key === 'Container.resources' ? `f.requests.${Object.keys((r.value as any).requests)[0]}` : r.context?.field ?? 'f');
      expect(p.message).toMatch(r.message);
      expect(p.allowed).toMatch(r.allowed);
      expect(p.fix).toMatch(r.fix);
      expect(p.severity).toBe(r.severity);
      if (key !== 'Container.resources') expect(p.value).toEqual(r.value);
    });
    test.each(c.accepted.map(([value, context]) => [JSON.stringify(value)?.slice(0, 40), value, context] as const))('accepts %s', (_label, value, context) => {
      expect(run(key as FieldKey, value, context)).toEqual([]);
    });
  });

  test('a probe 0 is refused only at construct time (the API server defaults it)', () => {
    expect(run('Probe.periodSeconds', 0)).toEqual([]);
    expect(run('Probe.periodSeconds', 0, { construct: true })).toHaveLength(1);
  });

  test('env var names default to the app-wide default release (1.35): relaxed names are a warning, not an error', () => {
    expect(run('EnvVar.name', '1ABC')).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  test('imageReferenceError agrees with the table', () => {
    expect(imageReferenceError('nginx:1.27.3')).toBeUndefined();
    expect(imageReferenceError('Nginx')?.fix).toBe('use "nginx".');
  });
});

test('docs/prop-validation.md lists every row of the table, as the table says it', () => {
  const page = readFileSync(join(__dirname, '..', '..', 'docs', 'prop-validation.md'), 'utf8');
  const section = page.slice(page.indexOf('<!-- field-rules-table:start -->'), page.indexOf('<!-- field-rules-table:end -->'));
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const rows = Object.entries(FIELD_RULES).map(([key, rule]) => `| \`${key}\` | ${escape(rule.allowed)} | ${escape(rule.source)} |`);
  expect(section.trim().split('\n').slice(3)).toEqual(rows);
});
