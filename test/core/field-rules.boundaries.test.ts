import { Problem } from '../../lib/core/errors';
import { parseKubernetesVersion } from '../../lib/core/kubernetes-version';
import { DNS1035_RULE } from '../../lib/core/names';
import { QUANTITY_RULE } from '../../lib/core/quantity';
import {
  DEFAULT_VERSION, envVarNameVerdict, errorsOf, FIELD_RULES, FieldKey, fieldProblems, IMAGE_REFERENCE_RULE, imageReferenceError,
  RELAXED_ENV_VAR_NAME_RULE, RELAXED_ENV_VAR_NAMES_SINCE, resourcesPropProblems, STRICT_ENV_VAR_NAME_RULE, warningsOf,
} from '../../lib/core/validation';

// The field -> validator table (lib/core/validation): the edges of every rule and the exact texts of each
// problem, so that loosening a comparison, dropping a check or blanking a text fails a test (issue 17).

const version = (text: string) => parseKubernetesVersion(text)!;
const check = (key: FieldKey, value: unknown, more: Record<string, unknown> = {}) => fieldProblems(key, value, { field: 'f', ...more });
const problem = (message: string, value: unknown, allowed: string, fix: string, extra: Partial<Problem> = {}): Problem => ({ field: 'f', message, value, allowed, fix, ...extra });

describe('the table itself', () => {
  test('every row names its upstream source and what it allows', () => {
    for (const [key, rule] of Object.entries(FIELD_RULES)) {
      expect(`${key}: ${rule.source.length > 10} ${rule.allowed.length > 0}`).toBe(`${key}: true true`);
    }
    expect(DEFAULT_VERSION).toEqual(version('1.35'));
  });

  test('errorsOf and warningsOf split a list by severity', () => {
    const error: Problem = { field: 'a', message: 'm', fix: 'x' };
    const explicitError: Problem = { field: 'b', message: 'm', fix: 'x', severity: 'error' } as Problem;
    const warning: Problem = { field: 'c', message: 'm', fix: 'x', severity: 'warning' };
    expect(errorsOf([error, warning, explicitError])).toEqual([error, explicitError]);
    expect(warningsOf([error, warning, explicitError])).toEqual([warning]);
  });
});

