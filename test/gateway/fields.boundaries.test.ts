// The Gateway API field types (lib/gateway/validation/fields.ts) at the edges the CRDs (v1.6.1) set, with the whole
// problem a user sees: the survivors of the first mutation run over fields.ts (docs/testing.md).
import {
  countProblem, defined, durationMillis, durationProblem, enumProblem, groupProblem, headerNameProblem, hostnameProblem, HOSTNAME_RULE, integerProblem,
  isHostname, isPortNumber, items, kindProblem, lengthProblem, namespaceRefProblem, objectNameProblem, objectProblems, portNumberProblem, preciseHostnameProblem,
  requiredProblem, sectionNameProblem,
} from '../../lib/gateway/validation/fields';

const label = (n: number) => 'a'.repeat(n);
/** A DNS name of exactly `n` characters (labels of 63 and fewer). */
const dnsName = (n: number) => [label(63), label(63), label(63), label(n - 192)].join('.');

describe('lists and required fields', () => {
  test('items: anything but a list holds no items', () => {
    expect(items('abc')).toEqual([]);
    expect(items({ length: 2 })).toEqual([]);
    expect(items([1, 2])).toEqual([1, 2]);
  });
  test('countProblem: the default fixes, "is" for one and "are" for more, an absent optional list', () => {
    expect(countProblem('l', [1, 2, 3], 2)).toEqual({ field: 'l', message: 'has 3 items; at most 2 are allowed.', value: 3, allowed: '0-2 items', fix: 'remove items until at most 2 are left.' });
    expect(countProblem('l', [1, 2], 2)).toBeUndefined();
    expect(countProblem('l', [], 4, 1)).toEqual({ field: 'l', message: 'has 0 items; at least 1 is required.', value: 0, allowed: '1-4 items', fix: 'add at least 1.' });
    expect(countProblem('l', [1], 4, 2)).toEqual({ field: 'l', message: 'has 1 items; at least 2 are required.', value: 1, allowed: '2-4 items', fix: 'add at least 2.' });
    expect(countProblem('l', [1, 2], 4, 2)).toBeUndefined();
    expect(countProblem('l', undefined, 4, 1)).toMatchObject({ message: 'has 0 items; at least 1 is required.' });
    expect(countProblem('l', undefined, 4)).toBeUndefined();
    expect(countProblem('l', [], 4)).toBeUndefined();
  });
  test('requiredProblem: absent, null and "" are missing (only "" is shown); 0 and false are given', () => {
    expect(requiredProblem('f', undefined, 'set f.')).toEqual({ field: 'f', message: 'is required.', fix: 'set f.' });
    expect(requiredProblem('f', null, 'set f.')).toEqual({ field: 'f', message: 'is required.', fix: 'set f.' });
    expect(requiredProblem('f', '', 'set f.')).toEqual({ field: 'f', message: 'is required.', value: '', fix: 'set f.' });
    expect(requiredProblem('f', 0, 'set f.')).toBeUndefined();
    expect(requiredProblem('f', false, 'set f.')).toBeUndefined();
  });
  test('defined drops the checks that found nothing', () => {
    expect(defined(undefined, { field: 'a', message: 'm', fix: 'f' }, undefined)).toEqual([{ field: 'a', message: 'm', fix: 'f' }]);
  });
});

