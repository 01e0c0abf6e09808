import { join } from 'node:path';
import { readTree, synthMainAppWithSiblings } from './helpers/synth-main';

// dist/, dist-traffic/ and cluster-addons/ are committed for GitOps; a change that forgets `npx cdk8s synth` must not land.
describe('committed dist/, dist-traffic/ and cluster-addons/', () => {
  const fresh = synthMainAppWithSiblings();

  test('equal a fresh synth of main.ts, file for file and byte for byte', () => {
    const root = join(__dirname, '..');
    const committed: Record<string, string> = {};
    for (const folder of ['dist', 'dist-traffic', 'cluster-addons']) {
      for (const [file, content] of Object.entries(readTree(join(root, folder)))) committed[`${folder}/${file}`] = content;
    }
    expect(Object.keys(committed).sort()).toEqual(Object.keys(fresh).sort());
    for (const file of Object.keys(fresh)) {
      // A mismatch here means: run `npx cdk8s synth` and commit dist/, dist-traffic/ and cluster-addons/.
      expect({ file, content: committed[file] }).toEqual({ file, content: fresh[file] });
    }
  });

  test('synthesizing twice gives byte-identical files', () => {
    expect(synthMainAppWithSiblings()).toEqual(fresh);
  });
});