describe('Container.image', () => {
  test.each([
    'nginx', 'nginx:1.27.3', 'library/nginx:1.27', 'registry.example.com:5000/team/app:v1', 'localhost/app', '[::1]:5000/app',
    'a__b/c.d-e--f:_tag', `nginx@sha256:${'a'.repeat(64)}`, `nginx:1.27@sha256:${'A'.repeat(64)}`, 'Registry.Example.com/app', `nginx:${'t'.repeat(128)}`,
    `${'a'.repeat(255)}`,
  ])('%p is accepted', (image) => {
    expect(check('Container.image', image)).toEqual([]);
  });

  test.each([
    ['', 'is empty; a pod needs an image to run.', 'give the image, e.g. "nginx:1.27.3".'],
    [' nginx', 'has leading or trailing whitespace, which the API server rejects.', 'remove the whitespace: "nginx".'],
    ['nginx\t', 'has leading or trailing whitespace, which the API server rejects.', 'remove the whitespace: "nginx".'],
    ['nginx 1.27', 'is not an image reference: it contains whitespace.', 'write the tag after a ":", e.g. "nginx:1.27.3".'],
    ['nginx@md5:abc', 'has an invalid digest "md5:abc".', 'write the digest as sha256: followed by its 64 hex digits (`docker buildx imagetools inspect` prints it).'],
    [`nginx@sha256:${'a'.repeat(63)}`, 'has a sha256 digest of 63 hex digits; sha256 digests have 64.', 'copy the whole digest.'],
    [`nginx@sha256:${'a'.repeat(65)}`, 'has a sha256 digest of 65 hex digits; sha256 digests have 64.', 'copy the whole digest.'],
    ['nginx:.1', 'has an invalid tag ".1".', 'use a tag of at most 128 letters, digits, "_", "." and "-" that starts with a letter, digit or "_", e.g. "1.27.3".'],
    [`nginx:${'t'.repeat(129)}`, `has an invalid tag "${'t'.repeat(129)}".`, 'use a tag of at most 128 letters, digits, "_", "." and "-" that starts with a letter, digit or "_", e.g. "1.27.3".'],
    [`${'a'.repeat(256)}`, 'has a name of 256 characters; at most 255 are allowed.', 'shorten the repository path.'],
    ['registry_example.com/app', 'has an invalid registry host "registry_example.com".', 'write the registry as host[:port], e.g. "registry.example.com:5000".'],
    ['-host.com/app', 'has an invalid registry host "-host.com".', 'write the registry as host[:port], e.g. "registry.example.com:5000".'],
    ['Nginx:1.27', 'has an uppercase repository name "Nginx"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName.', 'use "nginx:1.27".'],
    ['registry.example.com/Team/App@sha256:' + 'b'.repeat(64),
      'has an uppercase repository name "Team/App"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName.',
      `use "registry.example.com/team/app@sha256:${'b'.repeat(64)}".`],
    ['team//app', 'has an invalid repository path component "".', 'use lowercase letters and digits, separated by single ".", "_", "__" or "-", e.g. "library/nginx".'],
    ['team/a..b', 'has an invalid repository path component "a..b".', 'use lowercase letters and digits, separated by single ".", "_", "__" or "-", e.g. "library/nginx".'],
    ['team/a___b', 'has an invalid repository path component "a___b".', 'use lowercase letters and digits, separated by single ".", "_", "__" or "-", e.g. "library/nginx".'],
  ])('%p is refused with its own message and fix', (image, message, fix) => {
    expect(check('Container.image', image)).toEqual([problem(message, image, IMAGE_REFERENCE_RULE, fix)]);
  });

  test('a non-string image', () => {
    expect(check('Container.image', 1.27)).toEqual([problem('is not a string.', 1.27, IMAGE_REFERENCE_RULE, 'give the image as a string, e.g. "nginx:1.27.3".')]);
  });

  test('a registry port stays with the registry, a tag after the last slash is the tag', () => {
    expect(imageReferenceError('localhost:5000/app:1')).toBeUndefined();
    expect(imageReferenceError('localhost:5000/App')?.fix).toBe('use "localhost:5000/app".');
    // normalize.go reads an uppercase first component as a registry host, and hosts may be uppercase.
    expect(imageReferenceError('Team/app')).toBeUndefined();
    expect(imageReferenceError('Team/App')?.fix).toBe('use "Team/app".');
    expect(imageReferenceError('team/app:1:2')?.message).toBe('has an invalid tag "1:2".');
  });
});

