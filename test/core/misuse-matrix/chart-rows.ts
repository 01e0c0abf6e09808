/** Misuse-matrix rows of the charts (NetkitChart, ClusterAddonChart) and the namespace isolation they make. */
import { App } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterAddonChart, NamespaceIsolation, NetkitChart } from '../../../lib';
import { ConstructRow, PropRow, field } from './rows';

const LABEL_MAP = 'a label map: the value shown is the offending key or value';
const root = (chart: Construct) => chart.node.root as App;

/** The options isolating a namespace, given on a chart (`isolation`, fields prefixed `isolation.`) or to NamespaceIsolation. */
const isolationRows = (at: string): Record<string, PropRow> => ({
  egress: { notRefusable: 'a boolean: the type decides it', accepted: [true, false] },
  gatewayDataPlanes: { refused: [field({ istio: { namespace: 'Bad_NS' } }, `${at}gatewayDataPlanes.istio.namespace`), field({ istio: { podLabels: { app: 'bad value!' } } }, `${at}gatewayDataPlanes.istio.podLabels`)], accepted: [{ istio: {} }] },
  ingressControllers: { refused: [field({ traefik: { namespace: 'Traefik', podLabels: { app: 'traefik' } } }, `${at}ingressControllers.traefik.namespace`), field({ traefik: { podLabels: { 'bad key!': 'x' } } }, `${at}ingressControllers.traefik.podLabels`)], accepted: [{ traefik: { namespace: 'traefik', podLabels: { app: 'traefik' } } }] },
  nodeCidrs: { refused: [field(['192.168.1.10'], `${at}nodeCidrs[0]`), field(['10.0.0.0/33'], `${at}nodeCidrs[0]`), field([''], `${at}nodeCidrs[0]`)], accepted: [['192.168.1.0/24', 'fd00::/64'], []] },
});

const CHART_ROWS: Record<string, PropRow> = {
  createNamespace: { refused: [field(true, 'createNamespace', { namespace: undefined })], accepted: [false, true] },
  isolation: {
    refused: [
      ...Object.values(isolationRows('isolation.')).flatMap((row) => ('refused' in row ? row.refused : [])).map((entry) => {
        const { value, field: name } = entry as { value: Record<string, unknown>; field: string };
        return field({ [name.replace(/^isolation\.([A-Za-z]+).*/, '$1')]: value }, name);
      }),
      field({}, 'isolation', { namespace: undefined }),
    ],
    accepted: [{}, { egress: true, nodeCidrs: ['192.168.1.0/24'] }],
  },
  labels: { refused: [{ team: 'bad value!' }, { 'bad key!': 'x' }], accepted: [{ team: '' }], noValueInMessage: LABEL_MAP },
  namespace: { refused: ['Bad_NS', 'a'.repeat(64), '-team', ''], accepted: ['a'.repeat(63)] },
  namespaceLabels: { refused: [{ team: 'bad value!' }, { 'bad key!': 'x' }], accepted: [{ 'example.com/team': 'a' }], noValueInMessage: LABEL_MAP },
  podSecurity: { refused: ['Restricted', 'strict'], accepted: ['baseline', 'privileged', false] },
};

export const NETKIT_CHART_ROW: ConstructRow = {
  path: 'team',
  build: (chart, o) => new NetkitChart(root(chart), 'team', { namespace: 'team', ...o } as any),
  props: CHART_ROWS,
};

export const CLUSTER_ADDON_CHART_ROW: ConstructRow = {
  path: 'addons',
  build: (chart, o) => new ClusterAddonChart(root(chart), 'addons', { namespace: 'team', ...o } as any),
  props: {
    ...CHART_ROWS,
    changes: { notRefusable: 'one sentence of free text for the top of the add-on\'s file', accepted: ['installs the Gateway API CRDs', ''] },
    stage: { refused: ['CRDs', 'apply', ''], accepted: ['crds', 'install'] },
  },
};

export const NAMESPACE_ISOLATION_ROW: ConstructRow = {
  path: 'shop/isolation',
  build: (chart, o) => new NamespaceIsolation(chart, 'isolation', { namespace: 'shop', ...o } as any),
  props: {
    ...isolationRows(''),
    namespace: { refused: ['Bad_NS', 'a'.repeat(64), ''], accepted: ['a'.repeat(63)] },
  },
};