describe('names', () => {
  test('hostnames: 253 characters pass, 254 and "" are refused; an IP, an upper-case name and a URL each get their own fix', () => {
    expect(hostnameProblem('h', dnsName(253))).toBeUndefined();
    expect(hostnameProblem('h', `*.${dnsName(251)}`)).toBeUndefined();
    const generic = 'use a lowercase host name without scheme, port, path or trailing dot ("www.example.com" or "*.example.com").';
    expect(hostnameProblem('h', dnsName(254))).toEqual({ field: 'h', message: 'is not a valid Gateway API hostname.', value: dnsName(254), allowed: HOSTNAME_RULE, fix: generic });
    expect(hostnameProblem('h', '')).toMatchObject({ value: '', fix: generic });
    expect(hostnameProblem('h', '10.0.0.1')).toEqual({
      field: 'h', message: 'is an IP address; Gateway API hostnames must be DNS names.', value: '10.0.0.1', allowed: HOSTNAME_RULE,
      fix: 'use a DNS name that resolves to the Gateway, or leave the hostname out to match every host.',
    });
    expect(hostnameProblem('h', 'Shop.Example.com')).toMatchObject({ fix: 'write it in lowercase: "shop.example.com".' });
    expect(hostnameProblem('h', 'https://shop.example.com')).toMatchObject({ fix: generic });
    expect(hostnameProblem('h', 'HTTPS://SHOP')).toMatchObject({ fix: generic });
    expect(hostnameProblem('h', 42)).toMatchObject({ value: 42, fix: generic });
  });
  test('precise hostnames: 253 characters pass; 254, "", a wildcard and a non-string are refused', () => {
    expect(preciseHostnameProblem('h', dnsName(253))).toBeUndefined();
    for (const bad of [dnsName(254), '', '*.example.com', 42]) {
      expect(preciseHostnameProblem('h', bad)).toEqual({
        field: 'h', message: 'is not a valid precise hostname.', value: bad, allowed: 'a lowercase DNS name of at most 253 characters, without wildcard, port or trailing dot',
        fix: 'use a lowercase host name such as "www.example.com", without "*.".',
      });
    }
  });
  test('section names: 253 characters pass; 254, "" and a non-string are refused', () => {
    expect(sectionNameProblem('s', dnsName(253))).toBeUndefined();
    for (const bad of [dnsName(254), '', 80]) {
      expect(sectionNameProblem('s', bad)).toEqual({
        field: 's', message: 'is not a valid section name.', value: bad, allowed: 'dot-separated labels of lowercase letters, digits and "-", at most 253 characters',
        fix: 'use lowercase letters, digits and "-", e.g. "https" or "http-80".',
      });
    }
  });
  test('object names: 1 and 253 characters pass; "", 254 and a non-string are refused', () => {
    expect(objectNameProblem('n', 'a')).toBeUndefined();
    expect(objectNameProblem('n', 'A_b'.padEnd(253, 'x'))).toBeUndefined();
    for (const bad of ['', 'a'.repeat(254), 7]) {
      expect(objectNameProblem('n', bad)).toEqual({ field: 'n', message: 'must be an object name of 1-253 characters.', value: bad, allowed: '1-253 characters', fix: 'set the name of the object referred to.' });
    }
  });
  test('namespaces: absent and 63 characters pass; 64, upper case, "" and a non-string are refused', () => {
    expect(namespaceRefProblem('ns', undefined)).toBeUndefined();
    expect(namespaceRefProblem('ns', label(63))).toBeUndefined();
    for (const bad of [label(64), 'Shop', '', 5]) {
      expect(namespaceRefProblem('ns', bad)).toEqual({
        field: 'ns', message: 'is not a valid namespace name.', value: bad, allowed: 'lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
        fix: 'use the name of an existing namespace, or leave it out for the referring object\'s namespace.',
      });
    }
  });
  test('groups: absent, "" and 253 characters pass; 254, upper case and a non-string are refused', () => {
    for (const ok of [undefined, '', dnsName(253)]) expect(groupProblem('g', ok)).toBeUndefined();
    for (const bad of [dnsName(254), 'Core', 5]) {
      expect(groupProblem('g', bad)).toEqual({
        field: 'g', message: 'is not a valid API group.', value: bad, allowed: '"" (the core group) or a DNS subdomain such as "gateway.networking.k8s.io", at most 253 characters',
        fix: 'use "" for core kinds (Service, Secret) or the kind\'s API group.',
      });
    }
  });
  test('kinds: absent and 63 characters pass; 64, "", a leading digit and a non-string are refused; the spelling is judged only with a group', () => {
    expect(kindProblem('k', undefined)).toBeUndefined();
    expect(kindProblem('k', `K${label(62)}`)).toBeUndefined();
    expect(kindProblem('k', 'service')).toBeUndefined();
    expect(kindProblem('k', 'service', '')).toMatchObject({ field: 'k', value: 'service', fix: 'write kind: "Service".' });
    for (const bad of [`K${label(63)}`, '', '1Kind', 5]) {
      expect(kindProblem('k', bad, '')).toEqual({
        field: 'k', message: 'is not a valid kind.', value: bad, allowed: 'letters, digits and "-", starting with a letter, at most 63 characters', fix: 'use a kind such as "Service", "Secret" or "Gateway".',
      });
    }
  });
  test('header names: 256 characters pass; 257, "", ":method" and a non-string are refused', () => {
    expect(headerNameProblem('h', 'X'.repeat(256))).toBeUndefined();
    for (const bad of ['X'.repeat(257), '', ':method', 5]) {
      expect(headerNameProblem('h', bad)).toEqual({
        field: 'h', message: 'is not a valid HTTP header or parameter name.', value: bad, allowed: 'an HTTP token (letters, digits and !#$%&\'*+-.^_`|~), at most 256 characters',
        fix: 'use a name such as "X-Canary" or "version", without spaces or ":".',
      });
    }
  });
});

describe('one character, and a value inside a one-item list', () => {
  test('the shortest names pass', () => {
    expect([hostnameProblem('h', 'a'), preciseHostnameProblem('h', 'a'), sectionNameProblem('s', 'a'), kindProblem('k', 'K'), headerNameProblem('h', 'X'), namespaceRefProblem('n', 'a')])
      .toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect([isHostname('shop.example.com'), isHostname('10.0.0.1'), isHostname('Shop')]).toEqual([true, false, false]);
  });
  test('a name given as a one-item list (a YAML "- shop") is refused, though the list reads as its item in a pattern', () => {
    const checks: [string, (f: string, v: unknown) => unknown, unknown][] = [
      ['hostname', hostnameProblem, ['shop.example.com']], ['precise hostname', preciseHostnameProblem, ['shop.example.com']], ['section name', sectionNameProblem, ['http']],
      ['object name', objectNameProblem, ['shop']], ['namespace', namespaceRefProblem, ['shop']], ['group', groupProblem, ['example.com']],
      ['kind', (f, v) => kindProblem(f, v, ''), ['Service']], ['header name', headerNameProblem, ['X-A']],
    ];
    for (const [what, check, value] of checks) expect([what, check('f', value)]).toEqual([what, expect.objectContaining({ field: 'f', value })]);
    expect(isHostname(['shop.example.com'])).toBe(false);
  });
});