describe('EnvVar.name by release', () => {
  const v131 = version('1.31');
  const v132 = version('1.32');

  test('relaxed names start at 1.32', () => {
    expect(RELAXED_ENV_VAR_NAMES_SINCE).toBe(32);
    expect(envVarNameVerdict('1ABC', version('1.32'))?.severity).toBe('warning');
    expect(envVarNameVerdict('1ABC', v131)?.severity).toBe('error');
  });

  test.each([
    [v131, STRICT_ENV_VAR_NAME_RULE], [v132, RELAXED_ENV_VAR_NAME_RULE],
  ])('empty, "=" and non-printable names are errors on every release (%p)', (target, allowed) => {
    expect(check('EnvVar.name', '', { version: target })).toEqual([problem('is empty.', '', allowed, 'name the variable, e.g. "LOG_LEVEL".')]);
    expect(check('EnvVar.name', 'A=B=C', { version: target })).toEqual([
      problem('contains "=", which ends a name in the environment; the API server rejects it.', 'A=B=C', allowed, 'drop the "=": "A_B_C".'),
    ]);
    for (const name of ['A\u001fB', 'A\u007fB', 'Ä']) {
      expect(check('EnvVar.name', name, { version: target })).toEqual([
        problem('contains a character that is not printable ASCII; the API server rejects it.', name, allowed, 'use letters, digits and "_", e.g. "LOG_LEVEL".'),
      ]);
    }
  });

  test.each(['1ABC', 'A B', '.', '..', '..A', 'A~B'])('%p is refused before 1.32 with the release named', (name) => {
    expect(check('EnvVar.name', name, { version: v131 })).toEqual([
      problem('is not a valid name in Kubernetes 1.31, which has not relaxed env var names yet (on by default from 1.32); the API server rejects it.', name,
        STRICT_ENV_VAR_NAME_RULE, 'use letters, digits and "_", not starting with a digit, e.g. "LOG_LEVEL".'),
    ]);
  });

  test.each([
    ['1ABC', '_1ABC'], ['A-B', 'A_B'], ['A.B', 'A_B'], [' ~', '__'],
  ])('%p is a warning from 1.32 (shells cannot read it), with a shell-safe name', (name, suggestion) => {
    expect(check('EnvVar.name', name, { version: v132 })).toEqual([problem(
      'is accepted by the API server, but a shell cannot read it as $NAME (only letters, digits and "_", not starting with a digit); only programs that read the environment directly see it.',
      name, 'letters, digits and "_", not starting with a digit', `rename it, e.g. "${suggestion}", unless only the program itself reads it.`, { severity: 'warning' },
    )]);
  });

  test('strict-valid names that shells cannot read are warnings on 1.31 too; shell names pass everywhere', () => {
    expect(check('EnvVar.name', 'A-B', { version: v131 })[0]).toMatchObject({ severity: 'warning' });
    expect(check('EnvVar.name', '-A', { version: v131 })[0]).toMatchObject({ severity: 'warning', fix: 'rename it, e.g. "_A", unless only the program itself reads it.' });
    for (const name of ['LOG_LEVEL', '_x', 'a1']) {
      expect(check('EnvVar.name', name, { version: v131 })).toEqual([]);
      expect(check('EnvVar.name', name)).toEqual([]);
    }
  });

  test('a non-string name; the default release is relaxed', () => {
    expect(check('EnvVar.name', 42)).toEqual([problem('is not a string.', 42, 'a name such as "LOG_LEVEL"', 'name the variable with a string.')]);
    expect(check('EnvVar.name', '1ABC')[0]).toMatchObject({ severity: 'warning' });
    expect(check('EnvVar.name', '', {})[0].allowed).toBe(RELAXED_ENV_VAR_NAME_RULE);
  });
});

describe('Container.resources', () => {
  const NON_NEGATIVE = `${QUANTITY_RULE}; 0 or more`;

  test.each(['0', 0, '250m', '1', 1.5, '128Mi', '1e3'])('quantity %p is accepted', (value) => {
    expect(check('Container.resources.*', value, { field: 'limits.cpu' })).toEqual([]);
  });

  test('a value that is not a quantity: the fix follows the resource', () => {
    expect(check('Container.resources.*', 'lots', { field: 'limits.cpu' })).toEqual([
      { field: 'limits.cpu', message: 'is not a Kubernetes quantity.', value: 'lots', allowed: QUANTITY_RULE, fix: 'write e.g. "250m" or "1".' },
    ]);
    expect(check('Container.resources.*', Infinity, { field: 'limits.memory' })).toEqual([
      { field: 'limits.memory', message: 'is not a Kubernetes quantity.', value: Infinity, allowed: QUANTITY_RULE, fix: 'write e.g. "256Mi" or "1Gi".' },
    ]);
    expect(check('Container.resources.*', true, { field: 'requests.memory' })).toHaveLength(1);
  });

  test('a negative quantity: the fix follows the resource', () => {
    expect(check('Container.resources.*', '-1', { field: 'limits.cpu' })).toEqual([
      { field: 'limits.cpu', message: 'is negative; the API server rejects a negative quantity.', value: '-1', allowed: NON_NEGATIVE, fix: 'use a positive amount such as "500m", or leave it unset for the default.' },
    ]);
    expect(check('Container.resources.*', -1, { field: 'requests.memory' })).toEqual([
      { field: 'requests.memory', message: 'is negative; the API server rejects a negative quantity.', value: -1, allowed: NON_NEGATIVE, fix: 'use a positive amount such as "256Mi", or leave it unset for the default.' },
    ]);
  });

  test('a request equal to its limit passes; one above it is refused, per resource kind', () => {
    const field = 'resources';
    expect(check('Container.resources', { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } }, { field })).toEqual([]);
    expect(check('Container.resources', { requests: { cpu: '1001m', memory: '1Gi', 'ephemeral-storage': '2Gi' }, limits: { cpu: 1, 'ephemeral-storage': '1Gi' } }, { field })).toEqual([
      { field: 'resources.requests.cpu', message: 'is above the limit 1; the API server rejects that.', value: '1001m', allowed: 'at most 1', fix: 'lower the request or raise the limit.' },
      { field: 'resources.requests.ephemeral-storage', message: 'is above the limit 1Gi; the API server rejects that.', value: '2Gi', allowed: 'at most 1Gi', fix: 'lower the request or raise the limit.' },
    ]);
  });

  test('a negative or unparseable side is left to the quantity rule, and other resources are not compared', () => {
    const field = 'resources';
    expect(check('Container.resources', { requests: { cpu: '1' }, limits: { cpu: '-1' } }, { field })).toEqual([]);
    expect(check('Container.resources', { requests: { cpu: '-1' }, limits: { cpu: '-2' } }, { field })).toEqual([]);
    expect(check('Container.resources', { requests: { cpu: 'x' }, limits: { cpu: '1' } }, { field })).toEqual([]);
    expect(check('Container.resources', { requests: { 'nvidia.com/gpu': '2' }, limits: { 'nvidia.com/gpu': '1' } }, { field })).toEqual([]);
    expect(check('Container.resources', undefined, { field })).toEqual([]);
    expect(check('Container.resources', { requests: { cpu: '2' } }, { field })).toEqual([]);
  });
});

