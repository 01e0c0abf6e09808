// Boundary tests of the core validation helpers (lib/core/names, metadata-validation, int-or-percent, go-duration,
// wildcard-domain, kubernetes-version), written for their first mutation measurement (docs/testing.md "Last scores").
// Each expectation is what apimachinery's validation (or Go's time package) answers for the same input.
import { annotationProblems } from '../../lib/core/metadata-validation';

describe('annotation keys and sizes, as apimachinery ValidateAnnotations', () => {
  // ValidateAnnotations checks IsQualifiedName(strings.ToLower(key)): case does not matter in annotation keys.
  test.each(['Example.com/Owner', 'EXAMPLE.COM/x', 'UpperCase123'])('accepts %j, whose lowercase form is a qualified name', (key) => {
    expect(annotationProblems('annotations', { [key]: 'v' })).toEqual([]);
  });

  test.each(['Bad Key', 'Example.com/', 'a/b/c', 'Ex_ample.com/x'])('refuses %j, naming the field, the key and the rule', (key) => {
    expect(annotationProblems('annotations', { [key]: 'v' })).toEqual([{
      field: 'annotations', message: 'has a key that is not a valid annotation key.', value: key,
      allowed: 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
      fix: 'use a key such as "example.com/owner".',
    }]);
  });

  // TotalAnnotationSizeLimitB: keys and values together, in UTF-8 bytes, at most 256 KiB.
  const LIMIT = 256 * 1024;
  test('accepts keys and values of exactly 262144 bytes, refuses one byte more', () => {
    expect(annotationProblems('annotations', { a: 'b'.repeat(LIMIT - 1) })).toEqual([]);
    expect(annotationProblems('annotations', { a: 'b'.repeat(LIMIT / 2 - 1), c: 'd'.repeat(LIMIT / 2 - 1) })).toEqual([]);
    expect(annotationProblems('podAnnotations', { a: 'b'.repeat(LIMIT) })).toEqual([{
      field: 'podAnnotations', message: 'is too long: the keys and values together have 262145 bytes.',
      allowed: 'at most 262144 bytes (256 KiB) of keys and values in UTF-8', fix: 'move large data into a ConfigMap and keep only a reference in the annotation.',
    }]);
  });

  test('counts UTF-8 bytes, not characters', () => {
    // "é" is 2 bytes, "€" 3, "😀" 4 (2 UTF-16 units).
    expect(annotationProblems('a', { k: 'é'.repeat((LIMIT - 2) / 2) + 'x' })).toEqual([]);
    expect(annotationProblems('a', { k: 'é'.repeat((LIMIT - 2) / 2) + 'xy' })).toHaveLength(1);
    expect(annotationProblems('a', { k: '€'.repeat((LIMIT - 1) / 3) })).toEqual([]);
    expect(annotationProblems('a', { k: `${'€'.repeat((LIMIT - 1) / 3)}x` })[0].message).toBe('is too long: the keys and values together have 262145 bytes.');
    expect(annotationProblems('a', { k: '😀'.repeat((LIMIT - 4) / 4) + 'abc' })).toEqual([]);
    expect(annotationProblems('a', { k: '😀'.repeat((LIMIT - 4) / 4) + 'abcd' })).toHaveLength(1);
  });

  test('a map of fewer than a third of the limit in UTF-16 units is never measured too long; inherited keys do not count', () => {
    expect(annotationProblems('a', { k: '€'.repeat(Math.floor(LIMIT / 3) - 1) })).toEqual([]);
    const inherited = Object.create({ 'bad key': 'b'.repeat(LIMIT) }) as Record<string, string>;
    expect(annotationProblems('a', inherited)).toEqual([]);
    expect(annotationProblems('a', undefined)).toEqual([]);
  });
});