describe('numbers, strings, enums and durations', () => {
  test('ports: 1 and 65535 pass; 0, 65536, 80.5 and "80" are refused', () => {
    expect([1, 65535, 0, 65536, 80.5, '80'].map(isPortNumber)).toEqual([true, true, false, false, false, false]);
    expect(portNumberProblem('p', 0)).toEqual({ field: 'p', message: 'is not a port number.', value: 0, allowed: 'an integer 1-65535', fix: 'use a number such as 80 or 443.' });
  });
  test('integers: both ends pass, one past either end and a fraction are refused', () => {
    for (const ok of [2, 5]) expect(integerProblem('i', ok, 2, 5, 'fix it.')).toBeUndefined();
    for (const bad of [1, 6, 2.5, '3']) {
      expect(integerProblem('i', bad, 2, 5, 'fix it.')).toEqual({ field: 'i', message: 'must be an integer from 2 to 5.', value: bad, allowed: '2-5', fix: 'fix it.' });
    }
  });
  test('lengths: both ends pass; a value shown is cut after 80 characters; a non-string is shown as it is', () => {
    expect(lengthProblem('s', 'ab', 2, 100, 'fix it.')).toBeUndefined();
    expect(lengthProblem('s', 'a'.repeat(100), 2, 100, 'fix it.')).toBeUndefined();
    expect(lengthProblem('s', 'a', 2, 100, 'fix it.')).toEqual({ field: 's', message: 'must be a string of 2-100 characters.', value: 'a', allowed: '2-100 characters', fix: 'fix it.' });
    expect(lengthProblem('s', 'a'.repeat(80), 81, 100, 'fix it.')?.value).toBe('a'.repeat(80));
    expect(lengthProblem('s', 'a'.repeat(101), 2, 100, 'fix it.')?.value).toBe(`${'a'.repeat(80)}…`);
    expect(lengthProblem('s', 7, 2, 100, 'fix it.')?.value).toBe(7);
  });
  test('enums name every allowed value', () => {
    expect(enumProblem('e', 'c', ['a', 1], 'fix it.')).toEqual({ field: 'e', message: 'is not one of the allowed values.', value: 'c', allowed: 'a, 1', fix: 'fix it.' });
    expect(enumProblem('e', 1, ['a', 1], 'fix it.')).toBeUndefined();
  });
  test('durations: up to 4 groups of up to 5 digits; the milliseconds of each unit', () => {
    for (const ok of [undefined, '0s', '99999ms', '1h2m3s4ms']) expect(durationProblem('d', ok)).toBeUndefined();
    for (const bad of ['1h2m3s4ms5h', '100000s', '10us', '1.5s', '', 10]) {
      expect(durationProblem('d', bad)).toEqual({
        field: 'd', message: 'is not a Gateway API duration.', value: bad, allowed: '1 to 4 groups of up to 5 digits and a unit h, m, s or ms, such as "10s", "500ms" or "1m30s"',
        fix: 'write it as "10s", "500ms" or "1m30s" (no decimals, no "us").',
      });
    }
    expect(['1h', '1m', '1s', '1ms', '2h30m', '1m1s1ms'].map(durationMillis)).toEqual([3_600_000, 60_000, 1000, 1, 9_000_000, 61_001]);
  });
});

describe('objectProblems', () => {
  test('the name, the metadata and the spec, with the kind, the example name and the fix given', () => {
    expect(objectProblems('Thing', { metadata: { name: 'ok' }, spec: {} }, 'ex', 'set spec.')).toEqual({ problems: [], hasSpec: true });
    expect(objectProblems('Thing', { metadata: { name: 'Bad' }, spec: 'x' }, 'ex', 'set spec.')).toEqual({
      problems: [
        expect.objectContaining({ field: 'metadata.name', message: 'is not a valid Thing name.', value: 'Bad', fix: 'use a lowercase name such as "ex".' }),
        { field: 'spec', message: 'is required.', fix: 'set spec.' },
      ],
      hasSpec: false,
    });
    expect(objectProblems('Thing', { metadata: { name: 5 } }, 'ex', 'set spec.').problems.map((p) => [p.field, p.value])).toEqual([['metadata.name', 5], ['spec', undefined]]);
    expect(objectProblems('Thing', { metadata: { name: 'ok', labels: { 'a b': 'x' } }, spec: {} }, 'ex', 'set spec.').problems.map((p) => p.field)).toEqual([expect.stringMatching(/^metadata\.labels/)]);
    expect(objectProblems('Thing', {}, 'ex', 'set spec.').problems.map((p) => p.field)).toEqual(['metadata.name', 'spec']);
  });
});
