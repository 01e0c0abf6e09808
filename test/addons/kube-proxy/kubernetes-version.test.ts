import { atLeast, kubernetesVersionProblem, parseKubernetesVersion } from '../../../lib/addons/kube-proxy';

describe('Kubernetes versions', () => {
  test.each([
    ['1.35', { major: 1, minor: 35 }], ['v1.35', { major: 1, minor: 35 }], ['1.35.2', { major: 1, minor: 35 }],
    ['v1.36.0-rc.1', { major: 1, minor: 36 }],
  ])('parses %s', (text, version) => {
    expect(parseKubernetesVersion(text)).toEqual(version);
  });

  test.each(['1', '1.x', 'latest', '1.35.', ' 1.35'])('rejects %j', (text) => {
    expect(parseKubernetesVersion(text)).toBeUndefined();
    expect(kubernetesVersionProblem('kubernetesVersion', text)?.message).toBe('is not a Kubernetes release.');
  });

  test('only 1.x is a Kubernetes release', () => {
    expect(kubernetesVersionProblem('kubernetesVersion', '1.35')).toBeUndefined();
    expect(kubernetesVersionProblem('kubernetesVersion', '2.1')).toEqual(expect.objectContaining({ field: 'kubernetesVersion', value: '2.1' }));
  });

  test('atLeast compares minors', () => {
    expect(atLeast({ major: 1, minor: 35 }, 35)).toBe(true);
    expect(atLeast({ major: 1, minor: 34 }, 35)).toBe(false);
    expect(atLeast({ major: 1, minor: 100 }, 35)).toBe(true);
  });
});
