import { join } from 'node:path';
import { readTree, synthMainApp } from './helpers/synth-main';

// dist/ is committed for GitOps; a change that forgets `npx cdk8s synth` must not land.
describe('committed dist/', () => {
  const fresh = synthMainApp();

  test('equals a fresh synth of main.ts, file for file and byte for byte', () => {
    const committed = readTree(join(__dirname, '..', 'dist'));
    expect(Object.keys(committed)).toEqual(Object.keys(fresh));
    for (const file of Object.keys(fresh)) {
      // A mismatch here means: run `npx cdk8s synth` and commit dist/.
      expect({ file, content: committed[file] }).toEqual({ file, content: fresh[file] });
    }
  });

  test('synthesizing twice gives byte-identical files', () => {
    expect(synthMainApp()).toEqual(fresh);
  });
});
