import { checkPolicies } from '../../lib';

/** A Deployment whose first container mounts `mounts` and whose pod declares `volumes`. */
function deployment(mounts: unknown[], volumes?: unknown[], initMounts?: unknown[]) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'echo', namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: 'echo' } },
      template: {
        metadata: { labels: { app: 'echo' } },
        spec: {
          ...(initMounts ? { initContainers: [{ name: 'init', image: 'busybox:1.36', volumeMounts: initMounts }] } : {}),
          containers: [{ name: 'echo', image: 'registry.example.com/echo:1.0', volumeMounts: mounts }],
          ...(volumes ? { volumes } : {}),
        },
      },
    },
  };
}

const findings = (manifest: unknown) => checkPolicies([manifest as any]).filter((f) => f.rule === 'pod-fields-valid');

describe('pod-fields-valid: volume mounts name a volume of the pod', () => {
  test('a mount of a volume the pod lacks is an error at the mount, naming the volumes there are', () => {
    const got = findings(deployment([{ name: 'certs', mountPath: '/etc/certs' }, { name: 'ca-certs', mountPath: '/etc/ca' }],
      [{ name: 'certs', secret: { secretName: 'echo-certs' } }]));
    expect(got).toHaveLength(1);
    expect(got[0].severity).toBe('error');
    expect(got[0].message).toBe('spec.template.spec.containers[0].volumeMounts[1].name: no volume of the pod has this name; the API server refuses the pod template ("Not found"). Got: "ca-certs". Allowed: a name from spec.template.spec.volumes: "certs".');
    expect(got[0].fix).toBe('Add a volume named "ca-certs" to spec.template.spec.volumes, or mount one the pod declares.');
  });

  test('a pod with no volumes at all says so', () => {
    const got = findings(deployment([{ name: 'data', mountPath: '/data' }]));
    expect(got.map((f) => f.message)).toEqual(['spec.template.spec.containers[0].volumeMounts[0].name: no volume of the pod has this name; the API server refuses the pod template ("Not found"). Got: "data". Allowed: a name from spec.template.spec.volumes (the pod declares none).']);
  });

  test('init containers are checked too', () => {
    const got = findings(deployment([{ name: 'certs', mountPath: '/etc/certs' }], [{ name: 'certs', emptyDir: {} }], [{ name: 'seed', mountPath: '/seed' }]));
    expect(got.map((f) => f.message)).toEqual([expect.stringMatching(/^spec\.template\.spec\.initContainers\[0\]\.volumeMounts\[0\]\.name: no volume of the pod has this name.* Got: "seed"\./)]);
  });

  test('the volumes there are are listed in order; a null volume or one without a string name is not listed', () => {
    const got = findings(deployment([{ name: 'cache', mountPath: '/cache' }], [null, { name: 'certs', emptyDir: {} }, { name: 7, emptyDir: {} }, { name: 'tmp', emptyDir: {} }]));
    expect(got.map((f) => f.message)).toEqual(['spec.template.spec.containers[0].volumeMounts[0].name: no volume of the pod has this name; the API server refuses the pod template ("Not found"). Got: "cache". Allowed: a name from spec.template.spec.volumes: "certs", "tmp".']);
  });

  test('mounts of declared volumes, and mounts without a name (schema-valid reports those), pass', () => {
    expect(findings(deployment([{ name: 'certs', mountPath: '/etc/certs' }, { name: 'tmp', mountPath: '/tmp' }],
      [{ name: 'certs', secret: { secretName: 'echo-certs' } }, { name: 'tmp', emptyDir: {} }]))).toEqual([]);
    expect(findings(deployment([{ mountPath: '/x' }], [{ name: 'certs', emptyDir: {} }]))).toEqual([]);
  });
});

describe('pod-fields-valid: a StatefulSet mounts its volumeClaimTemplates', () => {
  const statefulSet = (claim: string) => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'shop' },
    spec: {
      serviceName: 'db', selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'postgres:17.2', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: claim }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  });

  test('a mount named as a claim template passes', () => {
    expect(findings(statefulSet('data'))).toEqual([]);
  });

  test('claim templates that are null, lack metadata or a name do not stop the others from counting', () => {
    const set = statefulSet('data');
    set.spec.volumeClaimTemplates = [null, {}, { metadata: {} }, ...set.spec.volumeClaimTemplates] as any[];
    expect(findings(set)).toEqual([]);
  });

  test('only a StatefulSet has claim templates: the same field on a Deployment declares no volume', () => {
    const notASet = { ...statefulSet('data'), kind: 'Deployment' };
    expect(findings(notASet).map((f) => f.message)).toEqual([expect.stringMatching(/volumeMounts\[0\]\.name: no volume of the pod has this name.* Got: "data"\./)]);
  });

  test('a mount naming neither a volume nor a claim template is an error', () => {
    expect(findings(statefulSet('pgdata')).map((f) => f.message)).toEqual([expect.stringMatching(/volumeMounts\[0\]\.name: no volume of the pod has this name.* Got: "data"\./)]);
  });
});
