import { IConstruct } from 'constructs';
import { LoadedManifest } from '../core/manifest-files';
import { synthesizedObjects } from '../core/synthesized';
import { DEFAULT_CLUSTER_DOMAIN } from '../service/dns';
import { describeGateways, describeGatewayUrls } from './gateways';
import { describeIngressControllers, describeIngressUrls } from './ingresses';
import { describeIsolatedNamespaces, describeIsolation } from './isolation';
import { TrafficMap } from './model';
import { describeServices } from './services';
import { podGroups } from './workloads';

/** What a traffic map can be drawn from. */
export type TrafficMapInput = IConstruct | readonly LoadedManifest[] | readonly object[];

export interface TrafficMapOptions {
  /**
   * The cluster DNS domain, for the fully qualified Service names.
   * @default 'cluster.local'
   */
  readonly clusterDomain?: string;
}

/**
 * Every way in: one entry per Service, per Ingress URL and per Gateway API
 * route URL (Gateway + HTTPRoute manifests), with the pods
 * behind them. Reads the objects exactly as they are written (an App, a
 * Chart, any construct, or manifests from `readManifests`), never a second
 * description, so the map cannot drift from what is applied.
 */
export function trafficMap(input: TrafficMapInput, options: TrafficMapOptions = {}): TrafficMap {
  const manifests = manifestsOf(input);
  const groups = podGroups(manifests);
  const services = describeServices(manifests, groups, options.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN);
  const ingressUrls = describeIngressUrls(manifests);
  const isolation = describeIsolation(manifests);
  const isolatedNamespaces = describeIsolatedNamespaces(manifests);
  return {
    services,
    ingressUrls,
    ingressControllers: describeIngressControllers(manifests, ingressUrls, groups, services),
    gateways: describeGateways(manifests),
    gatewayUrls: describeGatewayUrls(manifests),
    ...(isolation ? { isolation } : {}),
    ...(isolatedNamespaces ? { isolatedNamespaces } : {}),
  };
}

function manifestsOf(input: TrafficMapInput): any[] {
  if (isConstruct(input)) return synthesizedObjects(input).map((o) => o.manifest);
  return (input as readonly any[]).map((item) => (isLoaded(item) ? item.manifest : item));
}

function isConstruct(input: TrafficMapInput): input is IConstruct {
  return !Array.isArray(input) && typeof (input as IConstruct).node === 'object';
}

function isLoaded(item: any): item is LoadedManifest {
  return item !== null && typeof item === 'object' && 'manifest' in item && 'file' in item && !('kind' in item);
}
