/** Misuse-matrix row of NetkitApp: built, never synthesized, so nothing is written to its folders. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { YamlOutputType } from 'cdk8s';
import { NetkitApp } from '../../../lib';
import { ConstructRow, field } from './rows';

const DIST = join(tmpdir(), 'netkit-matrix-app', 'dist');
const BOOLEAN = 'a boolean: the type decides it';

export const NETKIT_APP_ROW: ConstructRow = {
  path: 'app',
  build: (_chart, o) => new NetkitApp({ outdir: DIST, ...o } as any),
  props: {
    addonsOutdir: { refused: [DIST, join(DIST, 'addons')], accepted: [join(DIST, '..', 'cluster-addons'), join(DIST, '..', 'dist-addons')] },
    allowClusterWideObjects: { notRefusable: BOOLEAN, accepted: [true, false] },
    generatedFrom: { notRefusable: 'free text for the first line of every file', accepted: ['main.ts', ''] },
    kubernetesVersion: { refused: ['latest', '1.30', '1.37', ''], accepted: ['1.31', '1.36', 'v1.33.4'] },
    kustomization: { notRefusable: BOOLEAN, accepted: [true] },
    outdir: { notRefusable: 'any folder: the publish creates it; add-ons inside it are refused under addonsOutdir', accepted: [join(DIST, '..', 'out')] },
    outputFileExtension: { refused: ['', '.txt', '.yaml.bak'], accepted: ['.yaml', '.k8s.yml', '.json'] },
    policies: { refused: [field({ bogus: 1 }, 'policies.bogus')], accepted: [false, true, { disabledRules: [] }] },
    recordConstructMetadata: { notRefusable: BOOLEAN, accepted: [true] },
    resolvers: { notRefusable: 'IResolver instances: the type decides it', accepted: [[]] },
    trafficMap: { notRefusable: BOOLEAN, accepted: [true] },
    yamlOutputType: { refused: ['nope', 99], accepted: [YamlOutputType.FILE_PER_RESOURCE, YamlOutputType.FILE_PER_APP] },
  },
};
