import { checkPolicies, Finding, PolicyOptions, RULES } from '../../lib';
import { DNS1123_LABEL_RULE, DNS1123_SUBDOMAIN_RULE } from '../../lib/core/names';
import { compareMinor } from '../../lib/policy/rules/api-stable-versions';
import { imageTag } from '../../lib/policy/rules/img-pinned';
import { deployment, namespace, NS, service } from './builders';

// The naming and metadata rules (name-valid, label-values-valid, ns-exists, ns-explicit, skip-has-reason,
// img-pinned, api-stable-versions): each branch with a failing and a passing case, the edges of each
// syntax, and the exact message, severity and fix of a finding (issue 17).

const findingsOf = (objects: any[], rule: string, options: PolicyOptions = {}): Finding[] => checkPolicies(objects, options).filter((f) => f.rule === rule);
const ruleFix = (id: string) => RULES.find((r) => r.id === id)!.fix;
const messages = (objects: any[], rule: string, options: PolicyOptions = {}) => findingsOf(objects, rule, options).map((f) => `${f.severity} ${f.message}`);
const object = (apiVersion: string, kind: string, metadata: any = { name: 'x', namespace: NS }, more: any = {}) => ({ apiVersion, kind, metadata, ...more });
const configMap = (metadata: any) => object('v1', 'ConfigMap', metadata);