describe('Go durations at the edges time.ParseDuration has', () => {
  const { parseGoDuration, formatGoDurationNanos } = require('../../lib/core/go-duration');
  // Go keeps whole nanoseconds: the fraction of each part is cut, not rounded ("1.9ns" is 1ns, "0.5ns" is 0).
  test.each([['1.9ns', 1], ['0.5ns', 0], ['1.5us', 1500], ['0.3s', 300e6], ['1.1s', 1.1e9], ['.5m', 30e9], ['1.s', 1e9], ['-1.9ns', -1], ['1.0000000001s', 1e9]])(
    'parses %s as %d ns, as Go does', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));

  // A Duration is an int64 of nanoseconds: 2562047h is the largest whole number of hours; Go refuses 2562048h.
  test.each([['2562047h', 2562047 * 3600e9], ['-9223372036854775808ns', -(2 ** 63)]])('accepts %s', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));
  test.each(['2562048h', '9223372036854775808ns', '-9223372036854775809000ns', '106751992d', '3000000h'])('refuses %s, beyond an int64 of nanoseconds', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  test.each(['.s', '-.s', '1..5s', '1.5.5s', 'µs', '1µ', '1S', '+-1s', '1s ', ' 1s'])('refuses %j', (text) => expect(parseGoDuration(text)).toBeUndefined());
  test.each([['1\u03bcs', 1e3], ['-0', 0], ['+0', 0], ['1h1m1s1ms1us1ns', 3661001001001]])('parses %j', (text, nanos) => expect(parseGoDuration(text)).toBe(nanos));

  test.each([[999, '999ns'], [1000, '1µs'], [999_999, '999.999µs'], [1e6, '1ms'], [999_999_999, '999.999999ms'], [1e9, '1s'], [1e9 + 1, '1.000000001s'],
    [59e9, '59s'], [3599e9, '59m59s'], [3600e9 + 1, '1h0m0.000000001s'], [-1, '-1ns'], [-1500, '-1.5µs'], [-90e9, '-1m30s'], [0.4, '0s'], [1.5, '2ns']])(
    '%d ns prints as %s', (nanos, text) => expect(formatGoDurationNanos(nanos)).toBe(text));
});

describe('name syntaxes at their edges (apimachinery util/validation)', () => {
  const { isDns1035Label, isDns1123Label, isIanaSvcName, isQualifiedName, isLabelValue, toDns1035Label } = require('../../lib/core/names');
  test.each([['a'.repeat(63), true], ['a'.repeat(64), false], ['', false], ['a', true], ['a-1', true], ['a-', false]])('DNS-1123 label %j → %s', (v, ok) => expect(isDns1123Label(v)).toBe(ok));
  test.each([['a'.repeat(63), true], ['', false], ['z', true], ['-a', false], ['a1', true]])('DNS-1035 label %j → %s', (v, ok) => expect(isDns1035Label(v)).toBe(ok));
  // IsValidPortName: 1 to 15 characters, [-a-z0-9], a letter, no leading, trailing or double "-".
  test.each([['a'.repeat(15), true], ['a'.repeat(16), false], ['', false], ['a', true], ['a-b', true], ['a-', false], ['-', false], ['123', false], ['1a', true], ['a_b', false], ['a-b-c', true]])(
    'IANA service name %j → %s', (v, ok) => expect(isIanaSvcName(v)).toBe(ok));
  // IsQualifiedName: an optional DNS-1123 subdomain prefix (at most 253) and "/", then a name of at most 63.
  test.each([['a'.repeat(63), true], ['a'.repeat(64), false], ['', false], ['a', true], ['a_b.c-d', true], ['_a', false], ['a_', false], ['A', true],
    [`${'p'.repeat(253)}/n`, true], [`${'p'.repeat(254)}/n`, false], [`example.com/${'n'.repeat(63)}`, true], [`example.com/${'n'.repeat(64)}`, false], ['/', false], ['a//b', false]])(
    'qualified name %j → %s', (v, ok) => expect(isQualifiedName(v)).toBe(ok));
  test.each([['a'.repeat(63), true], ['', true], ['a', true], ['A_b.c-D', true], ['a.', false], ['.a', false]])('label value %j → %s', (v, ok) => expect(isLabelValue(v)).toBe(ok));
  test.each([['My--App__x', 'my-app-x'], ['--9web', 'web'], ['web-', 'web'], [`a${'-'.repeat(70)}b`, 'a-b'], [`${'a'.repeat(62)}-bcd`, 'a'.repeat(62)], ['a'.repeat(64), 'a'.repeat(63)], ['123', '']])(
    'toDns1035Label(%j) → %j', (v, out) => expect(toDns1035Label(v)).toBe(out));
});

