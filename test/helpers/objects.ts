import { App, Testing } from 'cdk8s';
import { NetkitChart, NetkitChartProps, NetkitError } from '../../lib';

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

/** Runs `make` and returns the NetkitError it throws; fails when it throws none (another error is rethrown). */
export function netkitErrorOf(make: () => unknown): NetkitError {
  try {
    make();
  } catch (e) {
    if (e instanceof NetkitError) return e;
    throw e;
  }
  throw new Error('expected a NetkitError, none was thrown');
}
