import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YamlOutputType } from 'cdk8s';
import { NetkitApp, NetkitAppProps } from '../../lib';
import { errorOf } from '../helpers/errors';

// Boundaries of lib/app/app-props-validation.ts, found by a mutation run: each refusal names the
// app, the prop, the bad value, what is allowed and the fix.

let project: string;
beforeEach(() => { project = mkdtempSync(join(tmpdir(), 'netkit-app-props-')); });
afterEach(() => rmSync(project, { recursive: true, force: true }));

const app = (props: NetkitAppProps) => new NetkitApp({ outdir: join(project, 'dist'), ...props });

describe('addonsOutdir must lie outside the output folder', () => {
  test('a folder whose name starts with ".." inside the output folder is inside it', () => {
    const addons = join(project, 'dist', '..addons');
    const e = errorOf(() => app({ addonsOutdir: addons }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'addonsOutdir', value: addons })]);
    expect(e.message).toBe(`[app] addonsOutdir: is the output folder "${join(project, 'dist')}" or inside it, so applying the output folder would also apply the cluster add-ons. `
      + `Got: ${JSON.stringify(addons)}. Allowed: a folder outside the output folder. Fix: leave it out ("cluster-addons" beside the output folder), or name a sibling folder.`);
  });

  test('the output folder itself and a folder below it are refused; the parent folder, a sibling and a sibling starting with ".." are accepted', () => {
    for (const inside of [join(project, 'dist'), join(project, 'dist', 'addons'), join(project, 'dist', 'a', 'b')]) {
      expect(errorOf(() => app({ addonsOutdir: inside })).problems.map((p) => p.field)).toEqual(['addonsOutdir']);
    }
    for (const outside of [project, join(project, 'addons'), join(project, '..dist'), join(project, 'dist-addons')]) {
      expect(() => app({ addonsOutdir: outside })).not.toThrow();
    }
  });
});

describe('outputFileExtension must be one kubectl reads', () => {
  test.each(['.yaml', '.yml', '.json', '.k8s.yaml'])('%j is accepted', (ext) => {
    expect(() => app({ outputFileExtension: ext })).not.toThrow();
  });

  test.each(['.txt', '.yaml.bak', 'yaml', '.YAML'])('%j is refused with the value, the extensions and the fix', (ext) => {
    const e = errorOf(() => app({ outputFileExtension: ext }));
    expect(e.message).toBe(`[app] outputFileExtension: does not end in .yaml, .yml or .json, so \`kubectl apply -f dist/\` (and Argo CD, Flux) would skip every manifest file. `
      + `Got: ${JSON.stringify(ext)}. Allowed: an extension ending in .yaml, .yml or .json. Fix: use the default ".k8s.yaml", or e.g. ".yaml".`);
  });
});

describe('yamlOutputType must be a cdk8s YamlOutputType', () => {
  test('an unknown number is refused with the members and the fix', () => {
    const e = errorOf(() => app({ yamlOutputType: 7 as YamlOutputType }));
    expect(e.message).toBe('[app] yamlOutputType: is not a cdk8s YamlOutputType. Got: 7. '
      + 'Allowed: YamlOutputType.FILE_PER_CHART, FILE_PER_RESOURCE, FOLDER_PER_CHART_FILE_PER_RESOURCE (FILE_PER_APP without add-on charts). '
      + 'Fix: use a YamlOutputType member, or leave it out (FILE_PER_CHART).');
  });

  test('every member is accepted', () => {
    for (const type of [YamlOutputType.FILE_PER_CHART, YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, YamlOutputType.FILE_PER_APP]) {
      expect(() => app({ yamlOutputType: type })).not.toThrow();
    }
  });
});

describe('policies.disabledRules names rules that exist', () => {
  test('a misspelt rule id is refused; policies: false or true has no ids to check', () => {
    const e = errorOf(() => app({ policies: { disabledRules: ['svc-selector-matches-pods'] } }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'policies.disabledRules[0]', value: 'svc-selector-matches-pods' })]);
    expect(e.message).toMatch(/^\[app\] policies\.disabledRules\[0\]: .*Got: "svc-selector-matches-pods".*Fix: .*svc-selector-matches-pod\b/);
    expect(() => app({ policies: false })).not.toThrow();
    expect(() => app({ policies: true })).not.toThrow();
  });
});
