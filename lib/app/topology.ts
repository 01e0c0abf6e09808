import { DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';
import { constructsBelow } from '../core/synthesized';

/**
 * `new DependencyGraph(node).topology()` (cdk8s 2.70 lib/dependency.js), with
 * a fast path for the common case of a tree without dependencies: the graph
 * then has no edges and its topology is its vertices in insertion order, which
 * the graph keeps in an object keyed by construct path. JavaScript puts
 * integer-like keys of an object first, in numeric order, so a chart with an
 * id such as "42" comes before the others; only a child of the root can have
 * such a path (every other path has a "/"), so the fast path moves those and
 * keeps the rest in `findAll` order, without building the paths at all.
 */
export function dependencyOrder(scope: IConstruct): IConstruct[] {
  const node = scope.node;
  const root = node.root;
  const integerLike: IConstruct[] = [];
  const rest: IConstruct[] = [];
  for (const construct of constructsBelow(scope)) {
    const n = construct.node;
    if (n.dependencies.length > 0) return new DependencyGraph(node).topology();
    if (n.scope === root && isArrayIndex(n.id)) integerLike.push(construct);
    else rest.push(construct);
  }
  if (integerLike.length === 0) return rest;
  integerLike.sort((a, b) => Number(a.node.id) - Number(b.node.id));
  return [...integerLike, ...rest];
}

/** The keys JavaScript orders first: canonical integers from 0 to 2^32 - 2. */
function isArrayIndex(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}