describe('Probe fields', () => {
  test.each([
    ['Probe.periodSeconds', 10], ['Probe.timeoutSeconds', 1], ['Probe.failureThreshold', 3], ['Probe.successThreshold', 1],
  ] as const)('%s: 0 is replaced by %p at the API, so construct time refuses it; the API server does not', (key, replaced) => {
    expect(check(key, 0)).toEqual([]);
    expect(check(key, 0, { construct: true })).toEqual([problem(
      `is 0, which the API server silently replaces by its default ${replaced}: the probe would not do what was written.`, 0, '1 or more',
      `use 1 or more, or leave it unset for the default ${replaced}.`,
    )]);
    expect(check(key, 1, { construct: true })).toEqual([]);
    expect(check(key, 2147483647, { construct: true })).toEqual([]);
    expect(check(key, -1)).toEqual([problem('is negative; the API server rejects it.', -1, '1 or more', `use 1 or more, or leave it unset for the default ${replaced}.`)]);
    expect(FIELD_RULES[key].allowed).toBe(`1 or more (0 at the API is replaced by ${replaced})`);
    expect(FIELD_RULES[key].source).toContain(`defaults.go turns 0 into ${replaced}`);
  });

  test('initialDelaySeconds: 0 is a real value', () => {
    expect(check('Probe.initialDelaySeconds', 0, { construct: true })).toEqual([]);
    expect(check('Probe.initialDelaySeconds', -1)).toEqual([problem('is negative; the API server rejects it.', -1, '0 or more', 'use 0 or more.')]);
    expect(FIELD_RULES['Probe.initialDelaySeconds'].allowed).toBe('0 or more');
    expect(FIELD_RULES['Probe.initialDelaySeconds'].source).not.toContain('defaults.go');
  });

  test('a value that is not a whole int32: seconds and counts say so in their own words', () => {
    expect(check('Probe.periodSeconds', 1.5)).toEqual([problem('is not a whole number of seconds, which is all a probe can express.', 1.5, '1 or more', 'use Duration.seconds(n) with a whole n.')]);
    expect(check('Probe.initialDelaySeconds', 2147483648)).toEqual([problem('is not a whole number of seconds, which is all a probe can express.', 2147483648, '0 or more', 'use Duration.seconds(n) with a whole n.')]);
    expect(check('Probe.failureThreshold', '3')).toEqual([problem('is not a whole number, which is all a probe can express.', '3', '1 or more', 'use a whole number such as 3.')]);
  });
});

