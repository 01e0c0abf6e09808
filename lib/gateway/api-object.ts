import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import type { ObjectMeta } from './types';

/** `metadata` with labels and annotations only when there are some. */
export function objectMeta(name: string, namespace: string, labels?: Record<string, string>, annotations?: Record<string, string>): ObjectMeta {
  return { name, namespace, ...(labels ? { labels: { ...labels } } : {}), ...(annotations ? { annotations: { ...annotations } } : {}) };
}

/**
 * The ApiObject of a Gateway API construct, id `Resource`, whose spec is
 * rendered at synth from the construct's current state (the constructs grow
 * with addListener/addRule after they are made).
 */
export function lazyApiObject(scope: Construct, apiVersion: string, kind: string, metadata: ObjectMeta, spec: () => unknown): ApiObject {
  return new ApiObject(scope, 'Resource', { apiVersion, kind, metadata, spec: Lazy.any({ produce: spec }) });
}
