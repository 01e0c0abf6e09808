/** Misuse-matrix rows of the Gateway API constructs beyond Gateway and HttpRoute: the HTTPS redirect route, WildcardGateway and ReferenceGrant. */
import { Construct } from 'constructs';
import { Gateway, HttpRoute, ReferenceGrant, WildcardGateway } from '../../../lib';
import { CERT, ConstructRow, field, service } from './rows';

/** A parent given as a function of the Gateway, since a row cannot hold a construct made in another chart. */
type ParentOf = (gateway: Gateway) => unknown;

export const HTTPS_REDIRECT_ROW: ConstructRow = {
  path: 'shop/redirect',
  build: (chart: Construct, o) => {
    const gateway = new Gateway(chart, 'gw', { listeners: [{ protocol: 'HTTP' }] });
    const parent = typeof o.parent === 'function' ? (o.parent as ParentOf)(gateway) : { gateway, sectionName: 'http' };
    HttpRoute.httpsRedirect(chart, 'redirect', { ...o, parent } as any);
  },
  props: {
    hostnames: { refused: [field(['Bad_Host'], 'spec.hostnames[0]'), field([''], 'spec.hostnames[0]')], accepted: [['*.example.com'], []] },
    name: { refused: [field('Bad_Name', 'metadata.name'), field('a'.repeat(254), 'metadata.name')], accepted: [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, 'a'.repeat(64)] },
    namespace: { refused: [field('Bad_NS', 'metadata.namespace'), field('a'.repeat(64), 'metadata.namespace')], accepted: ['a'.repeat(63)] },
    parent: {
      refused: [field(((gateway) => ({ gateway })) as ParentOf, 'parent'), field(((gateway) => ({ gateway, sectionName: 'https' })) as ParentOf, 'parent.sectionName')],
      accepted: [((gateway) => ({ gateway, port: 80 })) as ParentOf],
      noValueInMessage: 'a Gateway reference: the message names the missing listener or port',
    },
    statusCode: { refused: [field(300, 'spec.rules[0].filters[0].requestRedirect.statusCode'), field(404, 'spec.rules[0].filters[0].requestRedirect.statusCode')], accepted: [302, 308] },
  },
};

export const WILDCARD_GATEWAY_ROW: ConstructRow = {
  path: 'shop/gw',
  build: (chart, o) => new WildcardGateway(chart, 'gw', { domain: 'cluster.example.com', certificate: CERT, routes: [{ host: 'web01', service: service(chart), port: 80 }], ...o } as any),
  props: {
    allowedNamespaces: { refused: ['all', 'same', field({ selector: { matchLabels: { team: 'a b' } } }, 'allowedNamespaces.selector.matchLabels["team"]'), field({ selector: { matchExpressions: [{ key: 'team', operator: 'In', values: ['a/b'] }] } }, 'allowedNamespaces.selector.matchExpressions[0].values[0]')], accepted: ['All', 'Same', { selector: { matchLabels: { team: 'a' } } }] },
    certificate: { refused: [{ secretName: 'other-tls', dnsNames: ['other.example.com'] }, { secretName: 'apex-tls', dnsNames: ['cluster.example.com'] }], accepted: [{ secretName: 'x', dnsNames: ['*.cluster.example.com'] }, { secretName: 'unknown-names' }] },
    domain: { refused: ['*.cluster.example.com', 'Bad_Domain', ''], accepted: ['cluster.example.com.'] },
    gatewayClassName: { refused: ['Bad_Class'], accepted: ['envoy'] },
    httpPort: { refused: [0, 65536, 1.5], accepted: [1, 65535] },
    httpsPort: { refused: [0, 65536, -443], accepted: [1, 65535] },
    httpsRedirect: { notRefusable: 'a boolean: the type decides it', accepted: [false] },
    name: { refused: ['Bad_Name', 'a'.repeat(254)], accepted: ['apps'] },
    namespace: { refused: ['Bad_NS'], accepted: ['shop'] },
    routes: { refused: [field([{ host: 'web01.other.com', service: undefined, port: 80 }], 'route.host'), field([{ host: 'Bad_Host', service: undefined, port: 80 }], 'route.host')], accepted: [[]] },
  },
};

export const REFERENCE_GRANT_ROW: ConstructRow = {
  path: 'shop/grant',
  build: (chart, o) => new ReferenceGrant(chart, 'grant', { from: [{ kind: 'HTTPRoute', namespace: 'web' }], to: [{ kind: 'Service' }], ...o } as any),
  props: {
    from: { refused: [field([{ kind: 'HTTP Route', namespace: 'web' }], 'spec.from[0].kind'), field([{ kind: 'httproute', namespace: 'web' }], 'spec.from[0].kind'), field([{ group: '', kind: 'HTTPRoute', namespace: 'web' }], 'spec.from[0].kind'), field([{ kind: 'HTTPRoute', namespace: 'Bad_NS' }], 'spec.from[0].namespace'), field([{ group: 'Bad_Group', kind: 'HTTPRoute', namespace: 'web' }], 'spec.from[0].group')], accepted: [[{ kind: 'Gateway', namespace: 'web' }]] },
    name: { refused: [field('Bad_Name', 'metadata.name')], accepted: ['allow-routes'] },
    namespace: { refused: [field('Bad_NS', 'metadata.namespace')], accepted: ['shop'] },
    to: { refused: [field([{ kind: '' }], 'spec.to[0].kind'), field([{ kind: 'service' }], 'spec.to[0].kind'), field([{ kind: 'Service', name: '' }], 'spec.to[0].name'), field([{ kind: 'Service', name: 'a'.repeat(254) }], 'spec.to[0].name'), field(Array.from({ length: 17 }, (_, i) => ({ kind: 'Service', name: `s${i}` })), 'spec.to')], accepted: [[{ kind: 'Secret', name: 'tls' }], [{ group: 'example.com', kind: 'StorageBucket' }]] },
  },
};