describe('security context IDs and mount paths', () => {
  test.each([
    ['SecurityContext.runAsUser', 'user', 'runAsUser'], ['SecurityContext.runAsGroup', 'group', 'runAsGroup'], ['PodSecurityContext.fsGroup', 'group', 'fsGroup'],
  ] as const)('%s runs from 0 to 2147483647', (key, kind, prop) => {
    expect(check(key, 0)).toEqual([]);
    expect(check(key, 2147483647)).toEqual([]);
    for (const value of [-1, 2147483648, 1.5, '101']) {
      expect(check(key, value)).toEqual([problem(`is not a valid ${kind} ID; the API server rejects it.`, value, '0-2147483647',
        `use the numeric ${kind} ID the image runs as, e.g. 101 for nginx-unprivileged, or leave ${prop} unset.`)]);
    }
    expect(FIELD_RULES[key].source).toContain(kind === 'user' ? 'IsValidUserID' : 'IsValidGroupID');
  });

  test('mountPath: required; relative is a warning; absolute passes', () => {
    for (const value of ['', undefined]) {
      expect(check('VolumeMount.mountPath', value)).toEqual([problem('is empty; the API server requires a mount path.', value, 'an absolute path such as "/tmp/cache"', 'give the directory the container writes to, e.g. "/tmp".')]);
    }
    expect(check('VolumeMount.mountPath', 'tmp/cache')).toEqual([problem('is a relative path; the container runtime mounts it at "/tmp/cache", not relative to the working directory.', 'tmp/cache',
      'an absolute path such as "/tmp/cache"', 'write "/tmp/cache" if that is the directory meant.', { severity: 'warning' })]);
    expect(check('VolumeMount.mountPath', '/tmp/cache')).toEqual([]);
  });
});

describe('Service fields', () => {
  test('metadata.name is a DNS-1035 label', () => {
    expect(check('Service.metadata.name', 'web-v2')).toEqual([]);
    for (const value of ['1web', 42]) {
      expect(check('Service.metadata.name', value)).toEqual([problem('is not a valid Service name (Services need DNS-1035 labels, which must start with a letter).', value, DNS1035_RULE,
        'rename the Service, e.g. "web" or "web-v2".')]);
    }
  });

  test('ports[].port runs from 1 to 65535, whole', () => {
    for (const value of [1, 65535]) expect(check('Service.spec.ports[].port', value)).toEqual([]);
    for (const value of [0, 65536, 80.5, '80']) {
      expect(check('Service.spec.ports[].port', value)).toEqual([problem('is not a valid port number.', value, '1-65535', 'use a port from 1 to 65535.')]);
    }
  });

  test('ports[].nodePort: the default range, or the one given, both ends inclusive', () => {
    for (const value of [30000, 32767]) expect(check('Service.spec.ports[].nodePort', value)).toEqual([]);
    for (const value of [29999, 32768, 30000.5, '30000']) {
      expect(check('Service.spec.ports[].nodePort', value)).toEqual([problem('is outside the node port range.', value, '30000-32767',
        "pick a port in 30000-32767, leave it unset so the cluster allocates one, or set nodePortRange to the API server's --service-node-port-range.")]);
    }
    const nodePortRange = { min: 100, max: 200 };
    expect(check('Service.spec.ports[].nodePort', 100, { nodePortRange })).toEqual([]);
    expect(check('Service.spec.ports[].nodePort', 200, { nodePortRange })).toEqual([]);
    expect(check('Service.spec.ports[].nodePort', 201, { nodePortRange })[0]).toMatchObject({ allowed: '100-200' });
    expect(check('Service.spec.ports[].nodePort', 99, { nodePortRange })).toHaveLength(1);
  });

  test('a wrong-case protocol of a non-string value is simply unsupported', () => {
    expect(check('Service.spec.ports[].protocol', 'Udp')[0]).toMatchObject({ message: 'is not a supported protocol: protocols are uppercase, so "Udp" must be written "UDP".', fix: "write protocol: 'UDP'." });
    expect(check('Service.spec.ports[].protocol', 'SCTP')).toEqual([]);
    expect(check('Service.spec.ports[].protocol', undefined)[0]).toMatchObject({ message: 'is not a supported protocol.', fix: "use 'TCP' (the default), 'UDP' or 'SCTP'." });
  });

  test('sessionAffinityConfig timeout: 1 and 86400 pass', () => {
    const key = 'Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds';
    expect(check(key, 1)).toEqual([]);
    expect(check(key, 86400)).toEqual([]);
    expect(check(key, 86401)[0].message).toBe('is longer than one day, the longest ClientIP affinity the API server accepts.');
    expect(check(key, 86400.5)[0].message).toBe('is longer than one day, the longest ClientIP affinity the API server accepts.');
    expect(check(key, 0.5)[0].message).toBe('is not a whole number of seconds.');
    expect(check(key, 0)[0].message).toBe('must be greater than 0 seconds.');
  });
});