describe('labels, namespaces and label selectors (ValidateLabels, ValidateLabelSelector)', () => {
  const { labelProblems, namespaceProblems, metadataProblems, labelSelectorProblems } = require('../../lib/core/metadata-validation');
  const KEY_RULE = 'an optional DNS subdomain prefix and "/", then at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  const VALUE_RULE = 'empty, or at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit';
  const badValue = (field: string, value: unknown) => ({ field, message: 'is not a valid label value.', value, allowed: VALUE_RULE, fix: 'shorten it, or replace spaces and other characters with "-".' });

  test('a bad key and a bad value are reported with the field, the key and the value', () => {
    expect(labelProblems('labels', { 'bad key': 'ok', app: 'a b', n: 5 })).toEqual([
      { field: 'labels', message: 'has a key that is not a valid label key.', value: 'bad key', allowed: KEY_RULE, fix: 'use a key such as "app" or "example.com/team".' },
      badValue('labels["app"]', 'a b'), badValue('labels["n"]', 5),
    ]);
    expect(labelProblems('labels', { app: 'web', 'Example.com/x': 'y' })).toHaveLength(1);
    expect(labelProblems('labels', Object.create({ 'bad key': 'a b' }))).toEqual([]);
    expect(labelProblems('labels', undefined)).toEqual([]);
    expect(labelProblems('labels', null)).toEqual([]);
  });

  test('labelsAreValid, the shortcut the policy check asks first, calls clean only maps labelProblems finds nothing in', () => {
    const { labelsAreValid } = require('../../lib/core/metadata-validation');
    const maps = [{}, { app: 'web', 'example.com/team': '' }, { 'bad key': 'ok' }, { app: 'a b' }, { n: 5 }, { app: null }, { 'Example.com/x': 'y' }, { ['x'.repeat(64)]: 'y' }];
    for (const labels of maps) expect(labelsAreValid(labels)).toBe(labelProblems('labels', labels).length === 0);
    // An inherited bad key: suspected (judged again), though labelProblems reads own keys only.
    expect(labelsAreValid(Object.create({ 'bad key': 'a b' }))).toBe(false);
    const { checkPolicies } = require('../../lib');
    const pod = (name: string, labels: unknown) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    const found = checkPolicies([pod('a', { app: 'a' }), pod('b', { app: 'b c' }), pod('c', Object.create({ 'bad key': 'a b' })), pod('d', { app: 'd' })])
      .filter((f: any) => f.rule === 'label-values-valid').map((f: any) => `${f.name}: ${f.message.split(' Got:')[0]}`);
    expect(found).toEqual(['b: metadata.labels["app"]: is not a valid label value.']);
  });

  test('namespaces and the metadata of an object', () => {
    expect(namespaceProblems('ns', 'a'.repeat(63))).toEqual([]);
    expect(namespaceProblems('ns', undefined)).toEqual([]);
    expect(namespaceProblems('ns', 'My.Team')).toEqual([{
      field: 'ns', message: 'is not a valid Namespace name.', value: 'My.Team',
      allowed: 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters', fix: 'use lowercase letters, digits and "-", e.g. "my-team".',
    }]);
    expect(metadataProblems(undefined)).toEqual([]);
    expect(metadataProblems({ namespace: 'a.b', labels: { a: '-' }, annotations: { 'a b': '' } }).map((p: any) => p.field))
      .toEqual(['metadata.namespace', 'metadata.labels["a"]', 'metadata.annotations']);
  });

  test('selectors: keys, operators, values', () => {
    expect(labelSelectorProblems('s', undefined)).toEqual([]);
    expect(labelSelectorProblems('s', null)).toEqual([]);
    expect(labelSelectorProblems('s', 'app=web')).toEqual([]);
    expect(labelSelectorProblems('s', { matchExpressions: 'x' })).toEqual([]);
    expect(labelSelectorProblems('s', {
      matchLabels: { app: 'a b' },
      matchExpressions: [
        { key: 'team', operator: 'In', values: ['a', 'b c', 7] },
        { key: 'bad key', operator: 'Exists' },
        { key: 5, operator: 'in', values: ['x'] },
        { key: 'k', operator: 'Has', values: [] },
        { key: 'k', operator: 'NotIn' },
        { key: 'k', operator: 'DoesNotExist', values: ['x'] },
        { key: 'k', operator: 'Exists', values: [] },
        { key: 'k', operator: 'In', values: 'x' },
        null,
      ],
    })).toEqual([
      badValue('s.matchLabels["app"]', 'a b'),
      badValue('s.matchExpressions[0].values[1]', 'b c'),
      badValue('s.matchExpressions[0].values[2]', 7),
      { field: 's.matchExpressions[1].key', message: 'is not a valid label key.', value: 'bad key', allowed: KEY_RULE, fix: 'use a key such as "team" or "kubernetes.io/metadata.name".' },
      { field: 's.matchExpressions[2].key', message: 'is not a valid label key.', value: 5, allowed: KEY_RULE, fix: 'use a key such as "team" or "kubernetes.io/metadata.name".' },
      { field: 's.matchExpressions[2].operator', message: 'is not a label selector operator.', value: 'in', allowed: 'In, NotIn, Exists, DoesNotExist', fix: 'write operator: "In" (operators are case-sensitive).' },
      { field: 's.matchExpressions[3].operator', message: 'is not a label selector operator.', value: 'Has', allowed: 'In, NotIn, Exists, DoesNotExist', fix: 'use In or NotIn with values, or Exists or DoesNotExist without.' },
      { field: 's.matchExpressions[4].values', message: 'must be non-empty when operator is NotIn.', fix: 'list the label values to match, or use Exists.' },
      { field: 's.matchExpressions[5].values', message: 'must be empty when operator is DoesNotExist.', value: ['x'], fix: 'drop the values, or use In to match them.' },
      { field: 's.matchExpressions[7].values', message: 'must be non-empty when operator is In.', fix: 'list the label values to match, or use Exists.' },
      { field: 's.matchExpressions[8].key', message: 'is not a valid label key.', value: undefined, allowed: KEY_RULE, fix: 'use a key such as "team" or "kubernetes.io/metadata.name".' },
      { field: 's.matchExpressions[8].operator', message: 'is not a label selector operator.', value: undefined, allowed: 'In, NotIn, Exists, DoesNotExist', fix: 'use In or NotIn with values, or Exists or DoesNotExist without.' },
    ]);
  });
});

