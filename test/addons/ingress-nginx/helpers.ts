import { Chart, Testing } from 'cdk8s';
import { IngressNginx, IngressNginxProps, NetkitChart } from '../../../lib';

/** One IngressNginx in a chart without namespace (as in main.ts), synthesized. */
export function synthInstall(props: IngressNginxProps = {}, id = 'ingress-nginx'): { install: IngressNginx; chart: Chart; objects: any[] } {
  const chart = new NetkitChart(Testing.app(), 'cluster');
  const install = new IngressNginx(chart, id, { acknowledgeRetirement: true, ...props });
  return { install, chart, objects: Testing.synth(chart) };
}

/** The object of this kind and name; fails the test when there is none or several. */
export function find(objects: any[], kind: string, name: string): any {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}: ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found[0];
}

export function controllerContainer(objects: any[], kind = 'Deployment'): any {
  return find(objects, kind, 'ingress-nginx-controller').spec.template.spec.containers[0];
}
