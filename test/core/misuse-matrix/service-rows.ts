/** Misuse-matrix rows of the Service props: ExposeOptions (WebApp.expose), ExposedServiceProps and ServiceFactoryProps share them. */
import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, WebApp } from '../../../lib';
import { ConstructRow, PropRow, field } from './rows';

const app = (chart: Construct) => new WebApp(chart, 'web', { image: 'nginx:1.27.3', port: 8080 });
// A timeout only applies with ClientIP affinity, so it is tried with it.
const affinity = (o: Record<string, unknown>) => ('sessionAffinityTimeout' in o ? { sessionAffinity: 'ClientIP' } : {});

/** The props every Service construct takes (ExposeOptions), tried on a Service whose target is a WebApp listening on 8080. */
export const EXPOSE_ROWS: Record<string, PropRow> = {
  allocateLoadBalancerNodePorts: { refused: [field(false, 'spec.allocateLoadBalancerNodePorts')], accepted: [undefined], noValueInMessage: 'a boolean on the wrong Service type' },
  annotations: { refused: [field({ 'bad key!': 'x' }, 'metadata.annotations')], accepted: [{}], noValueInMessage: 'the key is the value shown' },
  clusterDomain: { refused: ['Bad_Domain'], accepted: ['cluster.local'] },
  clusterIP: { refused: [field('10.0.0.300', 'spec.clusterIP')], accepted: ['None'] },
  externalIPs: { refused: [field(['127.0.0.1'], 'spec.externalIPs[0]'), field(['not-an-ip'], 'spec.externalIPs[0]')], accepted: [['203.0.113.10']] },
  externalName: { notRefusable: 'only with type ExternalName, which expose() cannot make (the Service has no target): tried in the ExposedServiceProps row', accepted: [undefined] },
  externalTrafficPolicy: { refused: [field('Local', 'spec.externalTrafficPolicy')], accepted: [undefined] },
  healthCheckNodePort: { refused: [field(30000, 'spec.healthCheckNodePort')], accepted: [undefined] },
  internalTrafficPolicy: { refused: [field('local', 'spec.internalTrafficPolicy')], accepted: ['Local', 'Cluster'] },
  labels: { refused: [field({ team: 'bad value!' }, 'metadata.labels')], accepted: [{ team: 'a' }], noValueInMessage: 'a label map: the value shown is the offending key or value' },
  loadBalancerClass: { refused: [field('example.com/vip', 'spec.loadBalancerClass')], accepted: [undefined] },
  loadBalancerSourceRanges: { refused: [field(['10.0.0.0/8'], 'spec.loadBalancerSourceRanges')], accepted: [undefined] },
  name: { refused: [field('1web', 'metadata.name'), field('Web', 'metadata.name'), field('a'.repeat(64), 'metadata.name')], accepted: ['a'.repeat(63)] },
  namespace: { refused: ['Bad_NS'], accepted: ['shop'] },
  nodePortRange: { refused: [field({ min: 40000, max: 30000 }, 'nodePortRange')], accepted: [{ min: 20000, max: 22767 }] },
  port: { refused: [field(0, 'spec.ports[0].port'), field(65536, 'spec.ports[0].port')], accepted: [1, 65535] },
  ports: { refused: [field([{ port: 80, targetPort: 8080, protocol: 'tcp' }], 'ports[0].protocol'), field([{ port: 80, targetPort: 9999 }], 'ports[0].targetPort'), field([{ port: 80, targetPort: 8080, nodePort: 30000 }], 'spec.ports[0].nodePort')], accepted: [[{ port: 80, targetPort: 8080 }]] },
  publishNotReadyAddresses: { notRefusable: 'a boolean: the type decides it', accepted: [true] },
  sessionAffinity: { refused: [field('clientip', 'spec.sessionAffinity')], accepted: ['ClientIP', 'None'] },
  sessionAffinityTimeout: { refused: [field(Duration.seconds(0), 'spec.sessionAffinityConfig.clientIP.timeoutSeconds'), field(Duration.seconds(86401), 'spec.sessionAffinityConfig.clientIP.timeoutSeconds')], accepted: [Duration.seconds(1), Duration.seconds(86400)], noValueInMessage: 'a Duration: the message shows it in seconds' },
  type: { refused: [field('nodeport', 'type')], accepted: ['NodePort', 'LoadBalancer'] },
};

export const EXPOSE_BUILD: ConstructRow['build'] = (chart, o) => app(chart).expose('svc', { ...affinity(o), ...o } as any);

/** A Service given an ExternalName has no target; every other case targets the WebApp unless a selector is tried. */
function serviceProps(chart: Construct, o: Record<string, unknown>): Record<string, unknown> {
  if ('externalName' in o) return { ...o };
  const base = 'selector' in o || 'target' in o ? { port: 80 } : { target: app(chart) };
  return { ...base, ...affinity(o), ...o };
}

/** The props ExposedService and its factories add to ExposeOptions. */
const SERVICE_ONLY_ROWS: Record<string, PropRow> = {
  externalName: { refused: [field('Bad_Name!', 'spec.externalName'), field('', 'externalName')], accepted: ['db.example.com'] },
  selector: { refused: [field({ app: 'bad value!' }, 'spec.selector')], accepted: [{ app: 'web' }, {}], noValueInMessage: 'a label map: the value shown is the offending key or value' },
  target: { notRefusable: 'an IServiceTarget instance (a WebApp): its selector and ports are valid by construction; target with selector is refused, tested in test/service', accepted: [undefined] },
};

export const EXPOSED_SERVICE_ROW: ConstructRow = {
  path: 'shop/svc',
  build: (chart, o) => new ExposedService(chart, 'svc', { ...serviceProps(chart, o), ...('externalName' in o ? { type: 'ExternalName' } : {}) } as any),
  props: { ...EXPOSE_ROWS, ...SERVICE_ONLY_ROWS },
};

const { type: _type, ...FACTORY_ROWS } = EXPOSE_ROWS;

export const SERVICE_FACTORY_ROW: ConstructRow = {
  path: 'shop/svc',
  build: (chart, o) => ('externalName' in o
    ? ExposedService.externalName(chart, 'svc', o as any)
    : ExposedService.clusterIp(chart, 'svc', serviceProps(chart, o) as any)),
  props: { ...FACTORY_ROWS, ...SERVICE_ONLY_ROWS },
};
