import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { markClusterScoped } from '../../core/cluster-scoped';
import { NetkitError } from '../../core/errors';
import {
  DEFAULT_GATEWAY_API_VERSION, GATEWAY_API_VERSIONS, GatewayApiVersion, gatewayApiBundle, gatewayApiObjects, isGatewayApiVersion,
} from './bundles';
import { checkProps } from '../../core/props';

export interface GatewayApiCrdsProps {
  /**
   * The Gateway API release to install. Pick the one your Gateway controller
   * supports: NGINX Gateway Fabric 2.6.7 builds against v1.5.1 and reports
   * `SupportedVersion=False` (while still working) on v1.6.1. Once v1.6.1 is
   * installed, its safe-upgrades policy denies going back to v1.5.1.
   * @default 'v1.5.1' (DEFAULT_GATEWAY_API_VERSION)
   */
  readonly version?: GatewayApiVersion;
}

/**
 * The Gateway API standard channel, object for object as upstream publishes it
 * in `standard-install.yaml` of the chosen release: every CRD with its
 * `gateway.networking.k8s.io/bundle-version` and `channel` annotations, then
 * the `safe-upgrades.gateway.networking.k8s.io` ValidatingAdmissionPolicy and
 * its binding. The bundles are vendored (scripts/vendor-gateway-api-crds.ts),
 * so nothing is downloaded. A cluster add-on: install it once per cluster,
 * before any Gateway or route, and leave it out where the platform manages
 * Gateway API CRDs itself (GKE, OpenShift, Istio or Cilium installs).
 */
export class GatewayApiCrds extends Construct {
  /** The release installed. */
  public readonly version: GatewayApiVersion;
  /** sha256 of the release's `standard-install.yaml`, which these objects are. */
  public readonly bundleSha256: string;
  /** The CustomResourceDefinitions, keyed by the kind they define (`HTTPRoute`). */
  public readonly customResourceDefinitions: Readonly<Record<string, ApiObject>>;
  /** The ValidatingAdmissionPolicy that denies downgrades and standard → experimental switches. */
  public readonly safeUpgradesPolicy: ApiObject;
  /** Its ValidatingAdmissionPolicyBinding (`validationActions: [Deny]`). */
  public readonly safeUpgradesPolicyBinding: ApiObject;
  /** Every object, in upstream's order. */
  public readonly apiObjects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: GatewayApiCrdsProps = {}) {
    super(scope, id);
    checkProps(this, 'GatewayApiCrdsProps', props);
    const version = props.version ?? DEFAULT_GATEWAY_API_VERSION;
    if (!isGatewayApiVersion(version)) {
      throw new NetkitError(this, {
        field: 'version', message: 'is not a Gateway API release this package carries.', value: version,
        allowed: GATEWAY_API_VERSIONS.join(', '), fix: `use one of ${GATEWAY_API_VERSIONS.join(', ')}, or leave it out for ${DEFAULT_GATEWAY_API_VERSION}.`,
      });
    }
    this.version = version;
    this.bundleSha256 = gatewayApiBundle(version).sha256;
    const crds: Record<string, ApiObject> = {};
    const objects: ApiObject[] = [];
    let policy: ApiObject | undefined;
    let binding: ApiObject | undefined;
    for (const manifest of gatewayApiObjects(version)) {
      const apiObject = new ApiObject(this, `${manifest.kind}-${manifest.metadata.name}`, manifest);
      markClusterScoped(apiObject);
      restoreNulls(apiObject, manifest);
      objects.push(apiObject);
      if (manifest.kind === 'CustomResourceDefinition') crds[manifest.spec.names.kind] = apiObject;
      else if (manifest.kind === 'ValidatingAdmissionPolicy') policy = apiObject;
      else if (manifest.kind === 'ValidatingAdmissionPolicyBinding') binding = apiObject;
    }
    this.customResourceDefinitions = crds;
    this.apiObjects = objects;
    // Every vendored bundle has both (a test holds this), so these never throw on a release we ship.
    this.safeUpgradesPolicy = policy!;
    this.safeUpgradesPolicyBinding = binding!;
  }
}

/**
 * cdk8s drops null values when it renders an object; upstream's CRDs carry a
 * few (`status.conditions: null`). JSON patches apply after that step, so
 * they put them back and the output stays exactly upstream's objects.
 */
function restoreNulls(apiObject: ApiObject, manifest: unknown): void {
  const visit = (value: unknown, pointer: string): void => {
    if (value === null) {
      apiObject.addJsonPatch(JsonPatch.add(pointer, null));
    } else if (typeof value === 'object') {
      for (const [key, child] of Object.entries(value as object)) {
        visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(manifest, '');
}