describe('edges found by the mutation run', () => {
  const hex64 = 'a'.repeat(64);

  test('image: an empty name before "@" or ":", a colon before the last slash, localhost as a registry', () => {
    expect(imageReferenceError(`@sha256:${hex64}`)?.message).toBe('has an invalid repository path component "".');
    expect(imageReferenceError(':1.0')?.message).toBe('has an invalid repository path component "".');
    expect(imageReferenceError('host:/app')?.message).toBe('has an invalid registry host "host:".');
    expect(imageReferenceError('localhost/App')).toEqual({
      message: 'has an uppercase repository name "App"; repository names must be lowercase, so the kubelet fails the pod with InvalidImageName.',
      fix: 'use "localhost/app".',
    });
    expect(imageReferenceError('my-app/web_server2:1')).toBeUndefined();
  });

  test('image digests: other algorithms and separators pass; the algorithm must start the digest and hex end it', () => {
    expect(imageReferenceError(`nginx@sha512:${'a'.repeat(128)}`)).toBeUndefined();
    expect(imageReferenceError(`nginx@sha256+b64u:${hex64}`)).toBeUndefined();
    expect(imageReferenceError(`nginx@1sha256:${hex64}`)?.message).toBe(`has an invalid digest "1sha256:${hex64}".`);
    expect(imageReferenceError(`nginx@sha512:${'a'.repeat(128)}zz`)?.message).toBe(`has an invalid digest "sha512:${'a'.repeat(128)}zz".`);
  });

  test('env var names: verdicts carry their severity; only a leading digit gets the "_" prefix', () => {
    const v131 = version('1.31');
    expect(envVarNameVerdict('', v131)).toEqual({ severity: 'error', message: 'is empty.', allowed: STRICT_ENV_VAR_NAME_RULE, fix: 'name the variable, e.g. "LOG_LEVEL".' });
    expect(envVarNameVerdict('A=B', v131)?.severity).toBe('error');
    expect(envVarNameVerdict('Ä', v131)?.severity).toBe('error');
    expect(envVarNameVerdict('1A', v131)?.severity).toBe('error');
    expect(check('EnvVar.name', 'A-1')[0].fix).toBe('rename it, e.g. "A_1", unless only the program itself reads it.');
    expect(STRICT_ENV_VAR_NAME_RULE).toBe('letters, digits, "_", "-" and ".", not starting with a digit (Kubernetes before 1.32)');
    expect(RELAXED_ENV_VAR_NAME_RULE).toBe('printable ASCII characters other than "=" (Kubernetes 1.32 and later)');
  });

  test('protocols: an unknown one names the three, in the row\'s words', () => {
    expect(FIELD_RULES['Service.spec.ports[].protocol'].allowed).toBe('TCP, UDP, SCTP (uppercase)');
    expect(check('Service.spec.ports[].protocol', 'HTTP')).toEqual([problem('is not a supported protocol.', 'HTTP', 'TCP, UDP, SCTP (uppercase)', "use 'TCP' (the default), 'UDP' or 'SCTP'.")]);
    expect(check('Service.spec.ports[].protocol', 'udp')).toEqual([problem('is not a supported protocol: protocols are uppercase, so "udp" must be written "UDP".', 'udp', 'TCP, UDP, SCTP (uppercase)', "write protocol: 'UDP'.")]);
  });

  test('affinity timeout: each violation gets its own fix; numbers in strings are not numbers', () => {
    const key = 'Service.spec.sessionAffinityConfig.clientIP.timeoutSeconds';
    const allowed = '1-86400 seconds (default 10800)';
    expect(check(key, 86401)).toEqual([problem('is longer than one day, the longest ClientIP affinity the API server accepts.', 86401, allowed, 'use at most 86400 seconds (one day).')]);
    expect(check(key, 0)).toEqual([problem('must be greater than 0 seconds.', 0, allowed, 'use at least 1 second, or leave it unset for the default 10800 (3 hours).')]);
    for (const value of ['100000', null, '0', 2.5]) {
      expect(check(key, value)).toEqual([problem('is not a whole number of seconds.', value, allowed, 'use a whole number of seconds from 1 to 86400.')]);
    }
    expect(FIELD_RULES[key].allowed).toBe(allowed);
  });

  test('probes: every field says "not a whole ..." in its unit; the source names the default replaced', () => {
    for (const key of ['Probe.initialDelaySeconds', 'Probe.periodSeconds', 'Probe.timeoutSeconds'] as const) {
      expect(check(key, 0.5)[0]).toMatchObject({ message: 'is not a whole number of seconds, which is all a probe can express.', fix: 'use Duration.seconds(n) with a whole n.' });
    }
    for (const key of ['Probe.failureThreshold', 'Probe.successThreshold'] as const) {
      expect(check(key, 0.5)[0]).toMatchObject({ message: 'is not a whole number, which is all a probe can express.', fix: 'use a whole number such as 3.' });
    }
    expect(FIELD_RULES['Probe.initialDelaySeconds'].source).toBe('core validation validateProbe (ValidateNonnegativeField initialDelaySeconds)');
    expect(FIELD_RULES['Probe.periodSeconds'].source).toBe('core validation validateProbe (ValidateNonnegativeField periodSeconds); defaults.go turns 0 into 10');
  });

  test('a request above a limit of 0 is refused, for memory too', () => {
    expect(check('Container.resources', { requests: { cpu: '100m', memory: '1Mi' }, limits: { cpu: '0', memory: '0' } }, { field: 'r' }).map((p) => p.field)).toEqual([
      'r.requests.cpu', 'r.requests.memory',
    ]);
  });
});

