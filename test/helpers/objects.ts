import { App, Testing } from 'cdk8s';
import { NetkitChart, NetkitChartProps } from '../../lib';

/** A fresh app with one NetkitChart (namespace `test` unless told otherwise). */
export function newChart(props: NetkitChartProps = { namespace: 'test' }): NetkitChart {
  return new NetkitChart(new App(), 'test', props);
}

/** What the chart synthesizes, as JSON objects (runs the app's validations). */
export function synth(chart: NetkitChart): any[] {
  return Testing.synth(chart);
}

/** The one object of this kind and name; fails the test when there is none. */
export function find(objects: any[], kind: string, name: string): any {
  const found = objects.find((o) => o.kind === kind && o.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${objects.map((o) => `${o.kind}/${o.metadata?.name}`).join(', ')}`);
  return found;
}

