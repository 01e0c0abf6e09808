import { readTree, synthMainApp } from '../helpers/synth-main';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** main.ts run with `NetkitApp` replaced by the stock cdk8s `App`. */
function synthMainWithStockApp(): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), 'netkit-stock-main-'));
  const previous = process.env.CDK8S_OUTDIR;
  process.env.CDK8S_OUTDIR = outdir;
  try {
    jest.isolateModules(() => {
      jest.doMock(require.resolve('../../lib/app/netkit-app'), () => ({ NetkitApp: require('cdk8s').App }));
      require('../../main');
    });
    return readTree(outdir);
  } finally {
    jest.dontMock(require.resolve('../../lib/app/netkit-app'));
    if (previous === undefined) delete process.env.CDK8S_OUTDIR;
    else process.env.CDK8S_OUTDIR = previous;
    rmSync(outdir, { recursive: true, force: true });
    // main.ts also writes the JSON traffic map beside the output folder.
    rmSync(`${outdir}-traffic`, { recursive: true, force: true });
  }
}

describe('the example app', () => {
  test('NetkitApp writes the same files, byte for byte, as the stock cdk8s App', () => {
    const stock = synthMainWithStockApp();
    const ours = synthMainApp();
    expect(Object.keys(ours)).toEqual(expect.arrayContaining(['0000-cluster-crds.k8s.yaml', '0001-cluster.k8s.yaml', '0002-dev.k8s.yaml', '0003-default.k8s.yaml']));
    expect(ours).toEqual(stock);
  });
});