describe('pod counts (intstr, ValidatePositiveIntOrPercent)', () => {
  const { isIntOrPercent, scaledPods, isZeroPods } = require('../../lib/core/int-or-percent');
  test.each([[0, true], [1, true], [-1, false], [1.5, false], ['0%', true], ['100%', true], ['5', false], ['%', false], [' 5%', false], ['5%%', false], ['-5%', false], ['5.5%', false], [null, false], [true, false], [['5%'], false]])(
    'isIntOrPercent(%j) → %s', (v, ok) => expect(isIntOrPercent(v)).toBe(ok));
  test.each([[3, 10, true, 3], [-2, 10, false, -2], [1.5, 10, true, undefined], ['25%', 10, true, 3], ['25%', 10, false, 2], ['50%', 3, true, 2], ['50%', 3, false, 1],
    ['100%', 7, false, 7], ['x%', 10, true, undefined], ['25', 10, true, undefined], [null, 10, true, undefined], ['0%', 9, true, 0],
    ['x5%', 10, true, undefined], ['5%x', 10, true, undefined], ['5%%', 10, false, undefined], [['25%'], 10, true, undefined]])(
    'scaledPods(%j, %d, roundUp %s) → %s', (v, total, up, n) => expect(scaledPods(v, total, up)).toBe(n));
  test.each([[0, true], ['0%', true], ['00%', true], ['0', false], [1, false], ['10%', false], ['%', false], [null, false], ['x0%', false], ['0%x', false], ['-0%', false], [['0%'], false]])('isZeroPods(%j) → %s', (v, ok) => expect(isZeroPods(v)).toBe(ok));
});

