import { ApiObject } from 'cdk8s';
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
  for (const child of construct.node.children) {
    compactNode(child);
    if (child instanceof ApiObject) dropUnreadMetadata(child);
  }
}

/** The fields of cdk8s 2.x an ApiObject keeps its props and its metadata's extra attributes in. */
interface ApiObjectInternals {
  props?: { readonly metadata?: unknown };
}
interface MetadataInternals {
  _additionalAttributes?: { labels?: unknown; annotations?: unknown };
}

/**
 * Drops the copies of an ApiObject's labels and annotations that cdk8s keeps
 * but never writes: the props' `metadata` (the constructor read its name,
 * namespace and labels into `apiObject.metadata`; `toJson` replaces the props'
 * `metadata` with that), and the labels and annotations among the metadata's
 * extra attributes (its `toJson` puts `metadata.labels` and
 * `metadata.annotations` over them). Three copies of every object's labels,
 * for 20,000 objects about 4 MB kept through the synth, become one. The keys
 * stay, with nothing in them, so every key keeps its place (written in
 * insertion order under `CDK8S_DISABLE_SORT`); the props object is copied,
 * not changed, as the caller may still read it. Only for the ApiObjects a
 * construct just made (called from its constructor), and only when cdk8s'
 * fields are where cdk8s 2.x keeps them.
 */
function dropUnreadMetadata(apiObject: ApiObject): void {
  const internals = apiObject as unknown as ApiObjectInternals;
  const props = internals.props;
  if (props !== null && typeof props === 'object' && props.metadata !== undefined) internals.props = { ...props, metadata: undefined };
  const attributes = (apiObject.metadata as unknown as MetadataInternals)._additionalAttributes;
  if (attributes === null || typeof attributes !== 'object') return;
  if (attributes.labels !== undefined) attributes.labels = undefined;
  if (attributes.annotations !== undefined) attributes.annotations = undefined;
}

function compactNode(construct: IConstruct): void {
  const node = construct.node as unknown as NodeArrays;
  if (Array.isArray(node._scopes)) node._scopes = node._scopes.slice();
  if (Array.isArray(node._validations)) node._validations = node._validations.slice();
}
