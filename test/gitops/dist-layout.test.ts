import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { isClusterScoped, KUBECTL_MANIFEST_EXTENSIONS } from '../../lib';
import { filesKubectlApplyReads, kubectl, testWithKubectl } from '../helpers/kubectl';
import { readTree } from '../helpers/synth-main';

// What GitOps tools and kubectl read from the committed dist/.
const dist = join(__dirname, '..', '..', 'dist');
const tree = readTree(dist);
const topLevelManifests = readdirSync(dist).filter((f) => KUBECTL_MANIFEST_EXTENSIONS.includes(extname(f))).sort();
const BUILT_IN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** The objects in the order `kubectl apply -f dist/` sends them: files by name, documents in order. */
const objects = topLevelManifests.flatMap((f) => parseAllDocuments(tree[f]).map((d) => ({ file: f, object: d.toJS() })));

describe('dist/ as kubectl, kustomize, Argo CD and Flux see it', () => {
  test('every top-level file kubectl reads is a Kubernetes manifest, and the map files are elsewhere', () => {
    expect(topLevelManifests.length).toBeGreaterThan(0);
    for (const f of topLevelManifests) expect(f).toMatch(/\.k8s\.yaml$/);
    for (const { object } of objects) {
      expect(typeof object.apiVersion).toBe('string');
      expect(typeof object.kind).toBe('string');
    }
    expect(Object.keys(tree).filter((f) => !topLevelManifests.includes(f)).sort()).toEqual(['ACCESS.md', 'Kustomization']);
  });

  test('cluster-scoped objects never carry a namespace; namespaced objects always do', () => {
    for (const { file, object } of objects) {
      const where = `${file}: ${object.kind}/${object.metadata.name}`;
      if (isClusterScoped(object.kind)) expect({ where, namespace: object.metadata.namespace }).toEqual({ where, namespace: undefined });
      else expect({ where, namespaced: typeof object.metadata.namespace === 'string' }).toEqual({ where, namespaced: true });
    }
  });

  test('every namespace is created before anything is applied into it', () => {
    const created = new Set(BUILT_IN_NAMESPACES);
    for (const { file, object } of objects) {
      if (object.kind === 'Namespace') created.add(object.metadata.name);
      else if (object.metadata.namespace) expect({ file, object: object.metadata.name, namespaceCreated: created.has(object.metadata.namespace) })
        .toEqual({ file, object: object.metadata.name, namespaceCreated: true });
    }
  });

  test('the Kustomization lists exactly the manifest files, in apply order', () => {
    expect(parse(tree.Kustomization).resources).toEqual(topLevelManifests);
  });

  testWithKubectl('`kubectl kustomize dist/` builds every object in the manifests', () => {
    const result = kubectl(['kustomize', dist]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const built = parseAllDocuments(result.stdout).map((d) => d.toJS()).map((o) => `${o.kind} ${o.metadata.namespace ?? '-'}/${o.metadata.name}`).sort();
    expect(built).toEqual(objects.map(({ object: o }) => `${o.kind} ${o.metadata.namespace ?? '-'}/${o.metadata.name}`).sort());
    // kustomize's own ordering puts Namespaces first as well.
    expect(built.length).toBeGreaterThan(10);
    expect(parseAllDocuments(result.stdout)[0].toJS().kind).toBe('Namespace');
  });

  testWithKubectl('`kubectl apply -f dist/` reads only the manifest files (ACCESS.md, Kustomization and traffic/ are skipped)', () => {
    expect(filesKubectlApplyReads(dist)).toEqual(topLevelManifests);
  });

  testWithKubectl('`kubectl apply -R -f dist/` reads the same files (the JSON map is outside dist/)', () => {
    expect(filesKubectlApplyReads(dist, ['-R'])).toEqual(topLevelManifests);
  });
});
