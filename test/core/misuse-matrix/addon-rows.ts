/** Misuse-matrix rows of the Gateway API add-ons: NGINX Gateway Fabric and the Gateway API CRDs. */
import { GatewayApiCrds, NginxGatewayFabric } from '../../../lib';
import { ConstructRow, field } from './rows';

export const NGINX_GATEWAY_FABRIC_ROW: ConstructRow = {
  path: 'shop/ngf',
  build: (chart, o) => new NginxGatewayFabric(chart, 'ngf', o as any),
  props: {
    controllerImage: { refused: [field({ digest: 'sha256:abc' }, 'controllerImage.digest'), field({ registry: 'https://ghcr.io' }, 'controllerImage.registry'), field({ tag: ':2.6.7' }, 'controllerImage.tag')], accepted: [{ tag: '2.6.7' }] },
    controllerName: { refused: ['example.com/controller', 'gateway.nginx.org/', `gateway.nginx.org/${'a'.repeat(236)}`, 'gateway.nginx.org/a b'], accepted: ['gateway.nginx.org/internal', `gateway.nginx.org/${'a'.repeat(235)}`] },
    controllerReplicas: { refused: [0, -1, 1.5], accepted: [1, 3] },
    createNamespace: { refused: [field(true, 'createNamespace', { namespace: 'shop' })], accepted: [false, true] },
    exposure: { refused: ['nodeport', 'ClusterIP'], accepted: ['LoadBalancer', 'NodePort'] },
    externalTrafficPolicy: { refused: ['local', ''], accepted: ['Cluster', 'Local'] },
    gatewayClassName: { refused: ['Bad_Class', ''], accepted: ['nginx-internal'] },
    imageRegistry: { refused: ['https://ghcr.io', 'ghcr.io/nginx'], accepted: ['registry.example.com:5000'] },
    isolation: { refused: [field({ egress: true, apiServerCidrs: ['10.0.0.10'] }, 'isolation.apiServerCidrs[0]'), field({ egress: true, apiServerCidrs: ['10.0.0.10/32'], apiServerPorts: [0] }, 'isolation.apiServerPorts[0]')], accepted: [{}, { egress: true, apiServerCidrs: ['fd00::1/128'] }] },
    loadBalancerClass: { refused: [field('example.com/vip', 'loadBalancerClass')], accepted: [undefined] },
    loadBalancerSourceRanges: { refused: [field(['10.0.0.0/8'], 'loadBalancerSourceRanges'), field(['not-a-cidr'], 'loadBalancerSourceRanges', { exposure: 'LoadBalancer' })], accepted: [undefined] },
    logLevel: { refused: ['warn', 'INFO'], accepted: ['debug', 'error'] },
    name: { refused: ['Bad_Name', '1ngf', 'a'.repeat(48)], accepted: ['a'.repeat(47)] },
    namespace: { refused: ['Bad_NS', 'a'.repeat(64)], accepted: ['edge'] },
    nginxImage: { refused: [field({ tag: ':2.6.7' }, 'nginxImage.tag'), field({ repository: 'Nginx/Nginx' }, 'nginxImage.repository'), field({ registry: 'https://ghcr.io' }, 'nginxImage.registry')], accepted: [{ tag: '2.6.7' }] },
    nodePortRange: { refused: [field({ min: 20000, max: 22767 }, 'nodePorts.http', { nodePorts: { http: 30080 } })], accepted: [{ min: 20000, max: 22767 }] },
    nodePorts: { refused: [field({ http: 80 }, 'nodePorts.http'), field({ https: 32768 }, 'nodePorts.https'), field({ http: 30080, https: 30080 }, 'nodePorts.https')], accepted: [{ http: 30000, https: 32767 }] },
    replicas: { refused: [0, 1.5, -1], accepted: [1, 5] },
  },
};

export const GATEWAY_API_CRDS_ROW: ConstructRow = {
  path: 'shop/crds',
  build: (chart, o) => new GatewayApiCrds(chart, 'crds', o as any),
  props: {
    version: { refused: ['1.6.1', 'v1.4.0', 'V1.6.1', ''], accepted: ['v1.6.1', 'v1.5.1'] },
  },
};
