import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { markClusterScoped } from '../../core/cluster-scoped';

/**
 * Where the vendored CRDs come from. `scripts/vendor-ngf-crds.ts` writes the
 * JSON file from upstream's deploy/crds.yaml and prints these values; a test
 * holds the file to `jsonSha256`.
 */
export const NGF_CRDS_SOURCE = {
  repository: 'https://github.com/nginx/nginx-gateway-fabric',
  tag: 'v2.6.7',
  commit: '5e34a17a8f7787e90f41d1af91258a556f0795b4',
  file: 'deploy/crds.yaml',
  /** sha256 of upstream's deploy/crds.yaml at the tag. */
  upstreamSha256: '942d031b4f5d0cd57194c8d0d6e7a09bddf4ced3e59609dd390db013434ec8fa',
  /** sha256 of the committed compact form, lib/addons/nginx-gateway-fabric/crds-v2.6.7.json. */
  jsonSha256: 'dbdb8b9d066910cd37dc5f1b1c3a66f58bfee2bb6058ec3c39afa757d34f0ce4',
  license: 'Apache-2.0',
} as const;

/** A copy of the vendored CRD documents, in upstream's order. */
export function ngfCrdManifests(): any[] {
  const { VENDORED_NGF_CRDS } = require('./crds-data') as typeof import('./crds-data');
  return JSON.parse(JSON.stringify(VENDORED_NGF_CRDS));
}

/**
 * The 11 `gateway.nginx.org` CRDs of NGINX Gateway Fabric v2.6.7 (NginxProxy,
 * NginxGateway and the policies), exactly as upstream's deploy/crds.yaml.
 *
 * Apply them before the install, with server-side apply: the NginxProxy CRD is
 * 320 KB as JSON, over the 262,144-byte annotation client-side `kubectl apply`
 * writes (`kubectl apply --server-side -f <file>`). Put them in a chart of
 * their own that the install's chart depends on: custom resources cannot be
 * created in the same pass as their CRDs.
 */
export class NginxGatewayFabricCrds extends Construct {
  /** The CustomResourceDefinitions, in upstream's order. */
  public readonly crds: ApiObject[];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.crds = ngfCrdManifests().map((crd) => {
      const apiObject = new ApiObject(this, crd.metadata.name, crd);
      markClusterScoped(apiObject);
      return apiObject;
    });
  }
}
