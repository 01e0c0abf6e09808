import { isClusterScoped } from '../core/cluster-scoped';
import { PolicyObject } from './types';

/**
 * The one record the checks keep per object: a {@link PolicyObject}, made by
 * `policyObjectsOf` straight from a manifest and adopted as it is by the
 * PolicyContext, so a 20,000-object check makes one record per object, not a
 * wrapper and then a copy. Not exported from the package: what users see is
 * its PolicyObject shape.
 */
export class PolicyRecord implements PolicyObject {
  // `declare`: no field initializers, so a record holds only the fields the constructor assigns.
  declare readonly manifest: any;
  declare readonly apiVersion: string;
  declare readonly kind: string;
  declare readonly namespace?: string;
  declare readonly name: string;
  // Assigned only when known: most objects (plain manifests) have none of the three, which then read undefined
  // as before and cost the record no room (three fields of 20,000 records).
  declare readonly constructPath?: string;
  declare readonly file?: string;
  declare readonly line?: number;

  constructor(manifest: any, constructPath: string | undefined, file: string | undefined, line: number | undefined) {
    const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
    const metadata = manifest.metadata;
    const declared = metadata?.namespace;
    const name = metadata?.name;
    this.manifest = manifest;
    this.apiVersion = typeof manifest.apiVersion === 'string' ? manifest.apiVersion : '';
    this.kind = kind;
    // kubectl puts an object without a namespace into the context's, usually default.
    this.namespace = isClusterScoped(kind) ? undefined : (typeof declared === 'string' && declared ? declared : 'default');
    this.name = typeof name === 'string' ? name : '';
    if (constructPath !== undefined) this.constructPath = constructPath;
    if (file !== undefined) this.file = file;
    if (line !== undefined) this.line = line;
  }
}
