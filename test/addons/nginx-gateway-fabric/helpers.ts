import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { NetkitChart, NginxGatewayFabric, NginxGatewayFabricProps } from '../../../lib';

/** One NginxGatewayFabric in a chart without namespace (as in main.ts), synthesized. */
export function synthInstall(props: NginxGatewayFabricProps = {}, id = 'nginx-gateway-fabric'): { install: NginxGatewayFabric; chart: Chart; objects: any[] } {
  const chart = new NetkitChart(Testing.app(), 'cluster');
  const install = new NginxGatewayFabric(chart, id, props);
  return { install, chart, objects: Testing.synth(chart) };
}

/** Upstream's deploy/<variant>/deploy.yaml at v2.6.7, committed under fixtures/ (see its README for source and licence). */
export function upstreamObjects(variant: 'nodeport' | 'default'): any[] {
  const text = readFileSync(join(__dirname, 'fixtures', `deploy-${variant}-v2.6.7.yaml`), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS());
}

/** The object of this kind and name; fails the test when there is none or several. */
export function find(objects: any[], kind: string, name: string): any {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found[0];
}

export const proxySpec = (objects: any[], name = 'nginx-gateway-proxy-config') => find(objects, 'NginxProxy', name).spec.kubernetes;
export const controller = (objects: any[], name = 'nginx-gateway') => find(objects, 'Deployment', name).spec.template.spec.containers[0];