describe('wildcard domains', () => {
  const { normalizeWildcardDomain, wildcardDomainProblem, qualifyHost, outsideDomainProblem } = require('../../lib/core/wildcard-domain');
  test('normalized: lowercase, one trailing dot dropped', () => {
    expect(normalizeWildcardDomain('Cluster.Example.COM.')).toBe('cluster.example.com');
    expect(normalizeWildcardDomain('a.b..')).toBe('a.b.');
  });
  test.each([['cluster.example.com', true], ['*.cluster.example.com', false], ['a..b', false], ['', false], ['com', true]])('domain %j valid: %s', (d, ok) => {
    const problem = wildcardDomainProblem(`given ${d}`, d);
    expect(problem).toEqual(ok ? undefined : {
      field: 'domain', message: 'is not a DNS domain.', value: `given ${d}`, allowed: 'dot-separated DNS labels of lowercase letters, digits and "-", at most 253 characters',
      fix: 'give the domain without "*.", e.g. "cluster.example.com" for *.cluster.example.com.',
    });
  });
  test.each([['web01', 'web01.example.com'], ['Web01.', 'web01.example.com'], ['example.com', 'example.com'], ['a.example.com', 'a.example.com'], ['aexample.com', 'aexample.com.example.com'], ['a.other.com', 'a.other.com.example.com']])(
    'qualifyHost(%j) → %j', (h, out) => expect(qualifyHost(h, 'example.com')).toBe(out));
  test('a host outside the domain is explained with both readings and the certificate names', () => {
    const D = 'cluster.example.com';
    for (const host of ['web01', 'cluster.example.com', 'CLUSTER.example.com.', 'a.cluster.example.com']) expect(outsideDomainProblem(host, D, false)).toBeUndefined();
    expect(outsideDomainProblem('web01.other.com', D, true)).toBeUndefined();
    expect(outsideDomainProblem('Web01.Other.com.', D, false, [])).toEqual({
      field: 'route.host',
      message: `is outside *.${D}: it does not end in .${D}, and read as a name under the domain it is more than one label down, which a *.${D} certificate does not cover.`,
      value: 'Web01.Other.com.', allowed: `<name> or <name>.${D}, or a name the certificate lists (none)`,
      fix: `use a single label such as "web01" (published as web01.${D}); a host of another domain needs its own HttpIngress or Gateway listener and certificate; a nested name needs a certificate that lists it.`,
    });
    expect(outsideDomainProblem('x.y', D, false)!.allowed).toBe(`<name> or <name>.${D}, or a name the certificate lists (its names are unknown)`);
    expect(outsideDomainProblem('x.y', D, false, [`*.${D}`, 'x.y.z'])!.allowed).toBe(`<name> or <name>.${D}, or a name the certificate lists (*.${D}, x.y.z)`);
    expect(outsideDomainProblem('xcluster.example.com', D, false)).toBeDefined();
  });
});