describe('name-valid', () => {
  test('a missing name without generateName (or an empty one): an error with the rule fix', () => {
    expect(findingsOf([namespace(), configMap({ namespace: NS })], 'name-valid')).toEqual([{
      rule: 'name-valid', severity: 'error', kind: 'ConfigMap', namespace: NS, name: '',
      message: 'metadata.name is missing (and there is no generateName); the API server rejects it.', fix: ruleFix('name-valid'),
    }]);
    expect(messages([namespace(), configMap({ namespace: NS, generateName: '' })], 'name-valid')).toEqual(['error metadata.name is missing (and there is no generateName); the API server rejects it.']);
    expect(messages([namespace(), configMap({ namespace: NS, generateName: 7 })], 'name-valid')).toHaveLength(1);
  });

  test('generateName alone: a warning with its own fix, unless a Helm or Argo CD hook or a create-only kind', () => {
    expect(findingsOf([namespace(), configMap({ namespace: NS, generateName: 'job-' })], 'name-valid')).toEqual([{
      rule: 'name-valid', severity: 'warning', kind: 'ConfigMap', namespace: NS, name: '',
      message: 'has metadata.generateName "job-" but no name: kubectl create works, kubectl apply and GitOps tools need a name.',
      fix: 'Give it a metadata.name, or say which tool creates it (a helm.sh/hook or argocd.argoproj.io/hook annotation).',
    }]);
    for (const hook of ['helm.sh/hook', 'argocd.argoproj.io/hook']) {
      expect(findingsOf([namespace(), configMap({ namespace: NS, generateName: 'job-', annotations: { [hook]: 'PreSync' } })], 'name-valid')).toEqual([]);
    }
    expect(findingsOf([namespace(), configMap({ namespace: NS, generateName: 'job-', annotations: 'helm.sh/hook' })], 'name-valid')).toHaveLength(1);
    expect(findingsOf([namespace(), configMap({ namespace: NS, generateName: 'job-', annotations: { other: 'x' } })], 'name-valid')).toHaveLength(1);
    for (const [apiVersion, kind] of [['argoproj.io/v1alpha1', 'Workflow'], ['tekton.dev/v1', 'PipelineRun'], ['tekton.dev/v1', 'TaskRun']]) {
      expect(findingsOf([namespace(), object(apiVersion, kind, { namespace: NS, generateName: 'run-' })], 'name-valid')).toEqual([]);
    }
    // The group counts, not only the kind.
    expect(findingsOf([namespace(), object('example.com/v1', 'Workflow', { namespace: NS, generateName: 'run-' })], 'name-valid')).toHaveLength(1);
  });

  test('names by kind: a Namespace is a DNS-1123 label, most kinds a subdomain, a Service is left to svc-spec-valid', () => {
    expect(messages([namespace('a.b')], 'name-valid')).toEqual([`error metadata.name "a.b" is not a valid Namespace name. Allowed: ${DNS1123_LABEL_RULE}.`]);
    expect(messages([namespace(), configMap({ name: 'a.b', namespace: NS })], 'name-valid')).toEqual([]);
    expect(messages([namespace(), configMap({ name: 'A', namespace: NS })], 'name-valid')).toEqual([`error metadata.name "A" is not a valid ConfigMap name. Allowed: ${DNS1123_SUBDOMAIN_RULE}.`]);
    expect(messages([namespace(), service('Web_1')], 'name-valid')).toEqual([]);
  });

  test('RBAC names are path segments: colons pass; "/", "%", "." and ".." do not; another group named Role is a subdomain', () => {
    const role = (name: string, apiVersion = 'rbac.authorization.k8s.io/v1') => object(apiVersion, 'Role', { name, namespace: NS });
    expect(messages([namespace(), role('system:node-proxier'), role('a.b')], 'name-valid')).toEqual([]);
    for (const name of ['a/b', 'a%b', '.', '..']) {
      expect(messages([namespace(), role(name)], 'name-valid')).toEqual([`error metadata.name "${name}" is not a valid Role name. Allowed: any name without "/" or "%", other than "." and "..".`]);
    }
    for (const kind of ['ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) {
      expect(messages([namespace(), object('rbac.authorization.k8s.io/v1', kind, { name: 'kubeadm:x', namespace: NS })], 'name-valid')).toEqual([]);
    }
    expect(messages([namespace(), role('system:x', 'example.com/v1')], 'name-valid')).toEqual([`error metadata.name "system:x" is not a valid Role name. Allowed: ${DNS1123_SUBDOMAIN_RULE}.`]);
  });

  test('a malformed namespace, written or not a string, is named; objects without apiVersion or kind are left to schema-valid', () => {
    expect(messages([configMap({ name: 'x', namespace: 'Shop' })], 'name-valid')).toEqual([`error metadata.namespace "Shop" is not a valid namespace name. Allowed: ${DNS1123_LABEL_RULE}.`]);
    expect(messages([configMap({ name: 'x', namespace: 7 })], 'name-valid')).toEqual([`error metadata.namespace 7 is not a valid namespace name. Allowed: ${DNS1123_LABEL_RULE}.`]);
    // A list that reads as a valid name when made a string is no namespace either.
    expect(messages([configMap({ name: 'x', namespace: ['shop'] })], 'name-valid')).toEqual([`error metadata.namespace ["shop"] is not a valid namespace name. Allowed: ${DNS1123_LABEL_RULE}.`]);
    expect(messages([{ kind: 'ConfigMap', metadata: { name: 'A' } }, { apiVersion: 'v1', metadata: { name: 'A' } }], 'name-valid')).toEqual([]);
  });
});

describe('label-values-valid', () => {
  const bad = { app: '-web' };
  const fieldsOf = (objects: any[]) => findingsOf(objects, 'label-values-valid').map((f) => f.message.split(':')[0]);

  test('every label map: metadata, a Service selector, matchLabels, the pod template', () => {
    const d = deployment('web');
    d.metadata.labels = bad;
    d.spec.selector.matchLabels = bad;
    d.spec.template.metadata.labels = bad;
    expect(fieldsOf([namespace(), d, service('web', { selector: bad })]).map((f) => f.replace(/[[.]"?app"?]?$/, ''))).toEqual([
      'metadata.labels', 'spec.selector.matchLabels', 'spec.template.metadata.labels', 'spec.selector',
    ]);
    expect(findingsOf([namespace(), d], 'label-values-valid')).toHaveLength(3);
    expect(findingsOf([namespace(), service('web', { selector: bad })], 'label-values-valid')).toHaveLength(1);
  });

  test('the finding carries the rule severity and the label fix; valid labels, lists and a non-Service spec.selector map are not judged', () => {
    const [first] = findingsOf([namespace(), configMap({ name: 'x', namespace: NS, labels: bad })], 'label-values-valid');
    expect(first).toMatchObject({ severity: 'error', kind: 'ConfigMap', message: expect.stringMatching(/^metadata\.labels/) });
    expect(first.fix).toMatch(/\S/);
    expect(findingsOf([namespace(), configMap({ name: 'x', namespace: NS, labels: ['-web'] })], 'label-values-valid')).toEqual([]);
    expect(findingsOf([namespace(), configMap({ name: 'x', namespace: NS, labels: '-web' })], 'label-values-valid')).toEqual([]);
    expect(findingsOf([namespace(), object('v1', 'ReplicationController', { name: 'x', namespace: NS }, { spec: { selector: bad } })], 'label-values-valid')).toEqual([]);
    expect(findingsOf([namespace(), deployment('web')], 'label-values-valid')).toEqual([]);
  });
});

describe('ns-exists', () => {
  const message = (ns: string, others = '') => `metadata.namespace "${ns}"${others} is not created by these manifests and is not declared external; kubectl apply fails with "namespaces not found" unless it exists in the cluster.`;

  test('one finding per missing namespace, on its first object, counting the others; a warning when the manifests create Namespaces', () => {
    const objects = [namespace(), configMap({ name: 'a', namespace: 'ghost' }), configMap({ name: 'b', namespace: 'ghost' }), configMap({ name: 'c', namespace: 'ghost' }), configMap({ name: 'd', namespace: 'other' })];
    expect(findingsOf(objects, 'ns-exists')).toEqual([
      { rule: 'ns-exists', severity: 'warning', kind: 'ConfigMap', namespace: 'ghost', name: 'a', message: message('ghost', ' (as do 2 other object(s))'), fix: ruleFix('ns-exists') },
      { rule: 'ns-exists', severity: 'warning', kind: 'ConfigMap', namespace: 'other', name: 'd', message: message('other'), fix: ruleFix('ns-exists') },
    ]);
  });

  test('only advice when the manifests create no Namespace at all', () => {
    expect(messages([configMap({ name: 'a', namespace: 'ghost' }), configMap({ name: 'b', namespace: 'ghost' })], 'ns-exists')).toEqual([`info ${message('ghost', ' (as do 1 other object(s))')}`]);
  });

  test('created, built-in and declared external namespaces pass; cluster-scoped objects and non-objects are not judged', () => {
    expect(findingsOf([namespace(), configMap({ name: 'a', namespace: NS }), configMap({ name: 'b', namespace: 'kube-system' }), configMap({ name: 'c', namespace: 'default' })], 'ns-exists')).toEqual([]);
    expect(findingsOf([namespace(), configMap({ name: 'a', namespace: 'team' })], 'ns-exists', { externalNamespaces: ['team'] })).toEqual([]);
    expect(findingsOf([namespace(), object('rbac.authorization.k8s.io/v1', 'ClusterRole', { name: 'r' })], 'ns-exists')).toEqual([]);
    expect(findingsOf([namespace(), { kind: 'ConfigMap', metadata: { name: 'a', namespace: 'ghost' } }, { apiVersion: 'v1', metadata: { name: 'a', namespace: 'ghost' } }], 'ns-exists')).toEqual([]);
  });
});

describe('ns-explicit', () => {
  test('a namespaced built-in object without a namespace (unset, empty or not a string): advice', () => {
    for (const metadata of [{ name: 'a' }, { name: 'a', namespace: '' }, { name: 'a', namespace: 7 }]) {
      expect(findingsOf([configMap(metadata)], 'ns-explicit')).toEqual([expect.objectContaining({
        rule: 'ns-explicit', severity: 'info', kind: 'ConfigMap', name: 'a',
        message: 'has no metadata.namespace: it goes to whatever namespace the applying tool defaults to.', fix: ruleFix('ns-explicit'),
      })]);
    }
  });

  test('a namespace given, a cluster-scoped kind, a custom resource and a non-object: nothing', () => {
    expect(findingsOf([namespace(), configMap({ name: 'a', namespace: NS })], 'ns-explicit')).toEqual([]);
    expect(findingsOf([object('rbac.authorization.k8s.io/v1', 'ClusterRole', { name: 'r' }), namespace()], 'ns-explicit')).toEqual([]);
    expect(findingsOf([object('example.com/v1', 'Widget', { name: 'w' })], 'ns-explicit')).toEqual([]);
    expect(findingsOf([{ kind: 'ConfigMap', metadata: { name: 'a' } }, { apiVersion: 'v1', metadata: { name: 'a' } }], 'ns-explicit')).toEqual([]);
  });
});

describe('skip-has-reason', () => {
  const annotated = (annotations: any) => [namespace(), configMap({ name: 'a', namespace: NS, annotations })];

  test('a skip of a rule that does not exist: its own fix', () => {
    expect(findingsOf(annotated({ 'netkit.io/skip-no-such-rule': 'because' }), 'skip-has-reason')).toEqual([{
      rule: 'skip-has-reason', severity: 'warning', kind: 'ConfigMap', namespace: NS, name: 'a',
      message: 'metadata.annotations["netkit.io/skip-no-such-rule"] skips "no-such-rule", which is not a rule, so it skips nothing.', fix: 'Use the id of a rule from the rules table (the rule a finding names).',
    }]);
  });

  test('a skip without a reason (empty, blank, not a string): the rule fix', () => {
    for (const reason of ['', '   ', 5]) {
      expect(findingsOf(annotated({ 'netkit.io/skip-img-pinned': reason }), 'skip-has-reason')).toEqual([{
        rule: 'skip-has-reason', severity: 'warning', kind: 'ConfigMap', namespace: NS, name: 'a',
        message: 'metadata.annotations["netkit.io/skip-img-pinned"] has no reason, so the skip does not apply.', fix: ruleFix('skip-has-reason'),
      }]);
    }
  });

  test('a skip with a reason, other annotations, and annotations that are not a map: nothing', () => {
    expect(findingsOf(annotated({ 'netkit.io/skip-img-pinned': 'vendor image', 'example.com/skip-x': '', 'x-netkit.io/skip-nope': '' }), 'skip-has-reason')).toEqual([]);
    expect(findingsOf(annotated('netkit.io/skip-nope'), 'skip-has-reason')).toEqual([]);
  });

  test('the description and fix name the annotation prefix', () => {
    const rule = RULES.find((r) => r.id === 'skip-has-reason')!;
    expect(rule.description).toBe('Every netkit.io/skip-<rule-id> annotation names an existing rule and gives a reason (a skip without one does not apply).');
    expect(rule.fix).toBe('Write why the rule does not apply as the value: netkit.io/skip-host-network-ports: "bare-metal ingress controller binds 80/443".');
  });
});

describe('img-pinned', () => {
  const image = (value: unknown) => [namespace(), deployment('web', { container: { image: value } })];
  const C0 = 'spec.template.spec.containers[0]';

  test('no tag, or latest: a warning with the exact message and fix', () => {
    expect(findingsOf(image('nginx'), 'img-pinned')).toEqual([{
      rule: 'img-pinned', severity: 'warning', kind: 'Deployment', namespace: NS, name: 'web',
      message: `${C0}.image "nginx" has no tag, so it means :latest and changes under you.`, fix: ruleFix('img-pinned'),
    }]);
    expect(messages(image('registry.example.com:5000/team/app'), 'img-pinned')).toEqual([`warning ${C0}.image "registry.example.com:5000/team/app" has no tag, so it means :latest and changes under you.`]);
    expect(messages(image('nginx:latest'), 'img-pinned')).toEqual([`warning ${C0}.image "nginx:latest" uses the moving tag latest.`]);
    expect(messages(image('latest/app:latest'), 'img-pinned')).toEqual([`warning ${C0}.image "latest/app:latest" uses the moving tag latest.`]);
  });

  test('a tag, a digest (even after latest), or an image that is not a string: nothing', () => {
    for (const value of ['nginx:1.27.3', 'registry.example.com:5000/team/app:2', 'nginx@sha256:abc', 'nginx:latest@sha256:abc', 'nginx:latest1', 'nginx:xlatest', 'nginx:lates', undefined, 7]) {
      expect(findingsOf(image(value), 'img-pinned')).toEqual([]);
    }
  });

  test('imageTag reads the last path segment and ignores a digest', () => {
    expect(imageTag('nginx:1.27')).toBe('1.27');
    expect(imageTag('a/b:1.2@sha256:x')).toBe('1.2');
    expect(imageTag('registry:5000/a')).toBeUndefined();
    expect(imageTag('registry:5000/a:v2')).toBe('v2');
    expect(imageTag('a:')).toBe('');
    expect(imageTag('a@sha256:x')).toBeUndefined();
    // A ':' just before the last '/' is a port, never a tag.
    expect(imageTag('registry:/app')).toBeUndefined();
  });
});

describe('api-stable-versions', () => {
  const removed: Array<[string, string, string]> = [
    ['extensions/v1beta1', '1.16', 'apps/v1 or networking.k8s.io/v1'], ['apps/v1beta1', '1.16', 'apps/v1'], ['apps/v1beta2', '1.16', 'apps/v1'],
    ['networking.k8s.io/v1beta1', '1.22', 'networking.k8s.io/v1'], ['admissionregistration.k8s.io/v1beta1', '1.22', 'admissionregistration.k8s.io/v1'],
    ['apiextensions.k8s.io/v1beta1', '1.22', 'apiextensions.k8s.io/v1'], ['rbac.authorization.k8s.io/v1beta1', '1.22', 'rbac.authorization.k8s.io/v1'],
    ['certificates.k8s.io/v1beta1', '1.22', 'certificates.k8s.io/v1'], ['coordination.k8s.io/v1beta1', '1.22', 'coordination.k8s.io/v1'],
    ['policy/v1beta1', '1.25', 'policy/v1'], ['batch/v1beta1', '1.25', 'batch/v1'], ['discovery.k8s.io/v1beta1', '1.25', 'discovery.k8s.io/v1'],
    ['autoscaling/v2beta1', '1.25', 'autoscaling/v2'], ['autoscaling/v2beta2', '1.26', 'autoscaling/v2'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', '1.26', 'flowcontrol.apiserver.k8s.io/v1'], ['flowcontrol.apiserver.k8s.io/v1beta2', '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', '1.32', 'flowcontrol.apiserver.k8s.io/v1'], ['storage.k8s.io/v1beta1', '1.27', 'storage.k8s.io/v1'],
  ];
  const at = (apiVersion: string, kind = 'Thing', target?: string) => findingsOf([namespace(), object(apiVersion, kind)], 'api-stable-versions', target ? { kubernetesVersion: target } : {});

  test.each(removed)('%s: removed in %s, replaced by %s; served (beta, info) one release before', (apiVersion, removedIn, use) => {
    expect(at(apiVersion, 'Thing', '1.35')).toEqual([{
      rule: 'api-stable-versions', severity: 'error', kind: 'Thing', namespace: NS, name: 'x',
      message: `apiVersion "${apiVersion}" was removed in Kubernetes ${removedIn} (target 1.35); the API server will not accept it.`, fix: `Use ${use}.`,
    }]);
    expect(at(apiVersion, 'Thing', removedIn).map((f) => f.severity)).toEqual(['error']);
    const [major, minor] = removedIn.split('.').map(Number);
    expect(at(apiVersion, 'Thing', `${major}.${minor - 1}`).map((f) => f.severity)).toEqual(['info']);
  });

  test('an Ingress left extensions/v1beta1 in 1.22, later than the rest of the group', () => {
    expect(at('extensions/v1beta1', 'Ingress', '1.21').map((f) => `${f.severity} ${f.message}`)).toEqual(['info apiVersion "extensions/v1beta1" is not a stable API version; it may be removed in a later release.']);
    expect(at('extensions/v1beta1', 'Ingress', '1.22').map((f) => f.fix)).toEqual(['Use networking.k8s.io/v1.']);
  });

  test('the default target is 1.35', () => {
    expect(at('flowcontrol.apiserver.k8s.io/v1beta3').map((f) => f.message)).toEqual([expect.stringContaining('(target 1.35)')]);
  });

  test('alpha is a warning, beta advice, for Kubernetes groups only', () => {
    expect(at('resource.k8s.io/v1alpha3').map((f) => `${f.severity} ${f.message} ${f.fix}`)).toEqual([
      `warning apiVersion "resource.k8s.io/v1alpha3" is an alpha API: the API server serves it only when the cluster enables it, and it may change or go without notice. ${ruleFix('api-stable-versions')}`,
    ]);
    expect(at('resource.k8s.io/v1beta2').map((f) => `${f.severity} ${f.message}`)).toEqual(['info apiVersion "resource.k8s.io/v1beta2" is not a stable API version; it may be removed in a later release.']);
    expect(at('batch/v2alpha1').map((f) => f.severity)).toEqual(['warning']);
    for (const apiVersion of ['gateway.networking.k8s.io/v1beta1', 'certmanager.k8s.io/v1alpha1', 'cluster.x-k8s.io/v1beta1', 'example.com/v1alpha1', 'example.k8s.io.evil.com/v1beta1']) {
      expect(at(apiVersion)).toEqual([]);
    }
  });

  test('only a whole version suffix counts', () => {
    for (const apiVersion of ['apps/v1', 'example/v1beta', 'example/v1beta1x', 'example/xv1beta1', 'v1', 'v1beta1']) expect(at(apiVersion)).toEqual([]);
  });

  test('compareMinor compares numerically', () => {
    expect(compareMinor('1.22', '1.9')).toBeGreaterThan(0);
    expect(compareMinor('1.9', '1.22')).toBeLessThan(0);
    expect(compareMinor('1.22', '1.22')).toBe(0);
    expect(compareMinor('2.0', '1.40')).toBeGreaterThan(0);
  });
});

describe('ns-pod-security-admits', () => {
  const PSA = 'pod-security.kubernetes.io/';
  const labelled = (labels: Record<string, string>) => ({ ...namespace(), metadata: { name: NS, labels } });
  const privileged = () => deployment('web', { container: { securityContext: { privileged: true } } });
  const PRIVILEGED = 'spec.template.spec.containers[0].securityContext.privileged (Privileged Containers): privileged containers are not allowed';

  test('enforce: an error naming the level, its version (latest when unset) and each control', () => {
    expect(findingsOf([labelled({ [`${PSA}enforce`]: 'baseline' }), privileged()], 'ns-pod-security-admits')).toEqual([{
      rule: 'ns-pod-security-admits', severity: 'error', kind: 'Deployment', namespace: NS, name: 'web',
      message: `Namespace "shop" enforces Pod Security "baseline" (latest), which refuses the pods of Deployment shop/web: ${PRIVILEGED}.`,
      fix: ruleFix('ns-pod-security-admits'),
    }]);
    expect(messages([labelled({ [`${PSA}enforce`]: 'baseline', [`${PSA}enforce-version`]: 'v1.33' }), privileged()], 'ns-pod-security-admits'))
      .toEqual([`error Namespace "shop" enforces Pod Security "baseline" (v1.33), which refuses the pods of Deployment shop/web: ${PRIVILEGED}.`]);
  });

  test('audit and warn: warnings, each saying which', () => {
    expect(messages([labelled({ [`${PSA}audit`]: 'baseline', [`${PSA}warn`]: 'baseline', [`${PSA}warn-version`]: 'v1.35' }), privileged()], 'ns-pod-security-admits')).toEqual([
      `warning Namespace "shop" audits Pod Security "baseline" (latest), which the pods of Deployment shop/web violate: ${PRIVILEGED}.`,
      `warning Namespace "shop" warns on Pod Security "baseline" (v1.35), which the pods of Deployment shop/web violate: ${PRIVILEGED}.`,
    ]);
  });

  test('audit or warn no stricter than enforce adds nothing; a stricter one does', () => {
    const same = labelled({ [`${PSA}enforce`]: 'baseline', [`${PSA}warn`]: 'baseline', [`${PSA}audit`]: 'privileged' });
    expect(findingsOf([same, privileged()], 'ns-pod-security-admits').map((f) => f.severity)).toEqual(['error']);
    const stricter = labelled({ [`${PSA}enforce`]: 'baseline', [`${PSA}warn`]: 'restricted' });
    expect(findingsOf([stricter, deployment('web')], 'ns-pod-security-admits').map((f) => `${f.severity} ${f.message.split(' (')[0]}`)).toEqual([
      'warning Namespace "shop" warns on Pod Security "restricted"',
    ]);
    // An enforce label that is not a level does not hide a warn level.
    const badEnforce = labelled({ [`${PSA}enforce`]: 'strict', [`${PSA}warn`]: 'baseline' });
    expect(findingsOf([badEnforce, privileged()], 'ns-pod-security-admits').map((f) => f.severity)).toEqual(['warning']);
  });

  test('no Pod Security label, levels that are not levels, privileged, or pods that meet the level: nothing', () => {
    for (const labels of <Array<Record<string, string>>>[{ team: 'a' }, { [`${PSA}enforce`]: 'strict' }, { [`${PSA}enforce`]: 'privileged' }, { [`${PSA}enforce-version`]: 'v1.35' }]) {
      expect(findingsOf([labelled(labels), privileged()], 'ns-pod-security-admits')).toEqual([]);
    }
    expect(findingsOf([namespace(), privileged()], 'ns-pod-security-admits')).toEqual([]);
    expect(findingsOf([labelled({ [`${PSA}enforce`]: 'baseline' }), deployment('web')], 'ns-pod-security-admits')).toEqual([]);
    // Only the pods of that namespace.
    expect(findingsOf([labelled({ [`${PSA}enforce`]: 'baseline' }), namespace('other'), deployment('web', { ns: 'other', container: { securityContext: { privileged: true } } })], 'ns-pod-security-admits')).toEqual([]);
  });

  test('an AppArmor annotation of the pod template is read, and named at its own path', () => {
    const annotated = deployment('web');
    annotated.spec.template.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' };
    expect(messages([labelled({ [`${PSA}enforce`]: 'baseline' }), annotated], 'ns-pod-security-admits')).toEqual([
      'error Namespace "shop" enforces Pod Security "baseline" (latest), which refuses the pods of Deployment shop/web: spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"] (AppArmor): AppArmor profile "unconfined" is not allowed (runtime/default or localhost/* are).',
    ]);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: NS, annotations: { 'container.apparmor.security.beta.kubernetes.io/web': 'unconfined' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27.3' }] } };
    expect(messages([labelled({ [`${PSA}enforce`]: 'baseline' }), pod], 'ns-pod-security-admits')).toEqual([
      'error Namespace "shop" enforces Pod Security "baseline" (latest), which refuses the pods of Pod shop/p: metadata.annotations["container.apparmor.security.beta.kubernetes.io/web"] (AppArmor): AppArmor profile "unconfined" is not allowed (runtime/default or localhost/* are).',
    ]);
  });
});

describe('the operator note (rules/operator-pods.ts), as svc-selector-matches-pod gives it', () => {
  const prometheus = (labels: any, where: 'metadata' | 'podMetadata' | 'template' = 'metadata', apiVersion = 'monitoring.coreos.com/v1', ns = NS) => ({
    apiVersion, kind: 'Prometheus',
    metadata: { name: 'main', namespace: ns, ...(where === 'metadata' ? { labels } : {}) },
    spec: where === 'podMetadata' ? { podMetadata: { labels } } : where === 'template' ? { template: { metadata: { labels } } } : {},
  });
  const notes = (objects: any[]) => findingsOf([namespace(), deployment('web'), service('prom', { selector: { app: 'prom', tier: 'db' } }), ...objects], 'svc-selector-matches-pod');

  test('a custom resource whose labels (or pod labels) cover the selector: info naming it', () => {
    for (const where of ['metadata', 'podMetadata', 'template'] as const) {
      expect(notes([prometheus({ app: 'prom', tier: 'db', extra: 'x' }, where)])).toEqual([{
        rule: 'svc-selector-matches-pod', severity: 'info', kind: 'Service', namespace: NS, name: 'prom',
        message: 'cannot judge spec.selector {"app":"prom","tier":"db"}: no pod template here matches it, but Prometheus shop/main carries these labels, and its operator may create the pods.',
        fix: 'Nothing to do if the operator labels its pods so; else fix the selector.',
      }]);
    }
  });

  test('labels that do not cover the selector, another namespace, or a built-in group: no note', () => {
    const without = notes([]);
    expect(without.map((f) => f.severity)).not.toContain('info');
    for (const cr of [
      prometheus({ app: 'prom' }), prometheus({ app: 'prom', tier: 'web' }), prometheus('app=prom'),
      prometheus({ app: 'prom', tier: 'db' }, 'metadata', 'monitoring.coreos.com/v1', 'other'),
      prometheus({ app: 'prom', tier: 'db' }, 'metadata', 'apps/v1'), prometheus({ app: 'prom', tier: 'db' }, 'metadata', 'networking.k8s.io/v1'),
      prometheus({ app: 'prom', tier: 'db' }, 'metadata', 'k8s.io/v1'), prometheus({ app: 'prom', tier: 'db' }, 'metadata', 'v1'),
    ]) {
      expect(notes([namespace('other'), cr])).toEqual(without);
    }
  });
});

describe('api-stable-versions: which groups and version strings it reads', () => {
  const stage = (apiVersion: string) => findingsOf([namespace(), { apiVersion, kind: 'Thing', metadata: { name: 'a', namespace: NS } }], 'api-stable-versions').map((f) => f.severity);

  test('versions with several digits are alpha or beta too', () => {
    expect(stage('example.k8s.io/v1beta12')).toEqual(['info']);
    expect(stage('example.k8s.io/v12alpha1')).toEqual(['warning']);
  });

  test('groups served by CRDs (Gateway API, cert-manager, *.x-k8s.io) and other domains are not judged; a group ending .k8s.io is', () => {
    for (const apiVersion of ['gateway.networking.k8s.io/v1beta1', 'certmanager.k8s.io/v1alpha1', 'cluster.x-k8s.io/v1beta1', 'k8s.io.example.com/v1beta1']) {
      expect(stage(apiVersion)).toEqual([]);
    }
    expect(stage('storage.k8s.io/v1beta2')).toEqual(['info']);
  });
});

describe('the naming and metadata rules on objects without metadata or labels', () => {
  test('no metadata, no spec: judged without failing', () => {
    const bare = [{ apiVersion: 'v1', kind: 'ConfigMap' }, { apiVersion: 'apps/v1', kind: 'Deployment' }, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: null }];
    const rules = ['label-values-valid', 'skip-has-reason', 'operator-pods', 'ns-pod-security-admits'];
    expect(checkPolicies([namespace(), ...bare]).filter((f) => rules.includes(f.rule))).toEqual([]);
  });
});

describe('ns-pod-security-admits: a Namespace with other labels beside its Pod Security ones', () => {
  test('is judged', () => {
    const ns = { ...namespace(), metadata: { name: NS, labels: { team: 'a', 'pod-security.kubernetes.io/enforce': 'baseline' } } };
    const privileged = deployment('web', { container: { securityContext: { privileged: true } } });
    expect(findingsOf([ns, privileged], 'ns-pod-security-admits').map((f) => f.severity)).toEqual(['error']);
  });
});