// resourcesPropProblems: the resources prop of WebApp and IngressNginx (each quantity, then request against limit).
describe('resourcesPropProblems', () => {
  const negative = (field: string, fix: string) => ({
    field, message: 'is negative; the API server rejects a negative quantity.', value: '-1', allowed: `${QUANTITY_RULE}; 0 or more`, fix,
  });

  test('no resources, or empty sides: nothing to report', () => {
    expect(resourcesPropProblems('resources', undefined)).toEqual([]);
    expect(resourcesPropProblems('resources', {})).toEqual([]);
    expect(resourcesPropProblems('resources', { requests: {}, limits: {} })).toEqual([]);
  });

  test('each quantity of both sides is checked under its own field path, in order requests then limits', () => {
    expect(resourcesPropProblems('resources', { requests: { cpu: '-1' }, limits: { memory: '-1' } })).toEqual([
      negative('resources.requests.cpu', 'use a positive amount such as "500m", or leave it unset for the default.'),
      negative('resources.limits.memory', 'use a positive amount such as "256Mi", or leave it unset for the default.'),
    ]);
    expect(resourcesPropProblems('spec.resources', { limits: { cpu: 'lots' } })).toEqual([
      { field: 'spec.resources.limits.cpu', message: 'is not a Kubernetes quantity.', value: 'lots', allowed: QUANTITY_RULE, fix: 'write e.g. "250m" or "1".' },
    ]);
  });

  test('an entry set to undefined is skipped, as if absent', () => {
    expect(resourcesPropProblems('resources', { requests: { cpu: undefined, memory: '64Mi' } })).toEqual([]);
  });

  test('a bad quantity is reported alone: the request/limit comparison runs only once every quantity is valid', () => {
    const found = resourcesPropProblems('resources', { requests: { cpu: '2', memory: 'x' }, limits: { cpu: '1' } });
    expect(found.map((p) => p.field)).toEqual(['resources.requests.memory']);
  });

  test('a request above its limit, on the props themselves or (when given) on the resolved values', () => {
    const above = { field: 'resources.requests.cpu', message: 'is above the limit 1; the API server rejects that.', value: '2', allowed: 'at most 1', fix: 'lower the request or raise the limit.' };
    expect(resourcesPropProblems('resources', { requests: { cpu: '2' }, limits: { cpu: '1' } })).toEqual([above]);
    expect(resourcesPropProblems('resources', { requests: { cpu: '1' }, limits: { cpu: '1' } })).toEqual([]);
    // Defaults applied: the props give only a limit, the resolved request (a default) is above it.
    expect(resourcesPropProblems('resources', { limits: { cpu: '1' } }, { requests: { cpu: '2' }, limits: { cpu: '1' } })).toEqual([above]);
    // The resolved values replace the props for the comparison.
    expect(resourcesPropProblems('resources', { requests: { cpu: '2' }, limits: { cpu: '1' } }, { requests: { cpu: '1' }, limits: { cpu: '1' } })).toEqual([]);
  });
});
