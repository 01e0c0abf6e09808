import { checkPolicies } from '../../lib';
import { imageReferenceError } from '../../lib/core/validation/image-reference';
import { deployment, namespace } from './builders';

// pod-fields-valid checks the quantities of a container once when they are those of a clean container
// before it, and the image reference grammar remembers the last registry host it accepted: these tests
// hold that neither shortcut hides a problem of a later container.

const messagesOf = (objects: any[]) => checkPolicies(objects).filter((f) => f.rule === 'pod-fields-valid').map((f) => `${f.name}: ${f.message.split(' Got:')[0]}`);
const sized = (name: string, resources: any) => deployment(name, { container: { resources } });
const CLEAN = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
const R = 'spec.template.spec.containers[0].resources';

describe('pod-fields-valid after a container with clean quantities', () => {
  test('the same quantities, in other objects, are clean', () => {
    expect(messagesOf([namespace(), sized('a', CLEAN), sized('b', { requests: { ...CLEAN.requests }, limits: { ...CLEAN.limits } })])).toEqual([]);
  });

  test('the same keys with a request above its limit: found', () => {
    const above = { requests: { cpu: '100m', memory: '512Mi' }, limits: { cpu: '500m', memory: '256Mi' } };
    expect(messagesOf([namespace(), sized('a', CLEAN), sized('b', above)])).toEqual([`b: ${R}.requests.memory: is above the limit 256Mi; the API server rejects that.`]);
  });

  test('one more key, negative: found', () => {
    const more = { requests: { ...CLEAN.requests, 'ephemeral-storage': '-1' }, limits: CLEAN.limits };
    expect(messagesOf([namespace(), sized('a', CLEAN), sized('b', more)])).toEqual([`b: ${R}.requests.ephemeral-storage: is negative; the API server rejects a negative quantity.`]);
  });

  test('one key fewer on a side, or a side missing, with a request above what is left: found', () => {
    const fewer = { requests: { cpu: '1' }, limits: { cpu: '500m' } };
    expect(messagesOf([namespace(), sized('a', CLEAN), sized('b', fewer)])).toEqual([`b: ${R}.requests.cpu: is above the limit 500m; the API server rejects that.`]);
    const noLimits = { requests: { cpu: 'lots' } };
    expect(messagesOf([namespace(), sized('a', { requests: { cpu: '100m' } }), sized('b', noLimits)])).toEqual([`b: ${R}.requests.cpu: is not a Kubernetes quantity.`]);
  });

  test('the same values in another key order: judged again, and still clean', () => {
    const reordered = { requests: { memory: '128Mi', cpu: '100m' }, limits: { memory: '256Mi', cpu: '500m' } };
    expect(messagesOf([namespace(), sized('a', CLEAN), sized('b', reordered)])).toEqual([]);
  });

  test('a side that is not an object after a clean one is judged as before (a string side, a list side)', () => {
    expect(messagesOf([namespace(), sized('a', {}), sized('b', { requests: 'x' })])).toEqual([`b: ${R}.requests.0: is not a Kubernetes quantity.`]);
    expect(messagesOf([namespace(), sized('a', {}), sized('b', { limits: ['-1'] })])).toEqual([`b: ${R}.limits.0: is negative; the API server rejects a negative quantity.`]);
  });

  test('quantities here and none in the clean container before (no sides there, or empty ones): found', () => {
    expect(messagesOf([namespace(), sized('a', {}), sized('b', { requests: { cpu: '-1' } })])).toEqual([`b: ${R}.requests.cpu: is negative; the API server rejects a negative quantity.`]);
    const empty = { requests: {}, limits: {} };
    expect(messagesOf([namespace(), sized('a', empty), sized('b', { requests: { cpu: '-1' }, limits: {} })])).toEqual([`b: ${R}.requests.cpu: is negative; the API server rejects a negative quantity.`]);
  });

  test('the same values under other keys: found (each key is compared, not only its value)', () => {
    // Clean: the memory request and the ephemeral-storage limit are not a pair. Under the keys of b they are.
    const a = { requests: { memory: '2' }, limits: { 'ephemeral-storage': '1' } };
    expect(messagesOf([namespace(), sized('a', a), sized('b', { requests: { cpu: '2' }, limits: { cpu: '1' } })])).toEqual([`b: ${R}.requests.cpu: is above the limit 1; the API server rejects that.`]);
  });

  test('requests unset, or fewer of them, than in the clean container before: the limits are still judged', () => {
    const a = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1' } };
    expect(messagesOf([namespace(), sized('a', a), sized('b', { limits: { cpu: '-1' } })])).toEqual([`b: ${R}.limits.cpu: is negative; the API server rejects a negative quantity.`]);
    expect(messagesOf([namespace(), sized('a', a), sized('b', { requests: { cpu: '100m' }, limits: { cpu: '-1' } })])).toEqual([`b: ${R}.limits.cpu: is negative; the API server rejects a negative quantity.`]);
  });

  test('quantities a side inherits are judged as when the container comes first', () => {
    // The request/limit comparison reads a quantity a side inherits (the check of each quantity reads own keys only,
    // see pod-rules.boundaries.test.ts): a container with no own quantities is not alike a clean one with none.
    const inherits = { requests: Object.create({ cpu: '2' }), limits: Object.create({ cpu: '1' }) };
    const found = [`b: ${R}.requests.cpu: is above the limit 1; the API server rejects that.`];
    expect(messagesOf([namespace(), sized('b', inherits)])).toEqual(found);
    expect(messagesOf([namespace(), sized('a', { requests: {}, limits: {} }), sized('b', inherits)])).toEqual(found);
  });

  test('a clean container after one with problems is clean, and one with problems is not remembered', () => {
    const bad = { requests: { cpu: '-1' } };
    expect(messagesOf([namespace(), sized('a', bad), sized('b', bad)])).toEqual([
      `a: ${R}.requests.cpu: is negative; the API server rejects a negative quantity.`,
      `b: ${R}.requests.cpu: is negative; the API server rejects a negative quantity.`,
    ]);
  });
});

