import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { markClusterScoped } from '../../core/cluster-scoped';

/** One object of an add-on install, from its plain manifest. */
export function addonObject(scope: Construct, id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
  return new ApiObject(scope, id, manifest as any);
}

/** One cluster-scoped object: the namespace a chart would stamp on it is removed. */
export function clusterScopedAddonObject(scope: Construct, id: string, manifest: { apiVersion?: string; kind?: string }): ApiObject {
  const apiObject = addonObject(scope, id, manifest);
  markClusterScoped(apiObject);
  return apiObject;
}

/** A value two installs of one controller in one cluster must not share. */
export interface ClashField<T> {
  /** The prop, as the message names it. */
  readonly what: string;
  readonly value: (install: T) => string;
  readonly fix: string;
}

/**
 * Two installs of one controller share the cluster: each field's value must
 * differ between them, or one silently takes over the other's cluster-scoped
 * objects or the resources it serves. One message per clash.
 */
export function installClashes<T extends IConstruct>(self: T, sameController: (c: IConstruct) => c is T, fields: readonly ClashField<T>[]): string[] {
  const errors: string[] = [];
  for (const other of self.node.root.node.findAll()) {
    if (!sameController(other) || other === self) continue;
    for (const field of fields) {
      const value = field.value(self);
      // No path prefix: cdk8s prefixes each validation message with the path of the construct that returned it.
      if (field.value(other) === value) errors.push(`${field.what} "${value}" is also used by ${other.node.path}. Fix: ${field.fix}`);
    }
  }
  return errors;
}
