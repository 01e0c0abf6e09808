import { Testing } from 'cdk8s';
import { NetkitChart, NginxGatewayFabricCrds } from '../../../lib';

let cached: any[] | undefined;

/** The vendored CRDs as the construct writes them, synthesized once per test file. */
export function ngfCrdManifestsForTest(): any[] {
  if (!cached) {
    const chart = new NetkitChart(Testing.app(), 'crds');
    new NginxGatewayFabricCrds(chart, 'ngf-crds');
    cached = Testing.synth(chart);
  }
  return cached;
}