describe('image references after a registry host was accepted', () => {
  test('another host is still tested, and a bad path on the remembered host is still found', () => {
    expect(imageReferenceError('registry.example.com/app:1')).toBeUndefined();
    expect(imageReferenceError('registry.example.com/other:2')).toBeUndefined();
    expect(imageReferenceError('bad_host.example.com/app:1')?.message).toBe('has an invalid registry host "bad_host.example.com".');
    expect(imageReferenceError('registry.example.com/App:1')?.message).toContain('has an uppercase repository name "App"');
    expect(imageReferenceError('-bad.example.com/app:1')?.message).toBe('has an invalid registry host "-bad.example.com".');
  });
});

describe('the plain-reference shortcut of the image grammar', () => {
  const hex64 = 'a'.repeat(64);
  test('references of the plain form are accepted, with a host, a port, a tag or a digest', () => {
    for (const image of ['nginx', 'library/nginx:1.27.3', 'localhost/app', 'my-org/web__app_2', 'reg.example.com:5000/team/app:v1.0', `app:1@sha256:${hex64}`]) {
      expect(imageReferenceError(image)).toBeUndefined();
    }
  });

  test('references just outside it get the full parse: its errors are found, its accepted forms accepted', () => {
    // A first component with "." is a registry host, which "_" makes invalid, though "a_b.c" is a valid path component.
    expect(imageReferenceError('a_b.c/app')?.message).toBe('has an invalid registry host "a_b.c".');
    expect(imageReferenceError(`a/${'b'.repeat(254)}`)?.message).toBe('has a name of 256 characters; at most 255 are allowed.');
    expect(imageReferenceError(`app@sha256:${'a'.repeat(63)}`)?.message).toBe('has a sha256 digest of 63 hex digits; sha256 digests have 64.');
    expect(imageReferenceError('app:-1')?.message).toBe('has an invalid tag "-1".');
    expect(imageReferenceError('my.app')).toBeUndefined();
    expect(imageReferenceError(`a/${'b'.repeat(253)}`)).toBeUndefined();
  });

  test('a pod with a bad image after pods with plain ones: found at its own path', () => {
    const image = (name: string, value: string) => deployment(name, { container: { image: value } });
    expect(messagesOf([namespace(), image('a', 'registry.example.com/a:1'), image('b', 'a_b.c/app:1'), image('c', 'registry.example.com/c:1')]))
      .toEqual(['b: spec.template.spec.containers[0].image: has an invalid registry host "a_b.c".']);
  });
});

describe('the place of a finding, written only when one is found', () => {
  test("a pod's own field after another pod's containers, and list items, are reported at their own paths", () => {
    const S = 'spec.template.spec';
    const objects = [
      namespace(),
      deployment('a', { podSpec: { initContainers: [{ name: 'init', image: 'busybox:1.36' }] } }),
      deployment('b', { podSpec: { securityContext: { runAsUser: -1 } } }),
      deployment('c', {
        container: { env: [{ name: 'OK', value: '1' }, { name: 'A=B', value: '2' }], volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'data', mountPath: 'rel' }] },
        podSpec: { volumes: [{ name: 'data', emptyDir: {} }], initContainers: [{ name: 'init', image: 'busybox:1.36' }, { name: 'init2', image: 'Bad Image' }] },
      }),
    ];
    expect(messagesOf(objects)).toEqual([
      `b: ${S}.securityContext.runAsUser: is not a valid user ID; the API server rejects it.`,
      `c: ${S}.initContainers[1].image: is not an image reference: it contains whitespace.`,
      `c: ${S}.containers[0].env[1].name: contains "=", which ends a name in the environment; the API server rejects it.`,
      `c: ${S}.containers[0].volumeMounts[1].mountPath: is a relative path; the container runtime mounts it at "/rel", not relative to the working directory.`,
    ]);
  });
});

describe('pod-fields-valid after a probe with clean fields', () => {
  const FIELDS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'];
  const CLEAN_PROBE = { tcpSocket: { port: 8080 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
  const probed = (name: string, readinessProbe: any, livenessProbe?: any) => deployment(name, { container: { ports: [{ containerPort: 8080 }], readinessProbe, livenessProbe } });
  const P = 'spec.template.spec.containers[0]';

  test('each field differing from the clean probe before it, alone: found', () => {
    for (const field of FIELDS) {
      expect(messagesOf([namespace(), probed('a', CLEAN_PROBE), probed('b', { ...CLEAN_PROBE, [field]: -1 })]))
        .toEqual([expect.stringMatching(new RegExp(`^b: ${P.replace(/[[\].]/g, '\\$&')}\\.readinessProbe\\.${field}: `))]);
    }
  });

  test('the same probe twice with a bad field: found both times (only clean probes are remembered)', () => {
    const bad = { ...CLEAN_PROBE, periodSeconds: -1 };
    expect(messagesOf([namespace(), probed('a', bad), probed('b', bad)]).map((m) => m.split(':')[0])).toEqual(['a', 'b']);
  });

  test('a clean readiness probe does not stand for a liveness probe with the same fields but one', () => {
    expect(messagesOf([namespace(), probed('a', CLEAN_PROBE, CLEAN_PROBE), probed('b', CLEAN_PROBE, { ...CLEAN_PROBE, timeoutSeconds: -5 })]).map((m) => m.split(': is')[0]))
      .toEqual([`b: ${P}.livenessProbe.timeoutSeconds`]);
  });
});
