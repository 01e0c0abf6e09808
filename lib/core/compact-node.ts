import { IConstruct } from 'constructs';

/** The arrays constructs keeps on each Node that are built by spreading or pushing (constructs 10.x). */
interface NodeArrays {
  _scopes?: unknown;
  _validations?: unknown;
}

/**
 * Gives `construct` and its direct children (the objects it just made) exact-size
 * copies of the arrays their Nodes keep. constructs builds a Node's scope list as
 * `[...parent.scopes, host]` and its validation list by `push`: V8 allocates room
 * for 17 items either way, so a Node four levels deep carries ~140 spare bytes,
 * about 6 MB for the 40,000 Nodes of 5,000 apps, which every later garbage
 * collection copies and which raises the heap's growth limit. The same items in
 * the same order: nothing reads a difference. Call it at the end of a
 * constructor, while the arrays are new and their copies die young; a field
 * that is not a plain array (another constructs version) is left alone.
 */
export function compactNodes(construct: IConstruct): void {
  compactNode(construct);
  for (const child of construct.node.children) compactNode(child);
}

function compactNode(construct: IConstruct): void {
  const node = construct.node as unknown as NodeArrays;
  if (Array.isArray(node._scopes)) node._scopes = node._scopes.slice();
  if (Array.isArray(node._validations)) node._validations = node._validations.slice();
}