describe('Kubernetes versions', () => {
  const kv = require('../../lib/core/kubernetes-version');
  test.each([['1.35', [1, 35]], ['v1.35', [1, 35]], ['1.35.2', [1, 35]], ['1.35.10', [1, 35]], ['10.1', [10, 1]], ['v1.123', [1, 123]], ['v1.36.0-rc.1', [1, 36]], ['2.0', [2, 0]], ['1', undefined], ['1.35.', undefined], ['V1.35', undefined], ['1.35-', undefined],
    ['1.35.2.1', undefined], [' 1.35', undefined], ['1.35 ', undefined], ['x1.35', undefined], ['1.x', undefined]])('parse %j', (text, out) => {
    expect(kv.parseKubernetesVersion(text)).toEqual(out && { major: out[0], minor: out[1] });
  });
  test('format and compare', () => {
    expect(kv.formatKubernetesVersion({ major: 1, minor: 9 })).toBe('1.9');
    expect(kv.atLeast({ major: 1, minor: 29 }, 29)).toBe(true);
    expect(kv.atLeast({ major: 1, minor: 28 }, 29)).toBe(false);
    expect(kv.atLeast({ major: 2, minor: 0 }, 29)).toBe(true);
    expect(kv.atLeast({ major: 0, minor: 99 }, 29)).toBe(false);
  });
  const NOT_RELEASE = { message: 'is not a Kubernetes release.', fix: 'give the version your nodes run (`kubectl version` shows it).' };
  test('not a release', () => {
    expect(kv.kubernetesVersionProblem('f', '1.35')).toBeUndefined();
    expect(kv.kubernetesVersionProblem('f', '2.0')).toEqual({ field: 'f', ...NOT_RELEASE, value: '2.0', allowed: '"1.<minor>", optionally with "v" and a patch, e.g. "1.35" or "v1.35.2"' });
    expect(kv.kubernetesVersionProblem('f', 135 as any)).toMatchObject({ value: 135 });
    expect(kv.supportedKubernetesVersionProblem('f', 'x')).toEqual({ field: 'f', ...NOT_RELEASE, value: 'x', allowed: 'a release from 1.31 to 1.36, e.g. "1.35"' });
  });
  test.each([['1.31', undefined], ['1.36', undefined], ['v1.33.4', undefined],
    ['1.30', 'upgrade the cluster to 1.31 or later (1.30 is out of upstream support), or target 1.31.'],
    ['v1.37.0', 'target 1.36, the newest release this version of cdk8s-netkit knows, or upgrade cdk8s-netkit.']])('supported range: %j', (text, fix) => {
    expect(kv.supportedKubernetesVersionProblem('f', text)).toEqual(fix && {
      field: 'f', message: 'is outside the supported range 1.31 to 1.36: cdk8s-netkit checks manifests against the API rules of those releases only.',
      value: text, allowed: '1.31 to 1.36', fix,
    });
  });
  test('the target: set, from the context (text or number), or the default; a bad one names the app', () => {
    const { App, Chart } = require('cdk8s');
    const app = new App();
    expect(() => kv.setKubernetesVersion(app, '1.30')).toThrow(/\[app\] kubernetesVersion: is outside the supported range/);
    const chart = new Chart(app, 'c');
    expect(() => kv.setKubernetesVersion(chart, '1.37')).toThrow(/\[c\] kubernetesVersion/);
    expect(kv.targetKubernetesVersionText(chart)).toBe('1.35');
    const viaContext = new App();
    viaContext.node.setContext(kv.KUBERNETES_VERSION_CONTEXT, 1.34);
    expect(kv.targetKubernetesVersion(new Chart(viaContext, 'c'))).toEqual({ major: 1, minor: 34 });
    const bad = new App();
    bad.node.setContext(kv.KUBERNETES_VERSION_CONTEXT, '1.99');
    expect(() => kv.targetKubernetesVersionText(new Chart(bad, 'c'))).toThrow(/\[app\] context "cdk8s-netkit:kubernetesVersion": is outside the supported range/);
    kv.setKubernetesVersion(bad, 'v1.32.1');
    expect(kv.targetKubernetesVersionText(new Chart(bad, 'd'))).toBe('v1.32.1');
  });
});
