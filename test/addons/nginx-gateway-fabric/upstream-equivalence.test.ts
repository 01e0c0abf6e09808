import { find, synthInstall, upstreamObjects } from './helpers';

/**
 * Our output with its deliberate differences from upstream taken out, each
 * one named here and asserted on its own below:
 * 1. `app.kubernetes.io/managed-by: cdk8s-netkit` on every object (upstream's
 *    generator strips Helm's; the Namespace has no other label).
 * 2. `netkit.io/skip-pod-resources` on the Deployment and the Job: upstream sets
 *    no resources, and the reason is written next to the object.
 * 3. The Job's pod template: upstream's `metadata: {annotations: null}` (the
 *    remains of the Helm hook annotations its generator strips) is left out;
 *    the API server reads both the same.
 * 4. Pod Security Admission labels on the Namespace (`restricted`, which the
 *    control plane and the cert generator meet), so the cluster enforces it.
 */
function withoutDeliberateDifferences(objects: any[]): any[] {
  return JSON.parse(JSON.stringify(objects), (key, value) => {
    if (key === 'app.kubernetes.io/managed-by' && value === 'cdk8s-netkit') return undefined;
    if (key === 'netkit.io/skip-pod-resources') return undefined;
    if (key.startsWith('pod-security.kubernetes.io/')) return undefined;
    if ((key === 'labels' || key === 'annotations') && value && typeof value === 'object' && Object.keys(value).length === 0) return undefined;
    return value;
  });
}

function upstreamWithoutHookRemains(objects: any[]): any[] {
  const copy = JSON.parse(JSON.stringify(objects));
  const job = copy.find((o: any) => o.kind === 'Job');
  expect(job.spec.template.metadata).toEqual({ annotations: null });
  delete job.spec.template.metadata;
  return copy;
}

describe.each([
  ['nodeport', {}],
  ['default', { exposure: 'LoadBalancer' as const }],
])('NginxGatewayFabric equals upstream deploy/%s/deploy.yaml (v2.6.7)', (variant, props) => {
  const upstream = upstreamObjects(variant as 'nodeport' | 'default');
  const { objects } = synthInstall(props);

  test('the same 13 objects in the same order: kinds, names, namespaces', () => {
    expect(upstream).toHaveLength(13);
    const ids = (list: any[]) => list.map((o) => [o.apiVersion, o.kind, o.metadata.name, o.metadata.namespace]);
    expect(ids(objects)).toEqual(ids(upstream));
  });

  test('every object equal to upstream\'s, field for field, apart from the listed differences', () => {
    const ours = withoutDeliberateDifferences(objects);
    const theirs = upstreamWithoutHookRemains(upstream);
    for (let i = 0; i < theirs.length; i++) {
      expect({ object: `${theirs[i].kind}/${theirs[i].metadata.name}`, manifest: ours[i] }).toEqual({ object: `${theirs[i].kind}/${theirs[i].metadata.name}`, manifest: theirs[i] });
    }
  });

  test('difference 1: managed-by on every object, nothing else added to the labels', () => {
    for (const o of objects) expect(o.metadata.labels['app.kubernetes.io/managed-by']).toBe('cdk8s-netkit');
    const labels = find(objects, 'Namespace', 'nginx-gateway').metadata.labels;
    expect(Object.keys(labels).filter((k) => !k.startsWith('pod-security.kubernetes.io/'))).toEqual(['app.kubernetes.io/managed-by']);
  });

  test('difference 4: the Namespace enforces, audits and warns at the restricted level, pinned to a minor version', () => {
    expect(find(objects, 'Namespace', 'nginx-gateway').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/enforce-version': 'v1.35',
    });
  });

  test('difference 2: the policy skips carry their reasons, only on the Deployment and the Job', () => {
    const annotated = objects.filter((o) => o.metadata.annotations).map((o) => [o.kind, Object.keys(o.metadata.annotations)]);
    expect(annotated).toEqual([['Deployment', ['netkit.io/skip-pod-resources']], ['Job', ['netkit.io/skip-pod-resources']]]);
    expect(find(objects, 'Deployment', 'nginx-gateway').metadata.annotations['netkit.io/skip-pod-resources']).toMatch(/upstream v2\.6\.7 sets no resources/);
  });

  test('difference 3: the Job\'s pod template has no metadata', () => {
    expect(find(objects, 'Job', 'nginx-gateway-cert-generator').spec.template.metadata).toBeUndefined();
  });
});

test('the two upstream variants differ in the NginxProxy Service type only, as ours do', () => {
  const strip = (objects: any[]) => JSON.parse(JSON.stringify(objects), (key, value) => (key === 'type' && (value === 'NodePort' || value === 'LoadBalancer') ? undefined : value));
  expect(strip(upstreamObjects('default'))).toEqual(strip(upstreamObjects('nodeport')));
  expect(strip(synthInstall({ exposure: 'LoadBalancer' }).objects)).toEqual(strip(synthInstall().objects));
});
