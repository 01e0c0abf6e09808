import { IConstruct } from 'constructs';

/**
 * Work that must run once the whole app is built and before anything reads
 * its objects: objects derived from the app as a whole (a namespace's
 * NetworkPolicies allow what every Ingress and route of the app sends to it,
 * and those may be added after the chart). constructs has no prepare phase,
 * so the readers call {@link prepareApp}: the policy checks and traffic map
 * (through `synthesizedObjects`), `NetkitChart.toJson()` and NetkitApp's synth.
 * A preparation must be idempotent: it runs again on every read.
 */
const preparations = new WeakMap<IConstruct, Array<() => void>>();

/** Registers `prepare` to run before the app that holds `scope` is read. */
export function addPreparation(scope: IConstruct, prepare: () => void): void {
  const root = scope.node.root;
  const list = preparations.get(root) ?? [];
  list.push(prepare);
  preparations.set(root, list);
}

/** Runs every preparation registered in the app that holds `scope`, in registration order. */
export function prepareApp(scope: IConstruct): void {
  for (const prepare of preparations.get(scope.node.root) ?? []) prepare();
}
