import { DependencyGraph } from 'cdk8s';
import { IConstruct, Node } from 'constructs';

/**
 * `new DependencyGraph(node).topology()` (cdk8s 2.70 lib/dependency.js), with
 * a fast path for the common case of a tree without dependencies: the graph
 * then has no edges and its topology is its vertices in insertion order, which
 * the graph keeps in an object keyed by construct path. Building that object
 * the same way keeps the exact order (including JavaScript's rule that
 * integer-like keys, such as a chart id "42", come first) without the graph's
 * per-vertex Sets, cycle checks and recursion.
 */
export function dependencyOrder(node: Node): IConstruct[] {
  const all = node.findAll();
  const byPath: Record<string, IConstruct> = {};
  for (const construct of all) {
    if (construct.node.dependencies.length > 0) return new DependencyGraph(node).topology();
    byPath[construct.node.path] = construct;
  }
  return Object.values(byPath);
}
